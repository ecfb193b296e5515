"""Kinds that report problems with the markup itself, not the prose.

``markup-problem``: a problem a reader met (``Document.problems``), e.g. front
matter that never closes; the rule's ``problem`` option names which.
``unknown-directive``: a comment that looks like a suppression directive but
names no known verb, so it disables nothing.
"""

from __future__ import annotations

from lint.engine.suppression import VERBS, unknown_directives
from lint.kinds.base import Kind
from lint.plugins.hookspecs import hookimpl


class MarkupProblem(Kind):
    name = "markup-problem"
    defaults = {"problem": ""}

    def check(self, doc):
        for problem in doc.problems:
            if problem.what == self.options["problem"]:
                diagnostic = self.report(doc, problem.start, problem.end, match=problem.detail)
                diagnostic.extra["source_offsets"] = True  # readers report source offsets
                yield diagnostic


class UnknownDirective(Kind):
    name = "unknown-directive"

    def check(self, doc):
        for comment in unknown_directives(doc):
            directive = " ".join(comment.text.split())
            diagnostic = self.report(doc, comment.start, comment.end, match=directive, verbs=", ".join(VERBS))
            diagnostic.extra["source_offsets"] = True
            yield diagnostic


@hookimpl
def register_kinds():
    return [MarkupProblem, UnknownDirective]
