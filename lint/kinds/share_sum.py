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
        for sentence in doc.analysis.sentences:
            if prose.count("%", sentence.start, sentence.end) + prose.count("Prozent", sentence.start, sentence.end) < 2:
                continue
            shares = percentages(prose, sentence.start, sentence.end)
            if any(s.change for s in shares) or _CHANGE.search(prose, sentence.start, sentence.end):
                continue
            if any(_SEPARATE_BEFORE.search(prose, max(0, s.start - 2), s.start) or _SEPARATE_AFTER.match(prose, s.end) for s in shares):
                continue
            whole_said = _whole_words(tuple(self.options["whole_words"])).search(prose, sentence.start, sentence.end) is not None
            named = {s.whole for s in shares} - {""}
            wholes: dict[str, list] = {}
            for s in shares:
                # "41 Prozent der Stimmen, die ÖVP 38 Prozent": one whole, named once.
                wholes.setdefault(s.whole or (next(iter(named)) if len(named) == 1 else ""), []).append(s)
            for group in wholes.values():
                total = sum(s.value for s in group)
                if not whole_said:
                    continue
                if len(group) >= int(self.options["min_shares"]) and total > 100 + tolerance:
                    yield self.report(doc, group[0].start, group[-1].end, total=f"{total:g}".replace(".", ","))


@hookimpl
def register_kinds():
    return [ShareSum]
