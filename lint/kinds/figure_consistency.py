"""``figure-consistency``: the same quantity stated twice with different values.

A quantity stated again later in the article with the same unit (currency,
percent or counted noun) and a value ten, a hundred or a thousand times as
large or small is a slip of a digit or a scale word ("600 Millionen Euro" in
the lead, "60 Millionen Euro" or "600 Milliarden Euro" later; "rund 300
Menschen", later "mehr als 3.000 Menschen"). Two different quantities rarely
differ by exactly a power of ten *and* share their context, so the words
right around both (``reach`` characters either side) must also share a content
word besides the unit (``min_shared``).
Percentages of 100 and changes ("um 10 Prozent") are not compared.

Message fields: ``{match}`` (the later quantity), ``{other}`` (the earlier one), ``{factor}``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from lint.cache import regexcache
from lint.kinds.base import Kind
from lint.language.quantities import quantities
from lint.plugins.hookspecs import hookimpl

FACTORS = (10, 100, 1000)
_CONTENT = regexcache.compile(r"[A-ZÄÖÜ][\wäöüß-]{4,}|[a-zäöüß][\wäöüß-]{7,}")


def _ratio(a: float, b: float) -> int | None:
    """The power of ten ``b`` is of ``a`` (either way), if it is one of ``FACTORS``."""
    if a <= 0 or b <= 0:
        return None
    big, small = max(a, b), min(a, b)
    for factor in FACTORS:
        if abs(big - small * factor) <= 1e-9 * big:
            return factor
    return None


class FigureConsistency(Kind):
    name = "figure-consistency"
    defaults: ClassVar[dict[str, Any]] = {"min_shared": 2, "reach": 60, "ignore_units": []}

    def check(self, doc):
        prose = doc.prose
        analysis = doc.analysis
        ignore = set(self.options["ignore_units"])
        reach = int(self.options["reach"])
        seen: dict[str, list] = {}
        for q in quantities(prose):
            if q.unit in ignore or q.unit == "pp" or (q.unit == "%" and (q.value >= 100 or q.before == "um")):
                continue
            sentence = analysis.sentence_at(q.start)
            if sentence is None:
                continue
            near = _near_words(prose, q, sentence, reach)
            reported = False
            for other, other_sentence, other_near in seen.get(q.unit, ()):
                factor = _ratio(other.value, q.value)
                if factor is None or other_sentence == sentence.index:
                    continue
                if len((near & other_near) - {q.unit.lower()[:6]}) < int(self.options["min_shared"]):
                    continue
                if not reported:
                    yield self.report(doc, q.start, q.end, other=" ".join(other.text.split()), factor=factor)
                reported = True
            seen.setdefault(q.unit, []).append((q, sentence.index, near))


def _near_words(prose: str, q, sentence, reach: int) -> set[str]:
    """Stems of the content words within ``reach`` characters of a quantity, in its sentence."""
    lo, hi = max(sentence.start, q.start - reach), min(sentence.end, q.end + reach)
    words = _CONTENT.findall(prose, lo, q.start) + _CONTENT.findall(prose, q.end, hi)
    return {w.lower()[:6] for w in words}


@hookimpl
def register_kinds():
    return [FigureConsistency]
