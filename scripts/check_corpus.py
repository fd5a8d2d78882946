#!/usr/bin/env python3
"""Scores `tradestat check` on the article corpus (tests/fixtures/articles).

Each paragraph has its relations recomputed by hand in expected*.csv (file, kind, quote,
figures, periods, verdict, arithmetic) and its non-trade numbers in nontrade*.csv. For each
expected relation, the script looks for a relation `check` found with the same numbers, and
compares verdicts. It prints the figures docs/verification.md reports:

- found: expected relations matched by a found one (all their amounts among its figures);
- judged alike: of those found, the share with the hand verdict;
- inconsistent flagged: hand-inconsistent relations found and called inconsistent;
- consistent called inconsistent: must be 0;
- claims on non-trade numbers: found relations using a number listed as non-trade (among
  their figures, or the rate they say): must be 0.

Usage: scripts/check_corpus.py --bin target/release/tradestat [--dir tests/fixtures/articles]
       [--min-found 0.9 --min-alike 0.95 --max-false-alarms 0 --max-nontrade 0]
       (exit 1 when a floor is missed)
       [--show-misses]
"""

import argparse
import csv
import glob
import json
import os
import re
import subprocess
import sys


def norm(s):
    return re.sub(r"[\s,]", "", s.strip().strip(",;.").lower())


def read_csvs(folder, pattern):
    rows = []
    for path in sorted(glob.glob(os.path.join(folder, pattern))):
        with open(path, newline="", encoding="utf-8") as f:
            rows.extend(csv.DictReader(f))
    return rows


