#!/usr/bin/env python3
"""Calibrate the newsroom index: the 10th and 90th percentile of every component.

Usage (from the project root, with newslint installed):

    python bench/calibrate_index.py [FOLDER]     # default: ../shared/corpus/gnad

Prints the ``CALIBRATION`` table and ``CORPUS_MEDIAN`` for
``lint/language/newsroom_index.py`` (paste them there when the corpus
changes), and the index of every file with ``--each``. Only the TUNE half of
the corpus (row % 4 == 0) calibrates; the other half stays unseen. Articles shorter than
the readability pack's minimum length (150 words) are left out, as the
formulas mean little on them. Reads the corpus at run time; copies no text.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from statistics import median, quantiles

from lint.language import newsroom_index
from lint.language.readability import index_components, measure_document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"
MIN_WORDS = 150


def tune_half(path: Path) -> bool:
    """Files whose row number (name prefix) % 4 == 0: the half newslint is tuned on."""
    head = path.name.split("-")[0]
    return head.isdigit() and int(head) % 4 == 0


def components_of(folder: Path) -> list[tuple[Path, dict[str, float]]]:
    out = []
    for path in sorted(folder.glob("*.txt")):
        if not tune_half(path):
            continue
        a = measure_document(path.read_text(encoding="utf-8"))
        if a.metrics.words >= MIN_WORDS:
            out.append((path, index_components(a)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--each", action="store_true", help="print every file's index too")
    args = ap.parse_args()
    rows = components_of(args.folder)
    print(f"# {len(rows)} articles of at least {MIN_WORDS} words in {args.folder}")
    print("CALIBRATION = {")
    for name, (_low, _high, easier) in newsroom_index.CALIBRATION.items():
        cuts = quantiles([c[name] for _, c in rows], n=10, method="inclusive")
        print(f'    "{name}": ({cuts[0]:.1f}, {cuts[-1]:.1f}, {easier}),')
    print("}")
    values = [newsroom_index.combine(c).value for _, c in rows]
    print(f"CORPUS_MEDIAN = {median(values):.1f}  # with the calibration in the module now")
    if args.each:
        for (path, _), value in zip(rows, values):
            print(f"{value:5.1f}  {path.name}")


if __name__ == "__main__":
    main()
