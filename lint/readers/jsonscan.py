"""Where the strings of a JSON text are, and their decoded text with an offset map.

``json`` validates the text and says where it is malformed; this module then
walks the valid text once (linear time, no recursion) and yields every string
value with its path of keys, so a finding in a decoded field maps back to the
exact character in the file, through escapes such as ``\\n``, ``\\"`` and
``\\u00fc``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from lint.cache import regexcache

_TOKEN = regexcache.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.S)
_ESCAPE = regexcache.compile(r'\\(?:u([0-9a-fA-F]{4})|(.))', re.S)
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


@dataclass(frozen=True, slots=True)
class JsonString:
    """A string value: its key path (list indices left out) and the span of its
    characters in the file, quotes excluded."""

    path: tuple[str, ...]
    start: int
    end: int
    item: int = -1  # index in a top-level array of articles, -1 under a top-level object


def string_values(text: str, offset: int = 0) -> Iterator[JsonString]:
    """Every string *value* (not key) in the valid JSON ``text``; spans shifted by ``offset``."""
    stack: list[list] = []  # per open container: [is_object, pending key or None, expecting_key]
    path: list[str] = []
    item = -1
    for m in _TOKEN.finditer(text):
        tok = m.group()
        first = tok[0]
        top = stack[-1] if stack else None
        if first == "{" or first == "[":
            if len(stack) == 1 and not stack[0][0]:
                item += 1  # an element of a top-level array
            stack.append([first == "{", None, first == "{"])
            if top is not None and top[0]:
                path.append(top[1] or "")
        elif first == "}" or first == "]":
            stack.pop()
            if stack and stack[-1][0]:
                path.pop()
        elif first == ",":
            if top is not None and top[0]:
                top[2] = True
        elif first == ":":
            pass
        elif first == '"':
            if top is not None and top[0] and top[2]:
                top[1] = decode_key(tok)
                top[2] = False
            else:
                key = (top[1] or "",) if top is not None and top[0] else ()
                yield JsonString((*path, *key), offset + m.start() + 1, offset + m.end() - 1, item)


def decode_key(token: str) -> str:
    import json

    return json.loads(token)


def decode(source: str, start: int, end: int) -> tuple[str, list[tuple[int, int]]]:
    """The decoded text of the string whose characters are ``source[start:end]``,
    and its map: (text offset, source offset) anchors."""
    raw = source[start:end]
    anchors = [(0, start)]
    if "\\" not in raw:
        return raw, anchors
    out: list[str] = []
    length = 0
    pos = 0
    matches = list(_ESCAPE.finditer(raw))
    i = 0
    while i < len(matches):
        m = matches[i]
        out.append(raw[pos : m.start()])
        length += m.start() - pos
        consumed_to = m.end()
        if m.group(1) is not None:
            code = int(m.group(1), 16)
            if 0xD800 <= code < 0xDC00 and i + 1 < len(matches):
                nxt = matches[i + 1]
                if nxt.start() == m.end() and nxt.group(1) is not None and 0xDC00 <= int(nxt.group(1), 16) < 0xE000:
                    code = 0x10000 + ((code - 0xD800) << 10) + (int(nxt.group(1), 16) - 0xDC00)
                    consumed_to = nxt.end()
                    i += 1
            char = chr(code)
        else:
            char = _SIMPLE.get(m.group(2), m.group(2))
        anchors.append((length, start + m.start()))
        out.append(char)
        length += 1
        anchors.append((length, start + consumed_to))
        pos = consumed_to
        i += 1
    out.append(raw[pos:])
    return "".join(out), anchors
