"""Compiled regular expressions and built data, kept in the one cache (``lint.cache.store``).

The rule packs compile large patterns from their word lists (every inflected
form of several hundred entries, as tries). Parsing and compiling them costs
more than linting a whole article, on every start of ``newslint``. ``compile``
keeps the compiled program of each pattern (what ``re`` hands to the ``_sre``
engine) as a cache entry whose key is the full pattern and its flags, plus
``_sre.MAGIC`` and the code word size (the environment of the store adds the
Python version and platform). A program that ``_sre`` rejects, or any other
failure, falls back to plain ``re.compile``: the cache can make newslint
faster, never different. (Why the internals are kept: see the README, "How
newslint stays fast".)

Patterns shorter than ``BUNDLED_LENGTH`` (the modules' own patterns, most of
them a few dozen characters) are kept together in one entry, the *bundle*:
one file read serves them all, where a file per pattern would cost more to
open than the pattern costs to compile. A process reads the bundle at its
first compile and writes it back at exit if it compiled a pattern the bundle
lacked. Longer patterns (the word lists' tries) keep an entry each, read only
when a kind needs it.

``get_data``/``put_data`` keep plain built data (word lists' entries, pattern
strings, tables) under keys the callers derive from content; ``file_digest``
gives the content digest of a data file or module source for such keys.
"""

from __future__ import annotations

from array import array
import os
from pathlib import Path
import re

from lint.cache import store

try:  # the engine's internals; absent or different on other Pythons
    import _sre
    from re import _parser
except ImportError:  # pragma: no cover
    _sre = None

#: The array type of the engine's code words (stored packed); None: no program cache.
_CODE_TYPE = next((t for t in "IL" if _sre is not None and array(t).itemsize == _sre.CODESIZE), None)

#: Patterns shorter than this share the bundle; longer ones have an entry each.
BUNDLED_LENGTH = 1000
#: The bundle keeps at most this many programs (past it, only those the writing process used).
BUNDLE_LIMIT = 5000
KIND = "regex"
BUNDLE_KIND = "regex-bundle"
DATA_KIND = "data"
#: The cache keeps this many compiled programs and data entries (the most recently written).
MAX_ENTRIES = 2000


def _program(pattern: str, flags: int) -> tuple:
    from lint.cache import startchars  # only a pattern the cache lacks is compiled: not imported by a warm run

    parsed = _parser.parse(pattern, flags)
    code = startchars.code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints only: the opcodes are int subclasses that marshal cannot store; as
    # packed bytes an entry loads several times faster than as a list of ints
    packed = array(_CODE_TYPE, code).tobytes()
    return (int(flags | parsed.state.flags), packed, int(parsed.state.groups - 1), groupindex, tuple(indexgroup))


def _well_formed(value) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 5
        and isinstance(value[0], int)
        and isinstance(value[1], bytes)
        and len(value[1]) % _sre.CODESIZE == 0
        and isinstance(value[2], int)
        and isinstance(value[3], dict)
        and isinstance(value[4], tuple)
    )


def _from_program(pattern: str, program: tuple) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup)


#: Names the way programs are made (``startchars``): programs made otherwise are not read.
_MAKER = "startchars-3"


