#!/usr/bin/env bash
# Installs what Pickboard needs on Debian 12 and skips what is already there (fonts-dejavu-core: the font the chart
# pictures are drawn with).
#   bash scripts/setup.sh build   system libraries for building the app, and the UI's npm packages
#   bash scripts/setup.sh test    the same, plus Xvfb, WebKitWebDriver and tauri-driver for the end-to-end tests
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-build}"

# libdbus-1-dev: the credential store on Linux (the Secret Service, over D-Bus) keeps the Mattermost token.
build_packages=(libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev libdbus-1-dev
  build-essential file pkg-config fonts-dejavu-core)
# xdotool: end-to-end tests resize the window through X, as a window manager does.
# gnome-keyring: a real Secret Service for the credential-store tests; libsecret-tools: secret-tool, to look into it.
# at-spi2-core, python3-pyatspi: the accessibility bus, and a client of it that hears what a screen reader is told.
test_packages=(xvfb xauth x11-utils xdotool imagemagick webkit2gtk-driver dbus fonts-noto-color-emoji gnome-keyring
  libsecret-tools at-spi2-core python3-pyatspi)
wanted=("${build_packages[@]}")
[ "$mode" = test ] && wanted+=("${test_packages[@]}")

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing system packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  echo "Rust is not installed. Install it with rustup, then run this again." >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

echo "==> Installing the UI's npm packages"
# `npm install` honours package-lock.json; `npm ci` refuses a lockfile that lacks other platforms' optional packages.
(cd ui && npm install --no-audit --no-fund --loglevel=error)

if [ "$mode" = test ] && ! command -v tauri-driver >/dev/null; then
  echo "==> Installing tauri-driver"
  cargo install tauri-driver --locked --version "^2"
fi
