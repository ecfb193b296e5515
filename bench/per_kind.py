#!/usr/bin/env python3
"""Where the time of one lint goes: the shared per-document analysis, then each kind.

Usage (from the project root, with newslint installed):

    python bench/per_kind.py [FOLDER] [--top N]   # default: ../shared/corpus/gnad

One engine lints the folder twice; the second (warm) pass is measured, so word lists
and matchers are built already and only per-document work is counted. Each part of the
analysis is forced first, in a fixed order, and charged to itself; then each kind is
timed on its own, so a kind is charged only for what it adds (and for the
per-sentence analysis it is the first to ask for).
"""

from __future__ import annotations

import argparse
import collections
import time
from pathlib import Path

from lint.engine.core import Workspace
from lint.language.analysis import Analysis

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"
# Whole-document parts; speech, negation and names are built sentence by sentence on
# demand (``PerSentence``), so they are charged to the kinds that ask for them.
ANALYSIS = (*Analysis.EVERY_RULE, "quotes", "readability", "genre_guess")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    texts = [(str(f), f.read_text(encoding="utf-8")) for f in sorted(args.folder.rglob("*")) if f.suffix in (".txt", ".md", ".html")]
    words = sum(len(s.split()) for _, s in texts)
    engine = Workspace().engine_for(Path(texts[0][0]))
    cost: collections.Counter[str] = collections.Counter()
    for warm in (False, True):
        cost.clear()
        began = time.perf_counter()
        for path, source in texts:
            for doc in engine.documents(path, source):
                for part in ANALYSIS:
                    t = time.perf_counter()
                    getattr(doc.analysis, part)
                    cost["analysis." + part] += time.perf_counter() - t
                doc.findings = []  # stage 1 kinds read the earlier findings
                found: list[list] = [[]]
                errors: list[list[str]] = [[]]
                for kind in engine.kinds:
                    t = time.perf_counter()
                    engine._run_kind(kind, [doc], found, errors)
                    cost[kind.rule.code] += time.perf_counter() - t
        total = time.perf_counter() - began
    print(f"warm pass: {total:.2f} s for {words:,} words = {words / total:,.0f} words/s (engine only, no start-up, no output)")
    shared = sum(c for k, c in cost.items() if k.startswith("analysis."))
    print(f"  shared analysis {shared:.3f} s, kinds {sum(cost.values()) - shared:.3f} s")
    for name, seconds in cost.most_common(args.top):
        print(f"  {name:28} {seconds:.3f} s")


if __name__ == "__main__":
    main()
