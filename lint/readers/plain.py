"""Plain text: everything is prose except suppression directives on their own
line and front matter (``---``/``+++`` followed by a ``key: value`` line, as CMS
exports write it); its title and teaser values stay prose with their zone."""

from __future__ import annotations

import re

from lint.cache import regexcache
from lint.model.document import Comment, Problem, ReadResult
from lint.readers import blank, text_blocks

# Any ``newslint-word`` on a line of its own is a directive, so that a misspelt
# one is reported (``lint.engine.suppression``) instead of read as prose.
_DIRECTIVE_LINE = regexcache.compile(r"^[ \t]*(?:<!--\s*)?(newslint-[a-z][a-z-]*\b[^\r\n]*?)(?:\s*-->)?[ \t]*\r?$", re.M)


def read_plain(source: str) -> ReadResult:
    comments = []
    prose = source
    meta: dict[str, str] = {}
    problems: list[Problem] = []
    front = _front_matter(source)
    if front is not None:
        meta = front.meta
        kept = sorted(front.spans.values())
        parts, last = [], 0
        for s, e in kept:
            parts += [blank(source[last:s]), source[s:e]]
            last = e
        prose = "".join(parts) + blank(source[last : front.end]) + source[front.end :]
        if not front.closed:
            problems.append(Problem(0, 3, "front-matter", source[:3]))
    if "newslint-" in source:
        parts = []
        last = 0
        for m in _DIRECTIVE_LINE.finditer(prose):
            comments.append(Comment(m.start(), m.end(), m.group(1)))
            parts.append(prose[last : m.start()])
            parts.append(blank(m.group(0)))
            last = m.end()
        parts.append(prose[last:])
        prose = "".join(parts)
    blocks = text_blocks(prose)
    if front is not None and front.spans:
        from lint.readers.frontmatter import PROSE_ZONES

        zones = {s: PROSE_ZONES[name] for name, (s, _) in front.spans.items()}
        blocks = [b._replace(zone=zones[b.start]) if b.start in zones else b for b in blocks]
    return ReadResult(prose, blocks, comments, meta=meta, problems=problems)


def _front_matter(source: str):
    """The file's front matter (``lint.readers.frontmatter``, imported only for a
    file that opens like one), or None."""
    if source[:3] not in ("---", "+++"):
        return None
    from lint.readers.frontmatter import split_front_matter

    return split_front_matter(source, require_field=True)
