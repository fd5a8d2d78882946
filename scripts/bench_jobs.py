#!/usr/bin/env python3
"""The columnar-core benchmark (issue 15): tradestat against the peers in ../shared/bench
on the jobs every command does, interleaved, with peak memory.

Jobs:
  pair    `summary DOTS --reporter CHN --partner PRK` on the real DOTS download (gzip)
          against peer_polars_pair.py and peer_duckdb_pair.py (yearly.csv)
  world   `metrics BACI --reporter 643 --metric rca,hhi --flow exports --level 2` on a
          generated BACI file against peer_polars_world.py and peer_duckdb_world.py
  read    `inspect` and `convert` of the same BACI file (tradestat only: memory)

Each job: one warm-up of every tool, then ROUNDS rounds run interleaved (A B C A B C ...);
medians of wall time, CPU time (user + sys) and peak memory (max RSS, /usr/bin/time);
"÷" columns are medians of the per-round ratios tool ÷ the Polars peer. tradestat's
answers are checked against the Polars peer's: the pair's exports, imports, turnover and
balance per year, and per (year, HS2) the exports and RCA, per year the number of
partners and the HHI (tradestat prints no world-exports column: it is not compared).

usage: scripts/bench_jobs.py --bin target/release/tradestat [--jobs pair,world,read]
                             [--rows 10000000] [--rounds 5] [--scratch DIR]
"""
import argparse
import csv
import io
import os
import statistics
import subprocess
import sys
import tempfile
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
BENCH = os.path.join(SHARED, "bench")
DOTS = os.path.join(SHARED, "data", "real", "dots", "dots_long.csv.gz")
SCALE = {"": 0, "thousand": 3, "million": 6, "billion": 9, "trillion": 12}


def timed(cmd, stdout=None):
    """Runs cmd under /usr/bin/time; returns (wall, cpu, max_rss_mib)."""
    with tempfile.NamedTemporaryFile("r") as out:
        r = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", out.name] + cmd,
                           stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr.decode()[-2000:]}")
        wall, user, sys_, rss = out.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024


def to_units(value, unit, target_exp):
    """A tradestat CSV value in `unit` ("USD million") as a Decimal in 10^target_exp."""
    words = unit.split(" ", 1)
    exp = SCALE[words[1] if len(words) > 1 else ""]
    return Decimal(value).scaleb(exp - target_exp)


def close(a, b):
    a, b = float(a), float(b)
    return abs(a - b) <= 1e-6 + 1e-9 * max(abs(a), abs(b))


def check_pair(tradestat_csv, peer_dir):
    got = {}
    for row in csv.DictReader(io.StringIO(tradestat_csv)):
        if row["measure"] in ("exports", "imports", "turnover", "balance") and row["value"]:
            got[(row["period"], row["measure"])] = to_units(row["value"], row["unit"], 6)
    n = 0
    with open(os.path.join(peer_dir, "yearly.csv")) as f:
        for row in csv.DictReader(f):
            for m in ("exports", "imports", "turnover", "balance"):
                mine = got.get((row["year"], m))
                if (row[m] == "") != (mine is None) or (mine is not None and not close(mine, row[m])):
                    sys.exit(f"pair: {row['year']} {m}: tradestat {mine}, peer {row[m]!r}")
                n += 1
    return f"pair: {n} values equal the Polars peer's"


def check_world(tradestat_csv, peer_dir):
    got = {}
    for row in csv.DictReader(io.StringIO(tradestat_csv)):
        keys = dict(k.split("=") for k in row["keys"].split(";"))
        got[(row["metric"], keys.get("period"), keys.get("product"), row["column"])] = row
    n = 0
    with open(os.path.join(peer_dir, "rca.csv")) as f:
        for row in csv.DictReader(f):
            exports = got[("rca", row["year"], row["hs2"], "exports")]
            rca = got[("rca", row["year"], row["hs2"], "RCA")]
            if not close(to_units(exports["value"], exports["unit"], 3), row["exports"]):
                sys.exit(f"world: exports {row['year']} {row['hs2']}: {exports} vs {row}")
            if not close(rca["value"], row["rca"]):
                sys.exit(f"world: RCA {row['year']} {row['hs2']}: {rca['value']} vs {row['rca']}")
            n += 2
    shown = sum(1 for k in got if k[0] == "rca" and k[3] == "RCA")
    if shown * 2 != n:
        sys.exit(f"world: tradestat has {shown} RCA rows, the peer {n // 2}")
    with open(os.path.join(peer_dir, "partners.csv")) as f:
        for row in csv.DictReader(f):
            partners = got[("hhi", row["year"], None, "N")]["value"]
            hhi = got[("hhi", row["year"], None, "HHI (0–1)")]["value"]
            if int(partners) != int(row["partners"]) or not close(hhi, row["hhi"]):
                sys.exit(f"world: partners {row['year']}: {partners} {hhi} vs {row}")
            n += 2
    return f"world: {n} values equal the Polars peer's"


