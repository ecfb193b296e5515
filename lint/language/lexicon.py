"""The vocabulary of the analysis mechanisms, read from plain word lists.

Speech verbs, negators, name-type words and semantic fields are policy, not
code: they are word lists (one entry a line, a header saying what belongs) in
the data folder of the built-in hype pack, ``rules/hype/data``, where an
editor can change them. The mechanisms in ``lint.language`` (speech,
negation, names, fields) take the prepared vocabulary as an argument; this
module reads it for the per-document analysis.

A prepared vocabulary is kept per file and rebuilt when the file changes: the
key is the path, its size and its modification time, so a long-running
language server sees an edited list and nothing stale survives an edit.

A file's size and modification time are read (``stat``) once per *check
round* (``check_round``): the engine opens one for each lint call and for a
batch of files, so a document does not ``stat`` every list it reads again, and
the next lint call (the language server's next lint) sees an edit. Outside a
round every question reads the file's stamp anew.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from lint.language.wordlist import WordList, load_wordlist
from lint.model.errors import ConfigError

T = TypeVar("T")

#: The stamps read in the current check round (path → (size, mtime_ns)), or None
#: outside one. A context variable: each thread of the language server has its own
#: round, so one lint call never reuses another's stamps.
_ROUND: ContextVar[dict | None] = ContextVar("newslint_check_round", default=None)


@contextmanager
def check_round() -> Iterator[None]:
    """Within: each file's stamp (``file_stamp``) is read once. Opened by the engine
    per lint call and per batch; a round opened inside another one is part of it."""
    if _ROUND.get() is not None:
        yield
        return
    token = _ROUND.set({})
    try:
        yield
    finally:
        _ROUND.reset(token)


def file_stamp(path: "str | Path") -> tuple[int, int]:
    """``(size, mtime_ns)`` of ``path`` (``OSError`` if it cannot be read): from
    ``os.stat``, once per check round (every time outside one)."""
    held = _ROUND.get()
    stamp = None if held is None else held.get(path)
    if stamp is None:
        st = os.stat(path)
        stamp = (st.st_size, st.st_mtime_ns)
        if held is not None:
            held[path] = stamp
    return stamp


def _list_stamp(path: Path) -> tuple[int, int]:
    """``file_stamp`` of a word list, a missing one a configuration error."""
    try:
        return file_stamp(path)
    except OSError as exc:
        raise ConfigError(f"cannot read word list {path}: {exc}") from None


#: The pack whose data folder holds the analysis vocabulary.
VOCABULARY_PACK = "hype"

# (path, builder) -> ((size, mtime_ns), prepared value)
_PREPARED: dict[tuple[Path, str], tuple[tuple[int, int], object]] = {}


@lru_cache(maxsize=1)
def data_folder() -> Path:
    """Where the vocabulary lives (a location, not data: found once per process)."""
    from lint.plugins.packs import builtin_rules_dir

    return builtin_rules_dir() / VOCABULARY_PACK / "data"


@lru_cache(maxsize=64)
def _paths(names: tuple[str, ...], folder: Path) -> tuple[Path, ...]:
    return tuple(folder / name for name in names)


def paths(names: tuple[str, ...], folder: Path | None = None) -> tuple[Path, ...]:
    """The paths of ``names`` in ``folder`` (the data folder by default); joined once."""
    return _paths(names, folder or data_folder())


# folder -> (folder's mtime, sorted file names)
_LISTINGS: dict[Path, tuple[int, tuple[str, ...]]] = {}


def listing(folder: Path | None = None) -> tuple[str, ...]:
    """The word-list file names of ``folder``, read again when a file is added or removed."""
    folder = folder or data_folder()
    try:
        stamp = file_stamp(folder)[1]
    except OSError as exc:
        raise ConfigError(f"cannot read word-list folder {folder}: {exc}") from None
    held = _LISTINGS.get(folder)
    if held is None or held[0] != stamp:
        held = _LISTINGS[folder] = (stamp, tuple(sorted(p.name for p in folder.glob("*.txt"))))
    return held[1]


def read(path: Path) -> WordList:
    """One word list, its parsed entries kept on disk by content (``load_wordlist``);
    callers go through :func:`prepared`, which rebuilds when the file changes."""
    return load_wordlist(path)


def prepared(name: str, build: Callable[[WordList], T], folder: Path | None = None) -> T:
    """``build(list)`` for the list ``name``, rebuilt only when the file changed."""
    (path,) = paths((name,), folder)
    stamp = _list_stamp(path)
    key = (path, f"{build.__module__}.{build.__qualname__}")
    held = _PREPARED.get(key)
    if held is not None and held[0] == stamp:
        return held[1]  # type: ignore[return-value]
    value = build(read(path))
    _PREPARED[key] = (stamp, value)
    return value


# (paths, builder) -> (stamps, prepared value)
_PREPARED_MANY: dict[tuple[tuple[Path, ...], str], tuple[tuple[tuple[int, int], ...], object]] = {}


def prepared_files(paths: tuple[Path, ...], build: Callable[[tuple[Path, ...]], T]) -> T:
    """``build(paths)`` for several files, rebuilt when any of them changed (size, mtime)."""
    stamps = tuple(map(_list_stamp, paths))
    key = (paths, f"{build.__module__}.{build.__qualname__}")
    held = _PREPARED_MANY.get(key)
    if held is not None and held[0] == stamps:
        return held[1]  # type: ignore[return-value]
    value = build(paths)
    _PREPARED_MANY[key] = (stamps, value)
    return value


def terms(wordlist: WordList) -> tuple[str, ...]:
    """The entries of a plain list, as written (every ``|`` variant)."""
    return tuple(v for e in wordlist.entries if not e.exception for v in (e.variants or (e.term,)))
