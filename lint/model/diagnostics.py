"""What a rule reports: diagnostics, fixes and severities.

Offsets are character offsets into the *source* text of a document; line and
column are computed only when rendering (see ``lint.model.document.Document.position``).
"""

from __future__ import annotations

from enum import IntEnum

from lint.model.record import Record, named_tuple


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


@named_tuple
class Edit:
    """Replace ``source[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str


@named_tuple
class Fix:
    """Edits that resolve a diagnostic. ``safe`` fixes never change meaning."""

    edits: tuple[Edit, ...]
    applicability: str = "unsafe"  # "safe" | "unsafe"
    title: str = ""


@named_tuple
class EditPosition:
    """An edit placed in the source (1-based lines and columns, code points), for output formats."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str

    def as_dict(self) -> dict:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "replacement": self.replacement,
        }


@named_tuple
class BackendRule:
    """The rule of an external checker behind a finding (LanguageTool's rule and category ids)."""

    rule: str
    category: str


#: Keys kinds used to write into ``Diagnostic.extra`` before the typed fields
#: existed, and the field each now lives in (the engine moves them once).
LEGACY_EXTRA = {
    "scope": "scope",
    "source_offsets": "in_source",
    "secondary": "secondary",
    "fingerprint": "fingerprint",
    "document_fingerprint": "document_fingerprint",
}


class Diagnostic(Record):
    """A finding of a rule at ``start:end`` (prose offsets until the engine maps
    them): its code, rule, category, severity, message and help, an optional fix,
    and what the engine fills in (path, line and column, fingerprints).

    Made with keywords or positionally (the fields in the order of ``_fields``);
    mutable, compared field by field, unhashable; ``replace`` makes a changed copy.
    A ``Record``, not a dataclass: ``@dataclass`` built its methods at every start.
    """

    _fields = (
        "start", "end", "code", "rule", "category", "severity", "message", "help", "fix", "path", "line", "column",
        "end_line", "end_column", "scope", "in_source", "secondary", "backend", "edit_positions", "fingerprint",
        "document_fingerprint", "extra", "article", "field", "zone", "capped",
    )
    __slots__ = _fields
    __match_args__ = _fields  # as the dataclass had, for ``match`` statements in plugins

    def __init__(
        self,
        start: int,
        end: int,
        code: str,
        rule: str,
        category: str,
        severity: Severity,
        message: str,
        help: str = "",
        fix: Fix | None = None,
        path: str = "-",
        line: int = 0,
        column: int = 0,
        end_line: int = 0,
        end_column: int = 0,
        scope: str = "span",
        in_source: bool = False,
        secondary: bool = False,
        backend: BackendRule | None = None,
        edit_positions: tuple[EditPosition, ...] = (),
        fingerprint: str = "",
        document_fingerprint: str = "",
        extra: dict | None = None,
        article: str = "",
        field: str = "",
        zone: str = "",
        capped: bool = False,
    ):
        self.start = start
        self.end = end
        self.code = code
        self.rule = rule
        self.category = category
        self.severity = severity
        self.message = message
        self.help = help
        self.fix = fix
        self.path = path
        # Filled in by the engine when the document is known (1-based, code points).
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        #: "document" for a finding about the whole text (a score, a density): shown
        #: at one place, but fingerprints and baselines ignore that place.
        self.scope = scope
        #: ``start``/``end`` are source offsets already (e.g. a directive in a
        #: comment), not prose offsets the engine maps.
        self.in_source = in_source
        #: A secondary finding (an external checker's) that yields to one of
        #: newslint's own rules in the same category on an overlapping span.
        self.secondary = secondary
        #: The external checker's rule behind a secondary finding.
        self.backend = backend
        #: The fix's edits placed in the source (filled by the engine).
        self.edit_positions = edit_positions
        #: Baseline fingerprints (``lint.engine.baseline``): of the finding, and
        #: for document-scope findings the one that ignores the place.
        self.fingerprint = fingerprint
        self.document_fingerprint = document_fingerprint
        #: Free-form data of third-party kinds; newslint itself reads none of it.
        self.extra = {} if extra is None else extra
        #: For structured sources (CMS exports, NewsML): the article's id and the
        #: field the finding is in; empty otherwise and then left out of JSON.
        self.article = article
        self.field = field
        #: The article zone the finding stands in (``lint.language.zones``): "headline",
        #: "lead", "body", ...; "" for findings about the whole document or the markup.
        self.zone = zone
        #: The kind set the severity for the finding's context (quoted or reported speech,
        #: a doubtful sense, an evaluating genre): a profile may lower it, never raise it.
        self.capped = capped

    def absorb_legacy_extra(self) -> None:
        """Move the keys of ``LEGACY_EXTRA`` a kind wrote into ``extra`` to their typed fields."""
        if self.extra:
            for key, name in LEGACY_EXTRA.items():
                if key in self.extra:
                    setattr(self, name, self.extra.pop(key))

    def sort_key(self):
        return (self.path, self.start, self.end, self.code)

    def as_dict(self) -> dict:
        """The stable JSON contract (see README, "JSON output")."""
        fix = None
        if self.fix is not None:
            fix = {
                "applicability": self.fix.applicability,
                "title": self.fix.title,
                "edits": [p.as_dict() for p in self.edit_positions]
                or [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.fix.edits],
            }
        out = {
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
        if self.article:
            out["article"] = self.article
        if self.field:
            out["field"] = self.field
        return out