def run_job(name, tools, rounds, peer="polars"):
    for cmd in tools.values():
        timed(cmd)
    results = {t: [] for t in tools}
    for _ in range(rounds):
        for t, cmd in tools.items():
            results[t].append(timed(cmd))
    med = statistics.median
    print(f"\n{name}: {rounds} interleaved rounds after a warm-up; medians")
    print(f"{'tool':<18} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9} {'wall ÷ ' + (peer or '-'):>14} {'mem ÷':>7}")
    base = results.get(peer)
    for t, runs in results.items():
        ratio = (lambda k: med([r[k] / b[k] for r, b in zip(runs, base)])) if base else (lambda k: float("nan"))
        print(f"{t:<18} {med([r[0] for r in runs]):>8.3f} {med([r[1] for r in runs]):>8.3f} "
              f"{med([r[2] for r in runs]):>9.0f} {ratio(0):>14.2f} {ratio(2):>7.2f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--jobs", default="pair,world,read")
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--scratch", default=os.environ.get("SCRATCH", "/tmp/tradestat-bench"))
    ap.add_argument("--python", default=sys.executable, help="the Python that has the peers")
    args = ap.parse_args()
    os.makedirs(args.scratch, exist_ok=True)
    py = args.python
    out = lambda n: os.path.join(args.scratch, n)
    jobs = args.jobs.split(",")

    if "pair" in jobs:
        ts = [args.bin, "summary", DOTS, "--reporter", "CHN", "--partner", "PRK", "--format", "csv"]
        subprocess.run([py, os.path.join(BENCH, "peer_polars_pair.py"), DOTS, out("pair_polars")], check=True)
        print(check_pair(subprocess.run(ts, capture_output=True, text=True, check=True).stdout,
                         out("pair_polars")))
        run_job("pair in the real DOTS download (2.6M rows, gzip)", {
            "tradestat": ts,
            "polars": [py, os.path.join(BENCH, "peer_polars_pair.py"), DOTS, out("pair_polars")],
            "duckdb": [py, os.path.join(BENCH, "peer_duckdb_pair.py"), DOTS, out("pair_duckdb")],
        }, args.rounds)

    if "world" in jobs or "read" in jobs:
        baci = out(f"baci_{args.rows}.csv")
        if not os.path.exists(baci):
            subprocess.run([py, os.path.join(BENCH, "gen_baci.py"), "--rows", str(args.rows),
                            "--seed", "1", "--out", baci], check=True)

    if "world" in jobs:
        ts = [args.bin, "metrics", baci, "--reporter", "643", "--metric", "rca,hhi",
              "--flow", "exports", "--level", "2", "--format", "csv"]
        subprocess.run([py, os.path.join(BENCH, "peer_polars_world.py"), baci, out("world_polars")], check=True)
        print(check_world(subprocess.run(ts, capture_output=True, text=True, check=True).stdout,
                          out("world_polars")))
        run_job(f"world shares, {args.rows:,} BACI rows", {
            "tradestat": ts,
            "polars": [py, os.path.join(BENCH, "peer_polars_world.py"), baci, out("world_polars")],
            "duckdb": [py, os.path.join(BENCH, "peer_duckdb_world.py"), baci, out("world_duckdb")],
        }, args.rounds)

    if "read" in jobs:
        run_job(f"read every row, {args.rows:,} BACI rows (tradestat only)", {
            "inspect": [args.bin, "inspect", baci],
            "convert": [args.bin, "convert", baci, "--out", out("converted.csv")],
        }, args.rounds, peer=None)


if __name__ == "__main__":
    main()
