#!/usr/bin/env python3
"""Measure the compiled-pattern cache against designs that need no CPython internals.

Usage (from the project root): python bench/regex_cache_decision.py [--repeat 7]

Start-up is the CPU time (user + system, median of ``--repeat`` fresh
processes) of ``newslint check`` on one seed file with a warm cache, for:

- ``sre-programs``: today's design, the ``_sre`` program of each pattern cached;
- ``plain-re``: no internals at all, every pattern compiled by ``re`` on each start
  (built word lists and tables still come from the cache);
- ``wordlists-free``: the best any word-list design without internals could
  do (token lookup in a dict of generated forms, or an Aho-Corasick automaton):
  its word-list matchers are given for free (here: the cached programs of the
  patterns ``lint.language.morphology`` builds), every other pattern is
  compiled by ``re``. A real token-lookup matcher costs more than nothing to
  load, so this is a lower bound.

CPU time, not wall time: the figure stays meaningful on a loaded machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]

SHIM = r"""
import re, sys
from lint.cache import regexcache
variant = sys.argv.pop(1)
cached = regexcache.compile
if variant == "plain-re":
    regexcache.compile = lambda pattern, flags=0: re.compile(pattern, flags)
elif variant == "wordlists-free":
    def compile(pattern, flags=0):
        caller = sys._getframe(1).f_globals.get("__name__", "")
        return cached(pattern, flags) if caller == "lint.language.morphology" else re.compile(pattern, flags)
    regexcache.compile = compile
from lint.cli import main
sys.exit(main(sys.argv[1:]))
"""


def cpu_of(args: list[str], env: dict) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="newslint-regex-") as tmp:
        env = {**os.environ, "NEWSLINT_CACHE_DIR": tmp}
        env.pop("NEWSLINT_NO_CACHE", None)
        check = ["check", "--no-cache", "--format", "json", "--fail-on", "never", str(SEED)]
        results = {}
        for variant in ("sre-programs", "plain-re", "wordlists-free"):
            cmd = [sys.executable, "-c", SHIM, variant, *check]
            cpu_of(cmd, env)  # warm the cache
            results[variant] = statistics.median(cpu_of(cmd, env) for _ in range(args.repeat))
        base = results["sre-programs"]
        print(f"start-up on one seed file (CPU seconds, median of {args.repeat}):")
        for variant, value in results.items():
            print(f"  {variant:<15} {value:6.3f} s  ({value / base * 100 - 100:+4.0f}% against the cached programs)")


if __name__ == "__main__":
    main()
