"""Programs with a set of first characters (``lint.cache.startchars``): the same
matches as ``re`` on every text, and the set only where it is certain."""

from __future__ import annotations

import re
from re import _compiler, _parser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.cache import regexcache, startchars

#: Pattern shapes newslint uses: guards before alternations, classes, repeats, groups.
PATTERNS = [
    r"(?<![\w-])(?:[Ll]aut|zufolge|[Aa]ngaben)(?![\w-])",
    r"\b(?:[Ii]ch|[Ww]ir|mir|uns)\b",
    r"(?<!\w)(?=[A-ZÄÖÜ])(?:Herr|Frau)\s+[A-ZÄÖÜ]\w+",
    r"(?<![\d.,])(?P<n>\d+)(?:,\d+)?\s?%",
    r"(?<![\w-])(?:(?P<a>[Bb]eben)|(?P<b>-?[Ss]turm))",
    r"\b(?>[Rr]ekord|[Hh]och)\w*",
    r"(?<=\s)[–—-]{1,2}(?=\s)",
    r"(?<![\w-])(?:ab|)x",  # an empty alternative: no set
    r"\b\d*\.",  # may start with the dot: no set from the repeat
    r"(?i)(?<![\w-])laut",  # ignore case: every case form of "l" in the set
    r"(?<![\w-])(?i:laut|kein|sie|ißt)",  # ignore case inside: K and the Kelvin sign, s and long s, i and dotless ı
    r"(?i)\b[a-f]\w+",
    r"(?<![\w-])(?x: laut )",  # another flag inside: left alone
    r"\b[^\W\d]+\b",  # a negated class: left alone
]
TEXTS = [
    "Laut Angaben der Polizei, so wir hören, bebte die Erde: 4,5 % mehr als 2019 - Rekordhoch.",
    "Herr Müller und Frau Özdemir sagten zufolge nichts; -Sturm und Beben, xab x 3. 12.",
    "„Ich“ – sagte er – „und wir, mir, uns“ … ICH LAUT laut Laut-Sprecher 100% 7,25 %",
    "\u212aein \u017fie \u0130ßt ıßt KEIN Sie ẞ Fall Bär",
    "",
]
ALPHABET = st.sampled_from(list("LlautzfolgeIchWirmuns BebnSR-–%,.0123456789äÖ„“x\nKkſİı\u212a"))


def _afresh(pattern: str) -> re.Pattern:
    return regexcache._compile_afresh(pattern, 0)[0]


def _found(compiled: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in compiled.finditer(text)]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_re(pattern, text):
    ours, theirs = _afresh(pattern), re.compile(pattern)
    assert _found(ours, text) == _found(theirs, text)
    for pos in range(0, len(text), 7):
        expected = theirs.search(text, pos, len(text) - 3)
        got = ours.search(text, pos, len(text) - 3)
        assert (got and (got.span(), got.groups())) == (expected and (expected.span(), expected.groups()))


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=80))
def test_same_matches_on_any_text(text):
    for pattern in PATTERNS:
        assert _found(_afresh(pattern), text) == _found(re.compile(pattern), text), pattern


def _has_set(pattern: str) -> bool:
    parsed = _parser.parse(pattern, 0)
    return startchars.code(parsed, 0) != _compiler._code(parsed, 0)


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"(?<![\w-])(?:[Ll]aut|zufolge)", True),  # past the lookbehind: L, l, z
        (r"\b(?:[Ii]ch|[Ww]ir)\b", True),
        (r"(?<!\w)\d+", True),
        (r"Laut", False),  # the compiler's own prefix: unchanged
        (r"(?<![\w-])(?:ab|)x", False),
        (r"\b\d*\.", False),
        (r"(?i)(?<![\w-])laut", True),
        (r"(?<![\w-])(?i:laut)", True),
        (r"(?<![\w-])(?x:laut)", False),
        (r"(?i)(?<![\w-])[\x00-\uffff]x", False),  # too wide to spell out in every case
        (r"\b[^\W\d]+\b", False),
        (r"(?<!\w)(?:x?)", False),  # may match nothing
        (r"(?<!-)(\w[\w'’.-]*)|,(?!\d)|\s[–—-]\s", False),  # nearly every character: no gain
        (r"(?<![\w-])(?:[A-Za-zäöü]\w*ung)", True),  # every letter, not spaces and marks: still a gain
    ],
)
def test_set_only_where_certain(pattern, expected):
    assert _has_set(pattern) is expected


def test_no_case_mapping_past_the_limit():
    import _sre

    assert all(_sre.unicode_tolower(c) == c for c in range(startchars.CASED_LIMIT, 0x110000))


@pytest.mark.parametrize("letter", list("aikKsSßäÜIzx") + ["\u212a", "\u0130", "\u017f"])
def test_case_forms_are_what_the_engine_matches(letter):
    matches = re.compile(letter, re.IGNORECASE).fullmatch
    expected = [c for c in range(startchars.CASED_LIMIT) if matches(chr(c))]
    assert startchars._case_forms(ord(letter)) == expected
