#!/usr/bin/env python3
"""Benchmark many files: worker processes (-j), the result cache and the crossover.

Usage (from the project root, with newslint installed):

    python bench/bench_jobs.py [FOLDER] [--times 4] [--repeat 3]

The corpus (default ../shared/corpus/gnad) is copied ``--times`` times into a
temporary folder at run time (never into the repository). Every figure is the
best of ``--repeat`` runs of the real command in a fresh process
(``newslint check --format json --fail-on never``); CPU seconds (user + system,
all processes) are printed beside wall seconds, so a loaded machine can be told
from a slow program. Peak memory is the largest resident set of any single
process of the run (the parent or one worker).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"


def newslint() -> list[str]:
    exe = shutil.which("newslint")
    return [exe] if exe else [sys.executable, "-m", "lint"]


def timed(args: list[str], repeat: int, env: dict, before=None) -> tuple[float, float, float]:
    """Best wall seconds, the CPU seconds of that run, and the peak RSS (MB) of any process."""
    best, cpu, peak = float("inf"), 0.0, 0.0
    for _ in range(repeat):
        if before is not None:
            before()
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode == 2:
            sys.exit(f"benchmark aborted: {' '.join(args[:8])} ... failed:\n{done.stderr[-2000:]}")
        if wall < best:
            best = wall
            cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
        peak = max(peak, after.ru_maxrss / 1024)
    return best, cpu, peak


def words(files: list[Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8").split()) for f in files)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--times", type=int, default=4, help="copies of the corpus (default 4)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".txt", ".md", ".html"))
    cmd = [*newslint(), "check", "--format", "json", "--fail-on", "never"]
    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
        work = Path(tmp)
        big = work / "corpus"
        for copy in range(args.times):
            folder = big / f"copy{copy}"
            folder.mkdir(parents=True)
            for f in files:
                shutil.copyfile(f, folder / f.name)
        n = words(files) * args.times
        env = {**os.environ, "NEWSLINT_CACHE_DIR": str(work / "cache")}
        env.pop("NEWSLINT_NO_CACHE", None)
        env.pop("NEWSLINT_CHARS_PER_WORKER", None)
        subprocess.run([*cmd, "--no-cache", str(ROOT / "seeds")], env=env, capture_output=True, check=False)  # warm

        print(f"corpus x{args.times}: {len(files) * args.times} files, {n:,} words; {os.cpu_count()} CPUs")
        one, one_cpu, peak1 = timed([*cmd, "--no-cache", "-j", "1", str(big)], args.repeat, env)
        two, two_cpu, peak2 = timed([*cmd, "--no-cache", "-j", "2", str(big)], args.repeat, env)
        print(f"  -j 1:       {one:6.2f} s  {n / one:9,.0f} words/s  (cpu {one_cpu:5.2f} s, peak {peak1:4.0f} MB)")
        print(f"  -j 2:       {two:6.2f} s  {n / two:9,.0f} words/s  (cpu {two_cpu:5.2f} s, peak per process {peak2:4.0f} MB)")
        print(f"  speed-up -j 2 over -j 1: {one / two:4.2f}x (target 1.7x)")

        def empty_cache():
            shutil.rmtree(work / "cache" / "results", ignore_errors=True)

        cold, cold_cpu, _ = timed([*cmd, str(big)], args.repeat, env, before=empty_cache)
        cached, cached_cpu, _ = timed([*cmd, str(big)], args.repeat, env)
        print(f"  cold run (cache written): {cold:6.2f} s (cpu {cold_cpu:5.2f} s)")
        print(f"  cached re-run:            {cached:6.2f} s (cpu {cached_cpu:5.2f} s): {cold / cached:4.1f}x faster (target 10x)")

        seeds_default, _, _ = timed([*cmd, "--no-cache", str(ROOT / "seeds")], args.repeat, env)
        seeds_one, _, _ = timed([*cmd, "--no-cache", "-j", "1", str(ROOT / "seeds")], args.repeat, env)
        print(f"  four seeds: default jobs {seeds_default * 1000:5.0f} ms, -j 1 {seeds_one * 1000:5.0f} ms")

        print("  crossover (workers forced on with NEWSLINT_CHARS_PER_WORKER=1):")
        forced = {**env, "NEWSLINT_CHARS_PER_WORKER": "1"}
        for count in (4, 16, 64, 256, len(files)):
            subset = work / f"subset{count}"
            subset.mkdir()
            for f in files[:count]:
                shutil.copyfile(f, subset / f.name)
            chars = sum(len(f.read_text(encoding="utf-8")) for f in files[:count])
            a, _, _ = timed([*cmd, "--no-cache", "-j", "1", str(subset)], args.repeat, env)
            b, _, _ = timed([*cmd, "--no-cache", "-j", "2", str(subset)], args.repeat, forced)
            print(f"    {count:4d} files {chars / 1e6:5.2f} M chars: -j 1 {a:5.2f} s, -j 2 {b:5.2f} s ({a / b:4.2f}x)")


if __name__ == "__main__":
    main()
