"""NewsML-G2 news items, the XML news agencies deliver.

From each ``newsItem`` (alone or inside a ``newsMessage``): ``headline``
(zone headline), ``slugline`` (subheadline), ``description`` (teaser),
``located`` (dateline), ``creditline`` (credit) and the body in ``inlineXML``
(XHTML, read by the HTML reader) or ``inlineData`` (plain text); the genre
from ``genre`` (qcode or name), the date from ``contentCreated`` /
``firstCreated`` / ``versionCreated``, the language and the item's ``guid``
as metadata. Offsets point into the XML file, through entities and CDATA.

The XML is first checked by defusedxml: entity declarations (the way to an
XML bomb) and external references are refused, nothing is fetched from the
network, and malformed XML is reported with the parser's line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lint.cache import regexcache
from lint.model.document import ReadResult
from lint.model.errors import InputError
from lint.readers.offsets import Field, ProseBuilder, ZoneOf

_TOKEN = regexcache.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^>\[]|\[[^\]]*\])*>"
    r"|<(/?)([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>",
    re.S,
)
_ATTR = regexcache.compile(r"([\w:.\-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TEXT_TOKEN = regexcache.compile(r"&(#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]+);|<!\[CDATA\[|<!--.*?-->|<[^>]*>", re.S)
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}

#: Text elements of a news item and their zones, in reading order.
TEXT_ZONES = {"headline": "headline", "slugline": "subheadline", "description": "teaser", "located": "dateline", "creditline": "credit"}
ZONE_ORDER = ("headline", "subheadline", "teaser", "dateline", "body", "credit")
DATE_ELEMENTS = ("contentCreated", "firstCreated", "versionCreated")

#: IPTC genre NewsCodes (and German names) to newslint's genres.
GENRES = {
    "interview": "interview", "opinion": "kommentar", "commentary": "kommentar", "editorial": "kommentar",
    "kommentar": "kommentar", "glosse": "glosse", "review": "rezension", "rezension": "rezension", "kritik": "rezension",
    "profile": "portraet", "biography": "portraet", "portraet": "portraet", "porträt": "portraet",
    "feature": "reportage", "reportage": "reportage", "press-release": "pressemitteilung", "pressrelease": "pressemitteilung",
    "pressemitteilung": "pressemitteilung", "actuality": "bericht", "current": "bericht", "report": "bericht",
    "bericht": "bericht", "summary": "meldung", "meldung": "meldung", "advice": "service", "service": "service",
    "liveticker": "liveticker", "live": "liveticker",
}


@dataclass
class _Item:
    meta: dict[str, str] = field(default_factory=dict)
    fields: list[tuple[int, int, Field]] = field(default_factory=list)
    bodies: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, "xhtml" | "text")
    dates: dict[str, str] = field(default_factory=dict)


def check_xml(source: str) -> None:
    """Refuse what is not safe or not well-formed XML, with the parser's position."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(source.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(f"XML abgelehnt ({type(exc).__name__}): Entitätsdeklarationen und externe Verweise werden nicht gelesen") from None
    except ParseError as exc:
        line, column = exc.position
        raise InputError(f"kein wohlgeformtes XML: Zeile {line}, Spalte {column + 1}: {exc.msg if hasattr(exc, 'msg') else exc}") from None
    local = root.tag.rsplit("}", 1)[-1]
    if local not in ("newsItem", "newsMessage"):
        raise InputError(f"kein NewsML-G2-Nachrichtenobjekt: das Wurzelelement ist <{local}>, erwartet <newsItem> oder <newsMessage>")


def decode_text(source: str, start: int, end: int) -> tuple[str, list[tuple[int, int]]]:
    """The character data of ``source[start:end]``: entities decoded, CDATA
    sections kept verbatim without their markers, comments and tags removed;
    with its map back to the source."""
    out: list[str] = []
    anchors = [(0, start)]
    length = 0
    pos = start
    while True:
        m = _TEXT_TOKEN.search(source, pos, end)
        if m is None:
            break
        out.append(source[pos : m.start()])
        length += m.start() - pos
        token, name = m.group(), m.group(1)
        if token == "<![CDATA[":
            close = source.find("]]>", m.end(), end)
            close = end if close < 0 else close
            anchors.append((length, m.end()))
            out.append(source[m.end() : close])
            length += close - m.end()
            pos = min(close + 3, end)
            anchors.append((length, pos))
            continue
        if name is not None:
            if name.startswith("#x"):
                char = chr(int(name[2:], 16))
            elif name.startswith("#"):
                char = chr(int(name[1:]))
            else:
                char = _ENTITIES.get(name, token)
            anchors.append((length, m.start()))
            out.append(char)
            length += len(char)
        anchors.append((length, m.end()))
        pos = m.end()
    out.append(source[pos:end])
    return "".join(out), anchors


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1).rsplit(":", 1)[-1]: m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(raw)}


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _genre(qcode: str, name: str) -> str:
    for candidate in (qcode.rsplit(":", 1)[-1], name):
        key = candidate.strip().lower()
        if key in GENRES:
            return GENRES[key]
    return ""


