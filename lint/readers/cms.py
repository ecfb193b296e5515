"""CMS exports: JSON (one article per file, or an array of articles) and JSON
Lines (one article per line).

Fields map to zones by their dotted path (list indices left out, so
``images.caption`` is the caption of every image). The defaults cover common
field names; ``[tool.newslint.cms]`` in the configuration adds or overrides::

    [tool.newslint.cms]
    fields = { "data.headline" = "headline", "data.text" = "body" }
    meta = { "data.uuid" = "id", "data.kind" = "genre" }
    body-format = "auto"   # auto | html | markdown | plain

A body in HTML goes through the HTML reader, in Markdown through the Markdown
reader, and plain text through the plain-text reader (``auto`` decides by the
markup it finds); every finding points at its character in the JSON file, through the
string's escapes. A JSON file that is not an article export (a package.json, a
list of numbers) is refused with one clear message, never linted as prose.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable

from lint.cache import regexcache
from lint.model.document import Block, ReadResult
from lint.model.errors import InputError
from lint.readers.cms_settings import ZONE_ORDER, CmsMapping
from lint.readers.jsonscan import JsonString, decode, string_values
from lint.readers.offsets import Field, ProseBuilder, ZoneOf

#: Markdown that changes what is prose: emphasis, code, links and images; at a
#: line's start headings, quotes, lists and fences.
_MARKDOWN_CHARS = ("*", "_", "`", "[")
_MARKDOWN_LINE_STARTS = ("#", ">", "~~~", "- ", "+ ")
_ORDERED_ITEM = regexcache.compile(r"[0-9]+[.)] ")


def _has_markdown(text: str) -> bool:
    if any(ch in text for ch in _MARKDOWN_CHARS):
        return True
    if any(text.startswith(mark) or "\n" + mark in text for mark in _MARKDOWN_LINE_STARTS):
        return True
    return any(line[:1].isdigit() and _ORDERED_ITEM.match(line) for line in text.split("\n"))


_BLANK_LINES = regexcache.compile(r"\n[ \t\r]*\n(?:[ \t\r]*\n)*")
_HTML_HINT = regexcache.compile(r"</?(?:p|div|h[1-6]|br|ul|ol|li|blockquote|figure|figcaption|strong|em|a|span)\b", re.I)


def read_article(source: str, strings: list[JsonString], mapping: CmsMapping, where: str) -> ReadResult:
    """One article from the string values of one JSON object."""
    placed: list[tuple[int, int, Field]] = []
    meta: dict[str, str] = {}
    for s in strings:
        zone = mapping.zone_of(s.path)
        key = mapping.meta_of(s.path) if zone is None else None
        if zone is None and key is None:
            continue
        text, anchors = decode(source, s.start, s.end)
        if key is not None:
            meta.setdefault(key, text.strip())
        elif text.strip():
            placed.append((ZONE_ORDER.index(zone), s.start, Field(text, anchors, zone, ".".join(s.path))))
    if not placed:
        raise InputError(
            f"{where}kein Artikel-Export: kein Feld wie title, teaser oder body gefunden "
            "(Felder mit [tool.newslint.cms] fields zuordnen)"
        )
    builder = ProseBuilder()
    lead = ZoneOf()
    for _, _, piece in sorted(placed, key=lambda p: (p[0], p[1])):
        if piece.zone == "body":
            read = _body_reader(piece.text, mapping.body_format)
            if read is not None:
                builder.add_read(piece, read(piece.text), lead)
                continue
        builder.add_text(piece)
    return builder.result(meta)


def flatten(record: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """The string (and number) values of a decoded record with their key paths
    (list indices left out); numbers count for ids and the like."""
    if isinstance(record, str):
        return [(path, record)]
    if isinstance(record, (int, float)) and not isinstance(record, bool):
        return [(path, str(record))]
    if isinstance(record, dict):
        return [pair for key, value in record.items() for pair in flatten(value, (*path, str(key)))]
    if isinstance(record, list):
        return [pair for value in record for pair in flatten(value, path)]
    return []


@dataclass(frozen=True, slots=True)
class RawField:
    """Where a field's raw text lies in the source ``read_record`` lays out."""

    start: int
    end: int
    name: str
    zone: str


def read_record(record: dict, mapping: CmsMapping | None = None) -> tuple[str, ReadResult, list[RawField]]:
    """An article from an already decoded record (a row of a CSV or Parquet
    export, a decoded JSON line): ``(source, read, raw_fields)``. The source is
    the fields' raw texts laid out in reading order, blank lines between them,
    and ``raw_fields`` says where each lies, so a finding's offsets can be given
    relative to its field, as the newsroom's database holds it."""
    mapping = mapping or CmsMapping()
    placed: list[tuple[int, int, tuple[str, ...], str]] = []
    meta: dict[str, str] = {}
    for n, (path, text) in enumerate(flatten(record)):
        zone = mapping.zone_of(path)
        key = mapping.meta_of(path) if zone is None else None
        if key is not None:
            meta.setdefault(key, text.strip())
        elif zone is not None and text.strip():
            placed.append((ZONE_ORDER.index(zone), n, path, text))
    if not placed:
        raise InputError("kein Artikel: kein Feld wie title, teaser oder body gefunden")
    builder = ProseBuilder()
    lead = ZoneOf()
    raw: list[str] = []
    raw_fields: list[RawField] = []
    raw_length = 0
    for zone_rank, _, path, text in sorted(placed):
        if raw:
            raw.append("\n\n")
            raw_length += 2
        piece = Field(text, [(0, raw_length)], ZONE_ORDER[zone_rank], ".".join(path))
        raw_fields.append(RawField(raw_length, raw_length + len(text), piece.name, piece.zone))
        raw.append(text)
        raw_length += len(text)
        read = _body_reader(text, mapping.body_format) if piece.zone == "body" else None
        if read is not None:
            builder.add_read(piece, read(text), lead)
        else:
            builder.add_text(piece)
    return "".join(raw), builder.result(meta), raw_fields


