#!/usr/bin/env bash
# Regenerates the example charts in reports/examples/ from the bundled data.
# Usage: scripts/examples.sh [path/to/tradestat]   (default: cargo run --release)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then run=("$1"); else run=(cargo run --release --quiet --); fi
data=data/ru-kp-far-east-2019q1.csv
for kind in flows turnover balance composition; do
  "${run[@]}" chart "$data" --kind "$kind" --out "reports/examples/ru-kp-$kind.png"
done
# The example report (exit code 1 is expected: the article's "triple growth" is wrong).
"${run[@]}" report "$data" --claims data/claims/ru-kp-far-east-2019q1.toml \
  --out reports/ru-kp-far-east-2019q1 --force || [ $? -eq 1 ]
