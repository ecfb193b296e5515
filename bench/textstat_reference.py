#!/usr/bin/env python3
"""How far newslint's Flesch (Amstad) and Wiener Sachtextformel 1 lie from textstat's, and why.

Usage (from the project root, with newslint installed):

    python bench/textstat_reference.py [FOLDER]    # default: the TUNE half of ../shared/corpus/gnad

For every article of at least 150 words (the readability pack's minimum), both
libraries measure the same body text (lint.language.reference). Prints the
absolute differences (median, 90th percentile, maximum) and their parts: the
sentence count (textstat's splitter), words per sentence, and syllables per
word (pyphen against newslint's counter). Reads the corpus at run time.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from statistics import median, quantiles

from lint.language.readability import measure_document
from lint.language.reference import textstat_metrics

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"


def tune_half(path: Path) -> bool:
    head = path.name.split("-")[0]
    return head.isdigit() and int(head) % 4 == 0


def summary(name: str, values: list[float]) -> str:
    p90 = quantiles(values, n=10, method="inclusive")[-1]
    return f"{name:<40} min {min(values):6.2f}   median {median(values):6.2f}   p90 {p90:6.2f}   max {max(values):6.2f}"


def main() -> None:
    import textstat

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--all", action="store_true", help="every file, not only the TUNE half")
    args = ap.parse_args()
    textstat.set_lang("de")
    rows = []
    for path in sorted(args.folder.glob("*.txt")):
        if not (args.all or tune_half(path)):
            continue
        a = measure_document(path.read_text(encoding="utf-8"))
        m = a.metrics
        if m.words < 150:
            continue
        ref = textstat_metrics(a)
        body = "\n".join(s.text.replace("\n", " ") for s in a.sentences)
        sentences = textstat.sentence_count(body)
        words = textstat.lexicon_count(body)
        syllables = textstat.syllable_count(body)
        rows.append({
            "flesch": ref["textstat_flesch_amstad"] - m.flesch_amstad,
            "wstf1": ref["textstat_wstf1"] - m.wstf1,
            "sentences": 100 * (sentences - m.sentences) / m.sentences,
            "asl": words / sentences - m.asl,
            "asw": syllables / words - m.asw,
        })
    print(f"{len(rows)} articles of at least 150 words")
    print(summary("|Flesch (Amstad) textstat - newslint|", [abs(r["flesch"]) for r in rows]))
    print(summary("|WSTF 1 textstat - newslint|", [abs(r["wstf1"]) for r in rows]))
    print(summary("Flesch textstat - newslint (signed)", [r["flesch"] for r in rows]))
    print(summary("WSTF 1 textstat - newslint (signed)", [r["wstf1"] for r in rows]))
    print(summary("sentences: textstat more (%)", [r["sentences"] for r in rows]))
    print(summary("words per sentence: textstat - newslint", [r["asl"] for r in rows]))
    print(summary("syllables per word: textstat - newslint", [r["asw"] for r in rows]))


if __name__ == "__main__":
    main()
