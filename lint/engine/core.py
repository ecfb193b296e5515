"""The engine: selects rules, reads a document once and runs every rule on it."""

from __future__ import annotations

import inspect
import os
from pathlib import Path
from typing import Any, Callable

from lint.engine.suppression import apply_suppressions, parse_suppressions
from lint.kinds.base import Kind, KindSetup, default_options
from lint.language.analysis import Analysis
from lint.language.stamps import one_look
from lint.language.vocabulary import Vocabulary
from lint.model.config import Config, find_config_file, load_config, validate_rule_options
from lint.model.diagnostics import Diagnostic, Edit, EditPosition, Fix, Severity
from lint.model.document import Document
from lint.model.errors import InputError, BackendUnavailable, Cancelled, ConfigError
from lint.model.rulebook import Rule, load_rules
from lint.model.selection import Selection
from lint.plugins.registry import Registry, registry as default_registry
from lint.readers.unicode import normalise
from lint.engine.profiles import Profiles, genre_for_path, load_pack_profiles
# at the top, not in ``documents``: an import statement run for every file costs as much as
# making its document
from lint.engine.windows import windows

__all__ = ["Engine", "Selection", "Workspace", "select_rules"]


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


#: The prefix that marks a selector as a LanguageTool rule or category id.
LT_PREFIX = "LT:"


#: A rule code as typed: two letters, then digits where a letter O or l may stand for 0 or 1
#: (compiled on the error path only).
_TYPED_CODE = r"([A-Za-z]{2})([0-9OoIl]{1,3})"


def _code_as_typed(entry: str) -> str | None:
    """The code ``entry`` means when typed with letters for digits or without leading
    zeros ("SOO1", "so1": "SO001"), or None: difflib finds "SO010" as near as "SO001"."""
    import re

    found = re.fullmatch(_TYPED_CODE, entry)
    if found is None:
        return None
    digits = found.group(2).translate(str.maketrans("OoIl", "0011"))
    return f"{found.group(1).upper()}{int(digits):03d}"


def unknown_selector(where: str, entry: str, rules: list[Rule]) -> str:
    """The error for a selector that names no rule, with the nearest known one."""
    import difflib

    known = sorted({r.code for r in rules} | {r.name for r in rules} | {r.pack for r in rules} | {r.category for r in rules})
    typed = _code_as_typed(entry)
    close = [typed] if typed in known else next(
        (found for variant in (entry, entry.upper(), entry.lower())
         if (found := difflib.get_close_matches(variant, known, n=1, cutoff=0.5))), [])
    hint = f" – meinten Sie {close[0]}?" if close else ""
    return (f"{where} entry {entry!r} names no rule (use a code, code prefix, name, pack or category; "
            f"LanguageTool ids as {LT_PREFIX}ID){hint}")


