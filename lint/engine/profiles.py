"""Profiles: a rule's severity per genre and per zone.

A pack states its defaults in one file, ``rules/<pack>/profiles.toml``; a
newsroom adds or overrides them in its configuration (``[tool.newslint.profiles]``,
same shape)::

    [genre.rezension]          # in a review ...
    hype = "off"               # ... no hype rule reports (a selector: code, prefix, name, pack, category)

    [zone.headline]
    HY004 = "warning"          # an intensifier in a headline is a warning, not a hint

For each finding the engine looks up its rule under the document's genre,
then under the finding's zone; ``off`` from either drops the finding,
otherwise the zone's level wins over the genre's, and the configuration's over
the pack's. A pack's profile may move a rule between ``warning`` and ``info``
or turn it off, never to ``error``: errors come only from a newsroom's
configuration (the severity policy). A finding its kind already lowered below
its rule's severity (a hype word in someone's speech, a doubtful sense) keeps
that severity: a profile raises confidence only where the rule itself is sure.
Findings about the whole document (scores, densities) have no zone; only the
genre applies to them.

This module also registers the two configuration keys it reads:
``profiles`` and ``genre`` (globs → genre, see ``lint.language.genre``).
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from lint.model.config import Setting
from lint.model.diagnostics import Severity
from lint.model.errors import ConfigError
from lint.model.record import Record
from lint.model.rulebook import Rule, parsed_toml
from lint.plugins.hookspecs import hookimpl

PROFILE_FILE = "profiles.toml"
AXES = ("genre", "zone")
OFF = "off"


def _allowed_names(axis: str) -> tuple[str, ...]:
    from lint.language.genre import GENRES
    from lint.language.zones import ZONES

    return GENRES if axis == "genre" else ZONES


def validate_profiles(data: Any, where: str, levels: tuple[str, ...]) -> dict[str, dict[str, dict[str, str]]]:
    """``{axis: {name: {selector: level}}}``, checked; raises ``ValueError`` saying what is allowed."""
    if not isinstance(data, dict):
        raise ValueError(f"{where}: a table of [genre.NAME] and [zone.NAME] tables")
    out: dict[str, dict[str, dict[str, str]]] = {}
    for axis, tables in data.items():
        if axis not in AXES or not isinstance(tables, dict):
            raise ValueError(f"{where}: {axis!r} is not one of genre, zone (each a table of tables)")
        names = _allowed_names(axis)
        for name, table in tables.items():
            if name not in names:
                raise ValueError(f"{where}: {axis}.{name} is unknown; allowed: {', '.join(names)}")
            if not isinstance(table, dict) or not all(isinstance(v, str) and v in levels for v in table.values()):
                raise ValueError(f"{where}: {axis}.{name} maps selectors to one of {', '.join(levels)}")
            out.setdefault(axis, {})[name] = dict(table)
    return out


def load_pack_profiles(folder: Path) -> dict:
    path = Path(str(folder)) / PROFILE_FILE
    if not path.is_file():
        return {}
    try:
        data = parsed_toml(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # a TOMLDecodeError and a UnicodeDecodeError are ValueErrors
        raise ConfigError(f"{path}: cannot read profiles: {exc}") from None
    try:
        return validate_profiles(data, str(path), ("warning", "info", OFF))
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


class Profiles(Record):
    """Per rule code: ``{axis: {name: level}}`` (only rules some profile names), in ``levels``.

    ``declared``: per rule code, the rule's own severity. A finding below it was
    lowered by its context (someone's speech, a doubtful sense): a profile never
    raises it again. (A dict left out: a new empty one.)"""

    _fields = ("levels", "declared")
    __slots__ = _fields

    def __init__(self, levels: dict[str, dict[str, dict[str, str]]] | None = None, declared: dict[str, Severity] | None = None):
        self.levels = {} if levels is None else levels
        self.declared = {} if declared is None else declared

    @classmethod
    def build(cls, rules: list[Rule], tables: list[dict]) -> "Profiles":
        """``tables`` in order of precedence, lowest first (packs, then the configuration)."""
        levels: dict[str, dict[str, dict[str, str]]] = {}
        for table in tables:
            for axis, names in table.items():
                for name, selectors in names.items():
                    for selector, level in selectors.items():
                        for rule in rules:
                            if rule.matches(selector):
                                levels.setdefault(rule.code, {}).setdefault(axis, {})[name] = level
        return cls(levels, {rule.code: rule.severity for rule in rules if rule.code in levels})

    def wants_genre(self, code: str) -> bool:
        return "genre" in self.levels.get(code, {})

    def resolve(self, code: str, severity: Severity, genre: str, zone: str, capped: bool = False) -> Severity | None:
        """The severity of a finding of rule ``code`` (``None``: dropped); a ``capped``
        finding (``Diagnostic.capped``) keeps its severity where a profile would raise it."""
        rule = self.levels.get(code)
        if rule is None:
            return severity
        chosen = severity
        for axis, name in (("genre", genre), ("zone", zone)):
            level = rule.get(axis, {}).get(name) if name else None
            if level == OFF:
                return None
            if level is not None:
                chosen = Severity.parse(level)
        declared = self.declared.get(code)
        if chosen > severity and (capped or (declared is not None and severity < declared)):
            return severity  # lowered by its context: confidence is not raised by a zone or genre
        return chosen


def genre_for_path(path: str, config) -> tuple[str, str] | None:
    """The genre the configuration maps ``path`` to: ``(genre, glob)``, or ``None``."""
    mapping: dict[str, str] = config.setting("genre") or {}
    if not mapping:
        return None
    absolute = Path(path).resolve()
    try:
        relative = absolute.relative_to(config.root).as_posix()
    except ValueError:
        relative = absolute.as_posix()
    for pattern, genre in mapping.items():
        if fnmatch(relative, pattern) or fnmatch(absolute.as_posix(), pattern):
            return genre, pattern
    return None


def _genre_mapping(value: Any) -> dict[str, str]:
    from lint.language.genre import GENRES, normalise_genre

    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError("a table mapping globs to genres, e.g. \"kultur/kritik/*\" = \"rezension\"")
    out = {}
    for pattern, name in value.items():
        genre = normalise_genre(name)
        if not genre:
            raise ValueError(f"genre {name!r} for {pattern!r} is not one of {', '.join(GENRES)}")
        out[pattern] = genre
    return out


def _config_profiles(value: Any) -> dict:
    return validate_profiles(value, "profiles", ("error", "warning", "info", OFF))


@hookimpl
def register_settings():
    return [
        Setting("genre", {}, _genre_mapping, "globs (relative to the configuration file) → genre"),
        Setting("profiles", {}, _config_profiles, "severity per genre and zone: [profiles.genre.NAME] / [profiles.zone.NAME]"),
    ]
