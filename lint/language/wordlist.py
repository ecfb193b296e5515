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
otherwise adjective). More tags:

- ``[compound]``: the entry also matches as the head of a compound
  ("Beben [compound]" finds "Börsenbeben", "Kurs-Beben");
- ``[head]``: only as the head of a compound, never alone ("Krieg [head]"
  finds "Technologiekrieg", "KI-Krieg", not "der Krieg");
- ``[info]`` / ``[warning]``: this entry's severity, overriding the rule's
  (for kinds that support it, e.g. ``metaphor``).

Irregular forms are variants separated by ``|`` (``Sturzflug|Sturzflüge``;
each variant is inflected, the first is the entry's ``term``). A term ending in
``-`` is a modifier ("Mega-" finds "Mega-Deal", "Megadeal"); tagged
``[exact]`` it needs the hyphen ("Hammer- [exact]" finds "Hammer-Urteil", not
"Hammerschmid"). In a phrase, ``…`` stands for up to six words of the same
sentence: "stellen … in den Schatten" finds "stellt die Konkurrenz in den
Schatten".

A line starting with ``!`` is an exception: a word that contains it is never
reported ("!Bürgerkrieg" keeps "Krieg [compound]" off "Bürgerkriegs";
"!Megawatt" keeps "Mega-" off "Megawattstunden").

This is the one reader of data files: ``load_wordlist`` parses entries,
``read_lines`` gives the entry lines as written (for lists of regular
expressions or gazetteer names, which are no inflected entries). Nothing here
is cached per process: an engine's ``lint.language.vocabulary.Vocabulary``
keeps what it read, keyed by each file's path, size and modification time.
Data files are named in kebab case (``interviewer-labels.txt``).
"""

from __future__ import annotations

import re
from pathlib import Path

from lint.cache import regexcache
from lint.cache.store import blake2b
from lint.model.errors import ConfigError
from lint.model.record import named_tuple

_ENTRY = regexcache.compile(r"^(?P<term>.+?)\s*(?:\[(?P<tag>[a-z ,]+)\])?\s*(?:=>\s*(?P<suggestion>.*))?$")
_NO_TAGS: frozenset[str] = frozenset()
TAGS = {"n", "adj", "v", "exact", "phrase", "compound", "head", "info", "warning"}


@named_tuple
class Entry:
    term: str
    tags: frozenset[str]
    suggestion: str
    line: int
    #: Irregular forms given with ``|`` (the first is ``term``).
    variants: tuple[str, ...] = ()
    #: An exception (``!term``): matches containing it are dropped.
    exception: bool = False


@named_tuple
class WordList:
    path: Path
    header: str
    entries: tuple[Entry, ...]


def _entry_lines(text: str, header: list[str]):
    """``(line number, entry line)`` of a data file, comments and blank lines
    dropped, a trailing `` # comment`` cut; the leading comment lines go to ``header``."""
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
        if line:
            yield number, line


def _require_header(header: list[str], path: Path) -> None:
    if not header:
        raise ConfigError(f"{path}: a word list starts with a '#' header saying what it is for")


def parse_wordlist(text: str, path: Path) -> WordList:
    header: list[str] = []
    entries: list[Entry] = []
    for number, line in _entry_lines(text, header):
        if "[" not in line and "|" not in line and line[:1] != "!" and not line.startswith("=>"):
            # the common line, a word (=> its suggestion): no regex (a house list has 200,000 of them)
            term, _, suggestion = line.partition("=>")
            entries.append(Entry(term.strip(), _NO_TAGS, suggestion.strip(), number))
            continue
        m = _ENTRY.match(line)
        tags = frozenset(t for t in re.split(r"[ ,]+", m.group("tag") or "") if t)
        if tags - TAGS:
            raise ConfigError(f"{path}:{number}: unknown tag(s) {', '.join(sorted(tags - TAGS))}; allowed: {', '.join(sorted(TAGS))}")
        term = m.group("term").strip()
        exception = term.startswith("!")
        if exception:
            term = term[1:].strip()
        variants = tuple(v.strip() for v in term.split("|") if v.strip())
        if not variants:
            raise ConfigError(f"{path}:{number}: empty entry")
        entries.append(
            Entry(variants[0], tags, (m.group("suggestion") or "").strip(), number, variants if len(variants) > 1 else (), exception)
        )
    _require_header(header, path)
    return WordList(path, " ".join(header), tuple(entries))


def _read(path: Path) -> tuple[bytes, str]:
    try:
        data = path.read_bytes()
        return data, data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read word list {path}: {exc}") from None


def read_data(path: Path) -> bytes:
    """A word list's bytes, read (and checked to be UTF-8) as ``load_wordlist`` reads them:
    for a cache key over the file's content."""
    return _read(path)[0]


def entry_rows(entries: tuple[Entry, ...]) -> list[tuple]:
    """Entries as plain data (``marshal``), for a cache entry (``entries_from_rows``)."""
    return [(e.term, sorted(e.tags), e.suggestion, e.line, list(e.variants), e.exception) for e in entries]


def entries_from_rows(rows: list) -> tuple[Entry, ...]:
    """The entries ``entry_rows`` made plain data of."""
    return tuple(
        Entry(term, frozenset(tags), suggestion, line, tuple(variants), exception)
        for term, tags, suggestion, line, variants, exception in rows
    )


def load_wordlist(path: Path) -> WordList:
    """Read and parse a word list (parsed entries are cached on disk by content;
    an engine keeps the result in its ``Vocabulary``)."""
    data, text = _read(path)

    def restore(stored) -> WordList:
        header, rows = stored
        return WordList(path, header, entries_from_rows(rows))

    def build() -> tuple[WordList, tuple]:
        wordlist = parse_wordlist(text, path)
        return wordlist, (wordlist.header, entry_rows(wordlist.entries))

    return regexcache.kept(_cache_key(data), restore, build)


#: The digest of this module's code (the parser), to be continued with a list's bytes.
_SOURCE: list = []


def _cache_key(data: bytes) -> str | None:
    """The list's bytes and this module's code (the parser) make the key."""
    if not _SOURCE:
        try:
            with open(__file__, "rb") as handle:
                _SOURCE.append(blake2b(handle.read(), digest_size=16))
        except OSError:
            return None
    digest = _SOURCE[0].copy()
    digest.update(data)
    return f"wordlist-1-{digest.hexdigest()}"


def read_lines(path: Path) -> tuple[str, ...]:
    """A data file's entries as raw lines, without entry parsing: for lists whose
    lines are regular expressions or ``a => b`` pairs. The same file rules as
    ``parse_wordlist``: a ``#`` header first, ``#`` comment lines and blank lines
    dropped, a trailing `` #`` comment cut off."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read word list {path}: {exc}") from None
    if not text.startswith("#"):
        raise ConfigError(f"{path}: a word list starts with a '#' header saying what it is for")
    lines = []
    for raw in text.splitlines():
        line = raw.strip()
        if " #" in line:
            line = line[: line.index(" #")].rstrip()
        if line and not line.startswith("#"):
            lines.append(line)
    return tuple(lines)
