#!/usr/bin/env bash
# Loads every file under ../shared/data/real/ (real downloads in their real layouts) and
# checks what tradestat reads against row counts and exact totals computed independently
# (with Python's decimal module, from the raw files). Run by .ci/run after the tests.
# Fails loudly if a file is missing or any number differs.
set -euo pipefail
cd "$(dirname "$0")/.."
REAL="${TRADESTAT_REAL_DATA:-../shared/data/real}"
BIN="${TRADESTAT_BIN:-${CARGO_TARGET_DIR:-target}/debug/tradestat}"
[ -d "$REAL" ] || { echo "conformance: $REAL is missing" >&2; exit 1; }
[ -x "$BIN" ] || { echo "conformance: $BIN is missing (run cargo build first)" >&2; exit 1; }
fail=0
checked=0

# file | options (shell words) | rows read | rows rejected | rows repeated (exact repeats,
# counted once) | exact totals in base units
# The DOTS files' repeats were counted with Python's csv and decimal modules: a row whose
# reporter, partner, year, flow and value equal an earlier row's (none conflict); the 13
# rows dots_long.csv.gz rejects are its negative values. latin1-wide-pivot.csv has two
# columns for one economy ("Macedonia", "TFYR of Macedonia"): 51 rows hold equal values in
# both (repeats), 3 do not (conflicts, rejected).
while IFS='|' read -r file options rows rejected repeated totals; do
  [ -z "$file" ] && continue
  path="$REAL/$file"
  if [ ! -f "$path" ]; then echo "FAIL $file: missing"; fail=1; continue; fi
  eval "args=($options)"
  if ! out=$("$BIN" inspect "$path" "${args[@]}" --format json 2>/tmp/conformance.err); then
    echo "FAIL $file: tradestat refused it: $(head -c 300 /tmp/conformance.err)"; fail=1; continue
  fi
  if python3 scripts/conformance_check.py "$file" "$rows" "$rejected" "$repeated" "$totals" <<< "$out"; then
    checked=$((checked + 1))
  else
    fail=1
  fi
done <<'TABLE'
canonical-subsets/census-usa-chn-2018-2019.csv||48|0|0|export USD=226762600000;import USD=987625100000
canonical-subsets/dots-chn-prk.csv||18|0|0|export USD=25391619473.0000005;import USD=15619207165
canonical-subsets/dots-rus-prk.csv||18|0|0|export USD=585216182;import USD=54138313
canonical-subsets/kosis-kor-chn-2018-2019.csv||48|0|0|export USD=298327589000;import USD=213717329000
canonical-subsets/ru-fe-kp-2019q1.csv||4|0|0|export USD=19750000;import USD=20000;turnover USD=30720000
comtrade-legacy/india-iron-steel-exports-2017.csv||3658|0|0|export USD=9197072558
comtrade-legacy/live-animal-trade.csv||127|0|0|export USD=14522499437;import USD=13238273965;re-export USD=101113420;re-import USD=25999234
comtrade-v1/HS-5e2730_api.csv||4|0|0|export USD=74162897582;import USD=81055400218
comtrade-v1/HS-60a6ad_api.csv||4|0|0|export USD=74162897582;import USD=81055400218
comtrade-v1/vignette_data_1.csv||20|0|0|import USD=3527072794479
comtrade-v1/vignette_data_10.csv||100|0|0|export USD=42852905147
comtrade-v1/vignette_data_2.csv||33|0|0|export USD=6547095922839
comtrade-v1/vignette_data_3.csv||1586|0|0|export USD=14558274809;import USD=290572819;re-import USD=34273363
comtrade-v1/vignette_data_4.csv||173358|0|0|import USD=969725754789.299
comtrade-v1/vignette_data_5.csv||5004|0|0|import USD=969725754789.195
comtrade-v1/vignette_data_7.csv||1|0|0|import USD=111298413237
comtrade-v1/vignette_data_8.csv||2|0|0|export USD=24392004;import USD=115151008
comtrade-v1/vignette_data_9.csv||4|0|0|export USD=308262682.92;import USD=1511725405.08
dots/dots_2010_2020.csv||755461|0|6531|export USD=3741474184798730.630369252;import USD=3800969418951147.00171171603398
dots/dots_dprk_all_partners.csv||19388|0|81|export USD=706300880146.762839633159658;import USD=754139406905.795097326477503
dots/dots_focus_CHN_RUS_KOR_PRK.csv||108226|0|523|export USD=360074286953446.974262527758624;import USD=389187759018310.042288403725063
dots/dots_long.csv.gz||2607443|13|26426|export USD=6969431503571344.4181576972503847;import USD=7097966068564061.6489139492072759
edge-cases/comtrade-plus-semicolon-formatted.csv||54|0|0|export USD=152551422953;import USD=350114126414
edge-cases/latin1-wide-pivot.csv|--encoding latin1 --wide partner --map commodity=Product,note=Commodity --set reporter=IND --set flow=export --set period=2018|54|3|51|export USD=9765307167
national-customs/korea-china-trade-data.csv|--map partner=Country,period=Date --set reporter=KOR --wide flow --unit "USD thousand"|228|0|0|export USD=1896775232000;import USD=1264338893000
national-customs/japan-china-trade-data.csv|--map period=Date --set reporter=JPN --set partner=CHN --wide flow --unit "JPY thousand"|228|0|0|export JPY=213586023892000;import JPY=273230825775000
national-customs/usa-china-trade-data.csv|--map period=Month --set reporter=USA --set partner=CHN --wide flow --unit "USD million"|228|0|0|export USD=1541318500000;import USD=6600682800000
TABLE

