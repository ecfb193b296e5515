"""Cost of the sources pack grows linearly with the text: the source search is
bounded by its window of sentences, never the whole text before a figure.

Each shape is linted at two sizes; the larger (``FACTOR`` times the text) must
cost less than twice ``FACTOR`` times as much (best of a few runs, CPU time).
"""

from __future__ import annotations

import time

import pytest

from lint import check_text

FACTOR = 4

SHAPES = {
    # 8,000 percentages in one paragraph: the case that took 12 s.
    "percentages": "Der Wert stieg um {i},5 Prozent. ",
    # one source at the start, then figure after figure without one
    "sourced-run": "Laut Statistikamt stieg der Wert. In Region {i} waren es 3.{i:03d} Euro. ",
    # vague sources everywhere
    "vague": "Experten warnen vor {i} Milliarden Euro Verlust, Kritiker bemängeln das. ",
    # dates, ages and quantities for the consistency rules
    "consistency": "Am Montag, {d}. Januar 2025, kamen {i}00 Menschen. Der {a}-Jährige sagte, 5{i} Prozent der Stimmen. ",
    # no sentence ends at all
    "one-sentence": "und {i} Prozent ",
}


def _text(shape: str, n: int) -> str:
    return "".join(SHAPES[shape].format(i=i, d=i % 28 + 1, a=i % 80 + 18) for i in range(n))


def _cost(text: str, tmp_path) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        check_text(text, tmp_path / "big.txt", select=["SO"])
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_cost_grows_linearly(shape, tmp_path):
    check_text(_text(shape, 50), tmp_path / "warm.txt", select=["SO"])  # word lists and patterns built
    small = _cost(_text(shape, 2000), tmp_path)
    large = _cost(_text(shape, 2000 * FACTOR), tmp_path)
    assert large < 2 * FACTOR * max(small, 0.01), (shape, small, large)
