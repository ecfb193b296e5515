"""``metaphor``: sense-aware word lists. A listed word is reported only where
it is used figuratively or evaluatively, not in its literal sense.

Four decisions are made for every candidate the list's regex finds:

All of it works on the few candidates only: cues are matched as word
prefixes with ``str.startswith`` over the words of the window, so a rule with
hundreds of cues compiles no regular expression for them.

1. **Literal sense.** The rule option ``literal`` maps an entry (its ``term``)
   to context cues that make it literal::

       [options.literal]
       Erdbeben = ["Stärke", "Magnitude", "Richterskala", "Epizentrum", "Tote"]
       Krieg = ["Armee", "Truppen", "Front", "Soldaten", "Ukraine"]

   A cue matches a word that starts with it (case-insensitive; "Tote" finds
   "Toten"), and may be several words ("zeigte sich"). The cues are looked for
   in the candidate's sentence and ``context`` sentences either side; if one is
   there, the candidate is literal and not reported.
2. **Figurative cues.** The option ``figurative`` maps an entry to cues of
   which one must stand in the candidate's sentence (anywhere in a word,
   case-insensitive): "schockieren" is hype with "Welt", "Märkte", "Branche"
   ("schockierte die Technologiewelt"), a report of feelings without them
   ("Die Eltern zeigten sich schockiert").
3. **Quotations.** Inside a direct quotation („…“, »…«, "…") whose speaker is
   named nearby (a speech word from ``speech_list`` in the quote's sentence,
   the sentence after it or a sentence ending in ":" before it, or
   "…“, so Name"), the word is the speaker's: reported at ``quoted_severity``
   ("info" by default; "off" drops it). One or two words in quotation marks
   without a speaker are scare quotes and stay the writer's wording.
   A sentence that attributes its content to a source without quotation marks
   (a speech word from ``speech_list`` in the sentence: "…, sagte Müller",
   "Müller kritisierte"; a marker from ``reported_list`` in the clause: "der
   Erfolg sei beispiellos", "laut Müller", "Müller zufolge"; or an interview
   answer "Müller: …") is reported at ``attributed_severity`` (default "info"),
   and so is a word the writer keeps at a distance with one of the
   ``distancing`` words just before it ("das angebliche Wundermittel").
4. **Severity.** An entry tagged ``[info]`` or ``[warning]`` in its list
   overrides the rule's severity (a quotation can only lower it).

Message fields: ``{match}``, ``{term}``, ``{suggestion}`` (the entry's, or the
rule option ``suggestion``).
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.model.diagnostics import Severity
from lint.model.errors import ConfigError
from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import WordListKind
from lint.language.morphology import Matcher, compile_entries, entry_forms, exception_pattern
from lint.language.quotes import in_interview_answer
from lint.language.segment import sentence_window
from lint.language.wordlist import Entry, load_wordlist

_SO_NAME = regexcache.compile(r"\W{0,3}\s*so\s+(?:der\s+|die\s+)?[A-ZÄÖÜ]")
_WORD = regexcache.compile(r"\w+")
_TOKEN = regexcache.compile(r"[\w/]+(?:[-.'’][\w/]+)*-?")
# A capitalised word before a noun that is part of a name ("Marjan Sturm"), unless it is a determiner.
_NAME_BEFORE = regexcache.compile(r"(?<![.!?:…])\s([A-ZÄÖÜ][a-zäöüß]+[a-rt-zäöüß])\s+$")
# How far back an interview turn ("Müller: …") may open the answer a word is in.
_TURN_REACH = 1500


def _sentence_span(prose: str, start: int, end: int, n: int) -> tuple[int, int]:
    """The sentence around ``start:end`` and ``n`` sentences either side
    (split locally: segmenting a whole document costs more than all hype checks
    together, and a cue window needs no more)."""
    return sentence_window(prose, start, end, n)


class Cues:
    """Context cues: single words match as case-insensitive word prefixes
    ("Tote" finds "Toten"), several words as a case-insensitive substring."""

    def __init__(self, cues: list[str], anywhere: bool = False):
        words = [c.strip().lower() for c in cues if c.strip()]
        self.anywhere = anywhere
        self.prefixes = tuple(c for c in words if " " not in c)
        self.phrases = tuple(c for c in words if " " in c)

    def found(self, text: str) -> bool:
        low = text.lower()
        if self.anywhere:
            return any(c in low for c in self.prefixes + self.phrases)
        if any(c in low for c in self.phrases):
            return True
        prefixes = self.prefixes
        return any(tok.startswith(prefixes) for tok in _TOKEN.findall(low))


class _SharedScan:
    """One regex over the prose for the lists of every metaphor rule of a pack.

    Five rules with five lists would scan the corpus five times; one combined
    pattern scans it once, and each rule keeps the hits from its own lists.
    Exceptions (``!term``) stay per list.
    """

    def __init__(self, paths: tuple[Path, ...]):
        self.key = paths
        entries: list[Entry] = []
        self.source: dict[int, str] = {}
        self.exceptions: dict[str, re.Pattern] = {}
        for path in paths:
            listed = load_wordlist(path).entries
            exceptions = [v for e in listed if e.exception for v in (e.variants or (e.term,))]
            if exceptions:
                self.exceptions[str(path)] = exception_pattern(exceptions)
            for entry in listed:
                if not entry.exception:
                    self.source[id(entry)] = str(path)
                    entries.append(entry)
        self.matcher: Matcher = compile_entries(entries)

    def hits(self, doc) -> list[tuple[int, int, Entry, str]]:
        cache = doc.__dict__.setdefault("_metaphor_scans", {})
        found = cache.get(self.key)
        if found is None:
            found = []
            prose = doc.prose
            for start, end, entry in self.matcher.finditer(prose):
                path = self.source[id(entry)]
                exceptions = self.exceptions.get(path)
                if exceptions is not None and exceptions.search(prose, start, end):
                    continue
                found.append((start, end, entry, path))
            cache[self.key] = found
        return found


class SpeechWords:
    """The forms of a speech word list ("sagte", "erklärte", "laut", "zufolge") as a set."""

    def __init__(self, path: Path):
        self.words: set[str] = set()
        self.phrases: set[str] = set()
        for entry in load_wordlist(path).entries:
            for form in entry_forms(entry):
                # Verbs keep their case: "fragen" is speech, "die Fragen" is not.
                if "v" in entry.tags and form[:1] != entry.term[:1]:
                    continue
                (self.phrases if " " in form else self.words).add(form)

    def found(self, text: str) -> bool:
        if not self.words.isdisjoint(_WORD.findall(text)):
            return True
        return any(p in text for p in self.phrases) if self.phrases else False


_SCANS: dict[tuple[Path, ...], _SharedScan] = {}
_SPEECH: dict[Path, SpeechWords] = {}
#: The lists of the metaphor rules constructed so far, per pack folder.
_FOLDER_LISTS: dict[Path, set[Path]] = {}


@lru_cache(maxsize=None)
def _read_list(path: Path) -> tuple[str, ...]:
    """The terms of a plain word list (no tags, no inflection), read once per process."""
    return tuple(e.term for e in load_wordlist(path).entries)


class Metaphor(WordListKind):
    name = "metaphor"
    defaults: ClassVar[dict[str, Any]] = {
        **WordListKind.defaults,
        "suggestion": "",
        "literal": {},
        "context": 1,
        "speech_list": "",
        "reported_list": "",
        "quoted_severity": "info",
        "attributed_severity": "info",
        "figurative": {},
        "distancing": [],
        "not_first_names": "data/not-first-names.txt",
        "interviewer_labels": "../_shared/data/interviewer-labels.txt",
    }

    def __init__(self, rule, options, setup=None):
        super().__init__(rule, options, setup)
        for key in ("quoted_severity", "attributed_severity"):
            value = str(options.get(key, "info")).lower()
            if value not in ("off", "info", "warning", "error"):
                raise ConfigError(f"{rule.file}: {key} {value!r}; allowed: off, info, warning, error")
        for key in ("literal", "figurative"):
            table = options.get(key, {})
            if not isinstance(table, dict) or not all(
                isinstance(v, list) and all(isinstance(c, str) for c in v) for v in table.values()
            ):
                raise ConfigError(f"{rule.file}: option {key} must map words to lists of cue strings")
        _FOLDER_LISTS.setdefault(rule.folder, set()).update(rule.data_file(n) for n in options.get("lists", []))

    @cached_property
    def scan(self) -> _SharedScan:
        # Every metaphor rule of this pack folder constructed so far shares one scan.
        key = tuple(sorted(_FOLDER_LISTS.get(self.rule.folder, set()) | {self.rule.data_file(n) for n in self.options["lists"]}))
        shared = _SCANS.get(key)
        if shared is None:
            try:
                shared = _SCANS[key] = _SharedScan(key)
            except ValueError as exc:
                raise ConfigError(f"{self.rule.file}: {exc}") from None
        return shared

    @cached_property
    def own_lists(self) -> frozenset[str]:
        return frozenset(str(self.rule.data_file(name)) for name in self.options["lists"])

    def matches(self, doc):
        own = self.own_lists
        for start, end, entry, path in self.scan.hits(doc):
            if path in own:
                yield start, end, entry
        if self.options["words"]:
            yield from self.matcher.finditer(doc.prose)

    @cached_property
    def matcher(self) -> Matcher:
        """Only the configured extra ``words`` (the lists go through the shared scan)."""
        from lint.language.wordlist import parse_wordlist

        extra = "# words from the configuration\n" + "\n".join(self.options["words"])
        try:
            return compile_entries(parse_wordlist(extra, self.rule.file).entries)
        except ValueError as exc:
            raise ConfigError(f"{self.rule.file}: {exc}") from None

    @cached_property
    def _cues(self) -> dict[tuple[str, str], Cues | None]:
        return {}

    def cues(self, option: str, term: str) -> Cues | None:
        """The cues of ``term`` in option ``literal`` or ``figurative`` (prepared on first use)."""
        key = (option, term)
        prepared = self._cues
        if key not in prepared:
            cues = self.options[option].get(term, [])
            prepared[key] = Cues(cues, anywhere=option == "figurative") if any(c.strip() for c in cues) else None
        return prepared[key]

    def _speech_words(self, option: str) -> SpeechWords | None:
        """The speech words of the list named by ``option`` (shared per file), or None."""
        name = self.options[option]
        if not name:
            return None
        path = self.rule.data_file(name)
        if path not in _SPEECH:
            _SPEECH[path] = SpeechWords(path)
        return _SPEECH[path]

    @cached_property
    def speech(self) -> SpeechWords | None:
        return self._speech_words("speech_list")

    @cached_property
    def reported(self) -> SpeechWords | None:
        return self._speech_words("reported_list")

    # ------------------------------------------------------------------
    def check(self, doc):
        literal_terms = self.options["literal"]
        figurative_terms = self.options["figurative"]
        quoted = self.options["quoted_severity"].lower()
        attributed = self.options["attributed_severity"].lower()
        prose = doc.prose
        context = max(0, int(self.options["context"]))
        for start, end, entry in self.matches(doc):
            if self._in_name(prose, start, end, entry):
                continue
            if entry.term in literal_terms:
                cues = self.cues("literal", entry.term)
                if cues is not None and self._around(prose, start, end, context, cues):
                    continue
            if entry.term in figurative_terms:
                cues = self.cues("figurative", entry.term)
                if cues is not None and not self._around(prose, start, end, 0, cues):
                    continue
            severity = self.severity
            if "info" in entry.tags:
                severity = min(severity, Severity.INFO)
            elif "warning" in entry.tags:
                severity = min(severity, Severity.WARNING)
            quote = doc.in_quote(start, end) if _has_quote_marks(prose, start, end) else None
            if quote is not None and self._speaker_named(doc, quote):
                if quoted == "off":
                    continue
                severity = min(severity, Severity.parse(quoted))
            elif quote is None and severity > Severity.INFO and (
                self._distanced(prose, start) or self._attributed(prose, start)
            ):
                if attributed == "off":
                    continue
                severity = min(severity, Severity.parse(attributed))
            yield self.report(
                doc,
                start,
                end,
                severity=severity,
                term=entry.term,
                suggestion=entry.suggestion or self.options["suggestion"],
            )

    @cached_property
    def not_first_names(self) -> frozenset[str]:
        """Capitalised words that are no first name ("Der", "Nach"): the ``not_first_names`` list."""
        name = self.options["not_first_names"]
        return frozenset(_read_list(self.rule.data_file(name))) if name else frozenset()

    @cached_property
    def interviewer_labels(self) -> tuple[str, ...]:
        """Upper-case openings of the interviewer's turns ("FRAGE"): the ``interviewer_labels`` list."""
        name = self.options["interviewer_labels"]
        return tuple(w.upper() for w in _read_list(self.rule.data_file(name))) if name else ()

    def _in_name(self, prose: str, start: int, end: int, entry: Entry) -> bool:
        """A bare capitalised word right after a first name is a surname ("Marjan Sturm")."""
        word = prose[start:end]
        if not word[:1].isupper() or not word.isalpha() or word != entry.term:
            return False
        m = _NAME_BEFORE.search(prose, max(0, start - 30), start)
        return m is not None and m.group(1) not in self.not_first_names

    @staticmethod
    def _around(prose: str, start: int, end: int, n: int, cues: Cues) -> bool:
        """Whether a cue stands in the window (the candidate word itself left out)."""
        lo, hi = _sentence_span(prose, start, end, n)
        word_start = start
        while word_start > lo and (prose[word_start - 1].isalnum() or prose[word_start - 1] == "-"):
            word_start -= 1
        # A word in scare quotes („Erdbeben“) is itself a figure, no literal cue.
        before = _SCARE.sub(" ", prose[lo:word_start])
        after = _SCARE.sub(" ", prose[end:hi])
        return cues.found(before) or cues.found(after)

    @cached_property
    def _distancing(self) -> tuple[str, ...]:
        return tuple(w.lower() for w in self.options["distancing"] if w.strip())

    def _distanced(self, prose: str, start: int) -> bool:
        """The writer keeps a distance: "das angebliche Wundermittel", "die sogenannte Revolution"."""
        if not self._distancing:
            return False
        before = _TOKEN.findall(prose[max(0, start - 60) : start].lower())[-3:]
        return any(tok.startswith(self._distancing) for tok in before)

    def _attributed(self, prose: str, start: int) -> bool:
        """Whether the sentence reports someone's words without quotation marks."""
        speech = self.speech
        if speech is None:
            return False
        lo, hi = _sentence_span(prose, start, start, 0)
        if speech.found(prose[lo:hi]):
            return True
        reported = self.reported
        if reported is not None:
            # "sei", "laut", "zufolge" mark reported speech in their own clause only.
            c_lo = max(prose.rfind(c, lo, start) for c in _CLAUSE) + 1
            ends = [i for i in (prose.find(c, start, hi) for c in _CLAUSE) if i != -1]
            if reported.found(prose[max(lo, c_lo) : min(ends, default=hi)]):
                return True
        # Inside an interview answer: a turn "Name: " earlier in the paragraph.
        para = prose.rfind("\n", 0, start) + 1
        return in_interview_answer(prose, para, start, self.interviewer_labels, reach=_TURN_REACH, slack=0)

    def _speaker_named(self, doc, quote: tuple[int, int]) -> bool:
        q_start, q_end = quote
        prose = doc.prose
        if len(_WORD.findall(prose, q_start, q_end)) <= 2 and not self._speech_in(prose, q_start, q_end, narrow=True):
            return False  # scare quotes: „Erdbeben“
        if _SO_NAME.match(prose, q_end) or prose[max(0, q_start - 2) : q_start].strip() == ":":
            return True  # "…“, so Müller" or "Müller über die Lösung: „…“"
        return self._speech_in(prose, q_start, q_end, narrow=False)

    def _speech_in(self, prose: str, q_start: int, q_end: int, narrow: bool) -> bool:
        speech = self.speech
        if speech is None:
            return True  # no speech list configured: every quotation counts as attributed
        lo = _sentence_span(prose, q_start, q_start, 0)[0]
        hi = _sentence_span(prose, max(q_start, q_end - 1), q_end, 0 if narrow else 1)[1]
        return speech.found(prose[lo:q_start]) or speech.found(prose[q_end:hi])


_CLAUSE = (",", ";", ":", "–", "—", "(", ")")
_SCARE = regexcache.compile(r"[„\"»][\w-]{1,40}[“”\"«]")
_QUOTE_MARKS = regexcache.compile(r"[„“”»«\"]")


def _has_quote_marks(prose: str, start: int, end: int) -> bool:
    """A cheap test before the document's quotations are computed: any quote mark in the paragraph."""
    lo = prose.rfind("\n", 0, start) + 1
    hi = prose.find("\n", end)
    return _QUOTE_MARKS.search(prose, lo, len(prose) if hi == -1 else hi) is not None


@hookimpl
def register_kinds():
    return [Metaphor]
