#!/usr/bin/env bash
# The benchmark against the peers (Polars in Python, DuckDB, pandas): see scripts/bench.py
# and docs/performance.md. Builds tradestat in release mode and installs the peers' Python
# packages. Not part of CI (it measures; it does not test).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q numpy pandas pyarrow polars duckdb
command -v /usr/bin/time >/dev/null || apt-get install -y -q time
cargo build --release --quiet
python3 scripts/bench.py --bin "${CARGO_TARGET_DIR:-target}/release/tradestat" "$@"
