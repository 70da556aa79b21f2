#!/usr/bin/env bash
# Runs every check and test of Pickboard, from a fresh Debian 12 machine: formatting and lints, Rust unit and
# integration tests on real SQLite files, the UI's unit tests, and the end-to-end tests that drive the real app
# window under Xvfb through tauri-driver. Screenshots land in tests/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh test

step() { printf '\n==> %s\n' "$*"; }

step "Rust formatting"
cargo fmt --all --check

step "UI types, lint and formatting"
(cd ui && npx tsc -p . && npx eslint . --max-warnings 0 && npx prettier --check .)

step "UI unit tests"
(cd ui && npx vitest run)

step "UI build (the app embeds ui/dist)"
(cd ui && npx vite build --logLevel warn)

step "Rust lints"
cargo clippy --workspace --all-targets --all-features --locked -- -D warnings

step "Rust tests"
cargo test -p pickboard --locked --lib --tests

step "The credential store: a real Secret Service (GNOME Keyring), and none"
dbus-run-session -- bash scripts/with-keyring.sh \
  cargo test -p pickboard --locked --test credential_store -- --ignored a_token_is_kept
env -u DBUS_SESSION_BUS_ADDRESS cargo test -p pickboard --locked --test credential_store -- --ignored without_a_secret

step "App build (with the end-to-end suite's hooks)"
cargo build -p pickboard --locked --features e2e-hooks

step "End-to-end tests (the real app under Xvfb)"
rm -rf tests/artifacts
# Under a D-Bus session bus: a second launch finds the running window through it (tauri-plugin-single-instance), and
# the Mattermost token goes to a real Secret Service on it.
# A test that hangs (a WebDriver call that never returns) fails the run after 40 minutes, not CI's 90.
# Settings kept in memory for the run: the screen-reader test turns accessibility on, and the accessibility bus saves
# that to the person's own settings (dconf) otherwise.
GSETTINGS_BACKEND=memory dbus-run-session -- bash scripts/with-keyring.sh xvfb-run -a -s "-screen 0 1600x1000x24" \
  timeout 40m cargo test -p pickboard-e2e --locked --test cli --test e2e -- --test-threads=1
