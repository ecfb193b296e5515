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
    """Yield ``(start, line)`` for each line, without its line ending (``line_spans``)."""
    for start, end in line_spans(text):
        yield start, text[start:end]


def line_spans(text: str):
    """Yield ``(start, end)`` of each line without its line ending, without copying
    the lines (a news file often holds a whole article on one line).

    Lines end at ``\\r\\n``, ``\\n`` or a lone ``\\r`` (old Mac files), nowhere
    else (unlike ``str.splitlines``, which also splits at form feeds). A text without
    ``\\r`` (most) is cut at its line breaks found with ``str.find``, which costs far
    less than the regex's test of every character."""
    if "\r" in text:
        for m in _LINE.finditer(text):
            start = m.start()
            yield start, start + len(m.group().rstrip("\r\n"))
        return
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start)
        if stop == -1:
            yield start, end
            return
        yield start, stop
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
    """A short line that does not end like a sentence (``_heading_at``)."""
    stripped = line.strip()
    return bool(stripped) and _heading_at(stripped, 0, len(stripped))


def _heading_at(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` (non-empty, white space trimmed) looks like a
    heading: it does not end like a sentence and has at most ``HEADING_WORDS`` words. The
    words are counted up to one past the limit (``split`` with a ``maxsplit``), and only
    of a line that does not end like a sentence: a one-line article of hundreds of words
    is neither copied nor cut into all of them."""
    return not text.endswith(TERMINAL, start, end) and len(text[start:end].split(None, HEADING_WORDS)) <= HEADING_WORDS


def text_blocks(prose: str) -> list[Block]:
    """Blocks of plain text: blank lines separate blocks; a lone line is its own
    paragraph (news files often put one paragraph per line) unless the lines of
    a group are hard-wrapped, in which case the group is one paragraph.

    Lines are handled as spans of ``prose``, white space trimmed (``trim``), not
    as copies of them."""
    blocks: list[Block] = []
    group: list[tuple[int, int]] = []  # the lines of the group, trimmed

    def flush():
        if not group:
            return
        wrapped = (
            len(group) >= 2
            and all(end - start <= 100 for start, end in group)
            and all(end - start >= 50 for start, end in group[:-1])
            and (len(group) >= 3 or any(prose[start].islower() for start, _ in group[1:]))
        )
        if wrapped:
            blocks.append(Block(group[0][0], group[-1][1], "paragraph"))
        else:
            for start, end in group:
                blocks.append(Block(start, end, "heading" if _heading_at(prose, start, end) else "paragraph"))
        group.clear()

    for line_start, line_end in line_spans(prose):
        start, end = trim(prose, line_start, line_end)
        if start < end:
            group.append((start, end))
        else:
            flush()
    flush()
    return blocks
