#!/usr/bin/env bash
# The profile on a local Ballista cluster against local Polars (scripts/bench_distributed.py,
# docs/distributed.md). Builds tradestat in release mode with the `distributed` feature in
# its own target folder (the first build takes about half an hour on 2 cores). Not part of
# CI (it measures; it does not test).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q numpy
command -v /usr/bin/time >/dev/null || apt-get install -y -q time
DIST_TARGET_DIR="${DIST_TARGET_DIR:-target-distributed}"
CARGO_TARGET_DIR="$DIST_TARGET_DIR" cargo build --release --quiet --features distributed
python3 scripts/bench_distributed.py --bin "$DIST_TARGET_DIR/release/tradestat" "$@"
