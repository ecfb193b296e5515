"""HTML: text content is prose; tags, comments, script, style, pre and code are
not. Entities are decoded; the offset map keeps positions in the source right.
"""

from __future__ import annotations

import html
import re

from lint.model.document import Block, Comment, ReadResult
from lint.plugins.hookspecs import hookimpl
from lint.readers import Reader

_SKIP = re.compile(r"<(script|style|pre|code|template|svg|math|head)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|<![^>]*>|<\?[^>]*>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ALT = re.compile(r"\balt\s*=\s*(\"[^\"]*\"|'[^']*')", re.I)

BLOCK_KIND = {
    **{f"h{i}": "heading" for i in range(1, 7)},
    "title": "heading",
    "li": "item",
    "dt": "item",
    "dd": "item",
    "blockquote": "quote",
    "figcaption": "caption",
    "caption": "caption",
}
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr html li main nav ol p section summary table tbody td tfoot th thead title tr ul img".split()
)


def read_html(source: str) -> ReadResult:
    # Regions that are never prose, found first so tags inside them are ignored.
    hidden = [(m.start(), m.end(), None) for m in _SKIP.finditer(source)]
    comments = []
    for m in _COMMENT.finditer(source):
        comments.append(Comment(m.start(), m.end(), m.group()[4:-3].strip()))
    events = sorted(
        [(s, e, "hide") for s, e, _ in hidden]
        + [(c.start, c.end, "hide") for c in comments]
        + [(m.start(), m.end(), m) for m in _TAG.finditer(source)]
        + [(m.start(), m.end(), "entity") for m in _ENTITY.finditer(source)],
        key=lambda event: (event[0], -event[1]),  # a hidden region wins over the tag that opens it
    )
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = []
    boundaries: list[tuple[int, str]] = [(0, "paragraph")]
    prose_len = 0
    pos = 0
    covered = 0
    for start, end, what in events:
        if start < covered:
            continue  # inside a hidden region
        pieces.append(source[pos:start])
        prose_len += start - pos
        if what == "entity":
            decoded = html.unescape(source[start:end])
            anchors.append((prose_len, start))
            pieces.append(decoded)
            prose_len += len(decoded)
            anchors.append((prose_len, end))
        else:
            filler = " " * (end - start)
            if what != "hide":
                name = what.group(2).lower() if what.group(2) else ""
                if name in BLOCK_TAGS:
                    closing = what.group(1) == "/"
                    boundaries.append((prose_len, "paragraph" if closing else BLOCK_KIND.get(name, "paragraph")))
                    filler = "\n" * (end - start)
                if name == "img" and (alt := _ALT.search(what.group())):
                    value = alt.group(1)[1:-1]
                    a = what.start() + alt.start(1) + 1
                    filler = "\n" * (a - start) + value + "\n" * (end - a - len(value))
                    boundaries.append((prose_len + a - start, "caption"))
                    boundaries.append((prose_len + a - start + len(value), "paragraph"))
            pieces.append(filler)
            prose_len += end - start
        pos = covered = end
    pieces.append(source[pos:])
    prose = "".join(pieces)
    boundaries.append((len(prose), "paragraph"))
    blocks = []
    for (s, kind), (e, _) in zip(boundaries, boundaries[1:]):
        while s < e and prose[s].isspace():
            s += 1
        while e > s and prose[e - 1].isspace():
            e -= 1
        if s < e:
            blocks.append(Block(s, e, kind))
    if anchors and anchors[0][0] != 0:
        anchors.insert(0, (0, 0))
    return ReadResult(prose, blocks, comments, anchors)


@hookimpl
def register_readers():
    return [Reader("html", (".html", ".htm", ".xhtml"), read_html)]
