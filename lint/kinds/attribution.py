"""Attribution in German news prose: who says a figure is so?

Shared by the ``figures`` kind (is this figure attributed?) and the
``vague_source`` kind (does this attribution name anybody?). The vocabulary
(cue words, Konjunktiv I forms, vague source nouns, verbs of saying) comes
from the rule's word lists; this module holds only the mechanism:

- a sentence is *named* when it holds a cue ("laut", "teilte ... mit",
  "sagte", "so der Sprecher", a Konjunktiv I form) and no vague source;
- it is *vague* when it holds a vague source that names nobody ("Experten",
  "Berichten zufolge"); "Analysten der Deutschen Bank" names somebody;
- a vague noun ("Kritiker") is a source only in a sentence with a verb of
  saying or judging ("Kritiker bemängeln"); "die Kritiker der Reform" as a
  topic is not an attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.morphology import Matcher, compile_entries
from lint.wordlist import Entry, parse_wordlist

NAMED = "named"
VAGUE = "vague"
NONE = "none"

# Compounds of cue nouns: "nach Polizeiangaben", "Unternehmensangaben zufolge".
COMPOUND_CUE = re.compile(r"\w(?:angaben|schätzungen|berechnungen|zählungen)\b")
# A vague noun right after "laut"/"nach Ansicht von" or before "zufolge" is a source.
_SOURCE_BEFORE = re.compile(r"(?:\b(?:laut|[Ll]aut|Angaben|Ansicht|Einschätzung|Meinung|Schätzungen)\s+(?:von\s+)?(?:\w+\s+)?)$")
_SOURCE_AFTER = re.compile(r"\s+zufolge\b")
# A capitalised word before the noun makes a name: "Business Insider", "Apple Insider".
_NAME_BEFORE = re.compile(r"(?<![.!?:–]\s)(?<!^)\b[A-ZÄÖÜ][\w-]*\s+$")
_DETERMINERS = frozenset("Die Der Den Dem Des Ein Eine Einige Viele Manche Andere Mehrere Zahlreiche Laut Nach Auch Doch Aber".split())
# ", so der Sprecher", ", so Müller": the inquit after a statement.
SO_INQUIT = re.compile(r"[,–—]\s*so\s+(?:der|die|das|ein|eine|laut)?\s*[A-ZÄÖÜ]")

# What names a source after a vague noun: "Analysten der Deutschen Bank",
# "Experten vom Ifo-Institut", "Experten wie Hans Müller", "Analyst Jan Berg",
# "Analysten (UBS)".
_NAMED_AFTER = re.compile(
    r"\s+(?:der|des|von|vom|bei|beim|aus|am|im|wie|um|an\s+der)\s+(?:[a-zäöüß][\w-]*\s+){0,2}[A-ZÄÖÜ0-9]"
    r"|\s+[A-ZÄÖÜ][\w'-]+\s+[A-ZÄÖÜ][\w'-]+"
    r"|\s*\("
)


def extra_entries(words: list[str], origin) -> list[Entry]:
    if not words:
        return []
    return list(parse_wordlist("# words from the configuration\n" + "\n".join(words), origin).entries)


def fast(matcher: Matcher) -> Matcher:
    """The same matcher, with a lookahead of the forms' first letters in front.

    The word-boundary lookbehind a matcher starts with hides the first
    letters from the regex engine, which then tries every position; the
    lookahead lets it skip to candidates (about three times faster on news).
    """
    if matcher.heads or matcher.prefixes or not matcher.forms:
        return matcher
    firsts = "".join(sorted({re.escape(f[0]) for f in matcher.forms}))
    return Matcher(re.compile(f"(?=[{firsts}])" + matcher.pattern.pattern), matcher.forms, matcher.heads, matcher.prefixes)


@dataclass
class VagueHit:
    start: int
    end: int
    phrase: bool  # a fixed phrase ("Berichten zufolge") rather than a noun


class Attribution:
    """Classifies sentences of a document by the attribution they carry."""

    def __init__(self, cues: list[Entry], vague: list[Entry], opinion: list[Entry]):
        # One pass over a sentence finds cues and vague sources together; where
        # a form is both ("Berichten zufolge" holds "zufolge"), the longer wins.
        self.vague = fast(compile_entries(vague))
        self.both = fast(compile_entries(list(vague) + list(cues)))
        self.vague_terms = {e.term for e in vague}
        self.opinion = fast(compile_entries(opinion))

    @classmethod
    def from_entries(cls, cues: list[Entry], vague: list[Entry], opinion: list[Entry]) -> "Attribution":
        return cls(cues, vague, opinion)

    def _scan(self, prose: str, start: int, end: int) -> tuple[list[VagueHit], bool]:
        """The unnamed vague sources of a sentence, and whether it holds a cue."""
        cue = False
        candidates = []
        for s, e, entry in self.both.finditer(prose, start, end):
            if entry.term in self.vague_terms:
                if _NAMED_AFTER.match(prose, e, min(end, e + 80)):
                    continue
                before = _NAME_BEFORE.search(prose, max(start, s - 30), s)
                if before is not None and before.group(0).split()[0] not in _DETERMINERS and before.start() > start:
                    continue  # "Business Insider", "Apple Insider": a publication
                phrase = " " in entry.term or bool(
                    _SOURCE_BEFORE.search(prose, max(start, s - 40), s) or _SOURCE_AFTER.match(prose, e, end)
                )
                candidates.append(VagueHit(s, e, phrase))
            else:
                cue = True
        hits = candidates
        if any(not h.phrase for h in candidates):
            # A vague noun is a source only next to a verb of saying or judging
            # ("Kritiker warnen"), not as a topic ("begeisterte die Kritiker").
            if not any(True for _ in self.opinion.finditer(prose, start, end)):
                hits = [h for h in candidates if h.phrase]
        if not cue and COMPOUND_CUE.search(prose, start, end):
            cue = True
        return hits, cue

    def vague_hits(self, prose: str, start: int, end: int) -> list[VagueHit]:
        """Vague sources in ``prose[start:end]`` (one sentence) that name nobody."""
        return self._scan(prose, start, end)[0]

    def status(self, prose: str, start: int, end: int) -> str:
        """``named``, ``vague`` or ``none`` for the sentence ``prose[start:end]``."""
        hits, cue = self._scan(prose, start, end)
        if hits:
            return VAGUE
        if cue or SO_INQUIT.search(prose, start, end):
            return NAMED
        return NONE
