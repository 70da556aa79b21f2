#!/usr/bin/env bash
# Benchmarks through the real app under Xvfb, and prints their figures as Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh test
(cd ui && npx vite build --logLevel warn)
cargo build --release -p pickboard --locked
PICKBOARD_BIN="$PWD/target/release/pickboard" xvfb-run -a -s "-screen 0 1280x800x24" cargo bench -p pickboard-e2e --locked --bench ui
