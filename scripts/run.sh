#!/usr/bin/env bash
# Builds Pickboard (release, UI embedded) and opens it. Arguments are passed to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh build
(cd ui && npm run build -- --logLevel warn)
cargo build --release -p pickboard --locked
exec ./target/release/pickboard "$@"
