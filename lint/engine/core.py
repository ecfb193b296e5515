"""The engine: selects rules, reads a document once and runs every rule on it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from lint.model.config import Config, find_config_file, load_config, validate_rule_options
from lint.model.diagnostics import Diagnostic, Edit, Fix, Severity
from lint.model.document import Document
from lint.model.errors import BackendUnavailable, ConfigError
from lint.kinds.base import Kind, default_options
from lint.plugins.registry import Registry, registry as default_registry
from lint.model.rulebook import Rule, load_rules
from lint.engine.suppression import apply_suppressions, parse_suppressions
from lint.engine.profiles import Profiles, genre_for_path, load_pack_profiles


@dataclass
class Selection:
    """Rule selection from the command line, layered over the configuration."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)

    @classmethod
    def from_options(cls, select: str | None, ignore: str | None) -> "Selection":
        """From comma-separated ``--select`` / ``--ignore`` values."""

        def split(value: str | None) -> list[str] | None:
            return None if value is None else [v.strip() for v in value.split(",") if v.strip()]

        return cls(select=split(select), ignore=split(ignore) or [])


def select_rules(rules: list[Rule], config: Config, cli: Selection, kinds: dict[str, type] | None = None) -> list[Rule]:
    select = cli.select if cli.select is not None else config.select
    ignore = [*config.ignore, *cli.ignore]
    chosen = []
    for rule in rules:
        if select is not None:
            kind = (kinds or {}).get(rule.kind)
            claims = getattr(kind, "claims", None)
            # A selector a kind claims (e.g. a LanguageTool rule id) selects its rule;
            # the kind then filters its own findings (Kind.selection).
            if not any(s and (rule.matches(s) or (claims is not None and claims(s))) for s in select):
                continue
        elif not rule.enabled:
            continue
        if any(s and rule.matches(s) for s in ignore):
            continue
        chosen.append(rule)
    return chosen


class Engine:
    """Lints documents with one configuration."""

    def __init__(
        self,
        config: Config | None = None,
        selection: Selection | None = None,
        registry: Registry | None = None,
        genre: str | None = None,
    ):
        self.registry = registry or default_registry()
        self.config = config or load_config(None, self.registry.settings)
        self.genre = genre  # ``--genre``: overrides the document's and the configuration's
        self.errors: list[str] = []
        self.notices: list[str] = []  # backend problems: reported once, exit code unaffected
        all_rules = load_rules([*self.registry.packs, *self.config.packs])
        self.all_rules = all_rules
        self.profiles = Profiles.build(
            all_rules,
            [load_pack_profiles(f) for f in (*self.registry.packs, *self.config.packs)]
            + [self.config.setting("profiles") or {}],
        )
        self.kinds: list[Kind] = []
        selection = selection or Selection()
        for rule in select_rules(all_rules, self.config, selection, self.registry.kinds):
            kind = self.registry.kinds.get(rule.kind)
            if kind is None:
                raise ConfigError(
                    f"{rule.file}: unknown kind {rule.kind!r}; installed kinds: {', '.join(sorted(self.registry.kinds))}"
                )
            options = default_options(kind, rule)
            severity = rule.severity
            for selector, table in self.config.rules.items():
                if rule.matches(selector):
                    options = validate_rule_options(self.config.file, selector, options, table)
                    if table.get("severity") == "off":
                        severity = None
                        break
                    if "severity" in table:
                        severity = Severity.parse(table["severity"])
            if severity is None:
                continue
            instance = kind(rule, options)
            instance.config = self.config
            instance.severity = severity
            instance.selection = (
                selection.select if selection.select is not None else self.config.select,
                [*self.config.ignore, *selection.ignore],
            )
            self.kinds.append(instance)
        self._check_unused_selectors(all_rules)
        self._check_selection(all_rules, selection)

    def _claimed(self, selector: str) -> bool:
        return any(getattr(k, "claims", lambda s: False)(selector) for k in self.registry.kinds.values())

    def _check_selection(self, rules: list[Rule], selection: Selection) -> None:
        """A select/ignore entry that names no rule is a typo that would silently lint nothing."""
        sources = [("--select", selection.select or []), ("--ignore", selection.ignore)]
        sources += [(f"{self.config.file}: select", self.config.select or []), (f"{self.config.file}: ignore", self.config.ignore)]
        for where, entries in sources:
            for entry in entries:
                if not any(r.matches(entry) for r in rules) and not self._claimed(entry):
                    raise ConfigError(f"{where} entry {entry!r} names no rule (use a code, code prefix, name, pack or category)")

    def _check_unused_selectors(self, rules: list[Rule]) -> None:
        for selector in self.config.rules:
            if not any(r.matches(selector) for r in rules) and not self._claimed(selector):
                raise ConfigError(f"{self.config.file}: rules.{selector} names no rule (use a code, name, pack or category)")

    def document(self, path: str, source: str) -> Document:
        reader = self.registry.reader_for(path)
        doc = Document(path, source, reader.read(source), reader.name)
        doc.given_genre = (self.genre, "--genre") if self.genre else genre_for_path(path, self.config)
        return doc

    def lint(self, path: str, source: str) -> list[Diagnostic]:
        """All diagnostics for ``source`` (read as the file ``path`` would be)."""
        doc = self.document(path, source)
        return self.lint_document(doc)

    def lint_document(self, doc: Document) -> list[Diagnostic]:
        """Run the kinds stage by stage (``Kind.stage``); suppressions apply to every stage,
        and later stages read what the earlier ones reported in ``doc.findings``."""
        doc.suppressions = parse_suppressions(doc)
        found: list[Diagnostic] = []
        for stage in sorted({k.stage for k in self.kinds}):
            new = self._run([k for k in self.kinds if k.stage == stage], doc)
            found += apply_suppressions(_drop_secondary(new), doc.suppressions)
            doc.findings = found
        found.sort(key=Diagnostic.sort_key)
        return found

    def _run(self, kinds: Iterable[Kind], doc: Document) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        for kind in kinds:
            try:
                for d in kind.check(doc):
                    if self._profiled(doc, d):
                        out.append(self._place(doc, d))
            except ConfigError:
                raise
            except BackendUnavailable as exc:  # one note per problem; the exit code is unaffected
                if str(exc) not in self.notices:
                    self.notices.append(str(exc))
            except Exception as exc:  # a broken rule must not stop the others
                self.errors.append(f"{doc.path}: rule {kind.rule.code} ({kind.rule.name}) failed: {type(exc).__name__}: {exc}")
        return out

    def _profiled(self, doc: Document, d: Diagnostic) -> bool:
        """Set the finding's zone and its severity under the genre and zone profiles
        (``lint.engine.profiles``); false when a profile turns it off."""
        if d.extra.get("scope") != "document" and not d.extra.get("source_offsets"):
            d.zone = doc.analysis.zone_at(d.start)
        if d.code not in self.profiles.levels:
            return True
        genre = doc.analysis.genre if self.profiles.wants_genre(d.code) else ""
        severity = self.profiles.resolve(d.code, d.severity, genre, d.zone)
        if severity is None:
            return False
        d.severity = severity
        return True

    @staticmethod
    def _place(doc: Document, d: Diagnostic) -> Diagnostic:
        if not d.extra.pop("source_offsets", False):
            d.start, d.end = doc.to_source(d.start), doc.to_source(d.end)
            if d.fix is not None:
                edits = tuple(replace(e, start=doc.to_source(e.start), end=doc.to_source(e.end)) for e in d.fix.edits)
                d.fix = Fix(edits, d.fix.applicability, d.fix.title)
        d.path = doc.path
        d.line, d.column = doc.position(d.start)
        d.end_line, d.end_column = doc.position(max(d.end, d.start))
        if d.fix is not None:
            d.extra["edits"] = [_edit_json(doc, e) for e in d.fix.edits]
        return d


