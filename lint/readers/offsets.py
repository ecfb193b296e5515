"""Offset maps for readers that decode their source (JSON escapes, XML entities)
or nest one reader in another (an HTML body inside a JSON field).

An offset map is the ``anchors`` list of ``ReadResult``: sorted
``(text_offset, source_offset)`` pairs; from each anchor on, both offsets
advance together; before the first anchor they are equal. ``compose`` chains
two maps; ``ProseBuilder`` lays the fields of an article one after the other
into one prose text with one map back to the file.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from lint.model.document import Block, ReadResult

Anchors = list[tuple[int, int]]


def lookup(anchors: Anchors, keys: list[int], offset: int) -> int:
    """Map ``offset`` through ``anchors`` (``keys`` are the anchors' first items)."""
    i = bisect_right(keys, offset) - 1
    if i < 0:
        return offset
    text_at, source_at = anchors[i]
    return source_at + (offset - text_at)


def invert_floor(anchors: Anchors, target: int) -> int:
    """The smallest text offset whose image is ``target`` or more, for a monotone map."""
    values = [a[1] for a in anchors]
    i = bisect_right(values, target) - 1
    if i < 0:
        return target
    text_at, source_at = anchors[i]
    return text_at + (target - source_at)


def compose(inner: Anchors, outer: Anchors) -> Anchors:
    """The map ``outer ∘ inner``: text → middle (``inner``), middle → source (``outer``)."""
    if not outer:
        return list(inner)
    inner_keys = [a[0] for a in inner]
    outer_keys = [a[0] for a in outer]
    points = {0, *inner_keys}
    points.update(invert_floor(inner, key) for key in outer_keys)
    out: Anchors = []
    for p in sorted(points):
        if p < 0:
            continue
        out.append((p, lookup(outer, outer_keys, lookup(inner, inner_keys, p))))
    return out


def shift(anchors: Anchors, text_by: int, source_by: int) -> Anchors:
    return [(t + text_by, s + source_by) for t, s in anchors]


@dataclass
class Field:
    """One piece of an article: its decoded text, where that text starts in
    the file, its own map (text offset → file offset), and its zone."""

    text: str
    anchors: Anchors  # absolute file offsets
    zone: str
    name: str


@dataclass
class ProseBuilder:
    """Lays fields into one prose text, separated by blank lines, with blocks
    zoned by field, and one offset map back to the file."""

    pieces: list[str] = field(default_factory=list)
    anchors: Anchors = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    fields: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, field name)
    length: int = 0

    def _append(self, text: str, anchors: Anchors) -> int:
        if self.pieces:
            self.pieces.append("\n\n")
            self.length += 2
        start = self.length
        self.anchors.extend(shift(anchors, start, 0))
        self.pieces.append(text)
        self.length += len(text)
        return start

    def add_text(self, piece: Field) -> None:
        """A field of plain text: one block per non-empty line."""
        start = self._append(piece.text, piece.anchors)
        pos = 0
        for line in piece.text.split("\n"):
            stripped = line.strip()
            if stripped:
                lead = len(line) - len(line.lstrip())
                self.blocks.append(Block(start + pos + lead, start + pos + lead + len(stripped), _kind(piece.zone), piece.zone))
            pos += len(line) + 1
        self.fields.append((start, start + len(piece.text), piece.name))

    def add_read(self, piece: Field, read: ReadResult, zones: "ZoneOf") -> None:
        """A field read by another reader (HTML or Markdown body): its prose, its
        blocks zoned by ``zones``, its map composed with the field's."""
        start = self._append(read.prose, compose(read.anchors, piece.anchors))
        for i, block in enumerate(read.blocks):
            zone = block.zone or zones(i, block)
            self.blocks.append(Block(start + block.start, start + block.end, block.kind, zone))
        self.fields.append((start, start + len(read.prose), piece.name))

    def result(self, meta: dict[str, str] | None = None) -> ReadResult:
        return ReadResult("".join(self.pieces), self.blocks, [], _tidy(self.anchors), dict(meta or {}), fields=list(self.fields))


def _kind(zone: str) -> str:
    return "heading" if zone in ("headline", "subheadline", "subheading") else "caption" if zone in ("caption", "credit") else "paragraph"


def _tidy(anchors: Anchors) -> Anchors:
    """Sorted, one anchor per text offset (the last wins), redundant ones dropped."""
    by_key: dict[int, int] = {}
    for t, s in anchors:
        by_key[t] = s
    out: Anchors = []
    for t in sorted(by_key):
        s = by_key[t]
        if out and s - out[-1][1] == t - out[-1][0]:
            continue
        if not out and s == t:
            continue
        out.append((t, s))
    return out


class ZoneOf:
    """Zones for the blocks of an article body: headings are subheadings, the
    first paragraph is the lead, the rest is body."""

    def __init__(self) -> None:
        self.lead_given = False

    def __call__(self, index: int, block: Block) -> str:
        if block.kind == "heading":
            return "subheading"
        if block.kind == "caption":
            return "caption"
        if block.kind == "quote":
            return "quote-box"
        if not self.lead_given and block.kind == "paragraph":
            self.lead_given = True
            return "lead"
        return "body"
