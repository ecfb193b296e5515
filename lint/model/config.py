"""Configuration: ``[tool.newslint]`` in ``pyproject.toml`` or a ``newslint.toml``,
found from the linted file's folder upwards; ``--config PATH`` overrides.

Every key is validated; an unknown key or a bad value is a ``ConfigError`` that
names the file, the key and what is allowed.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Callable

from lint.model.diagnostics import SEVERITY_NAMES
from lint.model.errors import ConfigError
from lint.model.record import Record, named_tuple

FAIL_ON = ("error", "warning", "never")  # hints (info) never fail a run


@named_tuple
class Setting:
    """A top-level key contributed by a plugin (``register_settings`` hook).

    ``validate`` returns the cleaned value or raises ``ValueError`` with a text
    saying what is allowed.
    """

    name: str
    default: Any
    validate: Callable[[Any], Any]
    help: str = ""


def _string_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError("a string or a list of strings")


def _choice(*allowed: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in allowed:
            raise ValueError("one of " + ", ".join(repr(a) for a in allowed))
        return value

    return check


CORE_KEYS: dict[str, Callable[[Any], Any]] = {
    "select": _string_list,
    "ignore": _string_list,
    "fail-on": _choice(*FAIL_ON),
    "packs": _string_list,
    "include": _string_list,
    "exclude": _string_list,
}


class Config(Record):
    """Effective configuration for the files below ``root`` (left out: the current
    folder, read when the configuration is made; a list or dict left out: a new empty one)."""

    _fields = ("file", "root", "select", "ignore", "fail_on", "packs", "include", "exclude", "rules", "settings")
    __slots__ = _fields

    def __init__(
        self,
        file: Path | None = None,
        root: Path | None = None,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        fail_on: str | None = None,
        packs: list[Path] | None = None,
        include: list[str] | None = None,
        exclude: list[str] | None = None,
        rules: dict[str, dict[str, Any]] | None = None,
        settings: dict[str, Any] | None = None,
    ):
        self.file = file
        self.root = Path.cwd() if root is None else root
        self.select = select
        self.ignore = [] if ignore is None else ignore
        self.fail_on = fail_on
        self.packs = [] if packs is None else packs
        self.include = [] if include is None else include
        self.exclude = [] if exclude is None else exclude
        self.rules = {} if rules is None else rules
        self.settings = {} if settings is None else settings

    def setting(self, name: str, default: Any = None) -> Any:
        return self.settings.get(name, default)


def find_config_file(start: Path) -> Path | None:
    """The nearest ``newslint.toml`` or ``pyproject.toml`` with ``[tool.newslint]``."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "newslint.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file():
            try:
                if "tool" in (data := _read_toml(project)) and "newslint" in data["tool"]:
                    return project
            except ConfigError:
                raise
    return None


def _read_toml(path: Path) -> dict:
    """The parsed file, kept in newslint's cache by its text (``parsed_toml``): a
    project's ``pyproject.toml`` is read on every run, often only to learn that
    it has no ``[tool.newslint]``."""
    from lint.model.rulebook import parsed_toml

    try:
        return parsed_toml(path.read_text(encoding="utf-8-sig"))  # a byte-order mark is read, not rejected
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_config(path: Path | None, settings: dict[str, Setting]) -> Config:
    """Read and validate a configuration file (``None``: defaults)."""
    config = Config(settings={name: s.default for name, s in settings.items()})
    if path is None:
        return config
    if not path.is_file():
        raise ConfigError(f"configuration file not found: {path}")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("newslint", {})
    config.file = path
    config.root = path.parent.resolve()
    allowed = sorted([*CORE_KEYS, "rules", *settings])
    for raw_key, value in data.items():
        key = raw_key.replace("_", "-")
        where = f"{path}: key {raw_key!r}"
        if key == "rules":
            config.rules = _rule_tables(path, value)
        elif key in CORE_KEYS:
            try:
                cleaned = CORE_KEYS[key](value)
            except ValueError as exc:
                raise ConfigError(f"{where} has value {value!r}; allowed: {exc}") from None
            if key == "packs":
                config.packs = [(config.root / p).resolve() for p in cleaned]
                for folder, given in zip(config.packs, cleaned):
                    if not folder.is_dir():
                        raise ConfigError(f"{where}: rule pack folder not found: {given!r} ({folder})")
            elif key == "fail-on":
                config.fail_on = cleaned
            else:
                setattr(config, key, cleaned)
        elif key in settings:
            try:
                config.settings[key] = settings[key].validate(value)
            except ValueError as exc:
                raise ConfigError(f"{where} has value {value!r}; allowed: {exc}") from None
        else:
            raise ConfigError(f"{where} is unknown; allowed keys: {', '.join(allowed)}")
    return config


def _rule_tables(path: Path, value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{path}: 'rules' must be a table of tables, e.g. [tool.newslint.rules.HY001]")
    for selector, table in value.items():
        severity = table.get("severity")
        if severity is not None and severity not in (*SEVERITY_NAMES, "off"):
            raise ConfigError(
                f"{path}: rules.{selector}.severity has value {severity!r}; allowed: error, warning, info, off"
            )
    return value


def validate_rule_options(path: Path | None, selector: str, defaults: dict[str, Any], given: dict[str, Any]) -> dict:
    """Merge options from the config over a rule's defaults, checking names and types.

    An option's type is its default's type (an int option also takes a float
    where the default is a float); a list takes items of the type of the
    default's items (strings when the default is empty); an option without a
    default (``None``) takes a number or a string.
    """
    merged = dict(defaults)
    for key, value in given.items():
        if key in ("severity", "accept"):
            if key == "accept" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise ConfigError(f"{path}: rules.{selector}.accept has value {value!r}; allowed: a list of words and names")
            continue
        if key not in defaults:
            allowed = ", ".join(sorted(defaults)) or "none"
            raise ConfigError(f"{path}: rules.{selector} has unknown option {key!r}; allowed: severity, accept, {allowed}")
        merged[key] = check_option(path, f"rules.{selector}.{key}", defaults[key], value)
    return merged


def check_number(path: Path | None, where: str, default: Any, value: Any) -> Any:
    """A number option is finite, and not negative when its default is not
    (``window = -5`` or ``threshold = nan`` would silently disable a rule)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and isinstance(default, (int, float)):
        if not math.isfinite(value):
            raise ConfigError(f"{path}: {where} has value {value!r}; allowed: a finite number")
        if default >= 0 and value < 0:
            raise ConfigError(f"{path}: {where} has value {value!r}; allowed: a number of 0 or more")
    return value


def check_option(path: Path | None, where: str, default: Any, value: Any) -> Any:
    def bad(allowed: str):
        return ConfigError(f"{path}: {where} has value {value!r}; allowed: {allowed}")

    if default is None:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise bad("a number or a string")
        return value
    expected = type(default)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise bad(f"a {expected.__name__}")
    if expected in (int, float):
        check_number(path, where, default, value)
    if expected is list:
        item = type(default[0]) if default else str
        if not all(isinstance(v, item) and not (item is int and isinstance(v, bool)) for v in value):
            raise bad(f"a list of {item.__name__} values")
    return value
