"""Readers turn a source text into prose, blocks and comments (``ReadResult``).

A reader is registered through the ``register_readers`` hook and chosen by file
extension; see ``lint.readers.plain`` for the simplest one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from lint.model.document import Block, ReadResult

TERMINAL = tuple(".!?:;…\"“”»«)")


@dataclass(frozen=True)
class Reader:
    """``read(source)`` separates prose from markup. A reader whose reading
    depends on the configuration (a CMS export's field mapping) also gives
    ``configure(config) -> read``. ``in_folders`` says whether a folder's files
    with these extensions are linted, or only files named explicitly (a folder
    of code holds JSON files that are no articles)."""

    name: str
    extensions: tuple[str, ...]
    read: Callable[[str], ReadResult]
    configure: Callable[[Any], Callable[[str], ReadResult]] | None = None
    in_folders: bool = True


def lines_with_offsets(text: str):
    """Yield ``(start, line)`` for each line, without its line ending."""
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line.rstrip("\r\n")
        pos += len(line)


def blank(text: str) -> str:
    """Blank out ``text`` keeping its length and its line breaks."""
    return re.sub(r"[^\n\r]", " ", text)


def looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.endswith(TERMINAL) and len(stripped.split()) <= 12


def text_blocks(prose: str) -> list[Block]:
    """Blocks of plain text: blank lines separate blocks; a lone line is its own
    paragraph (news files often put one paragraph per line) unless the lines of
    a group are hard-wrapped, in which case the group is one paragraph."""
    blocks: list[Block] = []
    group: list[tuple[int, str]] = []

    def flush():
        if not group:
            return
        wrapped = (
            len(group) >= 2
            and all(len(l.strip()) <= 100 for _, l in group)
            and all(len(l.strip()) >= 50 for _, l in group[:-1])
            and (len(group) >= 3 or any(l.lstrip()[:1].islower() for _, l in group[1:]))
        )
        if wrapped:
            start, first = group[0]
            end_start, last = group[-1]
            blocks.append(Block(start + _lead(first), end_start + len(last.rstrip()), "paragraph"))
        else:
            for start, line in group:
                kind = "heading" if looks_like_heading(line) else "paragraph"
                blocks.append(Block(start + _lead(line), start + len(line.rstrip()), kind))
        group.clear()

    for start, line in lines_with_offsets(prose):
        if line.strip():
            group.append((start, line))
        else:
            flush()
    flush()
    return blocks


def _lead(line: str) -> int:
    return len(line) - len(line.lstrip())
