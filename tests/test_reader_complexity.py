"""Readers run in linear time on hostile input.

Each shape is read at two sizes, n and 4n; the larger must cost less than
twice the ratio of sizes (8x), which a quadratic reader (16x) cannot meet.
CPU times are compared with each other (the best of three runs each), never
against an absolute limit; n is chosen so that even the smaller input is past
the processor's caches (a small input that fits makes any reader look
superlinear) and one run takes some milliseconds.
"""

from __future__ import annotations

import gc
import time

import pytest

from lint.plugins.registry import registry

# (name, file suffix, repeated unit, n)
SHAPES = [
    ("html-open-anchor", ".html", "<a ", 40000),
    ("html-open-comment", ".html", "<!--", 40000),
    ("html-open-script", ".html", "<script>", 20000),
    ("html-open-quote", ".html", '<a href="x ', 20000),
    ("html-entities", ".html", "&amp;x", 5000),
    ("md-open-comment", ".md", "<!--", 5000),
    ("md-comment-per-line", ".md", "a <!--\n", 2000),
    ("md-brackets", ".md", "[", 1000),
    ("md-image-openers", ".md", "![", 250),
    ("md-link-openers", ".md", "[a](", 500),
    ("md-backticks", ".md", "`a``", 2000),
    ("md-emphasis", ".md", "*a", 1000),
    ("md-list-markers", ".md", "- ", 40000),
    ("md-table-pipes", ".md", "|a", 40000),
    ("md-open-tags", ".md", "x <a\n", 500),
    ("md-front-matter-fields", ".md", "---\na: b\n", 500),
    ("md-decomposed", ".md", "a\u0308", 5000),
    ("txt-decomposed", ".txt", "a\u0308 ", 5000),
    ("txt-directives", ".txt", "newslint-disable-lin\n", 2500),
]


def _cost(read, text: str) -> float:
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.process_time()
            read(text)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("suffix,unit,n", [s[1:] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_reader_is_linear_on_hostile_input(suffix, unit, n):
    reader = registry().reader_for("a" + suffix)
    read = reader.read
    read(unit * 10)  # warm up (imports, the parser)
    small = _cost(read, unit * n)
    large = _cost(read, unit * 4 * n)
    assert large < 8 * small, f"{n} units: {small * 1000:.1f} ms, {4 * n}: {large * 1000:.1f} ms"
