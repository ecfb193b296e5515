"""Blanking of Markdown's inline markup in place, so prose offsets stay source offsets.

Works on a list of characters over one block's range (container prefixes such
as ``> `` already blank), so a code span or a link may run over several lines.
Every pattern is bounded or stops at a bracket, and code spans are paired in one
pass, so hostile input (50,000 ``[``, thousands of backticks) costs linear time.
"""

from __future__ import annotations

from bisect import bisect_right

from lint.cache import regexcache
from lint.model.document import Comment
from lint.readers import find_comments

_TICKS = regexcache.compile(r"`+")
IMAGE = regexcache.compile(r"!\[([^\[\]]{0,1000})\]\(([^()\s]{0,2048})(?:\s+\"[^\"\n]{0,500}\")?\)")
_LINK = regexcache.compile(r"(?<!!)\[([^\[\]]{1,1000})\](\([^()\s]{0,2048}(?:\s+\"[^\"\n]{0,500}\")?\)|\[[^\[\]]{0,1000}\])")
_FOOTNOTE_REF = regexcache.compile(r"\[\^[^\[\]\s]{1,100}\]")
_AUTOLINK = regexcache.compile(r"<(?:https?|ftp|mailto):[^<>\s]{1,2048}>|<[^@<>\s]{1,256}@[^<>\s]{1,256}>")
_URL = regexcache.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]{0,2048}[^\s<>()\[\].,;:!?\"'“”»«]")
_TAG = regexcache.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,2048})?/?>")
_EMPHASIS = regexcache.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|~~")
_ESCAPE = regexcache.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!<>|~])")


def blank_span(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Code spans in ``text[start:end]``: a run of n backticks up to the next run of exactly n."""
    runs = [m.span() for m in _TICKS.finditer(text, start, end)]
    by_length: dict[int, list[int]] = {}
    for i, (s, e) in enumerate(runs):
        by_length.setdefault(e - s, []).append(i)
    spans = []
    i = 0
    while i < len(runs):
        s, e = runs[i]
        same = by_length[e - s]
        j = bisect_right(same, i)
        if j < len(same):
            spans.append((s, runs[same[j]][1]))
            i = same[j] + 1
        else:
            i += 1
    return spans


def blank_inline(chars: list[str], start: int, end: int, code: bool, html: bool) -> list[Comment]:
    """Blank inline markup in ``chars[start:end]``; return the HTML comments found there.

    ``code``/``html``: the parser saw a code span / inline HTML in this block.
    """
    comments: list[Comment] = []
    if code:
        for s, e in code_spans("".join(chars[start:end]), 0, end - start):
            blank_span(chars, start + s, start + e)
    if html:
        text = "".join(chars[start:end])
        for c in find_comments(text, 0, len(text)):
            comments.append(Comment(start + c.start, start + c.end, c.text))
            blank_span(chars, start + c.start, start + c.end)
    text = "".join(chars[start:end])
    for m in IMAGE.finditer(text):
        blank_span(chars, start + m.start(), start + m.start(1))
        blank_span(chars, start + m.end(1), start + m.end())
    for m in _LINK.finditer(text):
        blank_span(chars, start + m.start(), start + m.start(1))
        blank_span(chars, start + m.end(1), start + m.end())
    for pattern in (_FOOTNOTE_REF, _AUTOLINK, _URL, _TAG, _EMPHASIS, _ESCAPE):
        for m in pattern.finditer(text):
            blank_span(chars, start + m.start(), start + m.end())
    return comments
