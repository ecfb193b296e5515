"""``name-variant``: a garbled spelling of a name ("Nvida", "Microsfot",
"Andre Karpathy").

Three checks, all cheap enough to run over every document:

1. Gazetteer typos: the document's capitalised tokens are intersected with the
   gazetteer's misspelling index (``translation_data.Gazetteer.variants``:
   one letter dropped, two swapped or one doubled, the first letter kept).
2. People: a known surname after a first name that is one or two edits from
   the gazetteer's first name for it ("Andre Karpathy" -> "Andrej Karpathy").
3. In the document: a token used once that is a misspelling of a
   capitalised token the same text uses at least ``min_count`` times.

A candidate is dropped when it is itself a name of the gazetteer, a common
German or English word (wordfreq, loaded only now), an inflected form of the
established one ("Bayer"/"Bayern", "Merkels"), or shorter than
``min_length`` letters: short names ("Merz"/"März", "Meta"/"Mesa") are too
close to ordinary words to judge by spelling.

Message fields: ``{match}``, ``{canonical}`` (the established spelling),
``{source}`` ("Namensliste" or "Text").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from typing import Any, ClassVar

from lint.hookspecs import hookimpl
from lint.kinds.base import Kind
from lint.kinds.translation_data import gazetteer, is_common_word, typo_keys

_CAP = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüßA-Z]{3,}(?![\w-])")
_INFLECTION = ("s", "n", "e", "en", "es", "er", "ern", "ns", "sche", "schen", "isch")


def _inflected(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short):] in _INFLECTION


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (small strings only)."""
    if abs(len(a) - len(b)) > 2:
        return 3
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


class NameVariant(Kind):
    name = "name-variant"
    defaults: ClassVar[dict[str, Any]] = {
        "gazetteer": [],
        "people": [],
        "min_length": 5,
        "min_count": 2,
        "common_zipf": 3.0,
        "in_document": True,
    }

    @cached_property
    def gazetteer(self):
        return gazetteer(
            tuple(self.rule.data_file(n) for n in self.options["gazetteer"]),
            tuple(self.rule.data_file(n) for n in self.options["people"]),
            int(self.options["min_length"]),
        )

    @cached_property
    def surname_pattern(self) -> re.Pattern:
        surnames = sorted((s for s in self.gazetteer.first_names if len(s) >= 4), key=len, reverse=True)
        alternation = "|".join(re.escape(s) for s in surnames) or "(?!)"
        return re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüéèáíóúčšžł]+)\s+(" + alternation + r")(?![\w-])")

    def _plausible(self, token: str, canonical: str) -> bool:
        g = self.gazetteer
        if token in g.tokens or _inflected(token, canonical) or len(token) < self.options["min_length"]:
            return False
        if token.isupper() or token.lower() == canonical.lower():
            return False
        return not is_common_word(token, self.options["common_zipf"])

    def check(self, doc):
        prose = doc.prose
        found = _CAP.findall(prose)
        if not found:
            return
        counts = Counter(found)
        flagged: dict[str, tuple[str, str]] = {}
        variants = self.gazetteer.variants
        for token in counts.keys() & variants.keys():
            canonical = variants[token]
            if self._plausible(token, canonical):
                flagged[token] = (canonical, "Namensliste")
        if self.options["in_document"]:
            min_length = self.options["min_length"]
            established = [t for t, c in counts.items() if c >= self.options["min_count"] and len(t) >= min_length]
            singles = {t for t, c in counts.items() if c == 1 and len(t) >= min_length}
            if established and singles:
                for token in established:
                    for key in typo_keys(token) & singles:
                        if key not in flagged and self._plausible(key, token):
                            flagged[key] = (token, "Text")
        for token, (canonical, source) in flagged.items():
            for m in re.finditer(r"(?<![\w-])" + re.escape(token) + r"(?![\w-])", prose):
                fix = self.replacement(m.start(), m.end(), canonical)
                yield self.report(doc, m.start(), m.end(), fix=fix, canonical=canonical, source=source)
        yield from self._people(doc)

    def _people(self, doc):
        g = self.gazetteer
        for m in self.surname_pattern.finditer(doc.prose):
            first, last = m.group(1), m.group(2)
            known = g.first_names.get(last, ())
            if first in known or first in g.tokens or len(first) < 3:
                continue
            close = [k for k in known if k[0] == first[0] and _distance(first, k) <= (1 if len(k) < 7 else 2)]
            if len(close) != 1 or _inflected(first, close[0]) or first[:-1] == close[0][:-1]:
                continue
            if is_common_word(last, self.options["common_zipf"]):
                continue  # a common surname ("Müller", "Schmidt") says too little
            canonical = g.people[(close[0], last)]
            fix = self.replacement(m.start(1), m.end(1), close[0])
            yield self.report(doc, m.start(), m.end(), fix=fix, canonical=canonical, source="Namensliste")


@hookimpl
def register_kinds():
    return [NameVariant]
