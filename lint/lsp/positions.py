"""Source offsets <-> LSP positions in the negotiated position encoding.

The engine reports character offsets into the source (Python ``str`` indices,
i.e. Unicode code points). LSP positions are ``(line, character)`` with
zero-based lines split at ``\\n``, ``\\r\\n`` and ``\\r``, and ``character``
counted in the code units of the negotiated encoding: UTF-16 by default,
UTF-8 or UTF-32 when client and server agreed on it at ``initialize``.

No pygls import here: this module is plain Python and unit-tested directly.
"""

from __future__ import annotations

from bisect import bisect_right

from lint.cache import regexcache

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_BREAK = regexcache.compile(r"\r\n|\r|\n")
_ASTRAL = regexcache.compile(r"[\U00010000-\U0010FFFF]")
_NON_ASCII = regexcache.compile(r"[^\x00-\x7f]")


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in code units of ``encoding``."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text) if not _NON_ASCII.search(text) else len(text.encode("utf-8", "surrogatepass"))
    return len(text) + len(_ASTRAL.findall(text))


class LineIndex:
    """Maps offsets of one text to positions and back."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.text = text
        self.encoding = encoding if encoding in (UTF8, UTF16, UTF32) else UTF16
        starts = [0]
        ends = []  # offset of each line's end, line break excluded
        for m in _BREAK.finditer(text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        self.starts = starts
        self.ends = ends
        # Fast path: when every character is one code unit, offsets are columns.
        if self.encoding == UTF32:
            self._simple = True
        elif self.encoding == UTF16:
            self._simple = not _ASTRAL.search(text)
        else:
            self._simple = not _NON_ASCII.search(text)

    def position(self, offset: int) -> tuple[int, int]:
        """Zero-based ``(line, character)`` of a source offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        # An offset inside a "\r\n" pair belongs to the end of its line.
        offset = min(offset, self.ends[line])
        if self._simple:
            return line, offset - start
        return line, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The source offset of a client position (clamped to its line, as LSP asks)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.ends[line]
        character = max(0, character)
        if self._simple:
            return min(start + character, end)
        count = 0
        for i in range(start, end):
            if count >= character:
                return i
            count += units(self.text[i], self.encoding)
        return end

    def line_start(self, line: int) -> int:
        return self.starts[max(0, min(line, len(self.starts) - 1))]

