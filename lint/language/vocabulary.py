"""Word lists and what is built from them, owned by an engine.

A ``Vocabulary`` reads data files through ``lint.language.wordlist`` and keeps
what it read and built (entries, lines, matchers, a kind's own tables) keyed
by each file's path, size and modification time, plus whatever else the value
depends on (``extra``). Every request checks the files again (a ``stat`` each),
so an engine rebuilt after a configuration reload sees an edited list, and
two engines with different packs never share a matcher: their keys name
different files. Nothing is kept per process; building a matcher from scratch
is still cheap because ``lint.language.morphology`` keeps its built data on
disk by content. A kind that names a few dozen small lists has them read
together first (``prefetch``: their parsed entries are one cache entry, keyed
by all their bytes).
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Any, Callable, Hashable, Iterable, TypeVar

from lint.cache import regexcache
from lint.cache.store import blake2b
from lint.language import wordlist as wordlist_module
from lint.language.wordlist import Entry, WordList, load_wordlist, parse_wordlist, read_lines
from lint.model.errors import ConfigError
from lint.model.record import named_tuple

T = TypeVar("T")


@named_tuple
class FileStamp:
    """What says a data file is unchanged: its path, size and modification time."""

    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> "FileStamp":
        try:
            st = os.stat(path)
        except OSError as exc:
            raise ConfigError(f"cannot read word list {path}: {exc.strerror or exc}") from None
        return cls(str(path), st.st_size, st.st_mtime_ns)


class Vocabulary:
    """The data files an engine's kinds read, and what is built from them."""

    def __init__(self) -> None:
        self._store: dict[tuple, tuple[tuple[FileStamp, ...], Any]] = {}

    def built(self, name: str, paths: Iterable[Path], build: Callable[[], T], extra: Hashable = ()) -> T:
        """``build()``, kept while none of ``paths`` changed. ``name`` says what
        is built and ``extra`` holds everything else the value depends on
        (options, configured words): two requests share a value only when all
        of it is equal."""
        paths = tuple(paths)
        stamps = tuple(FileStamp.of(p) for p in paths)
        key = _key(name, tuple(s.path for s in stamps), extra)
        kept = self._store.get(key)
        if kept is not None and kept[0] == stamps:
            return kept[1]
        value = build()
        self._store[key] = (stamps, value)
        return value

    def changed(self) -> bool:
        """Whether a file read so far changed (or vanished) since it was read."""
        for stamps, _ in self._store.values():
            for stamp in stamps:
                try:
                    if FileStamp.of(Path(stamp.path)) != stamp:
                        return True
                except ConfigError:
                    return True
        return False

    def wordlist(self, path: Path) -> WordList:
        """A word list, parsed (``lint.language.wordlist``)."""
        return self.built("wordlist", (path,), lambda: load_wordlist(path))

    def prefetch(self, paths: Iterable[Path]) -> None:
        """Read the word lists of ``paths`` not held yet together (``load_together``: one
        cache entry for all), for ``wordlist`` to give later. A kind that names a few dozen
        lists calls this before it asks for the first. A list that cannot be read or parsed
        is left to ``wordlist``, which says why if it is asked for; a list held already is
        left to it as well (it is read again there if it changed)."""
        wanted: dict[Path, FileStamp] = {}
        for path in paths:
            if _key("wordlist", (str(path),)) in self._store:
                continue  # held: ``wordlist`` sees whether it changed
            try:
                wanted[path] = FileStamp.of(path)
            except ConfigError:
                continue
        if len(wanted) < 2:
            return  # one list is read as well on its own
        for path, wordlist in load_together(wanted).items():
            stamp = wanted[path]
            self._store[_key("wordlist", (stamp.path,))] = ((stamp,), wordlist)

    def entries(self, paths: Iterable[Path]) -> list[Entry]:
        """The entries of every list in ``paths``, in order."""
        return [e for path in paths for e in self.wordlist(path).entries]

    def terms(self, path: Path) -> tuple[str, ...]:
        """The terms of a word list (no tags, no inflection)."""
        return self.built("terms", (path,), lambda: tuple(e.term for e in self.wordlist(path).entries))

    def lines(self, path: Path) -> tuple[str, ...]:
        """The entry lines of a data file as written (patterns, names)."""
        return self.built("lines", (path,), lambda: read_lines(path))

    def matcher(self, paths: Iterable[Path], words: Iterable[str] = (), origin: Path | None = None):
        """One matcher (``lint.language.morphology.Matcher``) for the lists in
        ``paths`` and the configured ``words`` (parsed as list lines; errors
        name ``origin``, the rule file)."""
        from lint.language.morphology import compile_entries

        paths, words = tuple(paths), tuple(words)

        def build():
            entries = self.entries(paths)
            if words:
                extra = "# words from the configuration\n" + "\n".join(words)
                entries += parse_wordlist(extra, origin or Path("<configuration>")).entries
            try:
                return compile_entries(entries)
            except ValueError as exc:
                where = origin or (paths[0] if paths else "<configuration>")
                raise ConfigError(f"{where}: {exc}") from None

        return self.built("matcher", paths, build, words)


