"""Linear time on hostile input: each shape is linted at two sizes, and the
larger (four times the input) must cost less than twice the ratio of sizes
(eight times the CPU time). A complexity test, not a timing test: it holds on
a slow or busy machine. Every pack except LanguageTool runs."""

from __future__ import annotations

import gc
import time

import pytest

from lint import check_text

RATIO = 4

SHAPES = {
    # name: (file name, function of n giving the text)
    "html-open-tags": ("a.html", lambda n: "<p>Text " + "<a " * n),
    "html-open-comments": ("a.html", lambda n: "<p>Text</p>" + "<!-- " * n),
    "markdown-open-comments": ("a.md", lambda n: "Text\n\n" + "<!--" * n),
    "markdown-brackets": ("a.md", lambda n: "Text " + "[" * n),
    "markdown-link-soup": ("a.md", lambda n: "Text " + "[a](" * n),
    "question-marks": ("a.txt", lambda n: "Warum " + "?" * n),
    "punctuation-run": ("a.txt", lambda n: "Ein Satz" + ".,;:!" * n),
    "long-word": ("a.txt", lambda n: "Ein " + "Donaudampfschiff" * n + " fuhr."),
    "long-line": ("a.txt", lambda n: "Der Umsatz stieg deutlich, " * n + "sagte sie."),
    "unbalanced-quotes": ("a.txt", lambda n: "„Er sagte " * n),
    "many-figures": ("a.txt", lambda n: "Der Anteil stieg um 11,1 Prozent. " * n),
    "many-percent-signs": ("a.txt", lambda n: " ".join(f"{i % 97},5%" for i in range(n))),
    "many-names": ("a.txt", lambda n: " ".join(f"Anna Berger{i % 50} traf Nadella." for i in range(n))),
    "many-sentences-no-breaks": ("a.txt", lambda n: "Das Institut meldete 300 Fälle. Der Minister sagte nichts. " * n),
    # thousands of distinct rare names of one first letter and one ending (an export, not an article),
    # in a text that names its sources throughout: the name-variant pairing and the story test
    "many-distinct-names": ("a.txt", lambda n: "Laut Amt stieg die Zahl um 3 Prozent. " * (n // 4)
                            + "".join(f"Die {_distinct(i)} verlor {i + 7} Millionen Euro. Das Wetter war gut. " for i in range(n // 4))),
}


def _distinct(i: int) -> str:
    """The ``i``-th of many distinct rare capitalised words, all "Q…ung"."""
    return "Q" + "".join(chr(97 + (i // 26**k) % 26) for k in range(4)) + "ung"


def cost(name: str, text: str) -> float:
    """The CPU time of linting ``text``, the better of two runs, each without the cyclic
    garbage collector: late in a full test run the heap is large, and a full collection
    falling into one run (half a second) measured the process, not the algorithm."""
    best = float("inf")
    for _ in range(2):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            check_text(text, name, ignore=["grammar"])
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_linear_time(shape):
    name, make = SHAPES[shape]
    n = 2000
    check_text(make(50), name, ignore=["grammar"])  # warm: word lists and patterns are built once
    small = cost(name, make(n))
    large = cost(name, make(n * RATIO))
    # a floor for the small run, so clock granularity cannot fail the test
    assert large < 2 * RATIO * max(small, 0.02), f"{shape}: {small:.3f} s at n, {large:.3f} s at {RATIO}n"