def _drop_secondary(found: list[Diagnostic]) -> list[Diagnostic]:
    """Drop *secondary* findings (``extra["secondary"]``, e.g. LanguageTool's) whose
    span overlaps a finding of newslint's own rules in the same category: one problem,
    one report."""
    secondary = [d for d in found if d.extra.get("secondary")]
    if not secondary:
        return found
    own = [d for d in found if not d.extra.get("secondary")]
    kept = [
        d for d in secondary
        if not any(o.category == d.category and o.start < max(d.end, d.start + 1) and d.start < max(o.end, o.start + 1) for o in own)
    ]
    return own + kept


def _edit_json(doc: Document, edit: Edit) -> dict:
    line, column = doc.position(edit.start)
    end_line, end_column = doc.position(edit.end)
    return {
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "replacement": edit.replacement,
    }


class Workspace:
    """Finds the configuration of each file and keeps one engine per configuration."""

    def __init__(
        self,
        config_path: Path | None = None,
        selection: Selection | None = None,
        registry: Registry | None = None,
        genre: str | None = None,
    ):
        self.registry = registry or default_registry()
        self.config_path = config_path
        self.selection = selection or Selection()
        self.genre = genre
        self._engines: dict[Path | None, Engine] = {}
        self._config_of_folder: dict[Path, Path | None] = {}
        self._engine_of_folder: dict[str, Engine] = {}

    def config_file_for(self, path: Path) -> Path | None:
        if self.config_path is not None:
            return self.config_path
        folder = path.parent  # ``path`` names a file (it need not exist: stdin, unsaved buffers)
        if folder not in self._config_of_folder:
            self._config_of_folder[folder] = find_config_file(folder)
        return self._config_of_folder[folder]

    def engine_for(self, path: Path) -> Engine:
        key = self.config_file_for(path)
        engine = self._engines.get(key)
        if engine is None:
            config = load_config(key, self.registry.settings)
            engine = self._engines[key] = Engine(config, self.selection, self.registry, self.genre)
        return engine

    def engine_for_file(self, name: str) -> Engine:
        """``engine_for`` by a file name as given (cached per folder, no path objects per file)."""
        folder = os.path.dirname(os.path.abspath(name))
        engine = self._engine_of_folder.get(folder)
        if engine is None:
            engine = self._engine_of_folder[folder] = self.engine_for(Path(folder) / "x.txt")
        return engine

    @property
    def engines(self) -> list[Engine]:
        """The engines created so far (one per configuration in use)."""
        return list(self._engines.values())

    def forget(self, config_file: Path) -> None:
        """Drop the cached engine of a configuration file that changed (or appeared)."""
        self._config_of_folder.clear()
        self._engine_of_folder.clear()
        self._engines.pop(config_file, None)
        self._engines.pop(config_file.resolve(), None)
