"""Linting a draft for the web app, through the language server's engine
(``lint.lsp.linting.Linter``), and applying its fixes.

The genre is given to the draft's document as ``--genre`` gives it, and the
draft is linted exactly as typed, so the diagnostics are those the JSON
format would write for it. No
path the browser sends is ever opened: the draft's name only picks the reader
by its extension, and the configuration is the one of the folder ``serve``
started in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lint.cache import regexcache
from lint.model.diagnostics import Diagnostic, Edit

DEFAULT_MAX_BYTES = 1_000_000  # the largest draft the app accepts: about 150,000 words
READER_SUFFIXES = {".md": ".md", ".markdown": ".md", ".txt": ".txt", ".html": ".html", ".htm": ".html"}
GENRE = regexcache.compile(r"^[a-zäöüß][a-zäöüß-]{0,39}$")


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
    doc: object  # the draft's Document
    errors: list[str]


def check_draft(linter, draft: Draft) -> Checked:
    """Lint ``draft`` with ``linter``'s engine (a ``lint.lsp.linting.Linter``), the
    genre given as ``--genre`` gives it: the draft is linted exactly as typed."""
    from lint.model.errors import UserError

    draft = draft.validate()
    lookup = Path.cwd() / f"entwurf{draft.suffix}"
    display = f"entwurf{draft.suffix}"
    try:
        engine = linter.engine_for(lookup)
        docs = engine.documents(display, draft.text)
    except UserError as exc:
        raise DraftError(f"Konfiguration fehlerhaft: {exc}") from None
    diagnostics: list[Diagnostic] = []
    for doc in docs:
        if draft.genre:
            doc.given_genre = (draft.genre, "--genre")
        diagnostics += engine.lint_document(doc)
    errors = list(engine.errors)
    engine.errors.clear()
    return Checked(draft, diagnostics, {r.code: r for r in engine.all_rules}, docs[0], errors)


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
