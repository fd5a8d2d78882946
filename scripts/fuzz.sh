#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/) with libFuzzer for SECONDS each (default
# 600), two at a time. Seeds: fuzz/seeds/TARGET (committed); the growing corpus goes to
# fuzz/work/TARGET and crashes to fuzz/artifacts/TARGET (both ignored by git).
# cargo-fuzz needs nightly features: RUSTC_BOOTSTRAP=1 lets the stable toolchain use them.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-600}"; shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(importers claims phrase expression extract)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
run() {
  local t="$1"
  mkdir -p "work/$t" "artifacts/$t"
  cargo fuzz run -O "$t" "work/$t" "seeds/$t" -- -max_total_time="$seconds" -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 > "work/$t.log" 2>&1 && echo "ok   $t: $(grep -E 'stat::number_of_executed_units' "work/$t.log" | tail -1)" \
    || { echo "FAIL $t: see fuzz/work/$t.log and fuzz/artifacts/$t"; return 1; }
}
status=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run "${targets[i]}" & a=$!
  if [ $((i + 1)) -lt ${#targets[@]} ]; then run "${targets[i + 1]}" & b=$!; wait "$b" || status=1; fi
  wait "$a" || status=1
done
exit "$status"
