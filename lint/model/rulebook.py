"""Rule files: one TOML file per rule inside a pack folder.

A rule file names its kind and carries everything else about the rule: code,
name, category, severity, German message and help templates, summary, why,
examples and options. The engine, ``newslint rule CODE``, the language
server's hover and the tests all read this one record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lint.cache import regexcache
from lint.cache.store import blake2b
from lint.model.diagnostics import CATEGORIES, SEVERITY_NAMES, Severity
from lint.model.errors import ConfigError
from lint.model.record import Record

CODE = regexcache.compile(r"^[A-Z]{2}[0-9]{3}$")
NAME = regexcache.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
REQUIRED = ("code", "name", "kind", "category", "severity", "summary", "message", "why", "examples")
OPTIONAL = ("help", "options", "enabled")


#: The default folder and file of a rule made in code (one shared ``Path``).
_NOWHERE = Path(".")


class Rule(Record):
    """One rule of a pack. ``example_format``: the file type the examples are
    written in ("txt", "md", "html"), ``format`` under ``[examples]``, for rules
    about markup (captions, headlines). ``options`` left out: a new empty dict."""

    _fields = (
        "code", "name", "kind", "category", "severity", "summary", "message", "why", "examples",
        "help", "options", "enabled", "pack", "example_format", "folder", "file",
    )
    __slots__ = _fields

    def __init__(
        self,
        code: str,
        name: str,
        kind: str,
        category: str,
        severity: Severity,
        summary: str,
        message: str,
        why: str,
        examples: dict[str, list[str]],
        help: str = "",
        options: dict[str, Any] | None = None,
        enabled: bool = True,
        pack: str = "",
        example_format: str = "txt",
        folder: Path = _NOWHERE,
        file: Path = _NOWHERE,
    ):
        self.code = code
        self.name = name
        self.kind = kind
        self.category = category
        self.severity = severity
        self.summary = summary
        self.message = message
        self.why = why
        self.examples = examples
        self.help = help
        self.options = {} if options is None else options
        self.enabled = enabled
        self.pack = pack
        self.example_format = example_format
        self.folder = folder
        self.file = file

    def data_file(self, name: str) -> Path:
        """A word list or other data file of this rule's pack (relative to the pack folder)."""
        return self.folder / name

    def matches(self, selector: str) -> bool:
        """Whether a select/ignore entry (code, code prefix, name, pack or category) names this rule."""
        return (
            self.code.startswith(selector)
            or selector == self.name
            or selector == self.pack
            or selector == self.category
        )

    def docs(self) -> str:
        """The rule's German documentation as Markdown (``newslint rule``, LSP hover)."""
        lines = [f"## {self.code} `{self.name}`", "", self.summary, "", self.why.strip(), ""]
        lines.append(f"Paket: {self.pack} · Kategorie: {self.category} · Schweregrad: {self.severity}")
        for bad in self.examples.get("bad", []):
            lines += ["", "Schlecht:", "", f"> {bad}"]
        for good in self.examples.get("good", []):
            lines += ["", "Besser:", "", f"> {good}"]
        if self.options:
            lines += ["", "Optionen:"]
            lines += [f"- `{k}` = `{_short(v)}`" for k, v in self.options.items()]
        return "\n".join(lines)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def read_rule_file(path: Path) -> dict:
    """The parsed TOML file, kept in newslint's cache keyed by the file's content."""
    try:
        return parsed_toml(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # ValueError: undecodable bytes or invalid TOML
        raise ConfigError(f"{path}: cannot read rule file: {exc}") from None


def parsed_toml(text: str) -> dict:
    """``tomllib.loads(text)``, kept in newslint's cache keyed by the text (a pack's
    files are the same on every run). Invalid TOML raises ``tomllib.TOMLDecodeError``,
    a ``ValueError``."""
    from lint.cache import regexcache

    key = f"toml\n{regexcache.digest(text)}"
    cached = regexcache.get_data(key)
    if isinstance(cached, dict):
        return cached
    import tomllib  # only on a cache miss: importing tomllib compiles its patterns

    parsed = tomllib.loads(text)
    regexcache.put_data(key, parsed)  # a value marshal cannot store (a TOML date) is just not cached
    return parsed


def load_rule(path: Path, pack: str, data: dict | None = None) -> Rule:
    """A rule from its TOML file (``data``: the file already parsed)."""
    if data is None:
        data = read_rule_file(path)
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise ConfigError(f"{path}: missing key(s) {', '.join(missing)}")
    unknown = sorted(set(data) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(REQUIRED + OPTIONAL)}"
        )
    if not CODE.match(str(data["code"])):
        raise ConfigError(f"{path}: code {data['code']!r} must be two capital letters and three digits")
    if not NAME.match(str(data["name"])):
        raise ConfigError(f"{path}: name {data['name']!r} must be kebab-case")
    if data["category"] not in CATEGORIES:
        raise ConfigError(f"{path}: category {data['category']!r} is not one of {', '.join(CATEGORIES)}")
    if data["severity"] not in SEVERITY_NAMES:
        raise ConfigError(f"{path}: severity {data['severity']!r} is not one of {', '.join(SEVERITY_NAMES)}")
    if not isinstance(data.get("options", {}), dict):
        raise ConfigError(f"{path}: 'options' must be a table ([options])")
    for key in ("summary", "message", "why", "help"):
        if not isinstance(data.get(key, ""), str):
            raise ConfigError(f"{path}: '{key}' must be a string")
    examples = data["examples"]
    if (
        not isinstance(examples, dict)
        or not examples.get("bad")
        or not examples.get("good")
        or not all(isinstance(e, str) for e in [*examples.get("bad", []), *examples.get("good", [])])
        or not isinstance(examples.get("configuration", ""), str)
    ):
        raise ConfigError(f"{path}: examples need at least one 'bad' and one 'good' entry")
    if examples.get("format", "txt") not in ("txt", "md", "html"):
        raise ConfigError(f"{path}: examples.format must be one of txt, md, html")
    return Rule(
        code=data["code"],
        name=data["name"],
        kind=data["kind"],
        category=data["category"],
        severity=Severity.parse(data["severity"]),
        summary=data["summary"],
        message=data["message"],
        why=data["why"],
        examples={
            "bad": list(examples["bad"]),
            "good": list(examples["good"]),
            # the configuration the examples run with (a rule that needs a newsroom's list)
            **({"configuration": examples["configuration"]} if examples.get("configuration") else {}),
        },
        help=data.get("help", ""),
        options=dict(data.get("options", {})),
        enabled=bool(data.get("enabled", True)),
        pack=pack,
        example_format=examples.get("format", "txt"),
        folder=path.parent,
        file=path,
    )


