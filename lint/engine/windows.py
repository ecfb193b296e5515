"""A very long text is linted in windows: cost and memory stay those of a
long article, whatever the file's size.

A plain-text export of a whole archive (20 MB, often without a single
paragraph break) read as one document makes every per-document structure —
sentences, tokens, quotes, name tables — as large as the file: 560 MB of
memory for 20 MB. Past ``WINDOW_CHARS`` characters of prose the read result
is cut into windows of about that size, each ending at a paragraph break
where one is near, else at a sentence end, else at a space; each window is a
document of its own over the same source (as an article of a JSON Lines
export is), so offsets, lines and columns are those of the file. What holds
for a whole document — a name written two ways, two terms for one concept,
an unused suppression — holds within a window; a directive comment acts in
the window it stands in. No article of the corpus comes near the size.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from lint.cache import regexcache
from lint.model.document import Block, ReadResult

#: Characters of prose per window (a long article has 30,000).
WINDOW_CHARS = 200_000
#: How far past the target a cut may look for a paragraph break or a sentence end.
_REACH = WINDOW_CHARS // 4
_SENTENCE_END = regexcache.compile(r"[.!?…][\"“”»«'‘’)]*\s+")
_SPACE = regexcache.compile(r"\s+")


def windows(read: ReadResult, size: int = WINDOW_CHARS) -> list[ReadResult]:
    """``read`` itself when its prose is short, else one read result per window."""
    prose = read.prose
    if len(prose) <= size or read.articles:
        return [read]
    block_starts = [b.start for b in read.blocks]
    cuts = [0]
    while len(prose) - cuts[-1] > size:
        cuts.append(_cut(prose, cuts[-1] + size, block_starts))
    cuts.append(len(prose))
    anchor_keys = [a for a, _ in read.anchors]
    comment_starts = [c.start for c in read.comments]
    out = []
    for n, (a, b) in enumerate(zip(cuts, cuts[1:])):
        src_a, src_b = _to_source(read, anchor_keys, a), _to_source(read, anchor_keys, b)
        lo, hi = bisect_right(block_starts, a) - 1, bisect_left(block_starts, b)
        blocks = [
            Block(max(bl.start, a) - a, min(bl.end, b) - a, bl.kind, bl.zone)
            for bl in read.blocks[max(lo, 0):hi] if bl.end > a and bl.start < b
        ]
        first = bisect_right(anchor_keys, a)
        anchors = [(0, src_a)] + [(k - a, s) for k, s in read.anchors[first:bisect_left(anchor_keys, b)]]
        comments = read.comments[bisect_left(comment_starts, src_a):bisect_left(comment_starts, src_b)]
        fields = [(max(s, a) - a, min(e, b) - a, name) for s, e, name in read.fields if e > a and s < b]
        out.append(ReadResult(prose[a:b], blocks, comments, anchors, read.meta, read.problems if n == 0 else [], fields))
    return out


def _to_source(read: ReadResult, keys: list[int], offset: int) -> int:
    i = bisect_right(keys, offset) - 1
    if i < 0:
        return offset
    prose_at, source_at = read.anchors[i]
    return source_at + (offset - prose_at)


def _cut(prose: str, target: int, block_starts: list[int]) -> int:
    """A cut at or after ``target``: a block start, a sentence end or a space within reach."""
    reach = min(len(prose), target + _REACH)
    i = bisect_left(block_starts, target)
    if i < len(block_starts) and block_starts[i] < reach:
        return block_starts[i]
    for pattern in (_SENTENCE_END, _SPACE):
        m = pattern.search(prose, target, reach)
        if m is not None:
            return m.end()
    return target