def _body_reader(text: str, body_format: str) -> Callable[[str], ReadResult] | None:
    """How to read a body: HTML, Markdown, or (``None``) as plain text. In
    ``auto``, Markdown without any markup reads as its paragraphs directly,
    which is what the Markdown reader would give, at a fraction of the cost."""
    if body_format == "plain":
        return None
    if body_format == "html" or (body_format == "auto" and "<" in text and _HTML_HINT.search(text)):
        from lint.readers.html import read_html

        return read_html
    if body_format == "markdown" or _has_markdown(text):
        from lint.readers.markdown import read_markdown

        return read_markdown
    return read_paragraphs


def read_paragraphs(text: str) -> ReadResult:
    """Markdown without markup: paragraphs are separated by blank lines."""
    blocks: list[Block] = []
    pos = 0
    for chunk in _BLANK_LINES.split(text):
        stripped = chunk.strip()
        if stripped:
            start = text.index(stripped[:1], pos)
            blocks.append(Block(start, start + len(stripped), "paragraph"))
        pos += len(chunk)
        gap = _BLANK_LINES.match(text, pos)
        if gap:
            pos = gap.end()
    return ReadResult(text, blocks)


def _json_error(exc: json.JSONDecodeError, line_offset: int = 0) -> str:
    return f"kein gültiges JSON: Zeile {exc.lineno + line_offset}, Spalte {exc.colno}: {exc.msg}"


def read_json(source: str, mapping: CmsMapping | None = None) -> ReadResult:
    mapping = mapping or CmsMapping()
    try:
        value = json.loads(source)
    except json.JSONDecodeError as exc:
        raise InputError(_json_error(exc)) from None
    except RecursionError:
        raise InputError("kein Artikel-Export: zu tief verschachteltes JSON") from None
    if isinstance(value, dict):
        return read_article(source, list(string_values(source)), mapping, "")
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        by_item: dict[int, list[JsonString]] = {}
        for s in string_values(source):
            by_item.setdefault(s.item, []).append(s)
        articles = [read_article(source, by_item.get(i, []), mapping, f"Artikel {i + 1}: ") for i in range(len(value))]
        return _several(articles)
    raise InputError("kein Artikel-Export: erwartet wird ein JSON-Objekt je Artikel (oder eine Liste davon)")


def json_line(text: str, where: str) -> tuple[dict | None, str | None]:
    """One line of a JSON Lines export: ``(record, None)``, or ``(None, problem)``
    saying in German what is wrong at ``where`` ("Zeile 3"); blank lines give ``(None, None)``."""
    if not text.strip():
        return None, None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, f"{where}, Spalte {exc.colno}: kein gültiges JSON: {exc.msg}"
    except RecursionError:
        return None, f"{where}: zu tief verschachteltes JSON"
    if not isinstance(value, dict):
        return None, f"{where}: kein Artikel (erwartet wird ein JSON-Objekt je Zeile)"
    return value, None


def read_json_lines(source: str, mapping: CmsMapping | None = None) -> ReadResult:
    mapping = mapping or CmsMapping()
    articles: list[ReadResult] = []
    problems: list[str] = []
    pos = 0
    for number, line in enumerate(source.splitlines(keepends=True), 1):
        start, text = pos, line.rstrip("\r\n")
        pos += len(line)
        value, problem = json_line(text, f"Zeile {number}")
        if value is None:
            if problem:
                problems.append(problem)
            continue
        try:
            articles.append(read_article(source, list(string_values(text, start)), mapping, f"Zeile {number}: "))
        except InputError as exc:
            problems.append(str(exc))
    if not articles and problems:
        raise InputError(problems[0] if len(problems) == 1 else f"{problems[0]} (und {len(problems) - 1} weitere Zeilen)")
    result = _several(articles)
    result.read_errors = problems
    return result


def _several(articles: list[ReadResult]) -> ReadResult:
    for i, article in enumerate(articles):
        article.meta.setdefault("id", str(i + 1))
    return ReadResult("", [], articles=articles)


def _configured(read: Callable[[str, CmsMapping], ReadResult]) -> Callable:
    def configure(config) -> Callable[[str], ReadResult]:
        mapping = config.setting("cms") if config is not None else None
        return lambda source: read(source, mapping or CmsMapping())

    return configure


#: The ``configure`` of the two CMS readers (declared in ``lint.readers.catalogue``).
configure_json = _configured(read_json)
configure_json_lines = _configured(read_json_lines)
