"""The document gates worked out by hand from patterns: ``attribution._form_literals`` (the
whole words each vague form needs) and ``zones.DATELINE_SPACES``/``_DASHES`` (where a dateline
after a cut can end). Each gate is exact only for the patterns it was derived from, and its own
tests use texts that may not hold a newly added word. So the patterns are pinned here: a
changed pattern fails this test, and whoever changes it re-derives the gate (and then this pin)."""

from __future__ import annotations

import pytest

from lint.language import attribution, zones

PINNED = [
    ("attribution._AUS_BEFORE", lambda: attribution._AUS_BEFORE.pattern,
     r"(?<![\w-])(?P<wie>[Ww]ie\s+)?[Aa]us\s+(?:[\w-]+\s+){0,2}?[\w-]*[Kk]$"),
    ("attribution._UMFELD_BEFORE", lambda: attribution._UMFELD_BEFORE.pattern,
     r"(?<![\w-])[Aa]us\s+dem\s+(?:engeren\s+|näheren\s+|direkten\s+)?$"),
    ("attribution._ALWAYS_BEFORE", lambda: {k: v.pattern for k, v in attribution._ALWAYS_BEFORE.items()},
     {"m": r"(?<![\w-])[Ww]ie\s+$"}),
    ("attribution._ALWAYS_FORMS", lambda: [(needle, p.pattern) for needle, p in attribution._ALWAYS_FORMS], [
        ("hört", r"man\s+hört(?![\w-])"),
        ("heißt", r"Es\s+heißt(?=,)"),
        ("gilt", r"gilt\s+als\s+(?:sicher|wahrscheinlich|ausgemacht)(?![\w-])"),
        ("gelten", r"gelten\s+als\s+(?:sicher|wahrscheinlich|ausgemacht)(?![\w-])"),
        ("galt", r"galt(?:en)?\s+als\s+(?:sicher|wahrscheinlich|ausgemacht)(?![\w-])"),
    ]),
    ("attribution._KREISEN", lambda: attribution._KREISEN.pattern, r"reisen(?![\w-])(?!\s+(?:der|des)\s+[A-ZÄÖÜ])"),
    ("zones.DATELINE", lambda: zones.DATELINE.pattern,
     "[A-ZÄÖÜ][\\w.'’-]*+(?:[ /][A-ZÄÖÜ][\\w.'’-]*+){0,2}+(?:,? \\d{1,2}\\. [A-ZÄÖÜ][a-zä]++)?"
     "(?: ?\\((?:[A-Za-z]{2,10}[/ ,-]?){1,4}\\))? [–—-] (?=[A-ZÄÖÜ0-9„“\\\"»])"),
    ("zones.DATELINE_SPACES and _DASHES", lambda: (zones.DATELINE_SPACES, zones._DASHES), (9, (" –", " —", " -"))),
]


@pytest.mark.parametrize("name, current, pinned", PINNED, ids=[row[0] for row in PINNED])
def test_a_gate_s_pattern_is_the_one_it_was_derived_from(name, current, pinned):
    assert current() == pinned, f"{name} changed: re-derive its document gate, then update this pin"
