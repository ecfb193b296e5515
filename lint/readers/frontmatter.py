"""Front matter at the top of an article: YAML between ``---`` lines or TOML
between ``+++`` lines (Jekyll, Hugo, most static-site CMS exports).

Only the fields newslint reads are interpreted (simple ``key: value`` and
``key = "value"`` lines, YAML block scalars, TOML through ``tomllib``); the
region is blanked by the reader. A ``---`` block that never closes does not
swallow the article: its field lines end at the first line that is no field,
and ``FrontMatter.closed`` is false so the reader can report it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lint.cache import regexcache
from lint.readers import lines_with_offsets

_YAML_FIELD = regexcache.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_TOML_FIELD = regexcache.compile(r"([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*?)[ \t]*$")
_CONTINUATION = regexcache.compile(r"[ \t]+\S|[ \t]*-[ \t]")
# A plain-text file opens with front matter only if its second line is a field
# with a lower-case ASCII key (``title: …``), never a German sentence with a colon.
_FIELD_START = regexcache.compile(r"[a-z_][a-z0-9_-]*[ \t]*[:=]")

#: Field names as they appear in front matter → the metadata key newslint uses.
ALIASES = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "genre": "genre",
    "ressort": "section",
    "section": "section",
    "category": "section",
    "language": "language",
    "lang": "language",
    "teaser": "teaser",
    "description": "teaser",
    "summary": "teaser",
    "subtitle": "subheadline",
    "kicker": "subheadline",
    "dachzeile": "subheadline",
    "author": "byline",
    "autor": "byline",
}
#: Fields whose text is article prose, linted in place, with their zone.
PROSE_ZONES = {"title": "headline", "teaser": "teaser", "subheadline": "subheadline"}


@dataclass
class FrontMatter:
    start: int
    end: int  # source offset after the closing line (or after the last field line)
    closed: bool
    meta: dict[str, str] = field(default_factory=dict)
    #: source spans of single-line prose values: metadata key → (start, end)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def split_front_matter(source: str, require_field: bool = False) -> FrontMatter | None:
    """The front matter at the start of ``source``, or ``None``.

    ``require_field``: only accept it if the line after the opening marker is a
    field (plain text, where ``---`` may just be a rule).
    """
    marker = source[:3]
    if marker not in ("---", "+++") or source[3:4] not in ("\n", "\r"):
        return None
    lines = lines_with_offsets(source)
    next(lines)
    body: list[tuple[int, str]] = []
    closed = False
    end = len(source)
    for start, text in lines:
        if text.rstrip() == marker or (marker == "---" and text.rstrip() == "..."):
            closed = True
            end = start + len(text)
            end += 2 if source.startswith("\r\n", end) else (1 if end < len(source) else 0)
            break
        body.append((start, text))
    if require_field and not (body and _FIELD_START.match(body[0][1])):
        return None
    if not closed:
        body = _field_lines(body)
        if not body:
            end = source.find("\n") + 1 or len(source)
        else:
            last_start, last = body[-1]
            end = last_start + len(last)
    fm = FrontMatter(0, end, closed)
    if marker == "+++":
        _read_toml(fm, body)
    else:
        _read_yaml(fm, body)
    return fm


def _field_lines(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines of an unclosed block that still look like fields."""
    kept = []
    for start, text in body:
        if not text.strip():
            break
        if not (_YAML_FIELD.match(text) and _FIELD_START.match(text) or kept and _CONTINUATION.match(text)):
            break
        kept.append((start, text))
    return kept


def _unquote(value: str, start: int) -> tuple[str, int]:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1], start + 1
    return value, start


def _keep(fm: FrontMatter, key: str, value: str, start: int, single_line: bool) -> None:
    name = ALIASES.get(key.lower())
    if name is None or name in fm.meta:
        return
    fm.meta[name] = value.strip()
    if single_line and name in PROSE_ZONES and value.strip():
        fm.spans[name] = (start, start + len(value))


def _read_yaml(fm: FrontMatter, body: list[tuple[int, str]]) -> None:
    i = 0
    while i < len(body):
        start, text = body[i]
        i += 1
        m = _YAML_FIELD.match(text)
        if not m:
            continue
        key, value = m.group(1), m.group(2) or ""
        if value in ("|", ">", "|-", ">-") or not value:
            parts = []
            while i < len(body) and (body[i][1][:1] in (" ", "\t") or not body[i][1].strip()):
                parts.append(body[i][1].strip())
                i += 1
            joined = (" " if value.startswith(">") or not value else "\n").join(p for p in parts if p)
            _keep(fm, key, joined, start, False)
            continue
        value, offset = _unquote(value, start + m.start(2))
        _keep(fm, key, value, offset, True)


def _read_toml(fm: FrontMatter, body: list[tuple[int, str]]) -> None:
    import tomllib  # only for TOML front matter: importing tomllib compiles its patterns

    try:
        data = tomllib.loads("\n".join(text for _, text in body))
    except tomllib.TOMLDecodeError:
        data = {}
    spans = {}
    for start, text in body:
        m = _TOML_FIELD.match(text)
        if m and m.group(1) not in spans:
            spans[m.group(1)] = _unquote(m.group(2), start + m.start(2))
    for key, value in data.items():
        if isinstance(value, (str, int, float)) or hasattr(value, "isoformat"):
            raw, offset = spans.get(key, ("", 0))
            single = raw == str(value)
            _keep(fm, key, value if isinstance(value, str) else str(value), offset, single)