def _key(pattern: str, flags: int) -> str:
    return f"sre {_sre.MAGIC} {_sre.CODESIZE} {_MAKER}\nflags {flags}\n{pattern}"


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile`` with the compiled program cached on disk."""
    if _CODE_TYPE is None:
        return re.compile(pattern, flags)
    flags = int(flags)
    cache = store.user_store()
    if cache.root is None:  # no cache: compiled afresh, the same program
        return _compile_afresh(pattern, flags)[0]
    if len(pattern) < BUNDLED_LENGTH:
        return _bundle(cache).compile(pattern, flags)
    key = _key(pattern, flags)
    program = cache.get(KIND, key, check=_well_formed)
    if program is not None:
        try:
            return _from_program(pattern, program)
        except Exception:  # rejected by _sre's code validator: compile afresh
            cache.drop(KIND, key)
    compiled, program = _compile_afresh(pattern, flags)
    if program is not None:
        cache.put(KIND, key, program)
    return compiled


def _compile_afresh(pattern: str, flags: int) -> tuple[re.Pattern, tuple | None]:
    """The compiled pattern and its program (None where this Python's internals differ)."""
    try:
        program = _program(pattern, flags)
        return _from_program(pattern, program), program
    except re.error:
        raise
    except Exception:  # internals differ on this Python: no cache
        return re.compile(pattern, flags), None


class _Bundle:
    """The programs of the short patterns, read from one entry of ``cache`` at the
    first compile and written back at exit when a pattern was added."""

    def __init__(self, cache: store.Store):
        self.cache = cache
        stored = cache.get(BUNDLE_KIND, _BUNDLE_KEY, check=lambda value: isinstance(value, dict))
        self.programs: dict = stored or {}
        self.used: set = set()
        self.added = False

    def compile(self, pattern: str, flags: int) -> re.Pattern:
        key = (pattern, flags)
        self.used.add(key)
        program = self.programs.get(key)
        if program is not None and _well_formed(program):
            try:
                return _from_program(pattern, program)
            except Exception:  # rejected by _sre's code validator: compile afresh
                pass
        compiled, program = _compile_afresh(pattern, flags)
        if program is not None:
            if not self.added:
                import atexit

                atexit.register(self.write)
            self.programs[key] = program
            self.added = True
        return compiled

    def write(self) -> None:
        programs = self.programs
        if len(programs) > BUNDLE_LIMIT:
            programs = {key: program for key, program in programs.items() if key in self.used}
        self.cache.put(BUNDLE_KIND, _BUNDLE_KEY, programs)


_BUNDLE_KEY = f"sre {_sre.MAGIC if _sre is not None else 0} {_sre.CODESIZE if _sre is not None else 0} {_MAKER}"
#: The bundle of each store (one per cache folder: the folder follows the environment), read once.
_BUNDLES: dict[store.Store, _Bundle] = {}


def _bundle(cache: store.Store) -> _Bundle:
    found = _BUNDLES.get(cache)
    if found is None:
        found = _BUNDLES[cache] = _Bundle(cache)
    return found


def digest(text: str) -> str:
    """A short stable hex digest, for building data-cache keys."""
    return store.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


#: The digest of each module source ``source_digest`` was asked for (the code of a running process does not change).
_SOURCES: dict[str, str] = {}


def source_digest(path: str) -> str:
    """A digest of the module file ``path`` (a caller's ``__file__``): part of a data
    key, so that a value is built afresh once the code that builds it changes."""
    found = _SOURCES.get(path)
    if found is None:
        found = _SOURCES[path] = file_digest(path).hex()
    return found


#: Files from this size on keep their digest in the cache (``file_digest``); smaller ones are
#: hashed (reading a cache entry costs about as much as hashing 3 KB).
DIGEST_KEPT_FROM = 8 * 1024
#: Larger files are hashed each time: a copy of them would weigh on the cache folder.
DIGEST_KEPT_UP_TO = 64 * 1024 * 1024
DIGEST_KIND = "file-digest"
_DIGEST_SIZE = 16


def file_digest(path: str | os.PathLike) -> bytes:
    """The digest (blake2b, 16 bytes) of the content of the file ``path``.

    Hashing costs about 16 instructions a byte: the translation pack's tables
    (1.3 MB) took 20 M instructions a run. So a large file's digest is kept in
    the cache with a copy of the bytes it was made from
    (``Store.put_for_content``), and a later run takes it from there after
    comparing those bytes with the file's (well under one instruction a byte).
    The digest is always that of the content read now: an edited file differs
    from the copy and is hashed afresh (and kept anew), whatever its size and
    modification time."""
    return kept_digest(os.path.abspath(path), Path(path).read_bytes())


def kept_digest(key: str, data: bytes, kind: str = DIGEST_KIND) -> bytes:
    """The digest (blake2b, 16 bytes) of ``data``, kept under ``(kind, key)`` with a
    copy of ``data`` where it is large (``file_digest``): ``key`` only names where the
    copy lives (the latest content asked for under it); the digest is always that
    of ``data``, compared byte for byte with the copy."""
    if not DIGEST_KEPT_FROM <= len(data) <= DIGEST_KEPT_UP_TO:
        return _content_digest(data)
    cache = store.user_store()
    found = cache.get_for_content(kind, key, data)
    if found is not None and len(found) == _DIGEST_SIZE:
        return found
    found = _content_digest(data)
    cache.put_for_content(kind, key, data, found)
    return found


def _content_digest(data: bytes) -> bytes:
    return store.blake2b(data, digest_size=_DIGEST_SIZE).digest()


def get_data(key: str, check=None):
    """Data stored under ``key`` by an earlier run (see ``put_data``), or None."""
    return store.user_store().get(DATA_KIND, key, check=check)


def put_data(key: str, value) -> None:
    """Keep ``value`` (plain data that ``marshal`` can store) for later runs."""
    store.user_store().put(DATA_KIND, key, value)


def drop_data(key: str) -> None:
    """Forget a stored value that turned out unusable."""
    store.user_store().drop(DATA_KIND, key)


def kept(key: str | None, restore, build):
    """A value kept in the data cache under ``key``: ``restore(data)`` of the stored
    entry, else the value of ``build()``, which returns the value and the plain data to
    keep for it (None: nothing kept). A missing, stale or damaged entry (``restore``
    raises) only means building afresh; without a key nothing is read or kept."""
    if key is not None:
        try:
            stored = get_data(key)
            if stored is not None:
                return restore(stored)
        except Exception:  # a damaged or foreign cache entry: build afresh
            drop_data(key)
    value, data = build()
    if key is not None and data is not None:
        put_data(key, data)
    return value
