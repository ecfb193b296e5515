"""newslint's one disk cache: every cached value of every run goes through here.

An entry is one file, ``<root>/<kind>/<name>.nlc``, holding::

    MAGIC | key length (8 bytes) | checksum (4 bytes) | full key | payload

The *full key* is the caller's key (which names the content the value was
built from) joined with what else the value depends on: newslint's version,
the Python implementation and version, the platform, the machine and its byte
order. It is stored in the entry and compared on reading, so a hash collision
of file names or an entry copied from another machine is a miss. The
checksum (CRC-32 over key and payload) catches flipped, truncated or replaced
bytes. It guards against damage, not against someone who can write the
folder (who could write a valid entry under any checksum), so a cryptographic
hash would only cost time: milliseconds over the megabytes a run reads. The
payload is ``marshal`` data of plain values (strings, numbers, bytes, tuples,
lists, dicts, sets): nothing read from the cache names code to import, and
nothing read is ever executed. (The one exception lives beside it, not in it:
where Python keeps no bytecode, ``lint.code_cache`` keeps the compiled code of
newslint's own modules in ``code/``, read under the same rules as these files,
only for the source file it was compiled from, checksummed.)

A value made from a file's content (a digest of it) is kept in a *copy entry*
(``Store.put_for_content``) with a copy of that content: a reader takes the
value only where its own content equals the copy byte for byte, so the
checksum covers only key and value (comparing costs a fraction of what a
checksum over the copy would).

Reading opens only regular files owned by the user (``O_NOFOLLOW`` and
``O_NONBLOCK``, then ``fstat``), so a symlink, a device or a FIFO planted in
the folder is a miss and never hangs a run. Every failure — a damaged entry,
an unreadable or unwritable folder — is a miss, and the caller builds the
value afresh: the cache makes newslint faster, never different.

The folder is ``$NEWSLINT_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/newslint``
(``~/.cache/newslint``); it is created private (mode 0700). Setting
``NEWSLINT_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path

from lint.private_files import (  # noqa: F401 - the cache's file handling, kept where start-up reaches it (lint.code_cache)
    MAX_ENTRY_BYTES,
    beyond_newest,
    make_private_folder,
    read_private_file,
    replace_file,
    user_cache_folder,
    write_private_file,
)

try:  # what ``hashlib.blake2b`` is on CPython, without the import of OpenSSL (``_hashlib``) that ``hashlib`` makes
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

MAGIC = b"NLC\x02"
_HEAD = len(MAGIC) + 8 + 4
#: No entry is larger than this; a bigger file is not read at all.
SUFFIX = ".nlc"
#: How many entries of a kind the folder keeps (the most recently written); others: DEFAULT_LIMIT.
LIMITS = {"results": 100_000, "engine-key": 8}  # an engine key's copy is megabytes (``results.engine_key``)
DEFAULT_LIMIT = 2000


def environment() -> bytes:
    """What every entry depends on besides its own key."""
    from lint import __version__

    parts = (
        f"newslint {__version__}",
        f"{sys.implementation.name} {sys.version}",
        f"marshal {marshal.version}",
        f"entry {MAGIC.hex()}",  # the layout: entries of another layout have other names
        f"{sys.platform} {os.uname().machine if hasattr(os, 'uname') else ''} {sys.byteorder} {sys.maxsize.bit_length() + 1}-bit",
    )
    return "\n".join(parts).encode("utf-8")


_ENVIRONMENT: list[bytes] = []


def _environment() -> bytes:
    if not _ENVIRONMENT:
        _ENVIRONMENT.append(environment())
    return _ENVIRONMENT[0]


def default_root() -> Path | None:
    """The user cache folder (``NEWSLINT_CACHE_DIR`` moves it), or None when turned off."""
    setting = _setting()
    if setting not in _ROOTS:
        folder = user_cache_folder(*_values(setting)[:3])
        _ROOTS[setting] = Path(folder) if folder is not None else None
    return _ROOTS[setting]


#: The environment variables the user cache folder is made of.
_SETTING_NAMES = ("NEWSLINT_NO_CACHE", "NEWSLINT_CACHE_DIR", "XDG_CACHE_HOME", "HOME")
#: Their names as ``os.environ`` keeps them (bytes on POSIX, upper case on Windows); None: read by name.
_SETTING_KEYS = tuple(map(os.environ.encodekey, _SETTING_NAMES)) if hasattr(os.environ, "encodekey") else None


def _setting() -> tuple:
    """The environment variables the user cache folder is made of, now (None
    where unset): ``NEWSLINT_NO_CACHE``, ``NEWSLINT_CACHE_DIR``, ``XDG_CACHE_HOME``
    and ``HOME``, looked up on every cache access, so a changed environment moves
    the cache at once.

    Every compiled pattern and data entry asks, several hundred times a run, so
    the values are read from the mapping ``os.environ`` keeps (``_data``: the
    names and values encoded, as the operating system has them): the same
    values as ``os.environ.get``, without its Python-level encoding and decoding
    and the ``KeyError`` it raises and catches for an unset variable (about
    25,000 instructions a call). The values serve as the key of the setting;
    ``_values`` decodes them where a root is made. An ``os.environ`` without
    that mapping is read by name."""
    data = getattr(os.environ, "_data", None)
    if _SETTING_KEYS is None or not isinstance(data, dict):
        return tuple(map(os.environ.get, _SETTING_NAMES))
    get = data.get
    off, folder, xdg, home = _SETTING_KEYS
    return (get(off), get(folder), get(xdg), get(home))


def _values(setting: tuple) -> tuple:
    """The setting's values as strings (they are the operating system's bytes
    where ``_setting`` read them from ``os.environ``'s own mapping)."""
    return tuple(os.environ.decodevalue(value) if isinstance(value, bytes) else value for value in setting)


