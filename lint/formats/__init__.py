"""Output formats: ``Format`` objects, registered through the ``register_formats``
hook (the built-in ones in ``lint.formats.catalogue``), render a ``Report`` into text."""

from __future__ import annotations

from collections import Counter
from typing import Callable

from lint.model.diagnostics import Diagnostic
from lint.model.record import Record, named_tuple
from lint.model.rulebook import Rule


class Report(Record):
    """Everything a format may need: diagnostics, the files, their sources and
    rules (by code), whether to color, notices (a list or dict left out: a new empty one)."""

    _fields = ("diagnostics", "files", "sources", "rules", "color", "notices")
    __slots__ = _fields

    def __init__(
        self,
        diagnostics: list[Diagnostic],
        files: list[str] | None = None,
        sources: dict[str, str] | None = None,
        rules: dict[str, Rule] | None = None,
        color: bool = False,
        notices: list[str] | None = None,
    ):
        self.diagnostics = diagnostics
        self.files = [] if files is None else files
        self.sources = {} if sources is None else sources
        self.rules = {} if rules is None else rules
        self.color = color
        self.notices = [] if notices is None else notices

    def counts(self) -> Counter:
        return Counter(str(d.severity) for d in self.diagnostics)


@named_tuple
class Format:
    name: str
    description: str
    render: Callable[[Report], str]
    #: The format uses ``lint.engine.baseline.fingerprints``: the check command then
    #: computes them while each document is at hand (no second read).
    fingerprints: bool = False
    #: A format for people at a terminal: hints (info) are left out unless the
    #: user asks for them (``newslint check --show-hints``).
    terminal: bool = False


class Style:
    """ANSI styling that disappears when colour is off."""

    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled and text else text

    def label(self, severity: str) -> str:
        """The severity as a word (``error:``, ``warning:``, ``info:``): readable without colour,
        in a pipe and by a screen reader."""
        return self.severity(f"{severity}:", severity)

    def severity(self, text: str, severity: str) -> str:
        return self(text, {"error": "1;31", "warning": "1;33", "info": "1;36"}.get(severity, "0"))


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: wide (CJK, most emoji) characters take
    two, combining marks and other zero-width characters none."""
    import unicodedata

    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width
