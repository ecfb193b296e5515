"""Stable fingerprints of diagnostics, and the baseline built from them.

A fingerprint identifies a finding by what it is about, not where it sits:
the rule code, the normalised text of the sentence around it and the matched
words. It survives lines moving (a paragraph added above), re-wrapping and
edits elsewhere in the article; it changes when the sentence itself changes.
Identical findings in one file (the same rule, sentence and match twice) are
told apart by their occurrence number.

A baseline file records today's findings so that a newsroom can adopt
newslint on an archive: ``newslint check --write-baseline FILE`` writes it,
``newslint check --baseline FILE`` then reports (and fails on) only findings
that are not in it. Paths are stored relative to the baseline file's folder,
so the baseline works from any working directory.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from bisect import bisect_right
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

from lint.cache import regexcache
from lint.model.diagnostics import Diagnostic
from lint.model.document import Document
from lint.model.errors import UserError
from lint.engine.fileio import atomic_write
from lint.language.segment import WORD, split_sentences

VERSION = 1
_PARAGRAPH_BREAK = regexcache.compile(r"\n[ \t\r]*\n")
# How far back a paragraph start is looked for (source fallback only).
_WINDOW = 20000


def normalise(text: str) -> str:
    """The words of ``text`` (NFC), single-spaced: immune to markup, wrapping and spacing."""
    return " ".join(WORD.findall(unicodedata.normalize("NFC", text)))


def _paragraph(source: str, start: int, end: int) -> tuple[int, int]:
    lo, hi = max(0, start - _WINDOW), min(len(source), end + _WINDOW)
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(source, lo, start)]
    found = _PARAGRAPH_BREAK.search(source, end, hi)
    return (breaks[-1] if breaks else lo), (found.start() if found else hi)


def sentence_context(source: str, start: int, end: int) -> str:
    """The normalised sentence(s) of ``source`` that hold ``start:end``, found
    in the source itself (for spans outside the prose, such as comments)."""
    if not source:
        return ""
    start = max(0, min(start, len(source)))
    end = max(start, min(end, len(source)))
    p_start, p_end = _paragraph(source, start, end)
    parts = [source[s:e] for s, e in split_sentences(source, p_start, p_end) if s <= end and e >= start]
    return normalise(" ".join(parts) if parts else source[p_start:p_end])


class _Sentences:
    """The sentences of one document in source offsets, as the linter saw them."""

    def __init__(self, path: str, source: str, reader_for: Callable | None, doc: Document | None = None):
        self.source = source
        self.spans: list[tuple[int, int, str]] = []
        try:
            if doc is None:
                if reader_for is None:
                    from lint.plugins.registry import registry

                    reader_for = registry().reader_for
                reader = reader_for(path)
                doc = Document(path, source, reader.read(source), reader.name)
            self.spans = [(doc.to_source(x.start), doc.to_source(x.end), x.text) for x in doc.sentences]
        except Exception:  # a reader that fails here failed in the engine too; fall back to the source
            self.spans = []
        self.starts = [sp[0] for sp in self.spans]

    def is_document_level(self, start: int, end: int) -> bool:
        # Whole-text findings (readability scores, hype density) are shown on
        # the first sentence; they are about the document, not that sentence.
        return bool(self.spans) and (start, end) == self.spans[0][:2]

    def context(self, start: int, end: int) -> str:
        i = max(0, bisect_right(self.starts, start) - 1)
        parts = []
        for s, e, text in self.spans[i:]:
            if s > end:
                break
            if e >= start:
                parts.append(text)
        return normalise(" ".join(parts)) if parts else sentence_context(self.source, start, end)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


DOCUMENT = "<document>"


def fingerprints(
    diagnostics: Iterable[Diagnostic],
    sources: dict[str, str],
    reader_for: Callable | None = None,
    documents: dict[str, Document] | None = None,
) -> list[str]:
    """One fingerprint per diagnostic (same order), independent of the path.

    The rule code, the normalised sentence(s) the finding touches and the
    matched words, plus an occurrence number. A finding about the whole
    document (``Diagnostic.scope == "document"``) is fingerprinted by its code
    alone. A finding that spans exactly the first sentence may be either (the
    whole-text kinds show their findings there), so it also gets
    ``Diagnostic.document_fingerprint``, which the baseline falls back to.

    Stored in ``Diagnostic.fingerprint`` so formats and the baseline
    compute each only once. ``documents`` (by path) are the documents the
    engine linted, whose sentences are already split; otherwise
    ``reader_for(path)`` picks the reader (default: the installed plugins')
    and the text is read again, so the sentences are the ones the rules saw.
    """
    out = []
    seen: Counter = Counter()
    seen_documents: dict[str, _Sentences] = {}

    def numbered(path: str, base: str) -> str:
        seen[(path, base)] += 1
        return f"{base}:{seen[(path, base)]}"

    for d in diagnostics:
        fp = d.fingerprint
        if not fp:
            source = sources.get(d.path, "")
            sentences = seen_documents.get(d.path)
            if sentences is None:
                given = (documents or {}).get(d.path)
                sentences = seen_documents[d.path] = _Sentences(d.path, source, reader_for, given)
            if d.scope == "document":
                fp = numbered(d.path, _digest(d.code, DOCUMENT))
                d.document_fingerprint = fp
            else:
                match = normalise(source[d.start : d.end]) if source else ""
                fp = numbered(d.path, _digest(d.code, sentences.context(d.start, d.end), match))
                if sentences.is_document_level(d.start, d.end):
                    d.document_fingerprint = numbered(d.path, _digest(d.code, DOCUMENT))
            d.fingerprint = fp
        out.append(fp)
    return out


def _key_path(path: str, root: Path) -> str:
    """``path`` relative to ``root`` (posix) when below it, else absolute."""
    if path == "-":
        return path
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def _key(path: str, code: str, fingerprint: str) -> tuple[str, str, str]:
    # The occurrence number is not part of the key: entries are used up one by
    # one instead, so a duplicate added above an old finding does not make the
    # old one "new" (only one of the two is).
    return path, code, fingerprint.rpartition(":")[0] or fingerprint


def write(file: Path, diagnostics: list[Diagnostic], sources: dict[str, str]) -> int:
    """Record ``diagnostics`` in ``file`` (atomically); returns how many were written."""
    file = Path(file)
    root = Path(os.path.abspath(file)).parent
    prints = fingerprints(diagnostics, sources)
    findings = []
    for d, fp in zip(diagnostics, prints):
        entry = {"path": _key_path(d.path, root), "code": d.code, "fingerprint": fp}
        if d.document_fingerprint:
            entry["document"] = d.document_fingerprint
        entry["line"] = d.line  # for people reading the file; never used for matching
        entry["message"] = d.message
        findings.append(entry)
    findings.sort(key=lambda f: (f["path"], f["line"], f["code"], f["fingerprint"]))
    data = {"tool": "newslint", "version": VERSION, "findings": findings}
    try:
        atomic_write(file, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:
        raise UserError(f"cannot write baseline {file}: {exc.strerror or exc}") from None
    return len(findings)


class Baseline:
    """Known findings: each entry has a sentence key and maybe a document key."""

    def __init__(self, file: Path, entries: list[tuple[tuple, tuple | None]]):
        self.file = Path(file)
        self.root = Path(os.path.abspath(self.file)).parent
        self.entries = entries

    @classmethod
    def load(cls, file: Path) -> "Baseline":
        file = Path(file)
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UserError(f"baseline file not found: {file} (create it with --write-baseline)") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"cannot read baseline {file}: {exc}") from None
        except json.JSONDecodeError as exc:
            raise UserError(f"{file}: not a newslint baseline (invalid JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("tool") != "newslint" or not isinstance(data.get("findings"), list):
            raise UserError(f"{file}: not a newslint baseline (expected an object with tool and findings)")
        if data.get("version") != VERSION:
            raise UserError(f"{file}: baseline version {data.get('version')!r} is not supported (expected {VERSION})")
        entries = []
        for i, item in enumerate(data["findings"]):
            try:
                path, code = str(item["path"]), str(item["code"])
                document = item.get("document")
                entries.append((_key(path, code, str(item["fingerprint"])), _key(path, code, str(document)) if document else None))
            except (KeyError, TypeError, AttributeError):
                raise UserError(f"{file}: finding {i + 1} needs path, code and fingerprint") from None
        return cls(file, entries)

    def filter(self, diagnostics: list[Diagnostic], sources: dict[str, str]) -> tuple[list[Diagnostic], int]:
        """The diagnostics not in the baseline, and how many were known.

        First every finding is matched by its sentence key; then the rest by
        their document key against entries still unused that have one.
        """
        fingerprints(diagnostics, sources)
        by_sentence: dict[tuple, list[int]] = {}
        by_document: dict[tuple, list[int]] = {}
        for i, (sentence_key, document_key) in enumerate(self.entries):
            by_sentence.setdefault(sentence_key, []).append(i)
            if document_key is not None:
                by_document.setdefault(document_key, []).append(i)
        used: set[int] = set()

        def take(bucket: list[int] | None) -> bool:
            for i in bucket or ():
                if i not in used:
                    used.add(i)
                    return True
            return False

        rest = []
        for d in diagnostics:
            path = _key_path(d.path, self.root)
            if not take(by_sentence.get(_key(path, d.code, d.fingerprint))):
                rest.append((d, path))
        new = [
            d
            for d, path in rest
            if not (d.document_fingerprint and take(by_document.get(_key(path, d.code, d.document_fingerprint))))
        ]
        return new, len(diagnostics) - len(new)
