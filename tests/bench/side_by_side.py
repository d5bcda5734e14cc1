#!/usr/bin/env python3
"""Side by side: this build against an older commit, in one run, on the same machine.

This shared machine's speed drifts by 30 % from day to day, so a figure is only worth something
next to a baseline measured at the same moment. The script builds OLD (a commit, default
30e4499) in a temporary worktree, then alternates old and new runs (old, new, old, new, ...) of

  - the Google Benchmarks BM_Factory and BM_FactoryLarge/1095 and /3650 (events per second,
    heap bytes per peak live account),
  - the whole command `salesfab run scenarios/benchmark/contract-example.yaml --replications 10
    --threads 1 --quiet` (wall seconds),

and prints medians and the median of the pairwise new/old ratios. Usage:

  tests/bench/side_by_side.py [--old COMMIT] [--build DIR] [--runs N] [--keep]

--build is the current build (default: build; it needs -DSALESFAB_BENCH=ON, the default, and
salesfab_bench built). Nothing is written into the repository; the old build lives under
/tmp/salesfab-side-by-side-COMMIT and is reused by later calls unless the commit moves.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCENARIO = "scenarios/benchmark/contract-example.yaml"
BENCH_FILTER = "BM_Factory$|BM_FactoryLarge/1095|BM_FactoryLarge/3650"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def build_old(commit):
    sha = subprocess.check_output(["git", "-C", ROOT, "rev-parse", commit], text=True).strip()
    where = os.path.join(tempfile.gettempdir(), "salesfab-side-by-side-" + sha[:12])
    if not os.path.isdir(where):
        run(["git", "-C", ROOT, "worktree", "add", "--detach", where, sha],
            stdout=subprocess.DEVNULL)
    build = os.path.join(where, "build")
    if not os.path.exists(os.path.join(build, "build.ninja")):
        run(["cmake", "-S", where, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release"],
            stdout=subprocess.DEVNULL)
    run(["cmake", "--build", build, "-j2", "--target", "salesfab", "salesfab_bench"],
        stdout=subprocess.DEVNULL)
    return sha, build


def bench(build):
    """One run of the factory benchmarks: {name: (events per second, bytes per account)}."""
    out = subprocess.check_output(
        [os.path.join(build, "salesfab_bench"), "--benchmark_filter=" + BENCH_FILTER,
         "--benchmark_format=json", "--benchmark_min_time=0.5"], text=True,
        stderr=subprocess.DEVNULL)
    figures = {}
    for b in json.loads(out)["benchmarks"]:
        figures[b["name"]] = (b["items_per_second"], b.get("heap_bytes_per_peak_account"))
    return figures


def whole_command(build):
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        run([os.path.join(build, "salesfab"), "run", SCENARIO, "--replications", "10",
             "--threads", "1", "--quiet", "--out", out], cwd=ROOT, stdout=subprocess.DEVNULL)
        return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", default="30e4499", help="the baseline commit (default 30e4499)")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"), help="current build")
    parser.add_argument("--runs", type=int, default=5, help="pairs of runs (default 5, >= 3)")
    parser.add_argument("--keep", action="store_true", help="keep the old worktree")
    args = parser.parse_args()
    if args.runs < 3:
        parser.error("--runs must be at least 3 for a median worth quoting")
    new_build = os.path.abspath(args.build)
    for tool in ("salesfab", "salesfab_bench"):
        if not os.access(os.path.join(new_build, tool), os.X_OK):
            parser.error(f"{new_build}/{tool} is missing: build it first")
    sha, old_build = build_old(args.old)

    samples = {"old": [], "new": []}
    for i in range(args.runs):
        for side, build in (("old", old_build), ("new", new_build)):
            figures = bench(build)
            figures["salesfab run (s)"] = (whole_command(build), None)
            samples[side].append(figures)
        print(f"pair {i + 1}/{args.runs} done", file=sys.stderr)

    print(f"old: {sha[:12]}  new: {new_build}  medians of {args.runs}, ratio = median of "
          "pairwise new/old (for seconds: old/new, so > 1 is faster)")
    print(f"{'figure':32} {'old':>14} {'new':>14} {'ratio':>7}")
    for name in samples["new"][0]:
        old = [s[name][0] for s in samples["old"]]
        new = [s[name][0] for s in samples["new"]]
        seconds = name.endswith("(s)")
        ratios = [(o / n) if seconds else (n / o) for o, n in zip(old, new)]
        unit = "" if seconds else " ev/s"
        print(f"{name:32} {statistics.median(old):14.4g} {statistics.median(new):14.4g} "
              f"{statistics.median(ratios):7.2f}{unit}")
        memory_old = samples["old"][0][name][1]
        memory_new = samples["new"][0][name][1]
        if memory_old and memory_new:
            print(f"{'  bytes per peak live account':32} {memory_old:14.0f} {memory_new:14.0f} "
                  f"{memory_new / memory_old:7.2f}")
    if not args.keep:
        run(["git", "-C", ROOT, "worktree", "remove", "--force", os.path.dirname(old_build)])
        shutil.rmtree(os.path.dirname(old_build), ignore_errors=True)


if __name__ == "__main__":
    main()
