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
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Iterable

from lint.diagnostics import Diagnostic
from lint.errors import UserError
from lint.fileio import atomic_write
from lint.segment import WORD, split_sentences

VERSION = 1
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
# Longest stretch of text looked at around a finding: keeps a huge one-line
# file from being segmented again and again.
_WINDOW = 4000


def normalise(text: str) -> str:
    """The words of ``text`` (NFC), single-spaced: immune to markup, wrapping and spacing."""
    return " ".join(WORD.findall(unicodedata.normalize("NFC", text)))


def _paragraph(source: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - _WINDOW)
    head = source[lo:start]
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(head)]
    p_start = lo + breaks[-1] if breaks else lo
    found = _PARAGRAPH_BREAK.search(source, end, min(len(source), end + _WINDOW))
    p_end = found.start() if found else min(len(source), end + _WINDOW)
    return p_start, max(p_end, end)


def sentence_context(source: str, start: int, end: int) -> str:
    """The normalised sentence(s) of ``source`` that hold ``start:end``."""
    if not source:
        return ""
    start = max(0, min(start, len(source)))
    end = max(start, min(end, len(source)))
    p_start, p_end = _paragraph(source, start, end)
    parts = [
        source[s:e]
        for s, e in split_sentences(source, p_start, p_end)
        if s <= end and e >= start  # every sentence the span touches
    ]
    return normalise(" ".join(parts) if parts else source[p_start:p_end])


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def fingerprints(diagnostics: Iterable[Diagnostic], sources: dict[str, str]) -> list[str]:
    """One fingerprint per diagnostic (same order), independent of the path.

    Stored in ``diagnostic.extra["fingerprint"]`` so formats and the baseline
    compute each only once.
    """
    out = []
    seen: Counter = Counter()
    for d in diagnostics:
        fp = d.extra.get("fingerprint")
        if fp is None:
            source = sources.get(d.path, "")
            match = normalise(source[d.start : d.end]) if source else ""
            base = _digest(d.code, sentence_context(source, d.start, d.end), match)
            seen[(d.path, base)] += 1
            fp = d.extra["fingerprint"] = f"{base}:{seen[(d.path, base)]}"
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


def _entry_key(path: str, code: str, fingerprint: str) -> tuple[str, str, str]:
    # The occurrence number is not part of the key: counts are compared instead,
    # so a duplicate added above an old finding does not make the old one "new".
    return path, code, fingerprint.rpartition(":")[0] or fingerprint


def write(file: Path, diagnostics: list[Diagnostic], sources: dict[str, str]) -> int:
    """Record ``diagnostics`` in ``file`` (atomically); returns how many were written."""
    file = Path(file)
    root = Path(os.path.abspath(file)).parent
    prints = fingerprints(diagnostics, sources)
    findings = [
        {
            "path": _key_path(d.path, root),
            "code": d.code,
            "fingerprint": fp,
            "line": d.line,  # for people reading the file; never used for matching
            "message": d.message,
        }
        for d, fp in zip(diagnostics, prints)
    ]
    findings.sort(key=lambda f: (f["path"], f["line"], f["code"], f["fingerprint"]))
    data = {"tool": "newslint", "version": VERSION, "findings": findings}
    try:
        atomic_write(file, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:
        raise UserError(f"cannot write baseline {file}: {exc.strerror or exc}") from None
    return len(findings)


class Baseline:
    """Known findings, as counts per (path, code, fingerprint)."""

    def __init__(self, file: Path, known: Counter):
        self.file = Path(file)
        self.root = Path(os.path.abspath(self.file)).parent
        self.known = known

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
        known: Counter = Counter()
        for i, item in enumerate(data["findings"]):
            try:
                known[_entry_key(str(item["path"]), str(item["code"]), str(item["fingerprint"]))] += 1
            except (KeyError, TypeError):
                raise UserError(f"{file}: finding {i + 1} needs path, code and fingerprint") from None
        return cls(file, known)

    def filter(self, diagnostics: list[Diagnostic], sources: dict[str, str]) -> tuple[list[Diagnostic], int]:
        """The diagnostics not in the baseline, and how many were known."""
        prints = fingerprints(diagnostics, sources)
        budget = Counter(self.known)
        new, known = [], 0
        for d, fp in zip(diagnostics, prints):
            key = _entry_key(_key_path(d.path, self.root), d.code, fp)
            if budget[key] > 0:
                budget[key] -= 1
                known += 1
            else:
                new.append(d)
        return new, known
