"""Readers turn a source text into prose, blocks and comments (``ReadResult``).

A reader is registered through the ``register_readers`` hook and chosen by file
extension; the built-in ones are declared in ``lint.readers.catalogue``, and
``lint.readers.plain`` is the simplest.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from lint.cache import regexcache
from lint.model.document import Block, Comment, ReadResult
from lint.readers.unicode import normalise
from lint.model.record import named_tuple

TERMINAL = tuple(".!?:;…\"“”»«)")


_LINE = regexcache.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


@named_tuple
class Reader:
    """A reader: its name, the file extensions it takes, and ``parse(source)``.

    Call ``read``: it runs ``parse`` and normalises the prose to NFC for
    analysis (``lint.readers.unicode``), keeping offsets into the source. A
    reader whose reading depends on the configuration (a CMS export's field
    mapping) also gives ``configure(config) -> parse``. ``in_folders`` says
    whether a folder's files with these extensions are linted, or only files
    named explicitly (a folder of code holds JSON files that are no articles).
    """

    name: str
    extensions: tuple[str, ...]
    parse: Callable[[str], ReadResult]
    configure: Callable[[Any], Callable[[str], ReadResult]] | None = None
    in_folders: bool = True

    def read(self, source: str, config: Any = None) -> ReadResult:
        parse = self.configure(config) if self.configure is not None and config is not None else self.parse
        return normalise(parse(source))


def lines_with_offsets(text: str):
    """Yield ``(start, line)`` for each line, without its line ending.

    Lines end at ``\\r\\n``, ``\\n`` or a lone ``\\r`` (old Mac files), nowhere
    else (unlike ``str.splitlines``, which also splits at form feeds). A text without
    ``\\r`` (most) is cut at its line breaks found with ``str.find``, which costs far
    less than the regex's test of every character."""
    if "\r" in text:
        for m in _LINE.finditer(text):
            yield m.start(), m.group().rstrip("\r\n")
        return
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start)
        if stop == -1:
            yield start, text[start:]
            return
        yield start, text[start:stop]
        start = stop + 1


def find_comments(text: str, start: int, end: int, first_only: bool = False) -> list[Comment]:
    """``<!-- ... -->`` comments in ``text[start:end]``, in one linear scan; an
    unclosed comment runs to ``end`` (as in a browser)."""
    out: list[Comment] = []
    pos = text.find("<!--", start, end)
    while pos >= 0:
        close = text.find("-->", pos + 4, end)
        stop = end if close < 0 else close + 3
        out.append(Comment(pos, stop, text[pos + 4 : stop if close < 0 else close].strip()))
        if first_only or close < 0:
            break
        pos = text.find("<!--", stop, end)
    return out


def trim(prose: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without the white space at either end."""
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    return start, end


def blank(text: str) -> str:
    """Blank out ``text`` keeping its length and its line breaks."""
    return re.sub(r"[^\n\r]", " ", text)


#: The most words a line that looks like a heading has.
HEADING_WORDS = 12


def looks_like_heading(line: str) -> bool:
    """A short line that does not end like a sentence. Its words are counted up to one
    past the limit (``split`` with a ``maxsplit``): a one-line article of hundreds of
    words is not cut into all of them."""
    stripped = line.strip()
    return (
        bool(stripped)
        and not stripped.endswith(TERMINAL)
        and len(stripped.split(None, HEADING_WORDS)) <= HEADING_WORDS
    )


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