def verdict_class(v):
    if v in ("consistent", "consistent-by-rounding"):
        return "consistent"
    return v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--dir", default="tests/fixtures/articles")
    ap.add_argument("--min-found", type=float, default=None)
    ap.add_argument("--min-alike", type=float, default=None)
    ap.add_argument("--max-false-alarms", type=int, default=None)
    ap.add_argument("--max-nontrade", type=int, default=None)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()

    expected = read_csvs(args.dir, "expected*.csv")
    nontrade = read_csvs(args.dir, "nontrade*.csv")
    files = sorted({r["file"] for r in expected} | {r["file"] for r in nontrade})
    found = {}
    # Files `check` failed on (a crash or an error): the run fails whatever the floors.
    failed = []
    for name in files:
        path = os.path.join(args.dir, name)
        run = subprocess.run([args.bin, "check", path, "--format", "json"], capture_output=True, text=True)
        if run.returncode not in (0, 1):
            print(f"{name}: exit {run.returncode}: {run.stderr.strip()}", file=sys.stderr)
            failed.append(name)
            found[name] = {"claims": [], "numbers": []}
            continue
        found[name] = json.loads(run.stdout)

    totals = {"expected": 0, "found": 0, "alike": 0, "inconsistent": 0, "flagged": 0, "false_alarm": 0}
    by_kind = {}
    misses = []
    used = {name: set() for name in files}
    for row in expected:
        name = row["file"]
        figures = [f for f in (x.strip() for x in row["figures"].split("|")) if f]
        # The stated result first; amounts after.
        stated, amounts = (figures[0], figures[1:]) if figures else ("", [])
        kind = row["kind"]
        hand = row["verdict"].strip()
        totals["expected"] += 1
        k = by_kind.setdefault(kind, {"expected": 0, "found": 0, "alike": 0})
        k["expected"] += 1
        if hand == "inconsistent":
            totals["inconsistent"] += 1
        match = None
        for i, claim in enumerate(found[name]["claims"]):
            printed = [norm(f["printed"]) for f in claim["figures"]]
            says = norm(claim["says"])
            pool = printed + [says]
            need = amounts if kind not in ("sum", "balance") else amounts + [stated]
            need = [norm(a) for a in need]
            if not need:
                # Only the stated number ("Imports also dropped by 2.8%"): the relation
                # that says it.
                if stated and norm(stated) in says:
                    match = (i, claim)
                    if i not in used[name]:
                        break
                continue
            if all(any(n == p or n in p or (p and p in n) for p in pool) for n in need):
                if kind not in ("sum", "balance") and stated and norm(stated) not in says and says not in norm(stated):
                    # the stated percentage or word must be the one the relation says
                    if not any(norm(stated) in p for p in pool):
                        continue
                match = (i, claim)
                if i not in used[name]:
                    break
        if match is None:
            misses.append((name, kind, row["quote"], hand, "not found"))
            continue
        used[name].add(match[0])
        totals["found"] += 1
        k["found"] += 1
        got = verdict_class(match[1]["verdict"])
        if got == verdict_class(hand):
            totals["alike"] += 1
            k["alike"] += 1
        else:
            misses.append((name, kind, row["quote"], hand, f"judged {match[1]['verdict']}: {match[1]['explanation']}"))
        if hand == "inconsistent" and got == "inconsistent":
            totals["flagged"] += 1
        if verdict_class(hand) == "consistent" and got == "inconsistent":
            totals["false_alarm"] += 1

    nontrade_claims = []
    for row in nontrade:
        name = row["file"]
        p = norm(row["printed"])
        for claim in found.get(name, {}).get("claims", []):
            # A percentage is "built on" also when it is the rate the relation says.
            rate = re.search(r"%|per ?cent", row["printed"], re.I) is not None
            if any(norm(f["printed"]) == p for f in claim["figures"]) or (
                rate and re.search(r"(?<![\d.])" + re.escape(p), norm(claim["says"]))
            ):
                nontrade_claims.append((name, row["printed"], claim["says"]))
    extra = sum(len(found[n]["claims"]) - len(used[n]) for n in files)
    # Relations check reports that the hand did not list, called inconsistent: each is
    # either an error the hand missed or a false alarm; read them (--show-misses).
    extra_inconsistent = sum(
        1
        for n in files
        for i, c in enumerate(found[n]["claims"])
        if i not in used[n] and c["verdict"] == "inconsistent"
    )

    e = totals["expected"]
    f = totals["found"]
    print(f"paragraphs: {len(files)}; expected relations: {e}")
    print(f"found: {f}/{e} = {f / e:.1%}" if e else "found: -")
    print(f"judged alike: {totals['alike']}/{f} = {totals['alike'] / f:.1%}" if f else "judged alike: -")
    print(f"inconsistent flagged: {totals['flagged']}/{totals['inconsistent']}")
    print(f"consistent called inconsistent: {totals['false_alarm']}")
    print(f"claims on non-trade numbers: {len(nontrade_claims)}")
    print(f"relations found beyond the expected ones: {extra}, of them called inconsistent: {extra_inconsistent}")
    for kind, k in sorted(by_kind.items()):
        print(f"  {kind:13} found {k['found']:3}/{k['expected']:3}, alike {k['alike']:3}")
    if args.show_misses:
        for m in misses:
            print("MISS", *m, sep=" | ")
        for m in nontrade_claims:
            print("NONTRADE", *m, sep=" | ")
        for name in files:
            for i, claim in enumerate(found[name]["claims"]):
                if i not in used[name]:
                    print("EXTRA", name, claim["kind"], claim["says"], claim["verdict"], claim["explanation"][:140], sep=" | ")
    ok = not failed
    if failed:
        print(f"check failed on {len(failed)} file(s): {', '.join(failed)}", file=sys.stderr)
    if args.min_found is not None and e and f / e < args.min_found:
        ok = False
    if args.min_alike is not None and f and totals["alike"] / f < args.min_alike:
        ok = False
    if args.max_false_alarms is not None and totals["false_alarm"] > args.max_false_alarms:
        ok = False
    if args.max_nontrade is not None and len(nontrade_claims) > args.max_nontrade:
        ok = False
    if not ok:
        print("below the floors given", file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