#: The root for each setting of the environment variables it is made of (looked up on every cache access).
_ROOTS: dict[tuple, Path | None] = {}


def digest(data: bytes | str) -> str:
    """A short hex digest of content, for building keys."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return blake2b(data, digest_size=16).hexdigest()


class Store:
    """Verified cache entries under ``root`` (None: a store that keeps nothing)."""

    def __init__(self, root: Path | None, gitignore: bool = False):
        self.root = Path(root) if root is not None else None
        #: The folder's name with a separator at its end: entry names are made by joining strings.
        self._prefix = os.path.join(self.root, "") if root is not None else ""
        self.gitignore = gitignore
        self._ready = False
        self._written: set[str] = set()

    # -- keys and files ------------------------------------------------------

    @staticmethod
    def _valid_kind(kind: str) -> bool:
        return bool(kind) and kind.replace("-", "").isalnum() and kind.isascii()

    def full_key(self, kind: str, key: str | bytes) -> bytes:
        if isinstance(key, str):
            key = key.encode("utf-8")
        return _environment() + b"\n" + kind.encode("ascii") + b"\n" + key

    def path(self, kind: str, key: str | bytes) -> Path | None:
        if self.root is None or not self._valid_kind(kind):
            return None
        return Path(self._file(kind, self.full_key(kind, key)))

    def _file(self, kind: str, full_key: bytes) -> str:
        """The entry's file name (a plain string: the reader needs no ``Path``)."""
        name = blake2b(full_key, digest_size=20).hexdigest()
        return self._prefix + kind + os.sep + name + SUFFIX

    # -- reading -------------------------------------------------------------

    def get(self, kind: str, key: str | bytes, check=None):
        """The value stored under ``(kind, key)``, or None (a miss).

        ``check(value)`` may reject a value of the wrong shape (also a miss).
        """
        if self.root is None or not self._valid_kind(kind):
            return None
        full_key = self.full_key(kind, key)
        data = read_private_file(self._file(kind, full_key))
        if data is None:
            return None
        found = decode_entry(data, full_key)
        if found is None:
            return None
        try:
            if check is not None and not check(found[0]):
                return None
        except Exception:
            return None
        return found[0]

    # -- writing -------------------------------------------------------------

    def put(self, kind: str, key: str | bytes, value) -> bool:
        """Store ``value`` (plain data) atomically; False if it could not be stored."""
        path = self.path(kind, key)
        if path is None:
            return False
        try:
            data = encode_entry(self.full_key(kind, key), value)
        except (ValueError, TypeError):  # not plain data: not cached
            return False
        return self._write(kind, path, data)

    def _write(self, kind: str, path: Path, data: bytes) -> bool:
        """Write the entry file ``path`` atomically (the kind is pruned at exit)."""
        try:
            self._prepare(path.parent)
            write_private_file(os.fspath(path), data)
        except OSError:
            return False  # a read-only home: run without the cache
        if kind not in self._written:
            self._written.add(kind)
            import atexit

            atexit.register(self.prune, kind, LIMITS.get(kind, DEFAULT_LIMIT))
        return True

    # -- values kept with a copy of their content ----------------------------

    def get_for_content(self, kind: str, key: str | bytes, content: bytes) -> bytes | None:
        """The bytes ``put_for_content`` kept under ``(kind, key)`` for exactly
        ``content``, or None (a miss, also where the content differs)."""
        if self.root is None or not self._valid_kind(kind):
            return None
        full_key = self.full_key(kind, key)
        data = read_private_file(self._file(kind, full_key))
        return decode_copy_entry(data, full_key, content) if data is not None else None

    def put_for_content(self, kind: str, key: str | bytes, content: bytes, value: bytes) -> bool:
        """Keep ``value`` (a few bytes made from ``content``, such as its digest)
        with a copy of ``content``; False if it could not be stored."""
        path = self.path(kind, key)
        if path is None:
            return False
        return self._write(kind, path, encode_copy_entry(self.full_key(kind, key), value, content))

    def drop(self, kind: str, key: str | bytes) -> None:
        path = self.path(kind, key)
        if path is not None:
            try:
                path.unlink()
            except OSError:
                pass

    def _prepare(self, folder: Path) -> None:
        if not self._ready:
            make_private_folder(self.root)
            if self.gitignore:
                ignore = self.root / ".gitignore"
                if not ignore.exists():
                    from lint.engine.fileio import atomic_write

                    atomic_write(ignore, "# created by newslint: the result cache is not part of the project\n*\n")
            self._ready = True
        folder.mkdir(mode=0o700, exist_ok=True)

    def prune(self, kind: str, keep: int) -> None:
        """Keep the ``keep`` most recently written entries of ``kind``."""
        if self.root is None or not self._valid_kind(kind):
            return
        try:
            for old in beyond_newest(self.root / kind, keep, lambda entry: entry.name.endswith(SUFFIX)):
                os.unlink(old.path)
        except OSError:
            pass


