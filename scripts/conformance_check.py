"""Compares `tradestat inspect --format json` (stdin) with expected counts and exact totals.

Usage: conformance_check.py FILE ROWS REJECTED REPEATED "flow CUR=TOTAL;..."
Totals are compared as decimals (exactly), not as floats.
"""
import json
import sys
from decimal import Decimal

file, rows, rejected, repeated = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
totals = sys.argv[5]
doc = json.load(sys.stdin)
got = doc["files"][0]
problems = []
if got["rows_read"] != rows:
    problems.append(f"rows read {got['rows_read']}, expected {rows}")
if got["rows_rejected"] != rejected:
    problems.append(f"rows rejected {got['rows_rejected']}, expected {rejected}")
if got["rows_repeated"] != repeated:
    problems.append(f"rows repeated {got['rows_repeated']}, expected {repeated}")
expected = dict(item.split("=") for item in totals.split(";"))
actual = got["totals"]
if set(expected) != set(actual):
    problems.append(f"flows {sorted(actual)}, expected {sorted(expected)}")
for key, value in expected.items():
    if key in actual and Decimal(actual[key]) != Decimal(value):
        problems.append(f"{key} total {actual[key]}, expected {value}")
if problems:
    print(f"FAIL {file}: " + "; ".join(problems))
    sys.exit(1)
print(f"ok   {file}: {rows} rows, {rejected} rejected, {repeated} repeated, totals exact ({got['layout']})")
