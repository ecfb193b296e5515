"""``number-style``: one number written two ways in one article.

Within one article a newsroom writes percent, scales and small numbers one
way: "Prozent" or "%", "Milliarden" or "Mrd.", "Millionen" or "Mio.",
"zehn" or "10". When the configuration names the house style (``house``,
e.g. ``{percent = "Prozent", billion = "Mrd."}``) every form that differs
from it is reported; otherwise, where an article uses both forms, the
rarer one (on a tie, the later one) is. Small numbers (``small``: up to
twelve) written as digits and as words count only with the same noun after
them ("zehn Tage", "10 Tage"). A hint, not a warning: both forms are correct.

Message fields: ``{match}``, ``{other}`` (the form used elsewhere).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.kinds.base import Kind
from lint.language.quantities import WORD_NUMBERS, number_starts, unit_key
from lint.language.segment import mark_positions, matches_at
from lint.model.errors import ConfigError
from lint.plugins.hookspecs import hookimpl

#: Families of forms: family -> {form: pattern of the form after a number}.
FAMILIES = {
    "percent": {"%": r"%", "Prozent": r"Prozent(?![\w-])"},
    "million": {"Mio.": r"Mio\.", "Millionen": r"Million(?:en)?(?![\w-])"},
    "billion": {"Mrd.": r"Mrd\.", "Milliarden": r"Milliarden?(?![\w-])"},
    "thousand": {"Tsd.": r"Tsd\.", "Tausend": r"Tausend(?![\w-])"},
}
# One scan for every form: a plain alternation of literals, which the engine
# searches fast; a form counts only right after a number ("17 %", "2 Mrd.").
_FORMS = regexcache.compile(r"%|Prozent(?![\w-])|Mio\.|Millionen?(?![\w-])|Mrd\.|Milliarden?(?![\w-])|Tsd\.|Tausend(?![\w-])")
_FORM_OF = {
    "%": ("percent", "%"), "Prozent": ("percent", "Prozent"), "Mio.": ("million", "Mio."), "Million": ("million", "Millionen"),
    "Millionen": ("million", "Millionen"), "Mrd.": ("billion", "Mrd."), "Milliarde": ("billion", "Milliarden"),
    "Milliarden": ("billion", "Milliarden"), "Tsd.": ("thousand", "Tsd."), "Tausend": ("thousand", "Tausend"),
}
_NUMBER_BEFORE = regexcache.compile(r"\d\s?$")
#: The text every match of a form contains ("Million" of "Millionen"): a family
#: whose forms are absent from the text needs no scan.
_FORM_TEXT = {"%": "%", "Prozent": "Prozent", "Mio.": "Mio.", "Millionen": "Million", "Mrd.": "Mrd.",
              "Milliarden": "Milliarde", "Tsd.": "Tsd.", "Tausend": "Tausend"}
_SMALL_WORDS = {w: v for w, v in WORD_NUMBERS.items() if 2 <= v <= 12}
#: The small numbers as words of the text: a digit match is one of them, standing alone.
_SMALL_NUMBERS = frozenset(str(v) for v in range(2, 13))
# Small numbers: digits first (the engine skips ahead to them); the words are
# searched only in a text that has small numbers in digits.
_SMALL_DIGITS = regexcache.compile(r"[1-9](?<![\w.,:/§#+\-–][1-9])(?<![\w.,:/§#+\-–]1[0-2])(?:(?<=1)[0-2])?\s+(?P<noun>[A-ZÄÖÜ][\wäöüß]{2,})(?![\w-])")
_SMALL_WORD = regexcache.compile(r"(?:" + "|".join(_SMALL_WORDS) + r")\s+(?P<noun>[A-ZÄÖÜ][\wäöüß]{2,})(?![\w-])")


_NOT_NOUNS = frozenset("Tausend Millionen Million Milliarden Milliarde Billionen Prozent Prozentpunkte Euro Dollar Mal".split())


class NumberStyle(Kind):
    name = "number-style"
    defaults: ClassVar[dict[str, Any]] = {"house": {}, "small": True}

    def check(self, doc):
        prose = doc.prose
        house = dict(self.options["house"])
        unknown = set(house) - set(FAMILIES) - {"small"}
        if unknown:
            raise ConfigError(f"{self.rule.file}: house style for unknown families {', '.join(sorted(unknown))}")
        found = self._family_deviations(prose, house)
        # a small number in digits is a word of its own ("10 Tage"); without one nothing deviates
        if self.options["small"] and not doc.analysis.word_counts.keys().isdisjoint(_SMALL_NUMBERS):
            found.extend(self._small_deviations(prose, house.get("small"), doc.analysis))
        for start, end, other in sorted(found):
            yield self.report(doc, start, end, other=other)

    def _family_deviations(self, prose: str, house: dict) -> list[tuple[int, int, str]]:
        """Forms of percent and the scales that deviate (scanned only where they can)."""
        if not any(_may_deviate(prose, forms, house.get(family)) for family, forms in FAMILIES.items()):
            return []
        uses_of: dict[str, dict[str, list]] = {family: defaultdict(list) for family in FAMILIES}
        for m in _FORMS.finditer(prose):
            if not _NUMBER_BEFORE.search(prose, max(0, m.start() - 2), m.start()):
                continue
            family, form = _FORM_OF[m.group(0)]
            uses_of[family][form].append((m.start(), m.end()))
        return [found for family, uses in uses_of.items() for found in self._deviations(family, uses, house.get(family))]

    def _small_deviations(self, prose: str, house: str | None, words=None) -> list[tuple[int, int, str]]:
        """Small numbers written in digits and in words before the same noun. The digits'
        pattern is tried only where a number starts (``number_starts``, ``words``: the
        document's analysis), not at every character."""
        found = []
        by_noun: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for m in matches_at(_SMALL_DIGITS, prose, number_starts(prose, words), len(prose)):
            value = int(prose[m.start() : m.start("noun")].strip())
            if 2 <= value <= 12 and m.group("noun") not in _NOT_NOUNS:
                by_noun[unit_key(m.group("noun"))]["Ziffern"].append((m.start(), m.start("noun") - 1))
        if by_noun:
            # tried only where a number word stands: led by eight letters, the pattern would be tried at most letters
            for m in matches_at(_SMALL_WORD, prose, mark_positions(prose, tuple(_SMALL_WORDS)), len(prose)):
                if m.start() and prose[m.start() - 1].isalnum():
                    continue  # inside a word ("Bezwei…")
                key = unit_key(m.group("noun"))
                if key in by_noun and m.group("noun") not in _NOT_NOUNS:
                    by_noun[key]["Zahlwort"].append((m.start(), m.start("noun") - 1))
        for uses in by_noun.values():
            for start, end, other in self._deviations("small", uses, house):
                example = uses.get(other)
                found.append((start, end, prose[example[0][0] : example[0][1]] if example else other))
        return found

    @staticmethod
    def _deviations(family, uses, house):
        if house is not None:
            return [(s, e, house) for form, spans in uses.items() if form != house for s, e in spans]
        if len(uses) < 2:
            return []
        ranked = sorted(uses.items(), key=lambda item: (-len(item[1]), item[1][0][0]))
        major = ranked[0][0]
        return [(s, e, major) for form, spans in ranked[1:] for s, e in spans]


def _may_deviate(prose: str, forms, house: str | None) -> bool:
    """Whether a family's forms can deviate in ``prose`` (a cheap substring test): with a
    house style, where a form other than the house's occurs; without, where both forms
    do (every family has two). The text is searched for a form only while the answer
    can still be yes (the first form, an abbreviation, is the rarer one)."""
    if house is not None:
        return any(_FORM_TEXT[form] in prose for form in forms if form != house)
    return all(_FORM_TEXT[form] in prose for form in forms)


@hookimpl
def register_kinds():
    return [NumberStyle]
