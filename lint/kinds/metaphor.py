"""``metaphor``: sense-aware word lists. A listed word is reported only where
it is used figuratively or evaluatively, not in its literal sense.

Three decisions are made for every candidate the list's regex finds:

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
   (a speech word in the sentence: "…, sagte Müller", "laut Müller", "Müller
   zufolge", or an interview answer "Müller: …") is reported at
   ``attributed_severity`` (default "info").
4. **Severity.** An entry tagged ``[info]`` or ``[warning]`` in its list
   overrides the rule's severity (a quotation can only lower it).

Message fields: ``{match}``, ``{term}``, ``{suggestion}`` (the entry's, or the
rule option ``suggestion``).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any, ClassVar

from lint.diagnostics import Severity
from lint.errors import ConfigError
from lint.hookspecs import hookimpl
from lint.kinds.base import WordListKind
from lint.morphology import compile_entries
from lint.wordlist import load_wordlist

_SO_NAME = re.compile(r"\W{0,3}\s*so\s+(?:der\s+|die\s+)?[A-ZÄÖÜ]")
_WORD = re.compile(r"\w+")
# An interview answer: "Müller: Das war ein Erdbeben." (a name and a colon open the sentence).
_INTERVIEW = re.compile(r"[A-ZÄÖÜ][\w.\-]*(?: [A-ZÄÖÜ][\w.\-]*){0,2}: ")


def _cue_regex(cues: list[str]) -> re.Pattern:
    alternatives = sorted({r"\s+".join(re.escape(w) for w in cue.split()) for cue in cues if cue.strip()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


class Metaphor(WordListKind):
    name = "metaphor"
    defaults: ClassVar[dict[str, Any]] = {
        **WordListKind.defaults,
        "suggestion": "",
        "literal": {},
        "context": 1,
        "speech_list": "",
        "quoted_severity": "info",
        "attributed_severity": "info",
        "figurative": {},
    }

    def __init__(self, rule, options):
        super().__init__(rule, options)
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

    @cached_property
    def cues(self) -> dict[str, re.Pattern]:
        return {term: _cue_regex(cues) for term, cues in self.options["literal"].items() if cues}

    @cached_property
    def figurative(self) -> dict[str, re.Pattern]:
        return {
            term: re.compile("|".join(sorted((re.escape(c) for c in cues if c.strip()), key=len, reverse=True)), re.IGNORECASE)
            for term, cues in self.options["figurative"].items()
            if cues
        }

    @cached_property
    def speech(self):
        name = self.options["speech_list"]
        if not name:
            return None
        return compile_entries(load_wordlist(self.rule.data_file(name)).entries)

    # ------------------------------------------------------------------
    def check(self, doc):
        cues = self.cues
        figurative = self.figurative
        quoted = self.options["quoted_severity"].lower()
        attributed = self.options["attributed_severity"].lower()
        for start, end, entry in self.matches(doc):
            cue = cues.get(entry.term)
            if cue is not None and self._literal(doc, start, end, cue):
                continue
            needed = figurative.get(entry.term)
            if needed is not None and not self._figurative(doc, start, end, needed):
                continue
            severity = self.severity
            if "info" in entry.tags:
                severity = min(severity, Severity.INFO)
            elif "warning" in entry.tags:
                severity = min(severity, Severity.WARNING)
            quote = doc.in_quote(start, end)
            if quote is not None and self._speaker_named(doc, quote):
                if quoted == "off":
                    continue
                severity = min(severity, Severity.parse(quoted))
            elif quote is None and self._attributed(doc, start):
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

    def _window(self, doc, start: int) -> tuple[int, int]:
        sentence = doc.sentence_at(start)
        if sentence is None:
            return max(0, start - 200), start + 200
        n = max(0, int(self.options["context"]))
        first = doc.sentences[max(0, sentence.index - n)]
        last = doc.sentences[min(len(doc.sentences) - 1, sentence.index + n)]
        return first.start, last.end

    def _literal(self, doc, start: int, end: int, cue: re.Pattern) -> bool:
        lo, hi = self._window(doc, start)
        prose = doc.prose
        # Leave the candidate word itself out ("Erdbeben" is no cue for itself).
        word_start = start
        while word_start > lo and (prose[word_start - 1].isalnum() or prose[word_start - 1] == "-"):
            word_start -= 1
        return cue.search(prose, lo, word_start) is not None or cue.search(prose, end, hi) is not None

    def _figurative(self, doc, start: int, end: int, needed: re.Pattern) -> bool:
        sentence = doc.sentence_at(start)
        lo, hi = (sentence.start, sentence.end) if sentence else (max(0, start - 200), end + 200)
        return needed.search(doc.prose, lo, start) is not None or needed.search(doc.prose, end, hi) is not None

    def _attributed(self, doc, start: int) -> bool:
        """Whether the sentence reports someone's words without quotation marks."""
        speech = self.speech
        sentence = doc.sentence_at(start)
        if speech is None or sentence is None:
            return False
        if _INTERVIEW.match(sentence.text):
            return True
        return next(speech.finditer(doc.prose, sentence.start, sentence.end), None) is not None

    def _speaker_named(self, doc, quote: tuple[int, int]) -> bool:
        q_start, q_end = quote
        prose = doc.prose
        if len(_WORD.findall(prose, q_start, q_end)) <= 2 and self._speech_in(doc, q_start, q_end, narrow=True) is False:
            return False
        if _SO_NAME.match(prose, q_end):
            return True
        return self._speech_in(doc, q_start, q_end, narrow=False)

    def _speech_in(self, doc, q_start: int, q_end: int, narrow: bool) -> bool:
        speech = self.speech
        if speech is None:
            return True  # no speech list configured: every quotation counts as attributed
        first = doc.sentence_at(q_start)
        last = doc.sentence_at(max(q_start, q_end - 1))
        if first is None or last is None:
            return False
        lo, hi = first.start, last.end
        if not narrow:
            if last.index + 1 < len(doc.sentences) and prose_ends_quote(doc.prose, last):
                hi = doc.sentences[last.index + 1].end
            if first.index > 0 and doc.sentences[first.index - 1].text.rstrip().endswith(":"):
                lo = doc.sentences[first.index - 1].start
        for span in ((lo, q_start), (q_end, hi)):
            if span[0] < span[1] and next(speech.finditer(doc.prose, span[0], span[1]), None) is not None:
                return True
        return False


def prose_ends_quote(prose: str, sentence) -> bool:
    """Whether the sentence ends with a closing quotation mark (the speaker may follow)."""
    return sentence.text.rstrip()[-1:] in "“”\"«»"


@hookimpl
def register_kinds():
    return [Metaphor]
