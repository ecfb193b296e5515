"""Linting a draft for the web app, through the language server's engine
(``lint.lsp.linting.Linter``), and applying its fixes.

The genre travels as YAML front matter (``genre: kommentar``): it is inserted
before linting and every offset is mapped back to the draft as typed, so the
diagnostics are exactly those the JSON format would write for the draft. No
path the browser sends is ever opened: the draft's name only picks the reader
by its extension, and the configuration is the one of the folder ``serve``
started in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import Path

from lint.model.diagnostics import Diagnostic, Edit, Fix

DEFAULT_MAX_BYTES = 1_000_000  # the largest draft the app accepts: about 150,000 words
READER_SUFFIXES = {".md": ".md", ".markdown": ".md", ".txt": ".txt", ".html": ".html", ".htm": ".html"}
GENRE = re.compile(r"^[a-zäöüß][a-zäöüß-]{0,39}$")


class DraftError(ValueError):
    """A request the app cannot serve (said in German to the user)."""


@dataclass(frozen=True)
class Draft:
    text: str
    name: str = "entwurf.md"
    genre: str = ""

    @property
    def suffix(self) -> str:
        return READER_SUFFIXES.get(Path(self.name.replace("\\", "/")).suffix.lower(), ".md")

    def validate(self) -> "Draft":
        if self.genre and not GENRE.match(self.genre):
            raise DraftError("Unbekanntes Genre: nur Kleinbuchstaben und Bindestriche.")
        return self


@dataclass
class Checked:
    draft: Draft
    diagnostics: list[Diagnostic]
    rules: dict
    doc: object  # the draft's Document (as typed, without the inserted genre)
    errors: list[str]


def _genre_insert(draft: Draft) -> tuple[int, str, str]:
    """(offset, inserted text, suffix to lint as) for the draft's genre; (0, "", suffix) without one."""
    if not draft.genre or draft.suffix == ".html":
        return 0, "", draft.suffix
    text = draft.text
    if text.startswith("---\n"):  # front matter already there: add the genre as its first field
        return 4, f"genre: {draft.genre}\n", ".md"
    return 0, f"---\ngenre: {draft.genre}\n---\n", ".md"


def check_draft(linter, draft: Draft) -> Checked:
    """Lint ``draft`` with ``linter`` (a ``lint.lsp.linting.Linter``)."""
    draft = draft.validate()
    at, inserted, suffix = _genre_insert(draft)
    lookup = Path.cwd() / f"entwurf{suffix}"
    display = f"entwurf{suffix}"
    text = draft.text[:at] + inserted + draft.text[at:]
    result = linter.lint(lookup, display, text)
    if result.config_error:
        raise DraftError(f"Konfiguration fehlerhaft: {result.config_error}")
    doc = linter.engine_for(lookup).document(display, draft.text)
    diagnostics = result.diagnostics
    if inserted:
        diagnostics = [_relocate(d, at, len(inserted), doc) for d in diagnostics]
    return Checked(draft, diagnostics, result.rules, doc, result.errors)


def _relocate(d: Diagnostic, at: int, length: int, doc) -> Diagnostic:
    def back(offset: int) -> int:
        return offset - length if offset >= at + length else min(offset, at)

    d.start, d.end = back(d.start), back(d.end)
    d.line, d.column = doc.position(d.start)
    d.end_line, d.end_column = doc.position(d.end)
    if d.fix is not None:
        edits = tuple(replace(e, start=back(e.start), end=back(e.end)) for e in d.fix.edits)
        d.fix = Fix(edits, d.fix.applicability, d.fix.title)
        d.extra["edits"] = [_edit_json(doc, e) for e in edits]
    return d


def _edit_json(doc, e: Edit) -> dict:
    line, column = doc.position(e.start)
    end_line, end_column = doc.position(e.end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column, "replacement": e.replacement}


def fix_key(d: Diagnostic) -> str:
    """What names one finding to ``/api/fix``: its code and source span."""
    return f"{d.code}:{d.start}:{d.end}"


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, int]:
    """Apply ``edits`` last first; an edit overlapping one already applied is skipped.
    Returns the new text and the number of edits applied."""
    applied = 0
    limit = len(text) + 1
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if e.end <= limit and 0 <= e.start <= e.end <= len(text):
            text = text[:e.start] + e.replacement + text[e.end:]
            limit = e.start
            applied += 1
    return text, applied


def fix_one(checked: Checked, key: str) -> str:
    """The draft with the fix of the finding ``key`` applied."""
    for d in checked.diagnostics:
        if fix_key(d) == key and d.fix is not None:
            return apply_edits(checked.draft.text, list(d.fix.edits))[0]
    raise DraftError("Dieser Befund ist nicht mehr aktuell; der Text wurde inzwischen geändert.")


def fix_safe(checked: Checked) -> tuple[str, int]:
    """The draft with every safe fix applied (overlapping ones skipped), and how many findings were fixed."""
    fixes = [d.fix for d in checked.diagnostics if d.fix is not None and d.fix.edits and d.fix.applicability == "safe"]
    text, applied = checked.draft.text, 0
    limit = len(text) + 1
    for fix in sorted(fixes, key=lambda f: min(e.start for e in f.edits), reverse=True):
        if max(e.end for e in fix.edits) <= limit:
            text = apply_edits(text, list(fix.edits))[0]
            limit = min(e.start for e in fix.edits)
            applied += 1
    return text, applied
