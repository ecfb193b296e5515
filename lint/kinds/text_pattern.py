"""``text-pattern``: regular expressions from a pack data file, each with an
optional German suggestion (calques, leftovers, boilerplate)::

    # header saying what the list is for
    \\bam Ende des Tages\\b => letztlich; schließlich
    \\bDie Kommentare sind geschlossen\\.

Each line is a Python regular expression, then optionally ``=>`` and the
suggestions separated by ``;``. All lines of a rule are compiled into one
alternation and matched in one pass over the prose; a line may contain one
named group ``(?P<m>...)`` to report only that part of its match. Options:
``lists`` (data files), ``ignore_case``, ``skip_quotes`` (matches inside
quotations are not reported), ``fix`` (offer the first suggestion as an
unsafe fix).

Message fields: ``{match}``, ``{suggestion}`` (all suggestions, joined by
" oder "), ``{first}`` (the first suggestion).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any, ClassVar

from lint.errors import ConfigError
from lint.hookspecs import hookimpl
from lint.kinds.base import Kind
from lint.kinds.translation_data import read_list


class TextPattern(Kind):
    name = "text-pattern"
    defaults: ClassVar[dict[str, Any]] = {
        "lists": [],
        "patterns": [],
        "ignore_case": False,
        "skip_quotes": True,
        "fix": False,
    }

    @cached_property
    def entries(self) -> list[tuple[str, list[str]]]:
        lines: list[str] = []
        for name in self.options["lists"]:
            lines.extend(read_list(self.rule.data_file(name)))
        lines.extend(self.options["patterns"])
        entries = []
        for line in lines:
            regex, _, suggestion = line.partition(" => ")
            regex = regex.strip()
            try:
                re.compile(regex)
            except re.error as exc:
                raise ConfigError(f"{self.rule.file}: bad pattern {regex!r}: {exc}") from None
            entries.append((regex, [s.strip() for s in suggestion.split(";") if s.strip()]))
        return entries

    @cached_property
    def pattern(self) -> re.Pattern:
        parts = []
        for i, (regex, _) in enumerate(self.entries):
            parts.append(f"(?P<e{i}>{regex.replace('(?P<m>', f'(?P<m{i}>')})")
        flags = re.IGNORECASE if self.options["ignore_case"] else 0
        return re.compile("|".join(parts) or "(?!)", flags | re.MULTILINE)

    def check(self, doc):
        for m in self.pattern.finditer(doc.prose):
            index = int(m.lastgroup[1:]) if m.lastgroup and m.lastgroup.startswith("e") else None
            if index is None:
                index = next(i for i in range(len(self.entries)) if m.group(f"e{i}") is not None)
            start, end = m.span()
            inner = f"m{index}"
            if inner in m.re.groupindex and m.group(inner) is not None:
                start, end = m.span(inner)
            if start == end or (self.options["skip_quotes"] and doc.in_quote(start, end)):
                continue
            suggestions = self.entries[index][1]
            fix = self.replacement(start, end, suggestions[0]) if self.options["fix"] and suggestions else None
            yield self.report(
                doc, start, end, fix=fix, suggestion=" oder ".join(f"„{s}“" for s in suggestions),
                first=suggestions[0] if suggestions else "",
            )


@hookimpl
def register_kinds():
    return [TextPattern]
