"""The ``cms`` setting: which field of a CMS export is which (``[tool.newslint.cms]``).

Apart from the reader (``lint.readers.cms``), so that the configuration knows
the setting and its default without importing the reader.
"""

from __future__ import annotations

from typing import Any

from lint.model.record import Record
from lint.plugins.hookspecs import hookimpl

#: Zones in the order an article reads; fields are laid out in this order.
ZONE_ORDER = ("headline", "subheadline", "teaser", "dateline", "body", "caption", "credit", "byline", "info-box")

DEFAULT_FIELDS: dict[str, str] = {
    "title": "headline", "headline": "headline", "heading": "headline",
    "subtitle": "subheadline", "subheadline": "subheadline", "kicker": "subheadline", "overline": "subheadline",
    "teaser": "teaser", "description": "teaser", "summary": "teaser", "lead": "teaser", "abstract": "teaser",
    "body": "body", "text": "body", "content": "body", "articlebody": "body",
    "caption": "caption", "credit": "credit", "copyright": "credit",
    "author": "byline", "authors": "byline", "byline": "byline",
    "dateline": "dateline", "location": "dateline",
}
DEFAULT_META: dict[str, str] = {
    "id": "id", "uuid": "id", "guid": "id",
    "genre": "genre", "type": "genre",
    "date": "date", "published": "date", "publishedat": "date", "published_at": "date", "datepublished": "date",
    "language": "language", "lang": "language", "section": "section", "ressort": "section",
}
BODY_FORMATS = ("auto", "html", "markdown", "plain")


class CmsMapping(Record):
    """Which field is which: explicit paths from the configuration first, then
    the defaults by the field's last name (a dict left out: a new empty one)."""

    _fields = ("fields", "meta", "body_format")
    __slots__ = _fields

    def __init__(self, fields: dict[str, str] | None = None, meta: dict[str, str] | None = None, body_format: str = "auto"):
        self.fields = {} if fields is None else fields
        self.meta = {} if meta is None else meta
        self.body_format = body_format

    def zone_of(self, path: tuple[str, ...]) -> str | None:
        return _mapped(path, self.fields, self.meta, DEFAULT_FIELDS, 3)

    def meta_of(self, path: tuple[str, ...]) -> str | None:
        return _mapped(path, self.meta, self.fields, DEFAULT_META, 2)


def _mapped(path: tuple[str, ...], own: dict[str, str], other: dict[str, str], defaults: dict[str, str], depth: int) -> str | None:
    """What ``path`` maps to: its explicit entry in ``own``; nothing when ``other`` claims
    it; else the default for its last name, down to ``depth`` levels."""
    dotted = ".".join(path)
    if dotted in own:
        return own[dotted]
    if dotted in other or not path:
        return None
    return defaults.get(path[-1].lower()) if len(path) <= depth else None


def validate_mapping(value: Any) -> CmsMapping:
    if not isinstance(value, dict):
        raise ValueError("a table with the keys fields, meta and body-format")
    unknown = set(value) - {"fields", "meta", "body-format"}
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(sorted(unknown))}: allowed are fields, meta, body-format")
    fields, meta = value.get("fields", {}), value.get("meta", {})
    for name, table, allowed in (("fields", fields, ZONE_ORDER), ("meta", meta, ("id", "genre", "date", "language", "section"))):
        if not isinstance(table, dict) or not all(isinstance(k, str) and v in allowed for k, v in table.items()):
            raise ValueError(f"{name} maps dotted field paths to one of {', '.join(allowed)}")
    body_format = value.get("body-format", "auto")
    if body_format not in BODY_FORMATS:
        raise ValueError(f"body-format is one of {', '.join(BODY_FORMATS)}")
    return CmsMapping(dict(fields), dict(meta), body_format)


@hookimpl
def register_settings():
    from lint.model.config import Setting

    return [Setting("cms", CmsMapping(), validate_mapping, "Feldzuordnung für CMS-Exporte (JSON, JSON Lines)")]
