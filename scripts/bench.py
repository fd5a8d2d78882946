#!/usr/bin/env python3
"""The bilateral-profile benchmark (../shared/bench/README.md), interleaved.

Generates the BACI files with ../shared/bench/gen_baci.py (unless present), then runs
tradestat and the peers (Polars in Python, DuckDB, pandas) in rounds A B C D A B C D ...
after a warm-up, checks every output with compare.py, and prints the median wall time,
CPU time (user + sys) and peak memory (max RSS) of each tool, and each peer's median
ratio to tradestat (per-round ratios, then the median).

usage: scripts/bench.py [--rows 10000000] [--rounds 5] [--scratch DIR] [--bin PATH]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "bench"))


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time; returns (wall, cpu, max_rss_mib)."""
    fmt = "%e %U %S %M"
    with tempfile.NamedTemporaryFile("r") as out:
        r = subprocess.run(["/usr/bin/time", "-f", fmt, "-o", out.name] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        if r.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr.decode()[-2000:]}")
        wall, user, sys_, rss = out.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024


def baci_file(scratch, rows):
    """The benchmark job's generated BACI file of `rows` rows in `scratch` (made once)."""
    os.makedirs(scratch, exist_ok=True)
    data = os.path.join(scratch, f"baci_{rows}.csv")
    if not os.path.exists(data):
        subprocess.run([sys.executable, os.path.join(BENCH, "gen_baci.py"), "--rows", str(rows),
                        "--seed", "1", "--out", data], check=True)
    return data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--scratch", default=os.environ.get("SCRATCH", "/tmp/tradestat-bench"))
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "tradestat"))
    ap.add_argument("--peers", default="polars,duckdb,pandas")
    ap.add_argument("--a", default="643")
    ap.add_argument("--b", default="408")
    args = ap.parse_args()
    data = baci_file(args.scratch, args.rows)
    out = lambda name: os.path.join(args.scratch, f"out_{name}")
    tools = {"tradestat": [args.bin, "profile", data, "--reporter", args.a, "--partner", args.b,
                           "--out", out("tradestat")]}
    peers = {
        "polars": [sys.executable, os.path.join(BENCH, "peer_polars.py"), data, out("polars"), "--a", args.a, "--b", args.b],
        "duckdb": [sys.executable, os.path.join(BENCH, "peer_duckdb.py"), data, out("duckdb"), "--a", args.a, "--b", args.b],
        "pandas": [sys.executable, os.path.join(BENCH, "peer_pandas.py"), data, out("pandas"), "--a", args.a, "--b", args.b],
    }
    for p in args.peers.split(","):
        tools[p] = peers[p]
    # Warm-up: page cache, and each tool once.
    for cmd in tools.values():
        timed(cmd)
    results = {name: [] for name in tools}
    for _ in range(args.rounds):
        for name, cmd in tools.items():
            results[name].append(timed(cmd))
    # Every output agrees with DuckDB's (or the first peer's).
    ref = out("duckdb") if "duckdb" in tools else out(next(iter(peers)))
    check = subprocess.run([sys.executable, os.path.join(BENCH, "compare.py"), ref] +
                           [out(n) for n in tools if out(n) != ref], capture_output=True, text=True)
    print(check.stdout, end="")
    if check.returncode != 0:
        sys.exit("outputs differ")

    # The repeat-query cache: first run writes it, then another pair reads it.
    cache_env = dict(os.environ, TRADESTAT_CACHE_DIR=os.path.join(args.scratch, "cache"))
    subprocess.run(["rm", "-rf", cache_env["TRADESTAT_CACHE_DIR"]])
    fill = timed(tools["tradestat"] + ["--cache"], env=cache_env)
    warm = [timed([args.bin, "profile", data, "--reporter", "156", "--partner", "410", "--out",
                   out("cached"), "--cache"], env=cache_env) for _ in range(args.rounds)]

    med = lambda xs: statistics.median(xs)
    print(f"\n{args.rows:,} rows, {args.rounds} interleaved rounds after a warm-up; medians")
    print(f"{'tool':<11} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9} {'wall ÷ tradestat':>17} {'CPU ÷':>7} {'mem ÷':>7}")
    base = results["tradestat"]
    for name, runs in results.items():
        ratio = lambda k: med([r[k] / b[k] for r, b in zip(runs, base)])
        print(f"{name:<11} {med([r[0] for r in runs]):>8.3f} {med([r[1] for r in runs]):>8.3f} "
              f"{med([r[2] for r in runs]):>9.0f} {ratio(0):>17.2f} {ratio(1):>7.2f} {ratio(2):>7.2f}")
    print(f"\ncache: first run (writes the cache) {fill[0]:.3f} s; another pair with a warm cache "
          f"{med([w[0] for w in warm]):.3f} s = {med([w[0] for w in warm]) / fill[0]:.2f}× the first run, "
          f"{med([w[0] for w in warm]) / med([r[0] for r in base]):.2f}× an uncached run; "
          f"peak {med([w[2] for w in warm]):.0f} MiB")


if __name__ == "__main__":
    main()
