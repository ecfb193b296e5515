"""Reading articles safely and writing reports atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from lint.model.errors import InputError

BINARY_PROBE = 8192


class BinaryFile(Exception):
    """The file looks binary; it is skipped with a notice."""


#: The UTF-8 byte-order mark, which ``decode`` drops.
BOM = b"\xef\xbb\xbf"


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM); report the byte offset of bad input."""
    if data.find(b"\x00", 0, BINARY_PROBE) >= 0:
        raise BinaryFile(name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(BOM) else 0)
        raise InputError(
            f"{name}: not valid UTF-8 at byte {offset} (0x{data[offset]:02x}); save the file as UTF-8"
        ) from None


def decode_as_read(data: bytes, name: str) -> tuple[str, bytes | None]:
    """``decode(data, name)``, and ``data`` itself if it is that text's UTF-8, else None.
    It is, unless it opens with a byte-order mark, which the decoding drops: strict UTF-8
    decodes and encodes back to the same bytes. Bytes without a byte-order mark and
    without a NUL in the part ``decode`` probes decode as UTF-8 straight away, the same
    text as ``utf-8-sig`` gives them, without its codec's Python-level detour (6 M
    instructions a corpus run); anything else, and a decoding error, goes through
    ``decode`` (which raises its error)."""
    if data.startswith(BOM):
        return decode(data, name), None
    if data.find(b"\x00", 0, BINARY_PROBE) < 0:
        try:
            return data.decode("utf-8"), data
        except UnicodeDecodeError:
            pass  # ``decode`` says where
    return decode(data, name), data


def read_bytes(path: Path) -> bytes:
    """The file's bytes; ``InputError`` saying why it cannot be read."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_text(path: Path) -> str:
    return decode(read_bytes(path), str(path))


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file: never half-written."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    A symbolic link is written through to its target (the link stays); a target
    that exists but is not a regular file (a device, a FIFO, a folder) is refused
    with ``InputError``; an existing file keeps its permissions, a new one gets
    the permissions the umask allows. ``private`` (newslint's own cache): the
    entry itself is replaced, whatever it is, and only the user may read it.
    """
    path = Path(path) if private else Path(os.path.realpath(path))
    try:
        info = None if private else os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file; refusing to replace it")
    if private:
        mode = 0o600
    elif info is not None:
        mode = stat.S_IMODE(info.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    from lint.cache.store import replace_file

    replace_file(os.fspath(path), data, mode)