class Engine:
    """Lints documents with one configuration.

    The engine owns its state: the kinds it built for the selected rules and
    the ``Vocabulary`` their word lists and matchers come from (shared with
    the other engines of a ``Workspace``; keyed by file path, size and
    modification time, so sharing never mixes up packs or stale lists).
    """

    def __init__(
        self,
        config: Config | None = None,
        selection: Selection | None = None,
        registry: Registry | None = None,
        vocabulary: Vocabulary | None = None,
        genre: str | None = None,
    ):
        self.registry = registry or default_registry()
        self.config = config or load_config(None, self.registry.settings)
        self.vocabulary = vocabulary or Vocabulary()
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
        #: ``_stages``: the kinds it grouped (a copy of ``kinds`` then) and their stages.
        self._planned: tuple[list[Kind], tuple[list[list[Kind]], tuple[str, ...]]] = ([], ([], ()))
        from lint.engine.house import HouseVocabulary

        self.house = HouseVocabulary(self.config)
        selection = selection or Selection()
        resolved = selection.within(self.config)
        for rule in select_rules(all_rules, self.config, selection, self.registry.kinds):
            kind = self.registry.kinds.get(rule.kind)
            if kind is None:
                raise ConfigError(
                    f"{rule.file}: unknown kind {rule.kind!r}; installed kinds: {', '.join(sorted(self.registry.kinds))}"
                )
            options, severity = self._configured(kind, rule)
            if severity is None:
                continue
            setup = KindSetup(severity=severity, config=self.config, selection=resolved, vocabulary=self.vocabulary)
            self.kinds.append(_construct(kind, rule, options, setup))
        self._check_unused_selectors(all_rules)
        self._check_selection(all_rules, selection)

    def _configured(self, kind: type[Kind], rule: Rule) -> tuple[dict[str, Any], Severity | None]:
        """The rule's options and severity after the configuration's ``[rules]``
        tables (severity ``None``: turned off)."""
        options = default_options(kind, rule)
        severity = rule.severity
        for selector, table in self.config.rules.items():
            if rule.matches(selector):
                options = validate_rule_options(self.config.file, selector, options, table)
                if table.get("severity") == "off":
                    return options, None
                if "severity" in table:
                    severity = Severity.parse(table["severity"])
                if "accept" in table:
                    self.house.add_rule(rule.code, table["accept"])
        return options, severity

    def _claimed(self, selector: str) -> bool:
        """A selector a kind resolves itself: a LanguageTool id given with its prefix
        (``LT:DE_CASE``), or in LanguageTool's shape while LanguageTool is on."""
        if selector.startswith(LT_PREFIX):
            return True
        claimed = any(getattr(k, "claims", lambda s: False)(selector) for k in self.registry.kinds.values())
        return claimed and self._languagetool_on()

    def _languagetool_on(self) -> bool:
        backend = self.config.setting("languagetool")
        if backend is None:
            backend = os.environ.get("NEWSLINT_LANGUAGETOOL", "").strip() or "off"
        return backend != "off"

    def _check_selection(self, rules: list[Rule], selection: Selection) -> None:
        """A select/ignore entry that names no rule is a typo that would silently lint
        nothing: a usage error naming the nearest known selector."""
        sources = [("--select", selection.select or []), ("--ignore", selection.ignore)]
        sources += [(f"{self.config.file}: select", self.config.select or []), (f"{self.config.file}: ignore", self.config.ignore)]
        for where, entries in sources:
            for entry in entries:
                if not any(r.matches(entry) for r in rules) and not self._claimed(entry):
                    raise ConfigError(unknown_selector(where, entry, rules))

    def _check_unused_selectors(self, rules: list[Rule]) -> None:
        for selector in self.config.rules:
            if not any(r.matches(selector) for r in rules) and not self._claimed(selector):
                raise ConfigError(f"{self.config.file}: rules.{selector} names no rule (use a code, name, pack or category)")

    def document(self, path: str, source: str) -> Document:
        """The document of a file that holds one article (see ``documents``)."""
        return self.documents(path, source)[0]

    def documents(self, path: str, source: str, encoded: bytes | None = None) -> list[Document]:
        """One document per article of the file: most files hold one; a JSON Lines
        export or a NewsML message holds several, each read over the same source.
        Parts the reader could not read go to ``errors``; an unreadable file raises
        ``InputError``. ``encoded``: ``source`` in UTF-8, if at hand (the bytes the file
        was read as): a document whose prose is the source unchanged (a plain text)
        keeps them (``Document.utf8_as_read``), and its analysis does not encode it again."""
        reader = self.registry.reader_for(path)
        try:
            read = reader.read(source, self.config)
        except (InputError, ConfigError):
            raise
        except Exception as exc:  # a broken (third-party) reader: this file is an error, the others are read
            where = getattr(reader.parse, "__module__", "?")
            raise InputError(f"reader {reader.name!r} ({where}) failed: {type(exc).__name__}: {exc}") from None
        self.errors.extend(f"{path}: {problem}" for problem in read.read_errors)
        if read.articles:
            docs = [Document(path, source, normalise(article), reader.name) for article in read.articles]
        else:  # a very long text: one document per window (``lint.engine.windows``)
            docs = [Document(path, source, part, reader.name) for part in windows(read)]
            for doc in docs[1:]:
                doc.__dict__["line_starts"] = docs[0].line_starts  # one table of lines for the file
        for doc in docs:
            doc.given_genre = (self.genre, "--genre") if self.genre else genre_for_path(path, self.config)
            if encoded is not None and doc.prose == source:
                doc.utf8_as_read = encoded
        return docs

    #: How many documents ``lint_documents`` is given at a time by a batch: enough for
    #: the kinds' caches to pay (8: a third of the gain; 32 and 128 the same), few
    #: enough that the documents' analyses held at once stay a few megabytes.
    GROUP = 32

    def lint(self, path: str, source: str, cancelled: Callable[[], bool] | None = None) -> list[Diagnostic]:
        """All diagnostics for ``source`` (read as the file ``path`` would be).
        ``cancelled`` is asked between rules; when it says yes, ``Cancelled`` is raised."""
        found: list[Diagnostic] = []
        docs = self.documents(path, source)
        with one_look():  # the analysis vocabulary's files stat'ed once for this call
            for doc in docs:
                found += self.lint_document(doc, cancelled)
                doc.release()  # its analysis refers back to it: freed now, not by the cycle collector
        found.sort(key=Diagnostic.sort_key)
        return found

    def lint_document(self, doc: Document, cancelled: Callable[[], bool] | None = None) -> list[Diagnostic]:
        """Run the kinds stage by stage (``Kind.stage``); suppressions apply to every stage,
        and later stages read what the earlier ones reported in ``doc.findings``."""
        return self.lint_documents([doc], cancelled)[0]

    def lint_documents(
        self, docs: list[Document], cancelled: Callable[[], bool] | None = None, failures: list[list[str]] | None = None
    ) -> list[list[Diagnostic]]:
        """Each document's diagnostics, as ``lint_document`` gives them, found kind by
        kind over all of ``docs``: each kind runs over every document before the next
        kind starts, so its code and tables stay in the processor's caches instead of
        being evicted by the forty other kinds between two of its documents (over the
        corpus in groups of 32: 15% less time for the same work). ``failures``: where
        each document's failing rules go (one list per document, appended in order);
        without it they go to ``errors`` as always. Each document's analysis lives
        until the caller releases it, so a caller keeps the groups small (``GROUP``)."""
        errors: list[list[str]] = [[] for _ in docs]
        found: list[list[Diagnostic]] = [[] for _ in docs]
        with one_look():  # within a batch's or a call's look, that one
            for doc in docs:
                doc.suppressions = parse_suppressions(doc)
            _prime(docs, self._primed())
            for kinds in self._stages():
                new: list[list[Diagnostic]] = [[] for _ in docs]
                for kind in kinds:
                    self._run_kind(kind, docs, new, errors, cancelled)
                for index, doc in enumerate(docs):
                    if new[index]:  # a stage without findings has nothing to drop or suppress
                        found[index] += apply_suppressions(_drop_secondary(new[index]), doc.suppressions)
                    doc.findings = found[index]
        for index, diagnostics in enumerate(found):
            diagnostics.sort(key=Diagnostic.sort_key)
            if failures is None:
                self.errors += errors[index]
            else:
                failures.append(errors[index])
        return found

    def _primed(self) -> tuple[str, ...]:
        """The parts of the analysis computed for a whole group first: those every rule
        reads (``Analysis.EVERY_RULE``) and those the engine's kinds name (``Kind.reads``);
        worked out with the stages (``_plan``)."""
        return self._plan()[1]

    def _stages(self) -> list[list[Kind]]:
        """The kinds stage by stage (``Kind.stage``), in order (``_plan``)."""
        return self._plan()[0]

    def _plan(self) -> tuple[list[list[Kind]], tuple[str, ...]]:
        """The stages and the primed parts, worked out once for the engine's kinds, not on
        each call of ``lint_documents`` (for one document, as ``lint_document`` gives it,
        the grouping cost as much as a few kinds' checks). ``self.kinds`` is compared item
        by item with the list planned for (a pointer comparison each): changed, it is planned anew."""
        planned_for, plan = self._planned
        if planned_for != self.kinds:
            by_stage: dict[int, list[Kind]] = {}
            names = dict.fromkeys(Analysis.EVERY_RULE)
            for kind in self.kinds:
                by_stage.setdefault(kind.stage, []).append(kind)
                names.update(dict.fromkeys(kind.reads))
            plan = ([by_stage[stage] for stage in sorted(by_stage)], tuple(names))
            self._planned = (list(self.kinds), plan)
        return plan

    def _run_kind(
        self, kind: Kind, docs: list[Document], found: list[list[Diagnostic]], errors: list[list[str]],
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Run ``kind`` over ``docs``: each document's diagnostics are appended to its list
        in ``found``, a failure to its list in ``errors`` (one loop per kind, not a call
        per kind and document)."""
        check = kind.check
        for doc, out, failed in zip(docs, found, errors):
            if cancelled is not None and cancelled():
                raise Cancelled(doc.path)
            try:
                for d in check(doc):
                    if not self._profiled(doc, d):
                        continue
                    d = self._place(doc, d)
                    # (the house asked per finding, not per kind and document: most calls find nothing)
                    if d.scope != "document" and self.house and self.house.accepts(doc.source[d.start : d.end], d.code):
                        continue  # the house accepts this word or name
                    out.append(d)
            except ConfigError:
                raise
            except BackendUnavailable as exc:  # one note per problem; the exit code is unaffected
                if str(exc) not in self.notices:
                    self.notices.append(str(exc))
            except Exception as exc:  # a broken rule must not stop the others
                failed.append(
                    f"{doc.path}: rule {kind.rule.code} ({kind.rule.name}, kind {kind.name!r} from {type(kind).__module__}) "
                    f"failed: {type(exc).__name__}: {exc}"
                )

    def _profiled(self, doc: Document, d: Diagnostic) -> bool:
        """Set the finding's zone and its severity under the genre and zone profiles
        (``lint.engine.profiles``); false when a profile turns it off."""
        d.absorb_legacy_extra()
        if d.scope != "document" and not d.in_source:
            d.zone = doc.analysis.zone_at(d.start)
        if d.code not in self.profiles.levels:
            return True
        genre = doc.analysis.genre if self.profiles.wants_genre(d.code) else ""
        severity = self.profiles.resolve(d.code, d.severity, genre, d.zone, d.capped)
        if severity is None:
            return False
        d.severity = severity
        return True

    @staticmethod
    def _place(doc: Document, d: Diagnostic) -> Diagnostic:
        d.absorb_legacy_extra()
        if doc.fields:
            d.field = doc.field_at(d.start) if not d.in_source else ""
        if "id" in doc.meta and doc.reader.startswith(("cms", "newsml")):
            d.article = doc.meta["id"]
        if not d.in_source:
            d.start, d.end = doc.to_source(d.start), doc.to_source(d.end)
            if d.fix is not None:
                edits = tuple(e._replace(start=doc.to_source(e.start), end=doc.to_source(e.end)) for e in d.fix.edits)
                d.fix = Fix(edits, d.fix.applicability, d.fix.title)
        d.path = doc.path
        d.line, d.column = doc.position(d.start)
        d.end_line, d.end_column = doc.position(max(d.end, d.start))
        if d.fix is not None:
            d.edit_positions = tuple(_edit_position(doc, e) for e in d.fix.edits)
        return d


def _prime(docs: list[Document], names: tuple[str, ...]) -> None:
    """Compute the analysis parts ``names`` for each of ``docs``, part by part. A part that
    fails is left unmade: the kind that reads it meets the failure again and reports it as
    its own, on its own document, as without priming."""
    for name in names:
        for doc in docs:
            try:
                getattr(doc.analysis, name)
            except Exception:  # noqa: BLE001 - reported by the kind that reads it
                pass


def _construct(kind: type[Kind], rule: Rule, options: dict[str, Any], setup: KindSetup) -> Kind:
    """``kind(rule, options, setup)``. A third-party kind whose constructor
    predates ``KindSetup`` (it takes only rule and options) is given the
    setup's fields as attributes, as before."""
    if _takes_setup(kind):
        return kind(rule, options, setup)
    instance = kind(rule, options)
    instance.severity, instance.config, instance.selection = setup.severity or rule.severity, setup.config, setup.selection
    instance.vocabulary = setup.vocabulary or Vocabulary()
    return instance


def _takes_setup(kind: type[Kind]) -> bool:
    try:
        parameters = inspect.signature(kind.__init__).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "setup" or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in parameters)


