"""``dangling-token``: a short token left untranslated where German syntax
expects a noun ("zu Beginn des neuen Jahres in Ty").

Candidates come from one regular expression: a preposition or article, then a
capitalised token of two or three letters that is not followed by another
capitalised word (which would make it part of a longer name: "in Ho Chi
Minh"), nor by a digit. Most candidates are decided without any word list:
abbreviations (all capitals) never match, gazetteer names and the pack's list
of short German words and names are allowed. Only three-letter tokens left
after that are looked up in wordfreq (German and English, loaded on the
first such token); two-letter tokens are judged by the short-word list alone,
because web-derived frequency lists contain nearly every pair of letters.

Message field: ``{match}`` (the token).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any, ClassVar

from lint.hookspecs import hookimpl
from lint.kinds.base import Kind
from lint.kinds.translation_data import gazetteer, read_list, zipf

_LEAD = (
    "in im aus nach von vom bei beim zu zum zur mit für über auf an am gegen um unter vor seit durch ohne "
    "des der dem den die das ein eine einem einer eines"
)
_CANDIDATE = re.compile(
    r"(?<![\w-])(?:" + "|".join(_LEAD.split()) + r")\s+([A-ZÄÖÜ][a-zäöüß]{1,2})"
    r"(?=\s+(?:[a-zäöüß„\"(]|[.,;:!?)])|\s*[.,;:!?)]|\s*$)",
)


class DanglingToken(Kind):
    name = "dangling-token"
    defaults: ClassVar[dict[str, Any]] = {
        "gazetteer": [],
        "people": [],
        "short_words": [],
        "common_zipf": 3.0,
    }

    @cached_property
    def allowed(self) -> set[str]:
        g = gazetteer(
            tuple(self.rule.data_file(n) for n in self.options["gazetteer"]),
            tuple(self.rule.data_file(n) for n in self.options["people"]),
        )
        words: set[str] = set(g.tokens)
        for name in self.options["short_words"]:
            words.update(read_list(self.rule.data_file(name)))
        return words

    def check(self, doc):
        for m in _CANDIDATE.finditer(doc.prose):
            token = m.group(1)
            if token in self.allowed or doc.in_quote(m.start(1), m.end(1)):
                continue
            if len(token) == 3 and max(zipf(token, "de"), zipf(token, "en")) >= self.options["common_zipf"]:
                continue
            yield self.report(doc, m.start(1), m.end(1))


@hookimpl
def register_kinds():
    return [DanglingToken]