def _checksum(full_key: bytes, payload: bytes | memoryview) -> bytes:
    crc = zlib.crc32(len(full_key).to_bytes(8, "little"))
    crc = zlib.crc32(full_key, crc)
    return zlib.crc32(payload, crc).to_bytes(4, "little")


def encode_entry(full_key: bytes, value) -> bytes:
    payload = marshal.dumps(value)
    return MAGIC + len(full_key).to_bytes(8, "little") + _checksum(full_key, payload) + full_key + payload


def decode_entry(data: bytes, full_key: bytes) -> tuple | None:
    """``(value,)`` if ``data`` is an intact entry for ``full_key``, else None."""
    if len(data) < _HEAD or not data.startswith(MAGIC):
        return None
    size = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 8], "little")
    if size != len(full_key) or not data.startswith(full_key, _HEAD):
        return None
    # the payload as a view: checksum and unmarshalling read it in place, without
    # a copy of the megabytes of the largest entries
    with memoryview(data) as view, view[_HEAD + size :] as payload:
        if _checksum(full_key, payload) != data[len(MAGIC) + 8 : _HEAD]:
            return None
        try:
            return (marshal.loads(payload),)
        except Exception:
            return None


#: An entry that keeps a value with a copy of the content it was made from::
#:
#:     COPY_MAGIC | key length (8) | value length (8) | checksum (4) | full key | value | content
#:
#: The checksum (CRC-32) covers key and value only: the copy is compared byte
#: for byte with the content a reader has (a compare costs a fraction of an
#: instruction a byte, a checksum about four), so a damaged copy is a miss too.
COPY_MAGIC = b"NLK\x01"
_COPY_HEAD = len(COPY_MAGIC) + 8 + 8 + 4


def encode_copy_entry(full_key: bytes, value: bytes, content: bytes) -> bytes:
    sizes = len(full_key).to_bytes(8, "little") + len(value).to_bytes(8, "little")
    return COPY_MAGIC + sizes + _checksum(full_key, value) + full_key + value + content


def decode_copy_entry(data: bytes, full_key: bytes, content: bytes) -> bytes | None:
    """The value of ``data`` if it is an intact copy entry for ``full_key`` and ``content``, else None."""
    if len(data) < _COPY_HEAD or not data.startswith(COPY_MAGIC):
        return None
    key_size = int.from_bytes(data[len(COPY_MAGIC) : len(COPY_MAGIC) + 8], "little")
    value_size = int.from_bytes(data[len(COPY_MAGIC) + 8 : len(COPY_MAGIC) + 16], "little")
    value_at = _COPY_HEAD + key_size
    if (
        key_size != len(full_key)
        or len(data) != value_at + value_size + len(content)
        or not data.startswith(full_key, _COPY_HEAD)
        or not data.endswith(content)  # compared in place: no copy of the content is made
    ):
        return None
    value = data[value_at : value_at + value_size]
    return value if _checksum(full_key, value) == data[_COPY_HEAD - 4 : _COPY_HEAD] else None


_STORES: dict[Path | None, Store] = {}
#: The store of each setting of the environment variables (``_setting``): a lookup
#: of the setting, without hashing a ``Path`` on every cache access.
_USER_STORES: dict[tuple, Store] = {}


def user_store() -> Store:
    """The store in the user cache folder (follows the environment at each call)."""
    store = _USER_STORES.get(_setting())
    if store is None:
        root = default_root()
        store = _STORES.get(root)
        if store is None:
            store = _STORES[root] = Store(root)
        _USER_STORES[_setting()] = store
    return store
