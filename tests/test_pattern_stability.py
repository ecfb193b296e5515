"""Every process compiles the same pattern texts: a pattern joined in a set's order
(which follows the hash seed) would be compiled and cached anew by every run."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import SEEDS

#: Lints the seeds and prints every pattern text compiled through the cache.
SPY = r"""
import contextlib, io, sys
from lint.cache import regexcache
seen = set()
compile_ = regexcache.compile
def spy(pattern, flags=0):
    seen.add(repr((pattern, int(flags))))
    return compile_(pattern, flags)
regexcache.compile = spy
from lint.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["check", "--format", "json", "--no-cache", sys.argv[1]])
print("\n".join(sorted(seen)))
"""


def _patterns(hash_seed: int) -> list[str]:
    env = dict(os.environ, PYTHONHASHSEED=str(hash_seed), NEWSLINT_NO_CACHE="1")
    run = subprocess.run([sys.executable, "-c", SPY, str(SEEDS)], env=env, capture_output=True, text=True, check=True)
    return run.stdout.splitlines()


def test_pattern_texts_do_not_depend_on_the_hash_seed():
    first, second = _patterns(1), _patterns(2)
    assert len(first) > 300  # the packs' patterns, not an empty run
    assert first == second
