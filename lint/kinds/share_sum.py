"""``share-sum``: shares of one whole that add up to more than 100 percent.

Percentages in one sentence that are shares of the same whole ("Die SPÖ kam
auf 41 Prozent, die ÖVP auf 38 Prozent und die FPÖ auf 29 Prozent"; "60
Prozent der Befragten dafür, 55 Prozent dagegen") cannot add up to more than
100 (plus rounding, ``tolerance``). Shares of different wholes ("60 Prozent
der Männer und 70 Prozent der Frauen"), changes ("um 40 Prozent", "+5 %",
percentage points), sentences of change ("stieg", "sank") and values of
separate things (in parentheses after a name, "Griechenland (50,1 Prozent)";
before a name, "52,9 Prozent Post") are not compared. Only a sentence that says
it divides one whole into parts that exclude each other counts: a word of
votes ("Stimmen", "Wähler", "dafür", "dagegen"; the ``whole_words`` option).
Shares of one group with different properties ("83 Prozent der Befragten
haben einen Führerschein, 70 Prozent ein Auto") need not add up to 100 and
are not compared, nor are values of different times ("2015 waren es 69
Prozent"). Less than 100 is no
contradiction: the rest may be unnamed.

Message fields: ``{match}`` (the span of the shares), ``{total}``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.kinds.base import Kind
from lint.language.quantities import percentages
from lint.language.segment import mark_positions, matches_at
from lint.plugins.hookspecs import hookimpl

# Words of change and comparison: the percentages of such a sentence are rates, not shares of a whole.
_CHANGE = regexcache.compile(
    r"\b(?:stieg|stiegen|steig\w*|gestiegen|sank|sanken|gesunken|fiel|fielen|gefallen|wuchs|wuchsen|gewachsen|"
    r"legte\w*|zugelegt|verlor\w*|Plus|Minus|Zuwachs\w*|Rückgang\w*|Anstieg\w*|Wachstum\w*|erhöh\w*|senk\w*|"
    r"jeweils|je|bis|zwischen|waren\s+es|Vorjahr\w*|zuvor|damals|vorher|Vergleich\w*|Quote|Rate|Zinsen?|Zinssatz|Rendite|Inflation|Steuer\w*|Abschlag|Rabatt|Wahrscheinlichkeit)\b"
)


# A value in parentheses after a name or right before one belongs to that thing alone.
_SEPARATE_BEFORE = regexcache.compile(r"\(\s?$")
_SEPARATE_AFTER = regexcache.compile(r"\s*\)|\s+[A-ZÄÖÜ]")


@lru_cache(maxsize=8)
def _whole_words(words: tuple[str, ...]):
    return regexcache.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


class ShareSum(Kind):
    name = "share-sum"
    defaults: ClassVar[dict[str, Any]] = {
        "tolerance": 1.0,
        "min_shares": 2,
        "whole_words": ["Stimmen", "Wählerstimmen", "dafür", "dagegen", "Wähler", "Wählerinnen", "entfielen", "stimmten"],
    }

    def check(self, doc):
        prose = doc.prose
        tolerance = float(self.options["tolerance"])
        words = _whole_words(tuple(self.options["whole_words"]))
        # Only the stretches with two or more percentages are looked at: no sentence split needed.
        for start, end in _clauses_with_shares(prose):
            shares = percentages(prose, start, end, doc.analysis)
            if len(shares) < 2 or any(s.change for s in shares) or _CHANGE.search(prose, start, end):
                continue
            if any(_SEPARATE_BEFORE.search(prose, max(0, s.start - 2), s.start) or _SEPARATE_AFTER.match(prose, s.end) for s in shares):
                continue
            if words.search(prose, start, end) is None:
                continue
            named = {s.whole for s in shares} - {""}
            wholes: dict[str, list] = {}
            for s in shares:
                # "41 Prozent der Stimmen, die ÖVP 38 Prozent": one whole, named once.
                wholes.setdefault(s.whole or (next(iter(named)) if len(named) == 1 else ""), []).append(s)
            for group in wholes.values():
                total = sum(s.value for s in group)
                if len(group) >= int(self.options["min_shares"]) and total > 100 + tolerance:
                    yield self.report(doc, group[0].start, group[-1].end, total=f"{total:g}".replace(".", ","))


_PERCENT = regexcache.compile(r"%|Prozent(?![\w-])")
# A sentence end: terminal punctuation before a blank and a capital (decimal points and ordinals are not).
_SENTENCE_END = regexcache.compile(r"[.!?…][“”\"»«)]*\s+(?=[„\"»(]?[A-ZÄÖÜ])")


def _clauses_with_shares(prose: str):
    """Spans (sentence to sentence end) holding two or more percent signs or words."""
    if prose.count("%") + prose.count("Prozent") < 2:
        return  # fewer than two marks in the whole text (counted far faster than scanned for)
    marks = _percent_marks(prose)
    i = 0
    while i < len(marks) - 1:
        start = _sentence_start(prose, marks[i])
        end_match = _SENTENCE_END.search(prose, marks[i])
        end = end_match.start() + 1 if end_match else len(prose)
        inside = [m for m in marks[i:] if m < end]
        if len(inside) >= 2:
            yield start, end
        i += max(1, len(inside))


def _percent_marks(prose: str) -> list[int]:
    """Where ``_PERCENT`` matches: tried only where one of its two literals stands
    (``mark_positions``). Led by two different characters, the pattern would be tried
    at every character of the text."""
    return [m.start() for m in matches_at(_PERCENT, prose, mark_positions(prose, ("%", "Prozent")), len(prose))]


def _sentence_start(prose: str, at: int) -> int:
    """Where the sentence holding ``at`` starts (after the last sentence end before it)."""
    start = 0
    for m in _SENTENCE_END.finditer(prose, max(0, at - 600), at):
        start = m.end()
    return start


@hookimpl
def register_kinds():
    return [ShareSum]
