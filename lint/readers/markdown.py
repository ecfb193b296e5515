"""Markdown: headings, paragraphs, list items, block quotes and image alt text
are prose; front matter, code (fenced, indented, spans), URLs, link targets,
HTML tags and comments are not. Blanking keeps every offset equal to the source.
"""

from __future__ import annotations

import re

from lint.model.document import Block, Comment, ReadResult
from lint.plugins.hookspecs import hookimpl
from lint.readers import Reader, lines_with_offsets

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^( {0,3}#{1,6})(?:[ \t]+|$)")
_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^( {0,3}>[ \t]?)+")
_ITEM = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(\[[ xX]\][ \t]+)?")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)

# Inline constructs, in the order they are blanked.
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\]]+)\](\([^)\s]*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>|<[^@>\s]+@[^>\s]+>")
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?\"'“”»«]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|~~")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!<>|~])")


def _blank_span(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _blank_inline(chars: list[str], text: str, start: int, end: int) -> None:
    line = text[start:end]
    for m in _CODE_SPAN.finditer(line):
        _blank_span(chars, start + m.start(), start + m.end())
    for m in _IMAGE.finditer(line):
        _blank_span(chars, start + m.start(), start + m.start(1))
        _blank_span(chars, start + m.end(1), start + m.end())
    for m in _LINK.finditer(line):
        if m.start() > 0 and line[m.start() - 1] == "!":
            continue
        _blank_span(chars, start + m.start(), start + m.start(1))
        _blank_span(chars, start + m.end(1), start + m.end())
    for pattern in (_AUTOLINK, _URL, _TAG, _EMPHASIS, _ESCAPE):
        for m in pattern.finditer(line):
            _blank_span(chars, start + m.start(), start + m.end())


def read_markdown(source: str) -> ReadResult:
    chars = list(source)
    comments = [Comment(m.start(), m.end(), m.group()[4:-3].strip()) for m in _COMMENT.finditer(source)]
    for c in comments:
        _blank_span(chars, c.start, c.end)
    masked = "".join(chars)  # comments gone: they may hide block syntax

    blocks: list[Block] = []
    current: list | None = None  # [start, end, kind]

    def close():
        nonlocal current
        if current and current[1] > current[0]:
            blocks.append(Block(*current))
        current = None

    fence = None
    front_matter = source.startswith("---\n") or source.startswith("---\r\n")
    previous_blank = True
    for start, line in lines_with_offsets(masked):
        end = start + len(line)
        if front_matter:
            _blank_span(chars, start, end)
            if start > 0 and line.strip() in ("---", "..."):
                front_matter = False
            continue
        if fence:
            _blank_span(chars, start, end)
            if line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
                fence = None
            continue
        if m := _FENCE.match(line):
            close()
            fence = m.group(1)
            _blank_span(chars, start, end)
            continue
        if not line.strip():
            close()
            previous_blank = True
            continue
        if previous_blank and line.startswith(("    ", "\t")) and (not blocks or blocks[-1].kind != "item"):
            close()
            _blank_span(chars, start, end)  # indented code
            continue
        previous_blank = False
        if _LINK_DEF.match(line) or _TABLE_RULE.match(line) and "|" in line or _RULE.match(line) and current is None:
            close()
            _blank_span(chars, start, end)
            continue
        if _SETEXT.match(line) and current is not None and current[2] == "paragraph":
            current[2] = "heading"
            _blank_span(chars, start, end)
            close()
            continue
        kind, content = "paragraph", start
        if m := _HEADING.match(line):
            close()
            kind, content = "heading", start + m.end()
            tail = _HEADING_TAIL.search(line)
            if tail:
                _blank_span(chars, start + tail.start(), end)
        elif m := _QUOTE.match(line):
            kind, content = "quote", start + m.end()
        elif m := _ITEM.match(line):
            close()
            kind, content = "item", start + m.end()
        _blank_span(chars, start, content)
        if "|" in line and line.strip().startswith("|"):
            for i in range(start, end):
                if chars[i] == "|":
                    chars[i] = "\n"  # table cells are separate blocks of text
        _blank_inline(chars, masked, content, end)
        stripped_end = start + len(line.rstrip())
        if current is not None and current[2] == kind and kind != "heading":
            current[1] = stripped_end
        elif current is not None and kind == "paragraph" and current[2] in ("item", "quote"):
            current[1] = stripped_end  # lazy continuation line
        else:
            close()
            current = [content, stripped_end, kind]
        if kind == "heading":
            close()
    close()
    prose = "".join(chars)
    trimmed = []
    for b in blocks:
        s, e = b.start, b.end
        while s < e and prose[s].isspace():
            s += 1
        while e > s and prose[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append(Block(s, e, b.kind))
    return ReadResult(prose, trimmed, comments)


@hookimpl
def register_readers():
    return [Reader("markdown", (".md", ".markdown", ".mdown", ".mkd"), read_markdown)]
