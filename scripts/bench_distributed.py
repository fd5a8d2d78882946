#!/usr/bin/env python3
"""The bilateral profile (or world shares) on a local Ballista cluster against local, interleaved.

One binary built with `--features distributed` runs both engines, so the comparison is the
engine alone: `tradestat profile FILE ...` (local Polars) and the same with
`--engine ballista://...` on a cluster started here with `tradestat cluster start`
(a scheduler and N executors on 127.0.0.1). A warm-up of each, then rounds run
interleaved (local, cluster, local, ...); every cluster output must be byte-identical to
the local one. Reported: median wall time of each; the CPU time of the client and of the
cluster processes (from /proc, per run); the client's peak memory; the cluster
processes' peak resident memory (VmHWM, over the whole run).

With `--files F...` the job is world shares instead, `metrics F... --reporter A --metric
rca --level 2` (several files, one per year, as one table on the cluster), and the printed
outputs must be byte-identical.

usage: scripts/bench_distributed.py --bin PATH [--rows 10000000] [--rounds 5]
           [--executors 2] [--vcores 1] [--scratch DIR] [--default-bin PATH]
           [--files F... [--metric rca]]
"""
import argparse
import filecmp
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from bench import baci_file  # scripts/bench.py: the same generated file

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    total = 0.0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICK
        except OSError:
            pass
    return total


def peak_mib(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def timed(cmd, cluster_pids):
    """Runs cmd under /usr/bin/time: (wall, client CPU, client peak MiB, cluster CPU)."""
    before = cpu_seconds(cluster_pids)
    with tempfile.NamedTemporaryFile("r") as out:
        r = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", out.name] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr.decode()[-2000:]}")
        wall, user, sys_, rss = out.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024, cpu_seconds(cluster_pids) - before


def same_outputs(a, b):
    names = ["yearly.csv", "chapters.csv", "partners.csv"]
    match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return match == names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True, help="tradestat built with --features distributed")
    ap.add_argument("--default-bin", help="also time the default build's local engine")
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--executors", type=int, default=2)
    ap.add_argument("--vcores", type=int, default=1)
    ap.add_argument("--scratch", default=os.environ.get("SCRATCH", "/tmp/tradestat-bench"))
    ap.add_argument("--a", default="643")
    ap.add_argument("--b", default="408")
    ap.add_argument("--files", nargs="+", help="world shares of --a over these BACI files")
    ap.add_argument("--metric", default="rca")
    args = ap.parse_args()
    data = None if args.files else baci_file(args.scratch, args.rows)
    state = os.path.join(args.scratch, "cluster")
    t0 = time.monotonic()
    engine = subprocess.run([args.bin, "cluster", "start", "--executors", str(args.executors),
                             "--vcores", str(args.vcores), "--state", state],
                            check=True, capture_output=True, text=True).stdout.strip()
    startup = time.monotonic() - t0
    try:
        recorded = json.load(open(os.path.join(state, "cluster.json")))
        pids = [recorded["scheduler_pid"]] + recorded["executor_pids"]
        out = lambda name: os.path.join(args.scratch, f"out_{name}")
        if args.files:
            # The printed table, saved by a shell so /usr/bin/time measures tradestat alone.
            job = lambda binary, name: ["sh", "-c", 'exec "$0" "$@" > ' + out(name) + ".txt",
                                        binary, "metrics", *args.files, "--reporter", args.a,
                                        "--metric", args.metric, "--level", "2"]
        else:
            job = lambda binary, name: [binary, "profile", data, "--reporter", args.a,
                                        "--partner", args.b, "--out", out(name)]
        tools = {"local": job(args.bin, "local"),
                 "cluster": job(args.bin, "cluster") + ["--engine", engine]}
        if args.default_bin:
            tools["local (default build)"] = job(args.default_bin, "default")
        for cmd in tools.values():
            timed(cmd, pids)
        results = {name: [] for name in tools}
        for _ in range(args.rounds):
            for name, cmd in tools.items():
                results[name].append(timed(cmd, pids))
        for name in tools:
            key = {"local": "local", "cluster": "cluster"}.get(name, "default")
            same = (filecmp.cmp(out("local") + ".txt", out(key) + ".txt", shallow=False)
                    if args.files else same_outputs(out("local"), out(key)))
            if not same:
                sys.exit(f"{name}: output differs from the local engine's")
        print("every output byte-identical to the local engine's")
        peaks = [peak_mib(p) for p in pids]
        per_process = [cpu_seconds([p]) for p in pids]
    finally:
        subprocess.run([args.bin, "cluster", "stop", "--state", state], capture_output=True)

    med = statistics.median
    what = f"{len(args.files)} files" if args.files else f"{args.rows:,} rows"
    print(f"\n{what}; cluster: a scheduler and {args.executors} executor(s) x "
          f"{args.vcores} slot(s) on 127.0.0.1 (started in {startup:.2f} s); "
          f"{args.rounds} interleaved rounds after a warm-up; medians")
    print(f"{'engine':<22} {'wall s':>8} {'client CPU s':>13} {'cluster CPU s':>14} "
          f"{'client MiB':>11} {'wall ÷ local':>13}")
    base = results["local"]
    for name, runs in results.items():
        ratio = med([r[0] / b[0] for r, b in zip(runs, base)])
        print(f"{name:<22} {med([r[0] for r in runs]):>8.3f} {med([r[1] for r in runs]):>13.3f} "
              f"{med([r[3] for r in runs]):>14.3f} {med([r[2] for r in runs]):>11.0f} {ratio:>13.2f}")
    print("cluster processes' peak resident MiB (scheduler, executors): "
          + ", ".join(f"{p:.0f}" for p in peaks))
    print("cluster processes' CPU s over the whole run, warm-up included (scheduler, "
          "executors): " + ", ".join(f"{c:.1f}" for c in per_process))


if __name__ == "__main__":
    main()