def _drop_secondary(found: list[Diagnostic]) -> list[Diagnostic]:
    """Drop *secondary* findings (``Diagnostic.secondary``, e.g. LanguageTool's) whose
    span overlaps a finding of newslint's own rules in the same category: one problem,
    one report."""
    secondary = [d for d in found if d.secondary]
    if not secondary:
        return found
    own = [d for d in found if not d.secondary]
    kept = [
        d for d in secondary
        if not any(o.category == d.category and o.start < max(d.end, d.start + 1) and d.start < max(o.end, o.start + 1) for o in own)
    ]
    return own + kept


def _edit_position(doc: Document, edit: Edit) -> EditPosition:
    line, column = doc.position(edit.start)
    end_line, end_column = doc.position(edit.end)
    return EditPosition(line, column, end_line, end_column, edit.replacement)


class Workspace:
    """Finds the configuration of each file and keeps one engine per
    configuration; its engines share one ``Vocabulary``."""

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
        self.vocabulary = Vocabulary()
        self.genre = genre
        self._engines: dict[Path | None, Engine] = {}
        self._config_stamps: dict[Path, int | None] = {}
        self._config_of_folder: dict[Path, Path | None] = {}
        self._engine_of_folder: dict[str, Engine] = {}
        self._engine_of_name: dict[str, Engine] = {}

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
            if key is not None:
                self._config_stamps[key] = _mtime(key)
            config = load_config(key, self.registry.settings)
            engine = self._engines[key] = Engine(config, self.selection, self.registry, self.vocabulary, self.genre)
        return engine

    def engine_for_file(self, name: str) -> Engine:
        """``engine_for`` by a file name as given (cached per folder, no path objects per file;
        an absolute name is remembered as given: a run asks about each file several times)."""
        engine = self._engine_of_name.get(name)
        if engine is not None:
            return engine
        folder = os.path.dirname(os.path.abspath(name))
        engine = self._engine_of_folder.get(folder)
        if engine is None:
            engine = self._engine_of_folder[folder] = self.engine_for(Path(folder) / "x.txt")
        if os.path.isabs(name):  # a relative name depends on the working folder: not remembered
            self._engine_of_name[name] = engine
        return engine

    @property
    def engines(self) -> list[Engine]:
        """The engines created so far (one per configuration in use)."""
        return list(self._engines.values())

    def refresh(self) -> None:
        """``reload`` if a configuration file or a data file read so far
        changed: for long-running callers that are not told about edits."""
        if self.vocabulary.changed() or any(_mtime(p) != m for p, m in self._config_stamps.items()):
            self.reload()

    def reload(self) -> None:
        """Drop every engine (a pack's data changed): the next lint rebuilds
        them; the vocabulary rereads only the data files that changed."""
        self._config_of_folder.clear()
        self._engine_of_folder.clear()
        self._engine_of_name.clear()
        self._engines.clear()
        self._config_stamps.clear()

    def forget(self, config_file: Path) -> None:
        """Drop the cached engine of a configuration file that changed (or appeared)."""
        self._config_of_folder.clear()
        self._engine_of_folder.clear()
        self._engine_of_name.clear()
        self._engines.pop(config_file, None)
        self._engines.pop(config_file.resolve(), None)


def _mtime(path: Path) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None
