"""Detection for the ``metaphor`` kind: the candidates a word list finds.

A candidate is one match of a listed form ("Börsenbeben", "beispiellosen")
with its entry and the severity the entry allows: an entry tagged ``[info]``
or ``[warning]`` caps the rule's severity. Whether a candidate is reported
is decided by the context (``lint.language.metaphor_context``).

The metaphor rules of one pack are scanned together: one ``ListScan`` over
all their lists (five rules, five lists: one pass over the prose instead of
five), whose hits remember their list, so each rule keeps its own. The scan
is built from the lists' files and rebuilt when one changes
(``lexicon.prepared_files``), and kept whole as one cache entry keyed by the
lists' bytes (``_build_scan``); its hits are kept per document by the analysis
(``Analysis.list_hits``) under the scan's content key. Exceptions (``!term``)
stay per list. Where two lists give the same form, the earlier list wins.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from lint.cache import regexcache
from lint.cache.store import blake2b
from lint.language import lexicon
from lint.language.morphology import Matcher, compile_entries_with_data, exception_regex, matcher_from_data
from lint.language.wordlist import Entry, entries_from_rows, entry_rows, read_data
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


#: Bump when the stored scan's layout changes (the key also covers the code that builds it).
_SCAN_VERSION = 1


def _build_scan(paths: tuple[Path, ...]) -> ListScan:
    """The scan of ``paths``: from its cache entry, else built from the lists.

    The whole scan is one entry (the lists' entries, their exceptions' patterns, the
    matcher's data), keyed by the lists' paths and bytes and the code that reads and
    builds them: one read where the parts (each list's entries, the matcher's data)
    were a dozen, and no exception pattern or content digest made again. A missing,
    stale or damaged entry only means building afresh."""
    key = _scan_key(paths)
    return regexcache.kept(key, lambda stored: _scan_from_data(paths, stored), lambda: _scan_afresh(paths, key))


def _scan_key(paths: tuple[Path, ...]) -> str | None:
    """A key for the stored scan: the lists' paths and bytes, and the code that parses and builds
    (this module, the word-list reader, ``morphology`` and its gate); None if a module cannot be read."""
    from lint.language import morphology, word_gate, wordlist

    try:
        code = regexcache.source_digest(__file__) + "".join(regexcache.source_digest(m.__file__) for m in (wordlist, morphology, word_gate))
    except OSError:
        return None
    digest = blake2b(code.encode(), digest_size=16)
    for path in paths:
        data = read_data(path)
        digest.update(f"{path}\0{len(data)}\0".encode() + data)
    return f"scan-{_SCAN_VERSION}-{digest.hexdigest()}"


def _gathered(paths: tuple[Path, ...], lists: list[tuple[Entry, ...]]) -> tuple[list[Entry], dict[Entry, Path], list[list[str]]]:
    """The entries the scan matches (each once: the earlier list wins), the list of each, and
    each list's exceptions."""
    entries: list[Entry] = []
    sources: dict[Entry, Path] = {}
    excepted: list[list[str]] = []
    for path, listed in zip(paths, lists):
        excepted.append([v for e in listed if e.exception for v in (e.variants or (e.term,))])
        for entry in listed:
            if not entry.exception and entry not in sources:
                sources[entry] = path
                entries.append(entry)
    return entries, sources, excepted


def _scan_afresh(paths: tuple[Path, ...], key: str | None) -> tuple[ListScan, dict | None]:
    """The scan built from the lists, and its plain data for the cache (None where the
    matcher is no single ``Matcher``: a list too big for patterns)."""
    lists = [lexicon.read(path).entries for path in paths]
    entries, sources, excepted = _gathered(paths, lists)
    exception_regexes = [exception_regex(words) if words else None for words in excepted]
    try:
        matcher, built = compile_entries_with_data(entries)
    except ValueError as exc:
        raise ConfigError(f"{', '.join(map(str, paths))}: {exc}") from None
    name = f"lists-{key or _content_digest(paths, lists)}"
    scan = ListScan(name, matcher, sources, _exceptions(paths, exception_regexes))
    if built is None:
        return scan, None
    matcher_key, matcher_data = built
    stored = {
        "name": name,
        "lists": [entry_rows(listed) for listed in lists],
        "exceptions": exception_regexes,
        "matcher_key": matcher_key,
        "matcher": matcher_data,
    }
    return scan, stored


def _scan_from_data(paths: tuple[Path, ...], stored: dict) -> ListScan:
    """The scan ``_scan_afresh`` stored (raises on data of another shape)."""
    lists = [entries_from_rows(rows) for rows in stored["lists"]]
    if len(lists) != len(paths) or len(stored["exceptions"]) != len(paths):
        raise ValueError("stored scan of other lists")
    entries, sources, _ = _gathered(paths, lists)
    matcher = matcher_from_data(stored["matcher"], entries, stored["matcher_key"])
    return ListScan(stored["name"], matcher, sources, _exceptions(paths, stored["exceptions"]))


def _exceptions(paths: tuple[Path, ...], regexes: list[str | None]) -> dict[Path, re.Pattern]:
    """Each list's compiled exception pattern (lists without exceptions have none)."""
    return {path: regexcache.compile(regex) for path, regex in zip(paths, regexes) if regex is not None}


def _content_digest(paths: tuple[Path, ...], lists: list[tuple[Entry, ...]]) -> str:
    """Names a scan by its lists' entries where no cache key could be made."""
    digest = blake2b(digest_size=16)
    for path, listed in zip(paths, lists):
        digest.update(str(path).encode() + b"\0" + repr(listed).encode())
    return digest.hexdigest()


def list_scan(paths: tuple[Path, ...]) -> ListScan:
    """The scan of ``paths`` (rebuilt when a list changes)."""
    return lexicon.prepared_files(paths, _build_scan)


def candidates(hits: list[Hit], own: frozenset[Path], rule_severity: Severity) -> Iterator[Candidate]:
    """The hits from the rule's own lists, as candidates."""
    for hit in hits:
        if hit.source in own:
            yield Candidate(hit.start, hit.end, hit.entry, entry_severity(hit.entry, rule_severity))
