"""NFC for analysis: decomposed text (``a`` + U+0308, common from macOS and some
CMS) is composed so that word lists and tokens see ``ä``; the offset map sends
every prose offset back to the original source.

Only clusters of a base character and combining marks change length, so the
prose is rebuilt cluster by cluster and each cluster that shrinks adds two
anchors. The source itself is never changed.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

from lint.cache import regexcache
from lint.model.document import ReadResult

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CLUSTER = regexcache.compile(f"[^{_MARKS}][{_MARKS}]+")


class _Shift:
    """Piecewise-linear map between old and new prose offsets (sorted change points)."""

    def __init__(self, points: list[tuple[int, int]]):
        self.points = points  # (old, new)
        self.olds = [p[0] for p in points]
        self.news = [p[1] for p in points]

    def to_new(self, old: int) -> int:
        i = bisect_right(self.olds, old) - 1
        o, n = self.points[i]
        value = n + old - o
        return min(value, self.news[i + 1]) if i + 1 < len(self.points) else value

    def to_old(self, new: int) -> int:
        i = bisect_right(self.news, new) - 1
        o, n = self.points[i]
        return o + new - n


def _to_source(anchors: list[tuple[int, int]], offset: int) -> int:
    if not anchors:
        return offset
    i = bisect_right(anchors, (offset, float("inf"))) - 1
    if i < 0:
        return offset
    prose_at, source_at = anchors[i]
    return source_at + offset - prose_at


def normalise(read: ReadResult) -> ReadResult:
    """``read`` with its prose in NFC, blocks and anchors moved to match."""
    prose = read.prose
    if prose.isascii() or unicodedata.is_normalized("NFC", prose):
        return read
    pieces: list[str] = []
    points = [(0, 0)]
    last = new = 0
    for m in _CLUSTER.finditer(prose):
        composed = unicodedata.normalize("NFC", m.group())
        pieces.append(prose[last : m.start()])
        new += m.start() - last
        pieces.append(composed)
        if len(composed) != len(m.group()):
            points += [(m.start(), new), (m.end(), new + len(composed))]
        new += len(composed)
        last = m.end()
    pieces.append(prose[last:])
    if len(points) == 1:
        return read.replace(prose="".join(pieces))
    shift = _Shift(points)
    breaks = sorted({n for _, n in points} | {shift.to_new(p) for p, _ in read.anchors})
    anchors = [(n, _to_source(read.anchors, shift.to_old(n))) for n in breaks]
    blocks = [b._replace(start=shift.to_new(b.start), end=shift.to_new(b.end)) for b in read.blocks]
    return read.replace(prose="".join(pieces), blocks=blocks, anchors=anchors)

