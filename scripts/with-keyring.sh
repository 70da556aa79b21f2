#!/usr/bin/env bash
# Runs a command with a real Secret Service on the current D-Bus session bus: GNOME Keyring, unlocked, keeping its
# keyrings in a temporary folder that is removed afterwards. Use it inside `dbus-run-session`.
#   dbus-run-session -- bash scripts/with-keyring.sh cargo test …
set -euo pipefail
XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME
# --unlock reads the new login keyring's password from standard input and starts the daemon in the background.
eval "$(printf 'pickboard-tests' | gnome-keyring-daemon --unlock --components=secrets)"
# The daemon also leaves when its D-Bus session ends (dbus-run-session's bus goes with the command).
stop() {
  if [ -n "${GNOME_KEYRING_PID:-}" ]; then kill "$GNOME_KEYRING_PID" 2>/dev/null || true; fi
  rm -rf "$XDG_DATA_HOME"
}
trap stop EXIT
"$@"
