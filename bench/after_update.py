#!/usr/bin/env python3
"""What a scorecard run meets right after an update: the user cache of the version before.

Usage (from anywhere; each CHECKOUT is a folder holding ``lint/`` and ``rules/``,
e.g. a ``git worktree`` of another revision)::

    python bench/after_update.py BEFORE_CHECKOUT AFTER_CHECKOUT [--runs 10] [--seeds FOLDER] [--corpus FOLDER]

The user cache (word lists, tries, patterns) is keyed by the content of what
builds each entry, so an update makes some entries stale, and each is rebuilt
by the first run that needs it. The scorecard runs the seeds, then the corpus:
whatever the seeds did not need, the corpus run rebuilds, and its words per
second drop by that much. This script builds a cache with BEFORE over the seeds
and the corpus, then, ``--runs`` times, alternating:

- *after the update*: a copy of that cache, AFTER over the seeds, then AFTER
  over the corpus (timed);
- *warm*: AFTER over the corpus with a cache AFTER has used on both (timed);

each with the results emptied first, as the scorecard finds them. It prints the
entries the corpus run rebuilt (by kind) and the ratio of the two corpus times:
1.00 means the update costs the corpus run nothing. Runs use this Python
(``sys.executable``), each checkout from its own folder.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def lint_run(checkout: Path, folder: Path, cache: Path) -> float:
    """Seconds of one scorecard-style run (``check --format json`` with the folder's files named)."""
    shutil.rmtree(cache / "results", ignore_errors=True)
    files = [str(path) for path in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--format", "json", *files],
        cwd=checkout, env={**os.environ, "NEWSLINT_CACHE_DIR": str(cache)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{checkout}: exit {done.returncode}: {done.stderr.strip()[-500:]}")
    return elapsed


def entries(cache: Path) -> set[Path]:
    return {path.relative_to(cache) for path in cache.rglob("*") if path.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "gnad")
    args = parser.parse_args()
    for checkout in (args.before, args.after):
        if not (checkout / "lint").is_dir():
            sys.exit(f"{checkout}: no lint/ package here")
    with tempfile.TemporaryDirectory(prefix="newslint-after-update-") as scratch:
        scratch = Path(scratch)
        before_cache, warm_cache, run_cache = scratch / "before", scratch / "warm", scratch / "run"
        for folder in (args.seeds, args.corpus):
            lint_run(args.before, folder, before_cache)
            lint_run(args.after, folder, warm_cache)
        shutil.rmtree(before_cache / "results", ignore_errors=True)
        rebuilt: collections.Counter[str] = collections.Counter()
        times: dict[str, list[float]] = {"after the update": [], "warm": []}
        for index in range(args.runs):
            for case in ("after the update", "warm") if index % 2 == 0 else ("warm", "after the update"):
                if case == "warm":
                    times[case].append(lint_run(args.after, args.corpus, warm_cache))
                    continue
                shutil.rmtree(run_cache, ignore_errors=True)
                shutil.copytree(before_cache, run_cache, symlinks=True)
                lint_run(args.after, args.seeds, run_cache)
                shutil.rmtree(run_cache / "results", ignore_errors=True)
                known = entries(run_cache)
                times[case].append(lint_run(args.after, args.corpus, run_cache))
                if index == 0:
                    rebuilt.update(path.parts[0] for path in entries(run_cache) - known if path.parts[0] != "results")
    print("entries the corpus run rebuilt after the seeds run: " + (", ".join(f"{kind} {n}" for kind, n in sorted(rebuilt.items())) or "none"))
    for case, values in times.items():
        print(f"{case}: median {statistics.median(values) * 1000:.0f} ms, fastest {min(values) * 1000:.0f} ms")
    ratios = [a / w for a, w in zip(times["after the update"], times["warm"])]
    print(f"after/warm: median of the pairs' ratios {statistics.median(ratios):.3f}, mean {statistics.mean(ratios):.3f} ({args.runs} pairs)")


if __name__ == "__main__":
    main()
