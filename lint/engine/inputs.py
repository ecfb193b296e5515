"""Reading the articles a command was given: files, or ``-`` for standard input.

Shared by ``check`` and ``stats``: binary files become notices, unreadable or
undecodable ones problems, and neither stops the other files. A file larger
than the size limit (``max-file-size`` in the configuration, in megabytes;
``--max-file-size`` on the command line; 0: no limit) is refused unread with
one error line, which makes the run exit 2: never a silent skip.
"""

from __future__ import annotations

import io
import math
import os
import sys
from pathlib import Path
from typing import Callable, Iterator

from lint.model.errors import InputError
from lint.engine.fileio import BinaryFile, decode_as_read, read_bytes
from lint.model.record import named_tuple
from lint.plugins.hookspecs import hookimpl

#: Megabytes (10**6 bytes) above which a file is refused. Files up to 20 MB
#: lint in linear time and under 300 MB of memory (bench/big_file.py).
DEFAULT_MAX_FILE_SIZE = 25


@named_tuple
class Input:
    display: str  # the path shown in reports (``--stdin-filename`` or "-" for stdin)
    lookup: str  # the path that picks the reader and the configuration
    text: str
    #: ``text`` in UTF-8 as read, when the bytes are exactly that (``fileio.decode_as_read``), else
    #: None: the result cache hashes them, and a plain text's analysis takes them as its
    #: prose's UTF-8 (``Engine.documents``), instead of encoding the text again.
    encoded: bytes | None = None

    def _replace(self, **changes) -> "Input":
        """A copy with ``changes``; a new ``text`` drops ``encoded`` (the bytes of the old
        one), unless it is given too: ``--fix`` replaces the text of what was read."""
        if "text" in changes and "encoded" not in changes:
            changes["encoded"] = None
        made = self._make(map(changes.pop, self._fields, self))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return made


def read_inputs(
    files: list[str],
    stdin_filename: str | None,
    problems: list[str],
    notices: list[str],
    skip: Callable[[str], bool] = lambda name: False,
    limit: Callable[[str], float] = lambda name: DEFAULT_MAX_FILE_SIZE,
) -> Iterator[Input]:
    """The files (``-``: standard input) as text; ``limit(lookup path)`` gives a file's size limit in megabytes."""
    for name in files:
        try:
            if name == "-":
                display = stdin_filename or "-"
                data = sys.stdin.buffer.read()
                check_size(display, len(data), limit(stdin_filename or "stdin.txt"))
                yield Input(display, stdin_filename or "stdin.txt", *decode_as_read(data, display))
            elif not skip(name):
                try:
                    size = os.stat(name).st_size
                except OSError:
                    size = 0  # read_bytes says what is wrong
                check_size(name, size, limit(name))
                data = _read_file(name)
                yield Input(name, name, *_decoded(data, name))
        except BinaryFile:
            notices.append(f"{name}: skipped, looks like a binary file")
        except InputError as exc:
            problems.append(str(exc))


def _read_file(name: str) -> bytes:
    """The bytes of the file ``name``, read without a path object or a buffer (a run reads
    hundreds); where that fails, ``fileio.read_bytes`` of its ``Path`` reads it or raises
    its ``InputError``, which names the file as the path shows it."""
    try:
        with io.FileIO(name) as handle:
            return handle.readall()
    except (OSError, ValueError):
        return read_bytes(Path(name))


def _decoded(data: bytes, name: str) -> tuple[str, bytes | None]:
    """``fileio.decode_as_read`` of a file's bytes (its text, and the bytes if they are
    its UTF-8); its error names the file as its ``Path`` shows it (made only then)."""
    try:
        return decode_as_read(data, name)
    except InputError:
        return decode_as_read(data, str(Path(name)))


def check_size(name: str, size: int, megabytes: float) -> None:
    """Refuse a file over the limit with ``InputError`` (German and English, what to do)."""
    if megabytes and size > megabytes * 1_000_000:
        raise InputError(
            f"{name}: {size / 1_000_000:.1f} MB, größer als die Grenze von {megabytes:g} MB – nicht geprüft "
            f"(file larger than the size limit of {megabytes:g} MB, not linted; split it, or raise the limit: "
            "max-file-size in the configuration, --max-file-size on the command line, 0 = no limit)"
        )


def _megabytes(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError("a number of megabytes, 0 or more (0: no limit)")
    return value


@hookimpl
def register_settings():
    from lint.model.config import Setting

    return [Setting("max-file-size", DEFAULT_MAX_FILE_SIZE, _megabytes,
                    "Größte Datei in Megabyte, die geprüft wird (0: keine Grenze); größere: Fehler, Exit 2")]