def _key(name: str, paths: tuple[str, ...], extra: Hashable = ()) -> tuple:
    """What a value built from the files of ``paths`` is kept under (``Vocabulary.built``)."""
    return (name, paths, extra)


def load_together(paths: Iterable[Path]) -> dict[Path, WordList]:
    """The word lists of ``paths`` that can be read and parsed, read together: one cache
    entry, keyed by all their bytes, holds all of them (one entry read per list costs
    more than the list's own read, and a rule names a few dozen small lists). A list
    that cannot be read or parsed is left out: ``load_wordlist`` says why when it is needed."""
    read: dict[Path, bytes] = {}
    for path in dict.fromkeys(paths):
        try:
            read[path] = path.read_bytes()
        except OSError:
            continue
    key = _together_key(read.values())
    if key is not None and read:
        try:
            stored = regexcache.get_data(key)
            if stored is not None and len(stored) == len(read):
                return {path: WordList(path, *_from_rows(*item)) for path, item in zip(read, stored)}
        except Exception:  # a damaged or foreign entry: the lists are parsed afresh
            regexcache.drop_data(key)
    found: dict[Path, WordList] = {}
    for path, data in read.items():
        try:
            found[path] = parse_wordlist(data.decode("utf-8"), path)
        except (UnicodeDecodeError, ConfigError):
            continue
    if key is not None and found and len(found) == len(read):
        regexcache.put_data(key, [(w.header, [tuple(e) for e in w.entries]) for w in found.values()])
    return found


def _together_key(parts: Iterable[bytes]) -> str | None:
    """The key of the entry of ``load_together``: the code of the parser and of this module
    (which stores the entries as rows) and each list's bytes, preceded by their length."""
    try:
        code = regexcache.source_digest(wordlist_module.__file__) + regexcache.source_digest(__file__)
    except OSError:
        return None
    digest = blake2b(code.encode("ascii"), digest_size=16)
    for data in parts:
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return f"wordlists-1-{digest.hexdigest()}"


#: ``Entry`` made from a stored row in C (the row's fields in order, ``marshal`` keeps the
#: tags' frozenset and the variants' tuple), without a Python call per entry.
_ENTRY_FROM_ROW = partial(tuple.__new__, Entry)


def _from_rows(header: str, rows: list[tuple]) -> tuple[str, tuple[Entry, ...]]:
    """A list's header and entries from its stored rows; ValueError for rows of another shape."""
    if not isinstance(header, str) or set(map(len, rows)) - {len(Entry._fields)}:
        raise ValueError("not a stored word list")
    return header, tuple(map(_ENTRY_FROM_ROW, rows))
