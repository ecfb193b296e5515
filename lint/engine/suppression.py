"""Inline suppression directives.

``<!-- newslint-disable CODE|name ... -->`` up to ``<!-- newslint-enable -->``
(or the end of the file), and ``<!-- newslint-disable-next-line CODE -->``; in
plain text the same directives stand on a line of their own, with or without
the comment markers. Without codes a directive covers every rule.

Directives count only in comments the reader found outside code (a directive
shown in a code sample is not obeyed). A comment that starts like a directive
but names no known verb (``newslint-disable-lin``) disables nothing; it is
reported (``unknown_directives``, rule NL002).
"""

from __future__ import annotations

import re

from lint.cache import regexcache
from lint.model.diagnostics import Diagnostic
from lint.model.document import Comment, Document
from lint.model.record import Record

_DIRECTIVE = regexcache.compile(r"^newslint-(disable-next-line|disable|enable)(?=\s|$)(.*)$", re.S)
_DIRECTIVE_LIKE = regexcache.compile(r"^newslint[-_:]?[a-z]", re.I)
VERBS = ("disable", "disable-next-line", "enable")


def unknown_directives(doc: Document) -> list[Comment]:
    """Comments that look like a directive but are none (a misspelt verb)."""
    return [
        c for c in doc.comments
        if _DIRECTIVE_LIKE.match(c.text.strip()) and not _DIRECTIVE.match(c.text.strip())
    ]


class Suppression(Record):
    """A directive's reach: the comment's source span (``start``, ``end``), the lines
    it covers (``last_line`` inclusive; a very large number for "until the end"),
    its selectors (none: every rule) and whether it suppressed a finding."""

    _fields = ("start", "end", "first_line", "last_line", "selectors", "used")
    __slots__ = _fields

    def __init__(self, start: int, end: int, first_line: int, last_line: int, selectors: tuple[str, ...], used: bool = False):
        self.start = start
        self.end = end
        self.first_line = first_line
        self.last_line = last_line
        self.selectors = selectors
        self.used = used

    def covers(self, diagnostic: Diagnostic) -> bool:
        if not self.first_line <= diagnostic.line <= self.last_line:
            return False
        return not self.selectors or any(
            diagnostic.code.startswith(s) or s in (diagnostic.rule, diagnostic.category) for s in self.selectors
        )


def parse_suppressions(doc: Document) -> list[Suppression]:
    found: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for comment in doc.comments:
        m = _DIRECTIVE.match(comment.text.strip())
        if not m:
            continue
        verb, rest = m.group(1), m.group(2)
        selectors = tuple(s for s in re.split(r"[\s,|]+", rest.strip()) if s)
        line, _ = doc.position(comment.start)
        end_line, _ = doc.position(comment.end)
        if verb == "disable-next-line":
            found.append(Suppression(comment.start, comment.end, end_line + 1, end_line + 1, selectors))
        elif verb == "disable":
            s = Suppression(comment.start, comment.end, line, 10**9, selectors)
            open_ranges.append(s)
            found.append(s)
        else:
            closing = [s for s in open_ranges if not selectors or set(s.selectors) & set(selectors)]
            for s in closing or open_ranges:
                s.last_line = line
                open_ranges.remove(s)
    return found


def apply_suppressions(diagnostics: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
    if not suppressions:
        return diagnostics
    kept = []
    for d in diagnostics:
        hit = False
        for s in suppressions:
            if s.covers(d):
                s.used = True
                hit = True
        if not hit:
            kept.append(d)
    return kept
