"""Detection for the ``metaphor`` kind: the candidates a word list finds.

A candidate is one match of a listed form ("Börsenbeben", "beispiellosen")
with its entry and the severity the entry allows: an entry tagged ``[info]``
or ``[warning]`` caps the rule's severity. Whether a candidate is reported
is decided by the context (``lint.language.metaphor_context``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from lint.language.morphology import Matcher
from lint.language.wordlist import Entry
from lint.model.diagnostics import Severity


@dataclass(frozen=True, slots=True)
class Candidate:
    """A listed form at ``start:end`` of the prose."""

    start: int
    end: int
    entry: Entry
    #: The highest severity the entry allows.
    severity: Severity

    @property
    def term(self) -> str:
        return self.entry.term


def entry_severity(entry: Entry, rule_severity: Severity) -> Severity:
    """The rule's severity, capped by an ``[info]`` or ``[warning]`` tag on the entry."""
    if "info" in entry.tags:
        return min(rule_severity, Severity.INFO)
    if "warning" in entry.tags:
        return min(rule_severity, Severity.WARNING)
    return rule_severity


def candidates(matchers: list[Matcher], prose: str, rule_severity: Severity) -> Iterator[Candidate]:
    """Every match of every matcher, in the order of the matchers."""
    for matcher in matchers:
        for start, end, entry in matcher.finditer(prose):
            yield Candidate(start, end, entry, entry_severity(entry, rule_severity))