def load_pack(folder: Path) -> list[Rule]:
    """All rules of one pack folder (``*.toml`` except ``pack.toml`` and ``profiles.toml``)."""
    if not folder.is_dir():
        raise ConfigError(f"rule pack folder not found: {folder}")
    files = [p for p in sorted(folder.glob("*.toml")) if p.name not in ("pack.toml", "profiles.toml")]
    return [load_rule(p, folder.name, data) for p, data in zip(files, _parsed(files))]


def _parsed(files: list[Path]) -> list[dict]:
    """The parsed rule files, kept in newslint's cache keyed by their content."""
    from lint.cache import regexcache

    digest = blake2b(digest_size=32)
    try:
        for p in files:
            digest.update(p.read_bytes())
            digest.update(b"\0")
    except OSError:
        return [read_rule_file(p) for p in files]
    key = f"rules\n{len(files)}\n{digest.hexdigest()}"
    cached = regexcache.get_data(key)
    if isinstance(cached, list) and len(cached) == len(files) and all(isinstance(d, dict) for d in cached):
        return cached
    parsed = [read_rule_file(p) for p in files]
    regexcache.put_data(key, parsed)  # a value marshal cannot store (a TOML date) is just not cached
    return parsed


def load_rules(folders: list[Path]) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for folder in folders:
        for rule in load_pack(folder):
            for key in (rule.code, rule.name):
                if key in seen:
                    raise ConfigError(f"{rule.file}: {key} is already defined in {seen[key]}")
                seen[key] = rule.file
            rules.append(rule)
    return rules
