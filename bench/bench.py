#!/usr/bin/env python3
"""Benchmark newslint: start-up, words per second, peak memory and the cost of each pack.

Usage (from the project root, with newslint installed):

    python bench/bench.py [FOLDER]           # default: ../shared/corpus/gnad
    python bench/bench.py FOLDER --repeat 3

Every figure is the best of ``--repeat`` runs of the real command in a fresh
process (``newslint check --format json --fail-on never --no-cache``), so start-up and the
lazy loading of packs and data are included, as a user would see them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"
PACKS = ("hype", "sources", "translation", "readability")


def newslint() -> list[str]:
    exe = shutil.which("newslint")
    return [exe] if exe else [sys.executable, "-m", "lint"]


def timed(args: list[str], repeat: int) -> tuple[float, float]:
    """Best wall time and the peak RSS (MB) of the child over ``repeat`` runs."""
    best = float("inf")
    peak = 0.0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
        if done.returncode == 2:
            sys.exit(f"benchmark aborted: {' '.join(args[:6])} ... failed:\n{done.stderr[-2000:]}")
        best = min(best, time.perf_counter() - start)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, before / 1024)
    return best, peak


def words(files: list[Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8").split()) for f in files)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cmd = newslint()
    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".txt", ".md", ".html"))
    n = words(files)
    # --no-cache: the figures are for linting; bench/bench_jobs.py measures the result cache
    check = [*cmd, "check", "--format", "json", "--fail-on", "never", "--no-cache"]

    version, _ = timed([*cmd, "--version"], args.repeat)
    seeds, _ = timed([*check, str(ROOT / "seeds")], args.repeat)
    one = next(iter(sorted((ROOT / "seeds").glob("*.txt"))))
    single, _ = timed([*check, str(one)], args.repeat)
    print(f"start-up (--version):      {version * 1000:7.0f} ms   (budget 150 ms)")
    print(f"one seed file:             {single * 1000:7.0f} ms   (budget 250 ms)")
    print(f"four seeds:                {seeds * 1000:7.0f} ms   (budget 500 ms)")

    base, _ = timed([*check, "--select", "NL", str(args.folder)], args.repeat)
    total, peak = timed([*check, "--ignore", "grammar", str(args.folder)], args.repeat)
    print(f"corpus: {len(files)} files, {n:,} words")
    print(f"  engine only (NL):        {base:6.2f} s")
    for pack in PACKS:
        without, _ = timed([*check, "--ignore", f"grammar,{pack}", str(args.folder)], args.repeat)
        print(f"  {pack:<24} adds {total - without:5.2f} s  (+{(total - without) / without * 100:3.0f}% over all other packs)")
    print(f"  all packs (no LT):       {total:6.2f} s   {n / total:9,.0f} words/s (target 200,000)")
    print(f"  peak memory:             {peak:6.0f} MB  (budget 165 MB)")
    if os.environ.get("CI"):
        print("(CI machines vary; these figures are for reading, not asserting)")


if __name__ == "__main__":
    main()
