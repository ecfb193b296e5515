"""``newslint clean``: remove the result cache of the project (``.newslint_cache/``)
and newslint's user cache (compiled patterns, built word lists; ``NEWSLINT_CACHE_DIR``
moves it). The next run rebuilds what it needs."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub, name: str, help_text: str) -> None:
    sub.add_parser(name, help=help_text, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)


def run(args: argparse.Namespace) -> int:
    from lint.cache.results import clean

    removed = clean()
    for folder in removed:
        print(f"newslint: entfernt: {folder}", file=sys.stderr)
    if not removed:
        print("newslint: kein Cache vorhanden", file=sys.stderr)
    return 0
