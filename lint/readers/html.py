"""HTML: the text of prose elements is prose; tags, comments and the content of
elements that are never article text (script, style, pre, code, nav, noscript,
textarea, template, svg, button, select, ...) are not. ``figcaption`` and image
alt text are prose (captions matter). Entities are decoded; the offset map keeps
positions in the source right.

The source is walked once, tag by tag (``_TOKEN``), with a stack of open
elements; every pattern is bounded or stops at the next ``<``, so hostile input
(thousands of unclosed ``<a `` or ``<!--``) costs linear time. Each block gets
the zone its markup states (``h1``, ``figcaption``, ``aside``, ``class``,
``itemprop``); ``lint.language.zones`` refines the rest.
"""

from __future__ import annotations

import html
import re

from lint.cache import regexcache
from lint.model.document import Block, Comment, ReadResult
from lint.readers import find_comments, trim

_TOKEN = regexcache.compile(
    r"<!--"
    r"|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^<>\"']|\"[^\"<]{0,4096}\"|'[^'<]{0,4096}')*)>"
    r"|<![^<>]{0,4096}>|<\?[^<>]{0,4096}>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_ATTR = regexcache.compile(r"([A-Za-z_:][-\w:.]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp")
_RAW_END = {name: regexcache.compile(rf"</{name}\s*>", re.I) for name in _RAW_TEXT}

#: Elements whose content is never article prose.
HIDDEN = frozenset(
    "script style pre code kbd samp nav noscript textarea template svg math button select option head "
    "iframe object canvas audio video map".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
BLOCK_KIND = {
    **{f"h{i}": "heading" for i in range(1, 7)},
    "li": "item",
    "dt": "item",
    "dd": "item",
    "blockquote": "quote",
    "figcaption": "caption",
    "caption": "caption",
}
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr html li main ol p section summary table tbody td tfoot th thead tr ul img".split()
)
#: The zone an element states by its name.
ELEMENT_ZONE = {
    "h1": "headline",
    **{f"h{i}": "subheading" for i in range(2, 7)},
    "figcaption": "caption",
    "blockquote": "quote-box",
    "aside": "info-box",
}
#: Words in ``class`` (split at spaces, hyphens and underscores) and values of
#: ``itemprop`` that state a zone. Checked in order; the first hit counts.
CLASS_ZONE = (
    (("subheadline", "subtitle", "kicker", "dachzeile", "overline", "unterzeile", "alternativeheadline", "roofline"), "subheadline"),
    (("headline", "heading", "title", "schlagzeile"), "headline"),
    (("teaser", "lead", "lede", "intro", "vorspann", "standfirst", "summary", "description", "abstract"), "teaser"),
    (("byline", "author", "autor", "autorin"), "byline"),
    (("dateline", "ortsmarke"), "dateline"),
    (("credit", "credits", "copyright", "copyrightholder", "credittext", "bildnachweis", "quelle"), "credit"),
    (("caption", "bildunterschrift", "bu"), "caption"),
    (("infobox", "factbox", "info", "box", "kasten"), "info-box"),
    (("pullquote", "quote", "zitat"), "quote-box"),
    (("question", "frage"), "interview-question"),
    (("articlebody", "body"), "body"),
)
_CLASS_SPLIT = regexcache.compile(r"[\s_-]+")
META_NAMES = {
    "genre": "genre",
    "newslint:genre": "genre",
    "newslint-genre": "genre",
    "description": "teaser",
    "og:description": "teaser",
    "og:title": "title",
    "date": "date",
    "article:published_time": "date",
    "article:section": "section",
    "language": "language",
    "content-language": "language",
}


def _attributes(text: str) -> dict[str, str]:
    out = {}
    for m in _ATTR.finditer(text):
        value = m.group(2)
        out.setdefault(m.group(1).lower(), html.unescape(value[1:-1] if value[:1] in "\"'" else value))
    return out


def _zone_of(name: str, attrs: dict[str, str]) -> str:
    words = set(_CLASS_SPLIT.split((attrs.get("class", "") + " " + attrs.get("itemprop", "")).lower())) - {""}
    for names, zone in CLASS_ZONE:
        if words.intersection(names):
            return zone
    return ELEMENT_ZONE.get(name, "")


class _Walk:
    """One pass over the source: prose pieces, block boundaries, comments, metadata."""

    def __init__(self, source: str, decode: bool):
        self.source = source
        self.decode = decode
        self.pieces: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.length = 0  # prose length so far
        self.boundaries: list[list] = [[0, "paragraph", ""]]  # [prose offset, kind, zone]
        self.open: list[tuple[str, str]] = []  # (element, zone it states)
        self.hidden = 0  # open hidden elements
        self.comments: list[Comment] = []
        self.meta: dict[str, str] = {}

    # ----- output -----------------------------------------------------------
    def text(self, start: int, end: int) -> None:
        chunk = self.source[start:end]
        if self.hidden:
            chunk = re.sub(r"[^\r\n]", " ", chunk)
        elif chunk and not chunk.isspace():
            self._claim_zone()
        self.pieces.append(chunk)
        self.length += end - start

    def filler(self, start: int, end: int, char: str = " ") -> None:
        self.pieces.append(char * (end - start))
        self.length += end - start

    def _claim_zone(self) -> None:
        current = self.boundaries[-1]
        if not current[2]:
            current[2] = next((zone for _, zone in reversed(self.open) if zone), "") or "-"

    def boundary(self, kind: str) -> None:
        self.boundaries.append([self.length, kind, ""])

    # ----- elements ---------------------------------------------------------
    def start_tag(self, name: str, attrs: dict[str, str], start: int, end: int) -> int:
        """Handle an opening tag; return where scanning goes on."""
        if name == "meta":
            key = (attrs.get("name") or attrs.get("property") or attrs.get("http-equiv") or "").lower()
            if key in META_NAMES and attrs.get("content"):
                self.meta.setdefault(META_NAMES[key], attrs["content"].strip())
        if name == "html" and attrs.get("lang"):
            self.meta.setdefault("language", attrs["lang"])
        if name in _RAW_TEXT:
            close = _RAW_END[name].search(self.source, end)
            stop = close.start() if close else len(self.source)
            if name == "title":
                self.meta.setdefault("title", " ".join(html.unescape(self.source[end:stop]).split()))
            self.filler(start, end)
            self.pieces.append(re.sub(r"[^\r\n]", " ", self.source[end:stop]))
            self.length += stop - end
            return stop
        block = name in BLOCK_TAGS
        if block and not self.hidden:
            self.boundary(BLOCK_KIND.get(name, "paragraph"))
        if name not in VOID:
            self.open.append((name, _zone_of(name, attrs)))
            self.hidden += name in HIDDEN
        if name == "img" and not self.hidden and attrs.get("alt", "").strip():
            self._alt(start, end)
        else:
            self.filler(start, end, "\n" if block else " ")
        return end

    def _alt(self, start: int, end: int) -> None:
        tag = self.source[start:end]
        m = re.search(r"\balt\s*=\s*(\"[^\"]*\"|'[^']*')", tag, re.I)
        if not m:
            self.filler(start, end, "\n")
            return
        a, b = start + m.start(1) + 1, start + m.end(1) - 1
        self.filler(start, a, "\n")
        self.boundaries.append([self.length, "caption", "caption"])
        self.text(a, b)
        self.boundary("paragraph")
        self.filler(b, end, "\n")

    def end_tag(self, name: str, start: int, end: int) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == name:
                for closed, _ in self.open[i:]:
                    self.hidden -= closed in HIDDEN
                del self.open[i:]
                break
        block = name in BLOCK_TAGS
        if block and not self.hidden:
            self.boundary("paragraph")
        self.filler(start, end, "\n" if block else " ")

    def entity(self, start: int, end: int) -> None:
        if self.hidden or not self.decode:
            self.text(start, end)
            return
        decoded = html.unescape(self.source[start:end])
        self._claim_zone()
        self.anchors.append((self.length, start))
        self.pieces.append(decoded)
        self.length += len(decoded)
        self.anchors.append((self.length, end))


def read_html(source: str, decode: bool = True) -> ReadResult:
    """Prose of an HTML document. ``decode=False`` keeps entities as they are, so
    the prose has the source's length (for HTML blocks inside Markdown)."""
    walk = _Walk(source, decode)
    pos = 0
    search = _TOKEN.search
    while (m := search(source, pos)) is not None:
        start = m.start()
        walk.text(pos, start)
        token = m.group()
        if token == "<!--":
            comment = find_comments(source, start, len(source), first_only=True)[0]
            if not walk.hidden:
                walk.comments.append(comment)
            walk.filler(start, comment.end)
            pos = comment.end
        elif token[0] == "&":
            walk.entity(start, m.end())
            pos = m.end()
        elif m.group(2):
            name = m.group(2).lower()
            if m.group(1):
                walk.end_tag(name, start, m.end())
                pos = m.end()
            else:
                pos = walk.start_tag(name, _attributes(m.group(3)), start, m.end())
        else:
            walk.filler(start, m.end())
            pos = m.end()
    walk.text(pos, len(source))
    prose = "".join(walk.pieces)
    walk.boundaries.append([len(prose), "paragraph", ""])
    blocks = []
    for (s, kind, zone), (e, _, _) in zip(walk.boundaries, walk.boundaries[1:]):
        s, e = trim(prose, s, e)
        if s < e:
            blocks.append(Block(s, e, kind, "" if zone == "-" else zone))
    anchors = walk.anchors
    if anchors and anchors[0][0] != 0:
        anchors.insert(0, (0, 0))
    return ReadResult(prose, blocks, walk.comments, anchors, walk.meta)
