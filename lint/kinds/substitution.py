"""``substitution``: a listed word has a preferred replacement (``term => replacement``).

The first alternative of the suggestion becomes an unsafe fix (a substitution
can change meaning); entries without a suggestion are skipped.
Message fields: ``{match}``, ``{term}``, ``{suggestion}``.
"""

from __future__ import annotations

from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import WordListKind


class Substitution(WordListKind):
    name = "substitution"

    def check(self, doc):
        for start, end, entry in self.matches(doc):
            if not entry.suggestion:
                continue
            first = entry.suggestion.split(";")[0].strip()
            fix = self.replacement(start, end, first)
            yield self.report(doc, start, end, term=entry.term, suggestion=entry.suggestion, fix=fix)


@hookimpl
def register_kinds():
    return [Substitution]
