"""The vocabulary of the analysis mechanisms, read from plain word lists.

Speech verbs, negators, name-type words and semantic fields are policy, not
code: they are word lists (one entry a line, a header saying what belongs) in
the data folder of the built-in hype pack, ``rules/hype/data``, where an
editor can change them. The mechanisms in ``lint.language`` (speech,
negation, names, fields) take the prepared vocabulary as an argument; this
module reads it for the per-document analysis.

A prepared vocabulary is kept per file and rebuilt when the file changes: the
key is the path, its size and its modification time, so a long-running
language server sees an edited list and nothing stale survives an edit. The
stamps are read once per look (``lint.language.stamps``: a lint call, a batch),
not once per document.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

from lint.language import stamps
from lint.language.wordlist import WordList, load_wordlist
from lint.model.errors import ConfigError

T = TypeVar("T")

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


# (folder, pattern) -> (folder's mtime, sorted file names)
_LISTINGS: dict[tuple[Path, str], tuple[int, tuple[str, ...]]] = {}


def listing(folder: Path | None = None, pattern: str = "*.txt") -> tuple[str, ...]:
    """The names of ``folder``'s files that match ``pattern`` (word lists by default), read
    again when a file is added or removed."""
    folder = folder or data_folder()
    try:
        stamp = stamps.stat(folder).st_mtime_ns
    except OSError as exc:
        raise ConfigError(f"cannot read word-list folder {folder}: {exc}") from None
    held = _LISTINGS.get((folder, pattern))
    if held is None or held[0] != stamp:
        held = _LISTINGS[(folder, pattern)] = (stamp, tuple(sorted(p.name for p in folder.glob(pattern))))
    return held[1]


def read(path: Path) -> WordList:
    """One word list, its parsed entries kept on disk by content (``load_wordlist``);
    callers go through :func:`prepared`, which rebuilds when the file changes."""
    return load_wordlist(path)


def prepared(name: str, build: Callable[[WordList], T], folder: Path | None = None) -> T:
    """``build(list)`` for the list ``name``, rebuilt only when the file changed."""
    (path,) = paths((name,), folder)
    try:
        stat = stamps.stat(path)
    except OSError as exc:
        raise ConfigError(f"cannot read word list {path}: {exc}") from None
    stamp = (stat.st_size, stat.st_mtime_ns)
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
    found = []
    for path in paths:
        try:
            stat = stamps.stat(path)
        except OSError as exc:
            raise ConfigError(f"cannot read word list {path}: {exc}") from None
        found.append((stat.st_size, stat.st_mtime_ns))
    key = (paths, f"{build.__module__}.{build.__qualname__}")
    held = _PREPARED_MANY.get(key)
    if held is not None and held[0] == tuple(found):
        return held[1]  # type: ignore[return-value]
    value = build(paths)
    _PREPARED_MANY[key] = (tuple(found), value)
    return value


def terms(wordlist: WordList) -> tuple[str, ...]:
    """The entries of a plain list, as written (every ``|`` variant)."""
    return tuple(v for e in wordlist.entries if not e.exception for v in (e.variants or (e.term,)))
