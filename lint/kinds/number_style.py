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
from lint.language.quantities import WORD_NUMBERS, unit_key
from lint.model.errors import ConfigError
from lint.plugins.hookspecs import hookimpl

#: Families of forms: family -> {form: pattern}.
FAMILIES = {
    "percent": {"%": r"(?<=\d)\s?%", "Prozent": r"(?<=\d)\s+Prozent(?![\w-])"},
    "million": {"Mio.": r"(?<=\d)\s+Mio\.", "Millionen": r"(?<=\d)\s+Million(?:en)?(?![\w-])"},
    "billion": {"Mrd.": r"(?<=\d)\s+Mrd\.", "Milliarden": r"(?<=\d)\s+Milliarden?(?![\w-])"},
    "thousand": {"Tsd.": r"(?<=\d)\s+Tsd\.", "Tausend": r"(?<=\d)\s+Tausend(?![\w-])"},
}
_PATTERNS = {
    family: regexcache.compile("|".join(f"(?P<f{i}>{rx})" for i, rx in enumerate(forms.values())))
    for family, forms in FAMILIES.items()
}
_SMALL_WORDS = {w: v for w, v in WORD_NUMBERS.items() if 2 <= v <= 12}
_SMALL = regexcache.compile(
    r"(?<![\w.,:/§#+\-–])(?:(?P<digit>[2-9]|1[0-2])|(?P<word>" + "|".join(_SMALL_WORDS) + r"))\s+(?P<noun>[A-ZÄÖÜ][\wäöüß]{2,})(?![\w-])"
)


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
        found = []
        for family, forms in FAMILIES.items():
            names = list(forms)
            uses = defaultdict(list)
            for m in _PATTERNS[family].finditer(prose):
                form = names[int(m.lastgroup[1:])]
                start = m.start()
                while prose[start].isspace():
                    start += 1  # the form itself, not the blank before it
                uses[form].append((start, m.end()))
            found.extend(self._deviations(family, uses, house.get(family)))
        if self.options["small"]:
            by_noun: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
            for m in _SMALL.finditer(prose):
                if m.group("noun") in _NOT_NOUNS:
                    continue  # "zehn Millionen", "5 Prozent": a scale or unit, written either way
                form = "Ziffern" if m.group("digit") else "Zahlwort"
                by_noun[unit_key(m.group("noun"))][form].append((m.start(), m.start("noun") - 1))
            for uses in by_noun.values():
                for start, end, other in self._deviations("small", uses, house.get("small")):
                    example = uses.get(other)
                    found.append((start, end, prose[example[0][0] : example[0][1]] if example else other))
        for start, end, other in sorted(found):
            yield self.report(doc, start, end, other=other)

    @staticmethod
    def _deviations(family, uses, house):
        if house is not None:
            return [(s, e, house) for form, spans in uses.items() if form != house for s, e in spans]
        if len(uses) < 2:
            return []
        ranked = sorted(uses.items(), key=lambda item: (-len(item[1]), item[1][0][0]))
        major = ranked[0][0]
        return [(s, e, major) for form, spans in ranked[1:] for s, e in spans]


@hookimpl
def register_kinds():
    return [NumberStyle]
