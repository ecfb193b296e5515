"""Big house lists: single words by lookup (lint.language.lookup), in time
linear in the list, finding what the regex matcher finds."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from lint.language.lookup import SplitMatcher, WordIndex, plain
from lint.language.morphology import _compiled, compile_entries
from lint.language.wordlist import Entry, parse_wordlist
from lint.model.errors import ConfigError

SEED_TEXT = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
EXTRA = (
    "Er hat abgestimmt, um abzustimmen; sie stimmt ab. Gezahlt wurde bar, sie zahlten, zahlt. "
    "Die schockierenden, schockierte Bilder. Des Bundestages, den Bundestagen. Böse, böser, am bösesten."
)


def _lists():
    for path in sorted((ROOT / "rules").glob("*/data/*.txt")):
        try:
            entries = [e for e in parse_wordlist(path.read_text(encoding="utf-8"), path).entries if plain(e)]
        except (ConfigError, ValueError):
            continue
        if entries:
            yield pytest.param(entries, id=path.parent.parent.name + "/" + path.stem)


EXTRA_ENTRIES = [Entry(w, frozenset(t), "", i) for i, (w, t) in enumerate(
    [("abstimmen", ()), ("zahlen", ()), ("schockieren", ()), ("Bundestag", ()), ("böse", ()), ("bar", ("exact",))])]


@pytest.mark.parametrize("entries", [*_lists(), pytest.param(EXTRA_ENTRIES, id="verbs-and-short-words")])
def test_lookup_finds_what_the_regex_finds(entries):
    text = SEED_TEXT + "\n" + EXTRA
    try:
        regex = _compiled(entries)
    except ValueError:
        pytest.skip("not a list of inflected entries")
    expected = [(a, b, e.term) for a, b, e in regex.finditer(text)]
    found = [(a, b, e.term) for a, b, e in WordIndex(entries).finditer(text)]
    assert found == expected


def test_a_big_list_splits_and_keeps_phrases_and_exceptions():
    words = [Entry(f"Wort{i:06d}", frozenset(), "x", i) for i in range(25_000)]
    others = parse_wordlist("# Kopf\nstellt … in den Schatten => x\n!Wort000007\nMega- => x\n", Path("x.txt")).entries
    matcher = compile_entries(words + list(others))
    assert isinstance(matcher, SplitMatcher)
    text = "Das Wort000003 stellt alles in den Schatten, Wort000007 nicht, ein Megadeal."
    assert [text[a:b] for a, b, _ in matcher.finditer(text)] == ["Wort000003", "stellt alles in den Schatten", "Megadeal"]


def _words(n: int) -> list[Entry]:
    syllables = "ber bun de dom fal gan hau kel lin mar nor pol rei sam tor wel zug ach eis ost".split()
    names = ("".join(p) for p in itertools.product(syllables, repeat=5))
    return [Entry(w[:1].upper() + w[1:], frozenset(), "x", i) for i, w in enumerate(itertools.islice(names, n))]


def _cost(entries, text) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        list(compile_entries(entries).finditer(text))
        best = min(best, time.process_time() - start)
    return best


def test_a_big_list_costs_time_linear_in_its_length():
    """A complexity test, not a timing test: four times the list costs less than eight times as much."""
    text = " ".join(e.term + "s" for e in _words(80_000)[::997]) + ". " + SEED_TEXT[:20_000]
    small = _cost(_words(25_000), text)
    large = _cost(_words(100_000), text)
    assert large < 8 * max(small, 0.02), (small, large)
