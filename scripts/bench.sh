#!/usr/bin/env bash
# Builds Pickboard in release (with its .deb) and the bare Tauri window it is compared with, then runs every
# benchmark and prints Markdown tables: through the real app under Xvfb (start-up, memory, board load, round trips,
# drag frames, sizes, each beside its baseline; the chart at 10,000 ideas; ten minutes of use), then the backend
# alone (edits, import and export).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh test
# The UI, the release binary and the .deb, exactly as `tauri build` makes them.
npx --prefix ui tauri build --bundles deb
cargo build --release --locked -p pickboard-bare-window
# Both WebKit settings, the same for Pickboard and the bare window: compositing on (WebKitGTK's default) and off
# (WEBKIT_DISABLE_COMPOSITING_MODE=1, which Pickboard sets on Linux unless the variable is set already). JavaScriptCore's
# optimizing tiers are off and its collections full on both sides in both runs (JSC_useDFGJIT=0 and
# JSC_useGenerationalGC=0, Pickboard's own defaults on Linux; the app benchmark gives the bare window the same).
for mode in 0 1; do
  echo "## WEBKIT_DISABLE_COMPOSITING_MODE=$mode"
  WEBKIT_DISABLE_COMPOSITING_MODE=$mode PICKBOARD_BIN="$PWD/target/release/pickboard" \
    dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" cargo bench -p pickboard-e2e --locked --bench ui
  # The chart at 10,000 placed ideas: first paint after a click on Chart, and frames while a marker is dragged.
  WEBKIT_DISABLE_COMPOSITING_MODE=$mode PICKBOARD_BIN="$PWD/target/release/pickboard" \
    dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" cargo bench -p pickboard-e2e --locked --bench chart
done
# A key typed in the board's search on 2,000 and 10,000 ideas: the page's time in the key, and to the next frame.
PICKBOARD_BIN="$PWD/target/release/pickboard" \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" cargo bench -p pickboard-e2e --locked --bench typing
# Ten minutes of scripted use (2,000 moves, edits and view switches), in Pickboard's own WebKit setting: memory before
# and after, and where it is.
PICKBOARD_BIN="$PWD/target/release/pickboard" \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" cargo bench -p pickboard-e2e --locked --bench soak
cargo bench -p pickboard --locked --bench storage
cargo bench -p pickboard --locked --bench transfer
cargo bench -p pickboard --locked --bench rounds
