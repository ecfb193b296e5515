"""``metaphor``: sense-aware word lists. A listed word is reported only where
it is the writer's figurative or evaluative wording.

Detection (``lint.language.metaphor_detection``) finds the inflected forms
and compounds of the rule's lists (scanned once per document together with
the lists of the pack's other metaphor rules); the context (``lint.language.metaphor_context``)
asks the document's analysis about each candidate:

- inside a name or title, negated, or in its literal sense: not reported;
- in someone's speech (a quotation with a named speaker, reported speech,
  "laut"/"zufolge", an interview answer): reported at ``quoted_severity`` or
  ``attributed_severity`` ("info" by default, "off" drops it) with the
  speaker named in the message (``speech_note``); a candidate that is a hint
  anyway (an ``[info]`` entry, an info rule) is not looked up, unless a
  severity option is "off";
- kept at a distance ("das angebliche Wundermittel", ``distancing``):
  ``attributed_severity``;
- in an evaluative genre (``evaluative_genres``: review, commentary, portrait
  and obituary, feature): at most info.

Options for the literal sense: ``literal_fields`` maps an entry's term to the
semantic fields (``rules/hype/data/field-*.txt``) that make it literal when
they appear in its sentence or ``context`` sentences either side::

    [options.literal_fields]
    Erdbeben = ["geology", "disaster"]
    Sturm = ["weather", "military", "sport"]

``figurative_fields`` (the figurative domains, e.g. markets, politics) makes a
sense decision for the terms of ``literal_fields`` (or of ``sense_terms``):
such a term is a warning only beside one of these domains and with no literal
field in its paragraph or the headline; otherwise a hint.

``literal`` maps a term to collocation cues ("überwältigend" = ["Mehrheit"]);
``figurative`` maps a term to cues one of which must stand in its sentence
("schockieren" is hype with "Märkte", a report of feelings without).

Severity is confidence: an entry tagged ``[info]`` or ``[warning]`` caps the
rule's severity; context can only lower it.

Message fields: ``{match}``, ``{term}``, ``{suggestion}`` (the entry's, or the
rule option ``suggestion``); ``speech_note`` has ``{speaker}`` and ``{speech}``.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

from lint.kinds.base import WordListKind
from lint.language import lexicon
from lint.language.metaphor_context import QUOTING_KINDS, MetaphorContext
from lint.language.metaphor_detection import Candidate, candidates, entry_severity, list_scan
from lint.language.morphology import compile_entries
from lint.model.rulebook import read_rule_file
from lint.model.diagnostics import Severity
from lint.model.errors import ConfigError
from lint.plugins.hookspecs import hookimpl

_SEVERITY_CHOICES = ("off", "info", "warning", "error")
#: How the note names each kind of speech (``lint.language.speech``).
SPEECH_KINDS_DE = {
    "direct": "Zitat",
    "interview": "Interviewantwort",
    "colon": "Aussage",
    "reported": "indirekte Rede",
    "according": "Quellenangabe",
}


class Metaphor(WordListKind):
    name = "metaphor"
    defaults: ClassVar[dict[str, Any]] = {
        **WordListKind.defaults,
        "suggestion": "",
        "literal_fields": {},
        "figurative_fields": [],
        "sense_terms": [],
        "literal": {},
        "figurative": {},
        "context": 1,
        "quoted_severity": "info",
        "attributed_severity": "info",
        "distancing": ["angeblich", "vermeintlich", "sogenannt", "selbsternannt", "vorgeblich"],
        # Verbs that hand on a short quotation as someone's wording ("wirbt mit „unschlagbaren Preisen“").
        "naming": [
            "wirbt", "werben", "warb", "warben", "geworben", "spricht", "sprechen", "sprach", "sprachen",
            "gesprochen", "nennt", "nennen", "nannte", "nannten", "genannt", "bezeichnet", "bezeichnen",
            "bezeichnete", "bezeichneten", "tauft", "taufte", "tauften", "getauft", "betitelt", "betitelte",
        ],
        # Forms of "gelten als": a reputation, not the writer's verdict ("gilt als Meilenstein").
        "reputation": ["gilt", "gelten", "galt", "galten", "gegolten"],
        # Endings of nouns for people (agent nouns, -ent/-ant/-ist, nominalised participles, fans
        # and chiefs): "ist für den Volksgruppenreferenten ein Meilenstein" is that person's view.
        "holder_endings": [
            "er", "ern", "erin", "erinnen", "ent", "enten", "entin", "ant", "anten", "antin", "ist", "isten",
            "istin", "eur", "eure", "euren", "eurin", "or", "oren", "orin", "ende", "enden", "leute", "leuten",
            "fans", "chef", "chefs", "chefin", "beamte", "beamten", "abgeordnete", "abgeordneten",
        ],
        "evaluative_genres": ["rezension", "kritik", "kommentar", "kolumne", "glosse", "essay", "leitartikel", "meinung", "portraet", "reportage"],
        "speech_note": "Wiedergegeben ({speech}): die Wertung von {speaker}, nicht des Textes.",
        "speech_note_unnamed": "Wiedergegeben ({speech}): die Wertung einer Quelle, nicht des Textes.",
    }

    def __init__(self, rule, options):
        super().__init__(rule, options)
        for key in ("quoted_severity", "attributed_severity"):
            value = str(options.get(key, "info")).lower()
            if value not in _SEVERITY_CHOICES:
                raise ConfigError(f"{rule.file}: {key} {value!r}; allowed: {', '.join(_SEVERITY_CHOICES)}")
        for key in ("literal", "figurative", "literal_fields"):
            table = options.get(key, {})
            if not isinstance(table, dict) or not all(
                isinstance(v, list) and all(isinstance(c, str) for c in v) for v in table.values()
            ):
                raise ConfigError(f"{rule.file}: option {key} must map words to lists of strings")

    @cached_property
    def own_lists(self) -> frozenset[Path]:
        return frozenset(self.rule.data_file(name) for name in self.options["lists"])

    @cached_property
    def pack_lists(self) -> tuple[Path, ...]:
        """The lists of every metaphor rule of this rule's pack, in rule order, with this
        rule's configured lists in place of its file's: scanned together (one pass)."""
        paths: list[Path] = []
        folder = self.rule.folder
        files = lexicon.paths(lexicon.listing(folder, "*.toml"), folder)
        for file, (kind, options) in zip(files, lexicon.prepared_files(files, _kinds_and_options)):
            if file == self.rule.file:
                names = self.options["lists"]
            else:
                names = options.get("lists", []) if kind == self.name else []
            for name in names:
                path = self.rule.data_file(name)
                if path not in paths:
                    paths.append(path)
        return tuple(paths)

    @cached_property
    def extra_words(self):
        """A matcher for the configured ``words`` (not in any list file), or None."""
        if not self.options["words"]:
            return None
        from lint.language.wordlist import parse_wordlist

        extra = "# words from the configuration\n" + "\n".join(self.options["words"])
        try:
            return compile_entries(parse_wordlist(extra, self.rule.file).entries)
        except ValueError as exc:
            raise ConfigError(f"{self.rule.file}: {exc}") from None

    @cached_property
    def scan(self):
        """The pack's scan, built (or taken from a list-file-keyed cache) when first used:
        a reloaded configuration builds new kinds, which see edited lists."""
        return list_scan(self.pack_lists)

    def pack_hits(self, doc) -> list:
        """The hits of the pack's scan in ``doc`` (scanned once for all the pack's rules)."""
        scan = self.scan
        words = doc.analysis
        return words.list_hits(scan.key, lambda prose: scan.hits(prose, words))

    def candidates(self, doc, hits: list | None = None):
        """The rule's candidates in ``doc``; ``hits``: the pack's, where known (``pack_hits``)."""
        yield from candidates(self.pack_hits(doc) if hits is None else hits, self.own_lists, self.severity)
        if self.extra_words is not None:
            for start, end, entry in self.extra_words.finditer(doc.prose, words=doc.analysis):
                yield Candidate(start, end, entry, entry_severity(entry, self.severity))

    @cached_property
    def context(self) -> MetaphorContext:
        context = MetaphorContext.from_options(self.options)
        from lint.language.fields import field_names

        known = set(field_names())
        unknown = ({f for fields in context.literal_fields.values() for f in fields} | set(context.figurative_fields)) - known
        if unknown:
            raise ConfigError(
                f"{self.rule.file}: unknown field(s) {', '.join(sorted(unknown))} in literal_fields; "
                f"known: {', '.join(sorted(known))}"
            )
        return context

    def check(self, doc):
        context = self.context  # first: a misconfigured context is said on the first document
        hits = self.pack_hits(doc)
        if not hits and self.extra_words is None:
            return  # no listed form in the document (most documents): nothing to ask
        quoted = self.options["quoted_severity"].lower()
        attributed = self.options["attributed_severity"].lower()
        for cand in self.candidates(doc, hits):
            if context.dropped(doc, cand):
                continue
            severity = cand.severity
            capped = False  # the severity is set for the context: no profile raises it
            if severity > Severity.INFO and context.doubtful_sense(doc, cand):
                severity, capped = Severity.INFO, True
            note = ""
            # A hint stays a hint in speech too: skip the speech analysis (the costliest
            # question) unless it can change the severity or drop the finding, or the
            # hint is quoted (then it is capped: a zone's profile must not raise it).
            in_quote = doc.in_quote(cand.start, cand.end) is not None
            speech_matters = severity > Severity.INFO or "off" in (quoted, attributed) or in_quote
            speech = doc.analysis.speech_at(cand.start, cand.end) if speech_matters else None
            if speech is not None:
                lowered = quoted if speech.kind in QUOTING_KINDS else attributed
                if lowered == "off":
                    continue
                severity, capped = min(severity, Severity.parse(lowered)), True
                note = self._speech_note(speech)
            elif severity > Severity.INFO and (context.distanced(doc.prose, cand) or context.handed_on(doc, cand)):
                if attributed == "off":
                    continue
                severity, capped = min(severity, Severity.parse(attributed)), True
            # The genre (a guess over the whole document) can only cap: a capped hint needs no guess.
            if (severity > Severity.INFO or not capped) and context.evaluative(doc):
                severity, capped = min(severity, Severity.INFO), True
            capped = capped or in_quote
            yield self._report(doc, cand, severity, note, capped)

    def _speech_note(self, speech) -> str:
        template = self.options["speech_note"] if speech.speaker else self.options["speech_note_unnamed"]
        return template.format(speaker=f"„{speech.speaker}“", speech=SPEECH_KINDS_DE.get(speech.kind, speech.kind))

    def _report(self, doc, cand: Candidate, severity: Severity, note: str, capped: bool = False):
        diagnostic = self.report(
            doc,
            cand.start,
            cand.end,
            severity=severity,
            term=cand.term,
            suggestion=cand.entry.suggestion or self.options["suggestion"],
        )
        # set on the fresh diagnostic itself: a copy (``dataclasses.replace``) runs every field through ``__init__``
        if note:
            diagnostic.message = f"{diagnostic.message} {note}"
        diagnostic.capped = capped
        return diagnostic


def _kinds_and_options(files: tuple[Path, ...]) -> list[tuple[object, object]]:
    """The kind and the options of each rule file of a pack (``pack_lists``): read once for
    all the pack's metaphor rules (``lexicon.prepared_files``: again when a file changes)."""
    found = []
    for file in files:
        data = read_rule_file(file)
        found.append((data.get("kind"), data.get("options", {})))
    return found


@hookimpl
def register_kinds():
    return [Metaphor]
