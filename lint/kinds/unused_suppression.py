"""``unused-suppression``: a suppression directive that suppressed nothing.

A stage-2 kind: it runs after the engine applied the directives to the findings
of every other rule, and reads which directives were used.
"""

from __future__ import annotations

from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind


class UnusedSuppression(Kind):
    name = "unused-suppression"
    stage = 2

    def check(self, doc):
        for s in doc.suppressions:
            if not s.used:
                directive = " ".join(doc.source[s.start : s.end].split())
                diagnostic = self.report(doc, s.start, s.end, match=directive)
                diagnostic.in_source = True  # directives live in the source, not the prose
                yield diagnostic


@hookimpl
def register_kinds():
    return [UnusedSuppression]
