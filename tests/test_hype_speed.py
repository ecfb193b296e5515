"""The hype pack's speed work must not change what it finds: the cached matcher
data, the separator-first word scan and the mark-first boundary patterns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint.language import morphology
from lint.cache import regexcache
from lint.language.morphology import compile_entries
from lint.language.quotes import TURN
from lint.language.wordlist import load_wordlist, parse_wordlist

ROOT = Path(__file__).resolve().parent.parent
# The hype word lists; not the plain lists of context words (not inflected, not matched).
_CONTEXT_LISTS = {"interviewer-labels.txt", "not-first-names.txt"}
HYPE_LISTS = sorted(p for p in (ROOT / "rules" / "hype" / "data").glob("*.txt") if p.name not in _CONTEXT_LISTS)
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

TRICKY = [
    "Beispiellos! Das war ein beispielloser Erfolg.",  # a listed word opens the text
    "🚀Beispiellos und\u00a0beispiellos, „beispiellos“ – beispiellos;beispiellos",
    "Der Mega-Deal, das Börsenbeben und der KI-Titan stellen alles in den Schatten.",
    "Vorbeispiellos, beispiellos-artig, Un-beispiellos; (beispiellos) [beispiellos]",
    "Ein historischer Sieg.\n\nHistorischer Sieg! Eine Revolution.",
    "",
    "x",
]


def _entries():
    return [e for p in HYPE_LISTS for e in load_wordlist(p).entries if not e.exception]


def _texts():
    return TRICKY + [p.read_text(encoding="utf-8") for p in SEEDS]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    return tmp_path


def _found(matcher, text, start=0, end=None):
    return [(a, b, e.term) for a, b, e in matcher.finditer(text, start, end)]


def test_separator_scan_finds_what_a_lookbehind_finds(cache_dir):
    """The pattern consumes the character before a word; the reference uses ``(?<![\\w-])``."""
    entries = _entries()
    fast = compile_entries(entries)
    assert fast.separated
    sep = morphology._separator_class()
    assert fast.pattern.pattern.startswith(sep)
    reference = morphology.Matcher(
        re.compile(r"(?<![\w-])" + fast.pattern.pattern[len(sep):]),
        fast.forms, fast.heads, fast.prefixes, fast.exceptions, fast.heads_pattern,
        fast.noun_heads, fast.prefix_pattern, fast.head_needles, fast.gapped,
    )
    hits = 0
    for text in _texts():
        assert _found(fast, text) == _found(reference, text)
        hits += len(_found(fast, text))
        for start in (1, 5, 17, 200):
            if start < len(text):
                assert _found(fast, text, start) == _found(reference, text, start)
                assert _found(fast, text, start, len(text) - 3) == _found(reference, text, start, len(text) - 3)
    assert hits > 40
    assert _found(fast, TRICKY[0])[0] == (0, 11, "beispiellos")
    # every non-word character before a word counts, also outside ASCII and the BMP
    assert [t for _, _, t in _found(fast, TRICKY[1])] == ["beispiellos"] * 5


def test_separator_class_is_exactly_the_non_word_characters():
    sep = re.compile(morphology._separator_class())
    for code in list(range(0x3000)) + [0xFEFF, 0xFF0C, 0x1F680, 0x10FFFF]:
        ch = chr(code)
        assert bool(sep.fullmatch(ch)) == (not re.fullmatch(r"[\w-]", ch) or code > 0xFFFF), hex(code)


def test_cached_matcher_equals_a_fresh_build(cache_dir):
    entries = _entries()  # reading the lists caches their parsed entries
    folder = cache_dir / regexcache.DATA_KIND
    before = set(folder.iterdir()) if folder.exists() else set()
    first = compile_entries(entries)
    [data] = list(set(folder.iterdir()) - before)
    second = compile_entries(entries)  # from the data file
    assert second.forms == first.forms and second.heads == first.heads
    assert all(second.forms[f] is first.forms[f] for f in first.forms)  # the caller's entry objects
    for text in _texts():
        assert _found(second, text) == _found(first, text)
    # damaged data: built afresh, same result
    data.write_bytes(b"\x00garbage")
    third = compile_entries(entries)
    for text in _texts():
        assert _found(third, text) == _found(first, text)


def test_cache_key_follows_the_entries(cache_dir):
    one = compile_entries(parse_wordlist("# t\nbeispiellos\n", Path("a.txt")).entries)
    two = compile_entries(parse_wordlist("# t\nbahnbrechend\n", Path("a.txt")).entries)
    assert _found(one, "ein beispielloser, bahnbrechender Tag") == [(4, 17, "beispiellos")]
    assert _found(two, "ein beispielloser, bahnbrechender Tag") == [(19, 33, "bahnbrechend")]


def test_no_cache_writes_nothing(cache_dir, monkeypatch):
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    matcher = compile_entries(_entries())
    assert _found(matcher, "Ein beispielloser Erfolg.") == [(4, 17, "beispiellos")]
    assert list(cache_dir.iterdir()) == []


def test_unwritable_cache_is_harmless(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "sub"))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    matcher = compile_entries(_entries())
    assert _found(matcher, "Ein beispielloser Erfolg.") == [(4, 17, "beispiellos")]


# The formulation before the speed work (a leading lookbehind).
OLD_TURN = re.compile(r"(?:^|(?<=[.!?…]\s)|(?<=\n))[A-ZÄÖÜ][\w.\-]*(?: [A-ZÄÖÜ][\w.\-]*){0,2}: (?=[A-ZÄÖÜ„\"»])")
BOUNDARY_TEXTS = [
    "Am 27. Januar fiel der Kurs. Z. B. so. 3.5 Mio. Euro! Ende?\n\nNeu: „Ja.“ Dann (x) Y. a. B",
    "Müller: Das war ein Erdbeben. Frage: Wie? Hans Peter Müller: Ja.\nX: „So“ A: b",
    "A. B",
    ".A",
]


def test_mark_first_turn_pattern_matches_like_the_old_one():
    new, old = TURN, OLD_TURN
    for text in BOUNDARY_TEXTS + [p.read_text(encoding="utf-8") for p in SEEDS]:
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
        for lo in range(0, len(text), 23):
            for hi in (lo + 40, lo + 400):
                assert [m.span() for m in new.finditer(text, lo, hi)] == [m.span() for m in old.finditer(text, lo, hi)]


def test_cached_wordlist_equals_a_fresh_parse(cache_dir, tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# a list\nBeben [compound] => Einbruch\nSturzflug|Sturzflüge\n!Bürgerkrieg\n", encoding="utf-8")
    fresh = load_wordlist(path)
    cached = load_wordlist(path)  # from the data file
    assert cached == fresh and cached.entries[0].tags == frozenset({"compound"})
    path.write_text("# a list\nbeispiellos\n", encoding="utf-8")  # new content, new key
    assert [e.term for e in load_wordlist(path).entries] == ["beispiellos"]
    for data in (cache_dir / regexcache.DATA_KIND).iterdir():
        data.write_bytes(b"\x01")  # damaged: parsed afresh
    assert [e.term for e in load_wordlist(path).entries] == ["beispiellos"]
