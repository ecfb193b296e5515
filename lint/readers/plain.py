"""Plain text: everything is prose except suppression directives on their own line."""

from __future__ import annotations

import re

from lint.model.document import Comment, ReadResult
from lint.plugins.hookspecs import hookimpl
from lint.readers import Reader, blank, text_blocks

_DIRECTIVE_LINE = re.compile(r"^[ \t]*(?:<!--\s*)?(newslint-(?:disable|enable)[^\n]*?)(?:\s*-->)?[ \t]*\r?$", re.M)


def read_plain(source: str) -> ReadResult:
    comments = []
    prose = source
    if "newslint-" in source:
        parts = []
        last = 0
        for m in _DIRECTIVE_LINE.finditer(source):
            comments.append(Comment(m.start(), m.end(), m.group(1)))
            parts.append(source[last : m.start()])
            parts.append(blank(m.group(0)))
            last = m.end()
        parts.append(source[last:])
        prose = "".join(parts)
    return ReadResult(prose, text_blocks(prose), comments)


@hookimpl
def register_readers():
    return [Reader("plain", (".txt", ".text"), read_plain)]
