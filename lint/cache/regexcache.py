"""A disk cache of compiled regular expressions.

The rule packs compile large patterns from their word lists (every inflected
form of several hundred entries, as tries). Parsing and compiling them costs
more than linting a whole article, on every start of ``newslint``. This module
keeps the compiled program of each pattern (what ``re`` hands to the ``_sre``
engine) in one cache file per Python version, so later runs skip the parser
and the compiler.

The cache depends on ``re``'s internals, so it is keyed by the Python version
and ``_sre.MAGIC``, and every failure (a different Python, a damaged or
unwritable cache file) falls back to plain ``re.compile``: the cache can make
newslint faster, never wrong. ``NEWSLINT_CACHE_DIR`` moves the cache;
``NEWSLINT_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import atexit
from array import array
import hashlib
import marshal
import os
import re
import sys
from pathlib import Path

try:  # the engine's internals; absent or different on other Pythons
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    _sre = None

#: The array type of the engine's code words (stored packed); None: store lists.
_CODE_TYPE = next((t for t in "IL" if _sre is not None and array(t).itemsize == _sre.CODESIZE), None)

MAX_ENTRIES = 2000
#: Shorter patterns are compiled by ``re`` (a lookup saves little on them).
MIN_LENGTH = 24
_cache: dict[str, tuple] | None = None
_used: set[str] = set()
_dirty = False
#: Built data (e.g. a word list's pattern strings and form tables), keyed by content.
MAX_DATA_ENTRIES = 200


_FILES: dict[tuple, Path | None] = {}


def cache_file() -> Path | None:
    env = os.environ
    where = (env.get("NEWSLINT_NO_CACHE"), env.get("NEWSLINT_CACHE_DIR"), env.get("XDG_CACHE_HOME"), env.get("HOME"))
    path = _FILES.get(where, False)
    if path is False:
        path = _FILES[where] = _cache_file()
    return path


def _cache_file() -> Path | None:
    if os.environ.get("NEWSLINT_NO_CACHE") or _sre is None:
        return None
    root = os.environ.get("NEWSLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newslint"
    )
    version = "".join(map(str, sys.version_info[:3]))
    return Path(root) / f"regex2-py{version}-{_sre.MAGIC}.marshal"


def _load() -> dict[str, tuple]:
    global _cache
    if _cache is None:
        _cache = {}
        path = cache_file()
        if path is not None:
            try:
                data = marshal.loads(path.read_bytes())
                if isinstance(data, dict):
                    _cache = data
            except (OSError, ValueError, EOFError, TypeError):
                pass
    return _cache


def _program(pattern: str, flags: int) -> tuple:
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints only: the opcodes are int subclasses that marshal cannot store; as
    # packed bytes the cache file loads several times faster than as a list of ints
    packed = array(_CODE_TYPE, code).tobytes() if _CODE_TYPE else [int(c) for c in code]
    return (int(flags | parsed.state.flags), packed, int(parsed.state.groups - 1), groupindex, tuple(indexgroup))


def _unpacked(program: tuple) -> tuple:
    flags, code, groups, groupindex, indexgroup = program
    if isinstance(code, bytes):
        code = array(_CODE_TYPE, code).tolist()
    return flags, code, groups, groupindex, indexgroup


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile`` with the compiled program cached on disk."""
    global _dirty
    if _sre is None or cache_file() is None or len(pattern) < MIN_LENGTH:
        return re.compile(pattern, flags)
    key = hashlib.blake2b(f"{flags}\0{pattern}".encode(), digest_size=16).hexdigest()
    cache = _load()
    program = cache.get(key)
    if program is not None:
        try:
            compiled = _sre.compile(pattern, *_unpacked(program))
            _used.add(key)
            return compiled
        except Exception:  # a stale or damaged entry: compile afresh
            cache.pop(key, None)
    try:
        program = _program(pattern, flags)
        compiled = _sre.compile(pattern, *_unpacked(program))
    except re.error:
        raise
    except Exception:  # internals differ on this Python: no cache
        return re.compile(pattern, flags)
    cache[key] = program
    _used.add(key)
    if not _dirty:
        _dirty = True
        atexit.register(save)
    return compiled


def save() -> None:
    """Write the cache (atomically) if this process compiled anything new."""
    global _dirty
    path = cache_file()
    if not _dirty or path is None or _cache is None:
        return
    _dirty = False
    keep = _cache
    if len(keep) > MAX_ENTRIES:  # forget what this run did not use
        keep = {k: v for k, v in keep.items() if k in _used}
    try:
        from lint.engine.fileio import atomic_write_bytes

        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, marshal.dumps(keep))
    except (OSError, ValueError):
        pass  # a read-only home: run without the cache


def data_folder() -> Path | None:
    path = cache_file()
    if path is None:
        return None
    version = "".join(map(str, sys.version_info[:2]))
    return path.parent / f"data-py{version}"


def _data_path(key: str) -> Path | None:
    folder = data_folder()
    if folder is None or not key.replace("-", "").isalnum():
        return None
    return folder / f"{key}.marshal"


def digest(text: str) -> str:
    """A short stable hex digest, for building data-cache keys."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def get_data(key: str):
    """Data stored under ``key`` by an earlier run (see ``put_data``), or None.

    One file per key: a run reads only the data it needs, however many
    versions of other word lists the folder holds.
    """
    path = _data_path(key)
    if path is None:
        return None
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def put_data(key: str, value) -> None:
    """Keep ``value`` (plain data that ``marshal`` can store) for later runs.

    Written atomically; the folder keeps the ``MAX_DATA_ENTRIES`` newest files.
    """
    path = _data_path(key)
    if path is None:
        return
    try:
        from lint.engine.fileio import atomic_write_bytes

        data = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)
        files = sorted(path.parent.glob("*.marshal"), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in files[MAX_DATA_ENTRIES:]:
            old.unlink()
    except (OSError, ValueError):
        pass  # a read-only home: run without the cache


def drop_data(key: str) -> None:
    """Forget a stored value that turned out unusable."""
    path = _data_path(key)
    if path is not None:
        try:
            path.unlink()
        except OSError:
            pass
