"""What a rule reports: diagnostics, fixes and severities.

Offsets are character offsets into the *source* text of a document; line and
column are computed only when rendering (see ``lint.model.document.Document.position``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        return cls[value.upper()]

    def __str__(self) -> str:
        return self.name.lower()


SEVERITY_NAMES = ("error", "warning", "info")
CATEGORIES = ("sources", "hype", "translation", "readability", "grammar", "typography", "style")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``source[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that resolve a diagnostic. ``safe`` fixes never change meaning."""

    edits: tuple[Edit, ...]
    applicability: str = "unsafe"  # "safe" | "unsafe"
    title: str = ""


@dataclass(slots=True)
class Diagnostic:
    start: int
    end: int
    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    help: str = ""
    fix: Fix | None = None
    path: str = "-"
    # Filled in by the engine when the document is known (1-based, code points).
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    extra: dict = field(default_factory=dict)
    #: The article zone the finding stands in (``lint.language.zones``): "headline",
    #: "lead", "body", ...; "" for findings about the whole document or the markup.
    zone: str = ""

    def sort_key(self):
        return (self.path, self.start, self.end, self.code)

    def as_dict(self) -> dict:
        """The stable JSON contract (see README, "JSON output")."""
        fix = None
        if self.fix is not None:
            fix = {
                "applicability": self.fix.applicability,
                "title": self.fix.title,
                "edits": self.extra.get("edits")
                or [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.fix.edits],
            }
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "help": self.help,
            "fix": fix,
            "zone": self.zone,
        }
