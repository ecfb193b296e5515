"""The base class of every kind, and the word-list matching that several share."""

from __future__ import annotations

from functools import cached_property, lru_cache
from _string import formatter_parser  # what string.Formatter().parse calls (importing string compiles Template's pattern)
from typing import TYPE_CHECKING, Any, ClassVar, Iterator

from lint.language.vocabulary import Vocabulary
from lint.language.wordlist import Entry
from lint.model.diagnostics import Diagnostic, Edit, Fix, Severity
from lint.model.document import Document
from lint.model.errors import ConfigError
from lint.model.record import named_tuple
from lint.model.rulebook import Rule
from lint.model.selection import Selection

if TYPE_CHECKING:
    from lint.language.morphology import Matcher
    from lint.model.config import Config


@named_tuple
class _SetupFields:
    severity: Severity | None
    config: "Config | None"
    selection: Selection
    vocabulary: Vocabulary | None


class KindSetup(_SetupFields):
    """What an engine hands a kind besides its rule and options: the severity
    the configuration gives the rule (``None``: the rule's own), the
    configuration, the resolved selection (for kinds that filter their own
    findings, e.g. LanguageTool's rule ids; none given: a new ``Selection()``)
    and the engine's ``Vocabulary``. Immutable (a named tuple: cheaper to
    create at import than a frozen dataclass)."""

    __slots__ = ()

    def __new__(cls, severity: Severity | None = None, config: "Config | None" = None, selection: Selection | None = None, vocabulary: Vocabulary | None = None):
        return super().__new__(cls, severity, config, Selection() if selection is None else selection, vocabulary)


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@lru_cache(maxsize=None)
def _placeholders(template: str) -> tuple[str, ...]:
    """The names of the ``{placeholders}`` of a message template (read once per template)."""
    return tuple(name for _, name, _, _ in formatter_parser(template) if name)


class Kind:
    """A mechanism behind rules. Subclasses set ``name`` and ``defaults`` and
    implement ``check``, a generator of diagnostics over a parsed document.

    ``options`` (the rule file's options over ``defaults``, then the user's
    configuration) and the engine's ``KindSetup`` arrive in the constructor;
    prepare expensive state lazily (``functools.cached_property``) so that
    unused rules cost nothing. Read data files through ``self.vocabulary``.
    """

    name: ClassVar[str] = ""
    defaults: ClassVar[dict[str, Any]] = {}
    #: Kinds run in stages: 0 reads the document; 1 may also read the findings of
    #: stage 0 in ``doc.findings`` (after suppressions, e.g. a density check);
    #: 2 runs last (unused suppressions). Suppressions apply to every stage.
    stage: ClassVar[int] = 0
    #: Parts of the shared analysis (``Analysis`` attribute names) this kind reads for every
    #: document beyond ``Analysis.EVERY_RULE``: the engine computes them for a whole group of
    #: documents before the group's first kind runs (``Engine.lint_documents``).
    reads: ClassVar[tuple[str, ...]] = ()
    #: "document" for kinds whose findings are about the whole text (scores,
    #: densities) and only shown at one place: fingerprints and baselines then
    #: ignore that place (``Diagnostic.scope``).
    scope: ClassVar[str] = "span"

    def __init__(self, rule: Rule, options: dict[str, Any], setup: KindSetup | None = None):
        setup = setup or KindSetup()
        self.rule = rule
        self.options = options
        self.severity: Severity = setup.severity or rule.severity
        self.config: "Config | None" = setup.config
        self.selection: Selection = setup.selection
        #: The engine's word lists and matchers (a kind built alone gets its own).
        self.vocabulary: Vocabulary = setup.vocabulary or Vocabulary()

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def report(
        self,
        doc: Document,
        start: int,
        end: int,
        *,
        severity: Severity | None = None,
        fix: Fix | None = None,
        **fields: Any,
    ) -> Diagnostic:
        """A diagnostic for ``doc.prose[start:end]`` with the rule's message templates filled.

        ``{match}`` is the matched text unless given; other ``{placeholders}``
        come from ``fields``.
        """
        values = _Fields(fields)
        values.setdefault("match", " ".join(doc.prose[start:end].split()))
        help_text = self.rule.help
        if help_text and any(values.get(name) == "" for name in _placeholders(help_text)):
            help_text = ""  # a help line with a hole in it helps nobody
        return Diagnostic(
            start=start,
            end=end,
            code=self.rule.code,
            rule=self.rule.name,
            category=self.rule.category,
            severity=severity or self.severity,
            message=self.rule.message.format_map(values),
            help=help_text.format_map(values) if help_text else "",
            fix=fix,
            path=doc.path,
            scope=self.scope,
        )

    @staticmethod
    def replacement(start: int, end: int, text: str, *, safe: bool = False, title: str = "") -> Fix:
        return Fix((Edit(start, end, text),), "safe" if safe else "unsafe", title or f"Ersetzen durch „{text}“")


def default_options(kind: type[Kind], rule: Rule) -> dict[str, Any]:
    """The options a rule accepts: its kind's defaults overlaid with the rule file's."""
    unknown = set(rule.options) - set(kind.defaults)
    if unknown:
        raise ConfigError(
            f"{rule.file}: option(s) {', '.join(sorted(unknown))} not known to kind {kind.name!r}; "
            f"allowed: {', '.join(sorted(kind.defaults)) or 'none'}"
        )
    from lint.model.config import check_number

    return {**kind.defaults, **{k: check_number(rule.file, f"options.{k}", kind.defaults[k], v) for k, v in rule.options.items()}}


class WordListKind(Kind):
    """Shared by kinds that match the inflected forms of word lists (``lists`` option)."""

    defaults: ClassVar[dict[str, Any]] = {"lists": [], "words": []}

    @property
    def list_files(self) -> list:
        """The data files named by the ``lists`` option."""
        return [self.rule.data_file(name) for name in self.options["lists"]]

    @cached_property
    def entries(self) -> list[Entry]:
        entries = self.vocabulary.entries(self.list_files)
        if self.options["words"]:
            from lint.language.wordlist import parse_wordlist

            extra = "# words from the configuration\n" + "\n".join(self.options["words"])
            entries.extend(parse_wordlist(extra, self.rule.file).entries)
        return entries

    @cached_property
    def matcher(self) -> "Matcher":
        return self.vocabulary.matcher(self.list_files, self.options["words"], self.rule.file)

    def matches(self, doc: Document) -> Iterator[tuple[int, int, Entry]]:
        return self.matcher.finditer(doc.prose, words=doc.analysis)