def _scan(source: str) -> list[_Item]:
    items: list[_Item] = []
    stack: list[tuple[str, int, dict[str, str]]] = []  # (local name, content start, attributes)
    item: _Item | None = None
    for m in _TOKEN.finditer(source):
        closing, name, raw_attrs, empty = m.group(1), m.group(2), m.group(3), m.group(4)
        if name is None:
            continue  # comment, CDATA, processing instruction, doctype
        local = _local(name)
        if not closing:
            attrs = _attrs(raw_attrs or "")
            if local == "newsItem":
                item = _Item()
                items.append(item)
                if attrs.get("guid"):
                    item.meta["id"] = attrs["guid"]
            elif item is not None and local == "language" and attrs.get("tag") and "language" not in item.meta:
                item.meta["language"] = attrs["tag"]
            elif item is not None and local == "genre" and attrs.get("qcode"):
                item.meta.setdefault("genre", _genre(attrs["qcode"], ""))
            if not empty:
                stack.append((local, m.end(), attrs))
            continue
        while stack and stack[-1][0] != local:
            stack.pop()  # not reached for well-formed XML
        if not stack:
            continue
        _, content_start, attrs = stack.pop()
        if item is None:
            continue
        inside = {s[0] for s in stack}
        content_end = m.start()
        if local == "inlineXML":
            item.bodies.append((content_start, content_end, "xhtml"))
        elif local == "inlineData":
            item.bodies.append((content_start, content_end, "text"))
        elif "inlineXML" in inside or "inlineData" in inside:
            continue
        elif local in TEXT_ZONES and "contentSet" not in inside:
            text, anchors = decode_text(source, content_start, content_end)
            if text.strip():
                zone = TEXT_ZONES[local]
                item.fields.append((ZONE_ORDER.index(zone), content_start, Field(text, anchors, zone, local)))
        elif local in DATE_ELEMENTS:
            item.dates[local] = decode_text(source, content_start, content_end)[0].strip()[:10]
        elif local == "name" and stack and stack[-1][0] == "genre" and not item.meta.get("genre"):
            item.meta["genre"] = _genre("", decode_text(source, content_start, content_end)[0])
    return items


def _article(source: str, item: _Item) -> ReadResult:
    from lint.readers.html import read_html

    builder = ProseBuilder()
    body_zones = ZoneOf()
    placed = sorted(item.fields, key=lambda f: (f[0], f[1]))
    before = [f for f in placed if ZONE_ORDER[f[0]] in ("headline", "subheadline", "teaser", "dateline")]
    after = [f for f in placed if f not in before]
    for _, _, piece in before:
        builder.add_text(piece)
    for start, end, what in item.bodies:
        if what == "xhtml":
            inner = source[start:end]
            builder.add_read(Field(inner, [(0, start)], "body", "inlineXML"), read_html(inner), body_zones)
        else:
            text, anchors = decode_text(source, start, end)
            builder.add_text(Field(text, anchors, "body", "inlineData"))
    for _, _, piece in after:
        builder.add_text(piece)
    meta = {k: v for k, v in item.meta.items() if v}
    date = next((item.dates[name] for name in DATE_ELEMENTS if item.dates.get(name)), "")
    if date:
        meta["date"] = date
    return builder.result(meta)


def read_newsml(source: str) -> ReadResult:
    check_xml(source)
    items = _scan(source)
    articles = [_article(source, item) for item in items]
    if len(articles) == 1:
        return articles[0]
    for i, article in enumerate(articles):
        article.meta.setdefault("id", str(i + 1))
    return ReadResult("", [], articles=articles)
