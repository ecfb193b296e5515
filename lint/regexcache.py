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

MAX_ENTRIES = 2000
_cache: dict[str, tuple] | None = None
_used: set[str] = set()
_dirty = False
#: Built data (e.g. a word list's pattern strings and form tables), keyed by content.
MAX_DATA_ENTRIES = 64
_data: dict[str, object] | None = None
_data_used: set[str] = set()
_data_dirty = False


def cache_file() -> Path | None:
    if os.environ.get("NEWSLINT_NO_CACHE") or _sre is None:
        return None
    root = os.environ.get("NEWSLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newslint"
    )
    version = "".join(map(str, sys.version_info[:3]))
    return Path(root) / f"regex-py{version}-{_sre.MAGIC}.marshal"


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
    # plain ints only: the opcodes are int subclasses that marshal cannot store
    return (int(flags | parsed.state.flags), [int(c) for c in code], int(parsed.state.groups - 1), groupindex, tuple(indexgroup))


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile`` with the compiled program cached on disk."""
    global _dirty
    if _sre is None or cache_file() is None or len(pattern) < 200:
        return re.compile(pattern, flags)  # small patterns compile faster than a lookup
    key = hashlib.blake2b(f"{flags}\0{pattern}".encode(), digest_size=16).hexdigest()
    cache = _load()
    program = cache.get(key)
    if program is not None:
        try:
            compiled = _sre.compile(pattern, *program)
            _used.add(key)
            return compiled
        except Exception:  # a stale or damaged entry: compile afresh
            cache.pop(key, None)
    try:
        program = _program(pattern, flags)
        compiled = _sre.compile(pattern, *program)
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
        from lint.fileio import atomic_write_bytes

        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, marshal.dumps(keep))
    except (OSError, ValueError):
        pass  # a read-only home: run without the cache


def data_file() -> Path | None:
    path = cache_file()
    if path is None:
        return None
    version = "".join(map(str, sys.version_info[:2]))
    return path.parent / f"data-py{version}.marshal"


def _load_data() -> dict[str, object]:
    global _data
    if _data is None:
        _data = {}
        path = data_file()
        if path is not None:
            try:
                data = marshal.loads(path.read_bytes())
                if isinstance(data, dict):
                    _data = data
            except (OSError, ValueError, EOFError, TypeError):
                pass
    return _data


def get_data(key: str):
    """Data stored under ``key`` by an earlier run (see ``put_data``), or None."""
    if data_file() is None:
        return None
    value = _load_data().get(key)
    if value is not None:
        _data_used.add(key)
    return value


def put_data(key: str, value) -> None:
    """Keep ``value`` (plain data that ``marshal`` can store) for later runs; written at exit."""
    global _data_dirty
    if data_file() is None:
        return
    try:
        marshal.dumps(value)
    except ValueError:
        return
    _load_data()[key] = value
    _data_used.add(key)
    if not _data_dirty:
        _data_dirty = True
        atexit.register(save_data)


def drop_data(key: str) -> None:
    """Forget a stored value that turned out unusable."""
    global _data_dirty
    if _data is not None and _data.pop(key, None) is not None and not _data_dirty:
        _data_dirty = True
        atexit.register(save_data)


def save_data() -> None:
    """Write the data cache (atomically) if this process stored anything new."""
    global _data_dirty
    path = data_file()
    if not _data_dirty or path is None or _data is None:
        return
    _data_dirty = False
    keep = _data
    if len(keep) > MAX_DATA_ENTRIES:  # forget what this run did not use
        keep = {k: v for k, v in keep.items() if k in _data_used}
    try:
        from lint.fileio import atomic_write_bytes

        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, marshal.dumps(keep))
    except (OSError, ValueError):
        pass
