"""The source text as HTML with findings marked in place.

Findings may overlap, so the text is cut at every start and end: each piece
becomes one ``<mark>`` listing the findings that cover it in ``data-ids``
(the text of all pieces of one finding, in order, is exactly its span). A
finding without width becomes an empty ``<span class="pin">``. Anchors (for
example sentence starts) become empty ``<span id=...>`` elements. Every piece
of text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    id: str
    category: str
    severity: int  # higher is more severe: the most severe finding colours a piece
    note: str = ""  # shown on hover (the finding's code and message)


def highlight(text: str, spans: list[Span], anchors: dict[int, str] | None = None) -> str:
    """``text`` as HTML: escaped, findings marked, ``anchors`` (offset -> element id) placed."""
    anchors = anchors or {}
    starts: dict[int, list[Span]] = {}
    ends: dict[int, list[Span]] = {}
    pins: dict[int, list[Span]] = {}
    for s in spans:
        start, end = max(0, min(s.start, len(text))), max(0, min(s.end, len(text)))
        if end <= start:
            pins.setdefault(start, []).append(s)
            continue
        starts.setdefault(start, []).append(s)
        ends.setdefault(end, []).append(s)
    cuts = sorted({0, len(text), *starts, *ends, *pins, *(a for a in anchors if 0 <= a <= len(text))})
    out: list[str] = []
    active: dict[str, Span] = {}
    for i, at in enumerate(cuts):
        for s in ends.get(at, ()):
            active.pop(s.id, None)
        if at in anchors:
            out.append(f'<span class="anchor" id="{escape(anchors[at])}"></span>')
        for s in pins.get(at, ()):
            out.append(f'<span class="pin c-{s.category}" data-ids="{escape(s.id)}" title="{escape(s.note or s.category)}"></span>')
        for s in starts.get(at, ()):
            active[s.id] = s
        if i + 1 == len(cuts):
            break
        piece = escape(text[at:cuts[i + 1]], quote=False)
        if not active:
            out.append(piece)
            continue
        top = max(active.values(), key=lambda s: s.severity)
        ids = " ".join(active)
        many = " multi" if len(active) > 1 else ""
        notes = escape("\n".join(s.note for s in active.values() if s.note))
        title = f' title="{notes}"' if notes else ""
        out.append(f'<mark class="c-{top.category} s{top.severity}{many}" data-ids="{ids}"{title}>{piece}</mark>')
    return "".join(out)