# Reference tables and lists that are not trade data must be refused with a clear message.
for file in codes/comtrade-partners.csv codes/comtrade-reporters.csv codes/hs2_chapters.csv \
            codes/iso3166-m49.csv comtrade-v1/vignette_data_6.csv; do
  path="$REAL/$file"
  if [ ! -f "$path" ]; then echo "FAIL $file: missing"; fail=1; continue; fi
  if "$BIN" inspect "$path" >/dev/null 2>/tmp/conformance.err; then
    echo "FAIL $file: read as trade data"; fail=1
  elif grep -q "cannot tell the layout" /tmp/conformance.err; then
    echo "ok   $file: refused (not trade data)"; checked=$((checked + 1))
  else
    echo "FAIL $file: unexpected error: $(head -c 200 /tmp/conformance.err)"; fail=1
  fi
done

# Every file of the folder is covered by a check above.
all=$(cd "$REAL" && find . -type f \( -name '*.csv' -o -name '*.csv.gz' \) | wc -l)
if [ "$checked" -ne "$all" ]; then
  echo "FAIL: $all data files in $REAL, $checked checked (a new file needs a line here)"; fail=1
fi

# One table, three spellings of the pair (issue: ISO, IMF names, M49 numbers).
dots="$REAL/dots/dots_2010_2020.csv"
a=$("$BIN" summary "$dots" --reporter CHN --partner PRK 2>/dev/null | md5sum)
b=$("$BIN" summary "$dots" --reporter "China, P.R.: Mainland" --partner "Korea, Dem. People's Rep." 2>/dev/null | md5sum)
c=$("$BIN" summary "$dots" --reporter 156 --partner 408 2>/dev/null | md5sum)
if [ "$a" = "$b" ] && [ "$b" = "$c" ]; then
  echo "ok   DOTS China–North Korea: the same table for CHN/PRK, IMF names and 156/408"
else
  echo "FAIL DOTS China–North Korea: the three spellings give different tables"; fail=1
fi

if [ "$fail" -ne 0 ]; then echo "conformance: FAILED"; exit 1; fi
echo "conformance: all $checked files as expected"
