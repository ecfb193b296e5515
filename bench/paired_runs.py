#!/usr/bin/env python3
"""Wall time of two checkouts, run the way the scorecard runs newslint.

Usage (from anywhere; each CHECKOUT is a folder holding ``lint/`` and ``rules/``,
e.g. a ``git worktree`` of another revision):

    python bench/paired_runs.py CHECKOUT_A CHECKOUT_B [--runs 40] [--folder FOLDER] [--no-bytecode]

The scorecard runs ``newslint check --format json FILES`` (each ``*.txt`` of the
folder named, sorted) with the result cache on and no result cached yet: every run
here names the files the same way and empties the results first (the checkout's
``.newslint_cache/results``, and ``$NEWSLINT_CACHE_DIR/results`` where that is set),
and the user cache (word lists, patterns, tables) stays warm. The two checkouts alternate (A B, B A, ...), so a drift of the machine's
speed, which on the shared build machine reaches a third within minutes, falls on
both alike; the ratio of each pair's times is what to read, not one run's seconds.
Each checkout runs with this Python (``sys.executable``) from its own folder, so its
own ``lint`` package is imported.

``--no-bytecode`` runs as a fresh clone with ``PYTHONDONTWRITEBYTECODE=1`` does:
the checkouts' ``lint/**/__pycache__`` folders are removed first and every run
has the variable set, so Python keeps no compiled code of newslint (what
``lint.code_cache`` is for).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT.parent / "shared" / "corpus" / "gnad"


def timed_run(checkout: Path, folder: Path, no_bytecode: bool = False) -> float:
    """Seconds of one scorecard-style run of ``checkout`` over ``folder``."""
    for results in _result_folders(checkout):
        shutil.rmtree(results, ignore_errors=True)
    files = [str(path) for path in sorted(folder.glob("*.txt"))] or [str(folder)]  # as the scorecard names them
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--format", "json", *files],
        cwd=checkout, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_environment(no_bytecode),
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{checkout}: exit {done.returncode}: {done.stderr.strip()[-500:]}")
    return elapsed


def _environment(no_bytecode: bool) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if no_bytecode:
        environ["PYTHONDONTWRITEBYTECODE"] = "1"
    return environ


def drop_bytecode(checkout: Path) -> None:
    """Remove what Python keeps of ``checkout``'s ``lint`` package (``__pycache__``)."""
    for cached in sorted((checkout / "lint").rglob("__pycache__")):
        shutil.rmtree(cached, ignore_errors=True)


def _result_folders(checkout: Path) -> list[Path]:
    """Where a run of ``checkout`` keeps its results: the project's ``.newslint_cache``, or
    the user cache that ``NEWSLINT_CACHE_DIR`` names."""
    folders = [checkout / ".newslint_cache" / "results"]
    if os.environ.get("NEWSLINT_CACHE_DIR"):
        folders.append(Path(os.environ["NEWSLINT_CACHE_DIR"]) / "results")
    return folders


def paired_times(a: Path, b: Path, folder: Path, runs: int, no_bytecode: bool = False) -> tuple[list[float], list[float]]:
    """``runs`` times of each checkout, alternating which goes first."""
    times: dict[Path, list[float]] = {a: [], b: []}
    for index in range(runs):
        for checkout in (a, b) if index % 2 == 0 else (b, a):
            times[checkout].append(timed_run(checkout, folder, no_bytecode))
    return times[a], times[b]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--no-bytecode", action="store_true", help="as a fresh clone with PYTHONDONTWRITEBYTECODE=1 runs")
    args = parser.parse_args()
    for checkout in (args.a, args.b):
        if not (checkout / "lint").is_dir():
            sys.exit(f"{checkout}: no lint/ package here")
        if args.no_bytecode:
            drop_bytecode(checkout)
        timed_run(checkout, args.folder, args.no_bytecode)  # the user cache warmed for this checkout's code
    a, b = paired_times(args.a.resolve(), args.b.resolve(), args.folder, args.runs, args.no_bytecode)
    ratios = [y / x for x, y in zip(a, b)]
    for name, times in (("A", a), ("B", b)):
        print(f"{name}: median {statistics.median(times) * 1000:.0f} ms, fastest {min(times) * 1000:.0f} ms")
    print(f"B/A: median of the pairs' ratios {statistics.median(ratios):.3f}, mean {statistics.mean(ratios):.3f}, "
          f"fastest over fastest {min(b) / min(a):.3f} ({args.runs} pairs)")


if __name__ == "__main__":
    main()
