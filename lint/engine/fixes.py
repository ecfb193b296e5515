"""Applying fixes: ``check --fix``, ``--diff``, the editor's fix-all and the web page.

A fix is a set of edits that stand or fall together. Fixes are applied in
rounds until nothing changes (at most ``MAX_ROUNDS``), each round on a fresh
reading of the text, so offsets are always right. Within a round fixes are
taken in document order (ties: the rule code) and a fix whose edits overlap
one already taken waits for the next round, or is reported if it never fits.

Never touched, whatever the rule says: text inside quotation marks (a quote
is the speaker's), and markup (an edit whose span is not prose as the reader
read it — a Markdown marker, an HTML tag or entity).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable

from lint.model.diagnostics import Diagnostic, Edit
from lint.model.document import Document

#: Rounds of fixing before giving up on reaching a fixed point.
MAX_ROUNDS = 8


@dataclass
class FixResult:
    """The text after fixing, what was applied and what could not be."""

    text: str
    applied: int = 0
    rounds: int = 0
    left_out: list[Diagnostic] = field(default_factory=list)  # overlapping or protected fixes, never applied

    @property
    def changed(self) -> bool:
        return self.applied > 0


def wanted(d: Diagnostic, unsafe: bool) -> bool:
    return d.fix is not None and bool(d.fix.edits) and (d.fix.applicability == "safe" or unsafe)


def protected_spans(doc: Document) -> list[tuple[int, int]]:
    """Source spans no fix may touch: quotations."""
    return [(doc.to_source(s), doc.to_source(e)) for s, e in doc.quotes]


def touches_markup(doc: Document, edit: Edit) -> bool:
    """True when the edit's span in the source is not plain prose: it holds a
    character the reader blanked (markup) or decoded (an entity)."""
    if edit.start == edit.end:
        return False
    source = doc.source[edit.start : edit.end]
    if doc.reader == "plain":
        return False
    if "<" in source or ">" in source or "&" in source:
        return True
    if not doc._anchors:  # same offsets in prose and source: compare character by character
        return doc.prose[edit.start : edit.end] != source
    return any(ch in source for ch in "*_`[]#|")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1] or a == b


def choose(doc: Document, diagnostics: Iterable[Diagnostic], unsafe: bool) -> tuple[list[Diagnostic], list[Diagnostic], list[Diagnostic]]:
    """The fixes to apply this round, those that must wait (overlap) and those never applicable (protected)."""
    quotes = protected_spans(doc)
    taken: list[tuple[int, int]] = []
    chosen: list[Diagnostic] = []
    waiting: list[Diagnostic] = []
    refused: list[Diagnostic] = []
    for d in sorted((d for d in diagnostics if wanted(d, unsafe)), key=lambda d: (d.start, d.end, d.code)):
        spans = [(e.start, e.end) for e in d.fix.edits]
        if any(q[0] <= s < q[1] or q[0] < e <= q[1] for s, e in spans for q in quotes) or any(
            touches_markup(doc, e) for e in d.fix.edits
        ):
            refused.append(d)
            continue
        if any(_overlaps(span, t) for span in spans for t in taken):
            waiting.append(d)
            continue
        taken += spans
        chosen.append(d)
    return chosen, waiting, refused


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (source offsets)."""
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def fix_document(engine, path: str, text: str, unsafe: bool = False) -> FixResult:
    """Fix ``text`` (read as ``path``) with ``engine`` until nothing changes."""
    result = FixResult(text)
    for _ in range(MAX_ROUNDS):
        docs = engine.documents(path, result.text)
        if len(docs) != 1:
            return result  # several articles in one file (JSON Lines, NewsML): not fixed in place
        doc = docs[0]
        found = engine.lint_document(doc)
        chosen, waiting, refused = choose(doc, found, unsafe)
        result.left_out = waiting + refused
        if not chosen:
            break
        result.text = apply_edits(result.text, [e for d in chosen for e in d.fix.edits])
        result.applied += len(chosen)
        result.rounds += 1
    return result


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
        )
    )
