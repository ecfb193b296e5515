"""``existence``: report every inflected form of the words in the rule's lists.

Message fields: ``{match}`` (the text found), ``{term}`` (the list entry),
``{suggestion}`` (the entry's suggestion, or the rule option ``suggestion``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import WordListKind


class Existence(WordListKind):
    name = "existence"
    defaults: ClassVar[dict[str, Any]] = {**WordListKind.defaults, "suggestion": ""}

    def check(self, doc):
        for start, end, entry in self.matches(doc):
            yield self.report(doc, start, end, term=entry.term, suggestion=entry.suggestion or self.options["suggestion"])


@hookimpl
def register_kinds():
    return [Existence]
