"""Detection for the ``metaphor`` kind: the candidates a word list finds.

A candidate is one match of a listed form ("Börsenbeben", "beispiellosen")
with its entry and the severity the entry allows: an entry tagged ``[info]``
or ``[warning]`` caps the rule's severity. Whether a candidate is reported
is decided by the context (``lint.language.metaphor_context``).

The metaphor rules of one pack are scanned together: one ``ListScan`` over
all their lists (five rules, five lists: one pass over the prose instead of
five), whose hits remember their list, so each rule keeps its own. The scan
is built from the lists' files and rebuilt when one changes
(``lexicon.prepared_files``); its hits are kept per document by the analysis
(``Analysis.list_hits``) under the scan's content key. Exceptions (``!term``)
stay per list. Where two lists give the same form, the earlier list wins.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from lint.cache.store import blake2b
from lint.language import lexicon
from lint.language.morphology import Matcher, compile_entries, exception_pattern
from lint.language.wordlist import Entry
from lint.model.diagnostics import Severity
from lint.model.errors import ConfigError
from lint.model.record import named_tuple


@named_tuple
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


@named_tuple
class Hit:
    """A listed form at ``start:end``, found in the list at ``source``."""

    start: int
    end: int
    entry: Entry
    source: Path


@named_tuple
class ListScan:
    """One matcher over several word lists, and where each entry comes from."""

    #: Names the scan by its lists and their content (for the per-document hits).
    key: str
    matcher: Matcher
    sources: dict[Entry, Path]
    exceptions: dict[Path, re.Pattern]

    def hits(self, prose: str, words=None) -> list[Hit]:
        """The listed forms in ``prose`` (``words``: see ``Matcher.finditer``)."""
        found = []
        for start, end, entry in self.matcher.finditer(prose, words=words):
            source = self.sources[entry]
            exceptions = self.exceptions.get(source)
            if exceptions is not None and exceptions.search(prose, start, end):
                continue
            found.append(Hit(start, end, entry, source))
        return found


def _build_scan(paths: tuple[Path, ...]) -> ListScan:
    entries: list[Entry] = []
    sources: dict[Entry, Path] = {}
    exceptions: dict[Path, re.Pattern] = {}
    digest = blake2b(digest_size=16)
    for path in paths:
        wordlist = lexicon.read(path)
        digest.update(str(path).encode() + b"\0" + repr(wordlist.entries).encode())
        excepted = [v for e in wordlist.entries if e.exception for v in (e.variants or (e.term,))]
        if excepted:
            exceptions[path] = exception_pattern(excepted)
        for entry in wordlist.entries:
            if not entry.exception and entry not in sources:
                sources[entry] = path
                entries.append(entry)
    try:
        matcher = compile_entries(entries)
    except ValueError as exc:
        raise ConfigError(f"{', '.join(map(str, paths))}: {exc}") from None
    return ListScan(f"lists-{digest.hexdigest()}", matcher, sources, exceptions)


def list_scan(paths: tuple[Path, ...]) -> ListScan:
    """The scan of ``paths`` (rebuilt when a list changes)."""
    return lexicon.prepared_files(paths, _build_scan)


def candidates(hits: list[Hit], own: frozenset[Path], rule_severity: Severity) -> Iterator[Candidate]:
    """The hits from the rule's own lists, as candidates."""
    for hit in hits:
        if hit.source in own:
            yield Candidate(hit.start, hit.end, hit.entry, entry_severity(hit.entry, rule_severity))
