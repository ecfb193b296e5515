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

With ``compare = "currency"`` the kind compares amounts of money instead: the same
amount stated again in another currency ("14,6 Milliarden Euro" in the lead,
"14,6 Milliarden Dollar" later) is a currency swapped in one of the two places
(a conversion beside it, "14,6 Mrd. Dollar (12,9 Mrd. Euro)", stands in one sentence
and is not compared). The same context test applies.

Message fields: ``{match}`` (the later quantity), ``{other}`` (the earlier one), ``{factor}``
(scale), ``{currency}`` and ``{other_currency}`` (currency).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.kinds.base import Kind
from lint.language.quantities import CURRENCIES
from lint.model.errors import ConfigError
from lint.plugins.hookspecs import hookimpl

FACTORS = (10, 100, 1000)
#: The normalised units of money (``Quantity.unit``).
_MONEY = frozenset(CURRENCIES.values())
#: What the kind compares: values a power of ten apart, or one amount in two currencies.
COMPARE = ("scale", "currency")
_CONTENT = regexcache.compile(r"[A-ZÄÖÜ][\wäöüß-]{4,}|[a-zäöüß][\wäöüß-]{7,}")


#: Earlier mentions kept per unit and value: enough for any article, bounded for any input.
KEPT_PER_VALUE = 8


def _key(value: float) -> str:
    """A value to nine significant digits: 600 * 10 and 6000 are one key. Written with "%",
    which formats a float as the format spec ".9g" does, in a fifth fewer instructions."""
    return "%.9g" % value


class FigureConsistency(Kind):
    name = "figure-consistency"
    defaults: ClassVar[dict[str, Any]] = {"min_shared": 2, "reach": 60, "ignore_units": [], "compare": "scale"}

    @cached_property
    def compare(self) -> str:
        compare = self.options["compare"]
        if compare not in COMPARE:
            raise ConfigError(f"{self.rule.file}: compare = {compare!r}; allowed: {', '.join(map(repr, COMPARE))}")
        return compare

    def check(self, doc):
        if self.compare == "currency":
            yield from self._currencies(doc)
            return
        prose = doc.prose
        ignore = set(self.options["ignore_units"])
        reach = int(self.options["reach"])
        min_shared = int(self.options["min_shared"])
        seen: dict[str, dict[str, list[_Mention]]] = {}  # per unit, per value: the earlier mentions
        for q in doc.analysis.quantities:
            if q.unit in ignore or q.unit == "pp" or (q.unit == "%" and (q.value >= 100 or q.before == "um")) or q.value <= 0:
                continue
            mention = _Mention(prose, q, reach)
            by_value = seen.setdefault(q.unit, {})
            found = self._earlier(prose, by_value, mention, min_shared) if by_value else None
            if found is not None:
                other, factor = found
                yield self.report(doc, q.start, q.end, other=" ".join(other.text.split()), factor=factor)
            mentions = by_value.setdefault(_key(q.value), [])
            mentions.append(mention)
            del mentions[:-KEPT_PER_VALUE]

    def _currencies(self, doc):
        """The same amount stated again in another currency, in the same context and
        another sentence: the later one is reported (the first mention of an amount is
        usually the checked one, the lead's)."""
        ignore = set(self.options["ignore_units"])
        money = [q for q in doc.analysis.quantities if q.unit in _MONEY and q.unit not in ignore and q.value > 0]
        if len({q.unit for q in money}) < 2:
            return  # one currency or none: most texts, answered without a comparison
        prose = doc.prose
        reach = int(self.options["reach"])
        min_shared = int(self.options["min_shared"])
        seen: dict[str, list[_Mention]] = {}  # per value: the earlier amounts of money
        for q in money:
            mention = _Mention(prose, q, reach)
            mentions = seen.setdefault(_key(q.value), [])
            for other in mentions:
                unit = other.quantity.unit
                # in one sentence: a conversion ("14,6 Mrd. Dollar (12,9 Mrd. Euro)") or a comparison
                if unit != q.unit and _comparable(prose, mention, other, {q.unit.lower()[:6], unit.lower()[:6]}, min_shared):
                    yield self.report(doc, q.start, q.end, other=" ".join(other.quantity.text.split()), currency=q.unit, other_currency=unit)
                    break
            mentions.append(mention)
            del mentions[:-KEPT_PER_VALUE]

    @staticmethod
    def _earlier(prose: str, by_value: dict[str, list["_Mention"]], mention: "_Mention", min_shared: int):
        """An earlier mention of the same unit (``by_value``: those of the unit) a power
        of ten away, in the same context and another sentence."""
        q = mention.quantity
        units = {q.unit.lower()[:6]}
        for factor in FACTORS:
            for value in (q.value * factor, q.value / factor):
                for other in by_value.get(_key(value), ()):
                    # not in one sentence: two quantities side by side ("von 40 auf 4 Prozent")
                    if _comparable(prose, mention, other, units, min_shared):
                        return other.quantity, factor
        return None


def _comparable(prose: str, mention: "_Mention", other: "_Mention", units: set[str], min_shared: int) -> bool:
    """Whether an earlier ``other`` mention may state the same quantity as ``mention``: at least
    ``min_shared`` content words around both besides the ``units``' stems, and another sentence."""
    if len((mention.near & other.near) - units) < min_shared:
        return False
    return _SENTENCE_END.search(prose, other.quantity.end, mention.quantity.start) is not None


class _Mention:
    """A quantity and the content words around it (``_near_words``), found only when
    it is compared: most quantities have no other of their unit a power of ten away."""

    def __init__(self, prose: str, quantity, reach: int):
        self.prose, self.quantity, self.reach = prose, quantity, reach

    @cached_property
    def near(self) -> set[str]:
        return _near_words(self.prose, self.quantity, self.reach)


# A sentence end: terminal punctuation before a blank and a capital (decimal points and ordinals are not).
_SENTENCE_END = regexcache.compile(r"[.!?…][“”\"»«)]*\s+(?=[„\"»(]?[A-ZÄÖÜ])")


def _near_words(prose: str, q, reach: int) -> set[str]:
    """Stems of the content words within ``reach`` characters of a quantity, not beyond its sentence."""
    lo, hi = max(0, q.start - reach), min(len(prose), q.end + reach)
    for m in _SENTENCE_END.finditer(prose, lo, q.start):
        lo = m.end()
    after = _SENTENCE_END.search(prose, q.end, hi)
    if after is not None:
        hi = after.start()
    words = _CONTENT.findall(prose, lo, q.start) + _CONTENT.findall(prose, q.end, hi)
    return {w.lower()[:6] for w in words}


@hookimpl
def register_kinds():
    return [FigureConsistency]
