"""Reading the articles a command was given: files, or ``-`` for standard input.

Shared by ``check`` and ``stats``: binary files become notices, unreadable or
undecodable ones problems, and neither stops the other files.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from lint.model.errors import InputError
from lint.engine.fileio import BinaryFile, decode, read_text


@dataclass(frozen=True)
class Input:
    display: str  # the path shown in reports (``--stdin-filename`` or "-" for stdin)
    lookup: str  # the path that picks the reader and the configuration
    text: str


def read_inputs(
    files: list[str],
    stdin_filename: str | None,
    problems: list[str],
    notices: list[str],
    skip: Callable[[str], bool] = lambda name: False,
) -> Iterator[Input]:
    for name in files:
        try:
            if name == "-":
                display = stdin_filename or "-"
                yield Input(display, stdin_filename or "stdin.txt", decode(sys.stdin.buffer.read(), display))
            elif not skip(name):
                yield Input(name, name, read_text(Path(name)))
        except BinaryFile:
            notices.append(f"{name}: skipped, looks like a binary file")
        except InputError as exc:
            problems.append(str(exc))
