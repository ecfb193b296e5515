"""Word lists: plain text files in a pack's ``data/`` folder.

One entry per line; ``#`` starts a comment; the first comment lines are the
header saying what the list is for and where it comes from. An entry is a
term, optionally a part-of-speech tag in brackets and a suggestion::

    # Evaluative absolutes ...
    beispiellos => ohne Vorbild; erstmals
    Titan [n] => großer Konzern
    in den Schatten stellen [phrase]

Tags: ``[n]`` noun, ``[adj]`` adjective/adverb, ``[v]`` verb, ``[exact]``
no inflection, ``[phrase]`` several words, each inflected. Without a tag the
part of speech is guessed (capitalised: noun; ``-en``/``-ern``/``-eln``: verb;
otherwise adjective).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lint.errors import ConfigError

_ENTRY = re.compile(r"^(?P<term>.+?)\s*(?:\[(?P<tag>[a-z ,]+)\])?\s*(?:=>\s*(?P<suggestion>.*))?$")
TAGS = {"n", "adj", "v", "exact", "phrase"}


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    tags: frozenset[str]
    suggestion: str
    line: int


@dataclass(frozen=True)
class WordList:
    path: Path
    header: str
    entries: tuple[Entry, ...]


def parse_wordlist(text: str, path: Path) -> WordList:
    header: list[str] = []
    entries: list[Entry] = []
    in_header = True
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#"):
            if in_header:
                header.append(line.lstrip("# ").rstrip())
            continue
        in_header = False
        if " #" in line:
            line = line[: line.index(" #")].rstrip()
        if not line:
            continue
        m = _ENTRY.match(line)
        tags = frozenset(t for t in re.split(r"[ ,]+", m.group("tag") or "") if t)
        if tags - TAGS:
            raise ConfigError(f"{path}:{number}: unknown tag(s) {', '.join(sorted(tags - TAGS))}; allowed: {', '.join(sorted(TAGS))}")
        entries.append(Entry(m.group("term").strip(), tags, (m.group("suggestion") or "").strip(), number))
    if not header:
        raise ConfigError(f"{path}: a word list starts with a '#' header saying what it is for")
    return WordList(path, " ".join(header), tuple(entries))


@lru_cache(maxsize=None)
def load_wordlist(path: Path) -> WordList:
    """Read a word list once per process."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read word list {path}: {exc}") from None
    return parse_wordlist(text, path)
