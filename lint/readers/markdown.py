"""Markdown: block structure from markdown-it-py (CommonMark, tables, footnotes
from mdit-py-plugins); inline markup blanked in place (``lint.readers.inline``).

Everything starts blank; only the text of inline tokens (paragraphs, headings,
list items, quotes, table cells, footnotes) is put back, each line located in
the source through the token's line map. So code in any container (fenced in
a block quote or a list item, indented, raw ``<pre>``), front matter (``---``
YAML or ``+++`` TOML) and link targets never reach the rules, and every prose
offset equals its source offset. HTML blocks go through the HTML reader.
Front matter fields land in ``ReadResult.meta``; the title and teaser values
are prose with their zone. A ``---`` block that never closes is reported (a
``Problem``) and the article below it is still read.
"""

from __future__ import annotations

from functools import cache

from lint.cache import regexcache
from lint.model.document import Block, Comment, Problem, ReadResult
from lint.readers import blank, lines_with_offsets, trim
from lint.readers.frontmatter import PROSE_ZONES, split_front_matter
from lint.readers.html import read_html
from lint.readers.inline import IMAGE, blank_inline

_PREFIX = regexcache.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
#: Containers, innermost first wins: token type → (block kind, zone).
CONTAINER = {
    "blockquote_open": ("quote", "quote-box"),
    "list_item_open": ("item", ""),
    "footnote_open": ("paragraph", ""),
}


@cache
def _parser():
    """The parser (stateless once built; built on first use, not at import)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)


class _Read:
    def __init__(self, source: str):
        self.source = source
        self.chars = [c if c in "\r\n" else " " for c in source]
        self.lines = list(lines_with_offsets(source))
        self.blocks: list[Block] = []
        self.comments: list[Comment] = []
        self.cursor: dict[int, int] = {}  # line → column after the last table cell found there
        self.image_line = -2  # last line of the latest paragraph that was only an image

    def keep(self, start: int, end: int) -> None:
        self.chars[start:end] = self.source[start:end]

    # ----- inline tokens ------------------------------------------------------
    def locate(self, token, cell: bool) -> list[tuple[int, int]]:
        """Source spans of the inline token's text, one per line."""
        first, last = token.map
        spans = []
        for j, content in enumerate(token.content.split("\n")):
            if first + j >= min(last, len(self.lines)):
                break
            start, text = self.lines[first + j]
            content = content.strip()
            if not content:
                continue
            stripped = text.rstrip()
            if not cell and stripped.endswith(content):
                k = len(stripped) - len(content)
            else:
                k = text.find(content, self.cursor.get(first + j, 0))
            if k < 0:  # the parser changed the text (tabs): keep the line after its markers
                k = _PREFIX.match(text).end()
                content = stripped[k:]
            if cell:
                self.cursor[first + j] = k + len(content)
            spans.append((start + k, start + k + len(content)))
        return spans

    def inline(self, token, stack: list) -> None:
        kind, zone = "paragraph", ""
        for opened in reversed(stack):
            if opened.type == "heading_open":
                kind, zone = "heading", "headline" if opened.tag == "h1" else "subheading"
                break
            if opened.type in CONTAINER:
                kind, zone = CONTAINER[opened.type]
                break
        cell = any(opened.type in ("th_open", "td_open") for opened in stack)
        spans = self.locate(token, cell)
        if not spans:
            return
        for s, e in spans:
            self.keep(s, e)
        start, end = spans[0][0], spans[-1][1]
        children = [c.type for c in token.children or ()]
        self.comments += blank_inline(
            self.chars, start, end, "code_inline" in children, "html_inline" in children
        )
        if kind == "paragraph" and children[:1] == ["image"] and children[1:2] in ([], ["softbreak"]):
            start = self._image(token, start)
            if start >= end:
                return
            kind = zone = "caption"  # the caption line right below the image
        elif kind == "paragraph" and token.map[0] == self.image_line + 2 and children[:1] == ["em_open"]:
            kind = zone = "caption"  # an emphasised paragraph below an image
        self.blocks.append(Block(start, end, kind, zone))

    def _image(self, token, start: int) -> int:
        """A paragraph that opens with an image: its alt text is a caption block of
        its own; returns where the rest of the paragraph starts."""
        m = IMAGE.match(self.source, start)
        if m is None:
            return start
        if m.group(1).strip():
            self.blocks.append(Block(m.start(1), m.end(1), "caption", "caption"))
        self.image_line = token.map[1] - 1
        return m.end()

    # ----- HTML blocks --------------------------------------------------------
    def html_block(self, token) -> None:
        first, last = token.map
        start = self.lines[first][0]
        end = self.lines[last][0] if last < len(self.lines) else len(self.source)
        read = read_html(self.source[start:end], decode=False)
        self.chars[start:end] = read.prose
        self.blocks += [Block(b.start + start, b.end + start, b.kind, b.zone) for b in read.blocks]
        self.comments += [Comment(c.start + start, c.end + start, c.text) for c in read.comments]


def read_markdown(source: str) -> ReadResult:
    reader = _Read(source)
    meta: dict[str, str] = {}
    problems: list[Problem] = []
    text = source
    front = split_front_matter(source)
    if front is not None:
        meta.update(front.meta)
        for name, (s, e) in front.spans.items():
            reader.keep(s, e)
            reader.blocks.append(Block(s, e, "heading" if name == "title" else "paragraph", PROSE_ZONES[name]))
        if not front.closed:
            problems.append(Problem(0, 3, "front-matter", "---"))
        text = blank(source[: front.end]) + source[front.end :]
    stack: list = []
    for token in _parser().parse(text):
        if token.nesting == 1:
            stack.append(token)
        elif token.nesting == -1:
            stack.pop()
        elif token.type == "inline" and token.map:
            reader.inline(token, stack)
        elif token.type == "html_block" and token.map:
            reader.html_block(token)
    prose = "".join(reader.chars)
    blocks = []
    for b in sorted(reader.blocks, key=lambda b: b.start):
        s, e = trim(prose, b.start, b.end)
        if s < e:
            blocks.append(Block(s, e, b.kind, b.zone))
    return ReadResult(prose, blocks, sorted(reader.comments, key=lambda c: c.start), [], meta, problems)
