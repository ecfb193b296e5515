"""Figure context: does a figure have a source, and is it a claim at all?

The source of a figure is searched in a *window of sentences* around it, never
in "the paragraph" (plain-text exports often lose paragraph breaks, and an
unrelated "sagte X" five sentences away is no source):

- the figure's own sentence (``lint.language.attribution`` classifies it:
  named, vague or none);
- up to ``Window.before`` sentences before it in the same block; a sentence
  in between that holds a figure with a source passes that source on ("Laut
  Eurostat … 9,7 Prozent. In Spanien 22 Prozent. In Griechenland …");
- the next sentence, and up to ``Window.after`` sentences when they point back
  ("Das geht aus dem Jahresbericht der Behörde hervor.");
- for a figure inside a quotation or reported speech, the speaker.

Every search is bounded by the window, so the cost per figure does not grow
with the length of the text. The rest of this module are the tests that tell
a claim from a figure that needs no source: a question, history, a repeated
figure, a conversion, prize money, an interview answer, the first person, a
rule explained or a published result.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from lint.cache import regexcache
from lint.language.attribution import (
    NAMED, NONE, VAGUE, WEB_NEEDLES, WEB_SOURCE, WORD_OR_HYPHEN_JOINS, Attribution, Scanner, _whole_word_starts, holds_any, web_source,
)
from lint.language.morphology import _is_word_char
from lint.language.quotes import TURN, in_interview_answer  # noqa: F401 (figures asks the context whether a sentence is an answer)
from lint.language.segment import mark_positions, matches_at
from lint.language.topics import GENERIC, chain, story_words, topic_words
from lint.model.record import Record, named_tuple

if TYPE_CHECKING:
    from lint.model.document import Document, Sentence

#: Sentences before a figure (same block) whose source covers it.
SENTENCES_BEFORE = 2
#: Sentences after a figure that may name its source when they point back to it.
SENTENCES_AFTER = 2
#: At most this many sentences open a block before an agency dateline as a teaser.
TEASER_SENTENCES = 3
#: Characters before a figure searched for a year that makes it history.
HISTORY_REACH = 80
#: Characters before a figure searched for qualifiers ("mehr als") and conversions ("umgerechnet").
QUALIFIER_REACH = 30
CONVERSION_REACH = 20
#: Characters after an amount searched for "dotiert" (prize money).
PRIZE_REACH = 30
#: Characters looked back from a figure for a threshold or odds ("die Marke von über", "1 zu").
REFERENCE_REACH = 25
#: Characters before a figure searched for the same number (a repeated figure is reported once).
REPEAT_REACH = 2000


@named_tuple
class Window:
    """How many sentences around a claim may carry its source."""

    before: int = SENTENCES_BEFORE
    after: int = SENTENCES_AFTER


# A sentence that refers back to the one before: "Das teilte … mit", "So eine Studie …".
_POINTS_BACK = regexcache.compile(r"(?:Das|Dies|Diese|Dieser|Dieses|So|Demnach|Dem|Den|Diesen)\b")
#: The next sentence goes on about the same subject: it opens with a personal pronoun ("Die Einlagen
#: … sanken auf den niedrigsten Stand seit 2003. Sie schrumpften um acht Milliarden, wie EZB-Daten zeigen.").
_SAME_SUBJECT = regexcache.compile(r"(?:Sie|Er)\s")
#: A sentence that goes on from the one before: a part of something named there ("Rund 8,6 Mrd.
#: davon", "darunter 40 Kinder"), a quantity restated with "es" ("Im Jahr davor waren es 101 Mio.",
#: "könnten es bis zu drei Prozentpunkte sein"; not the filler "Es gibt"), a personal or demonstrative
#: pronoun ("Sie kann …", "China bereite ihm Kopfschmerzen", "sank diese auf ein Zehntel"; not a time,
#: "in diesem Jahr").
_GOES_ON = regexcache.compile(
    r"(?<![\w-])(?:davon|darunter|[Ss]ie|[Ee]r|ihm|ihnen"
    r"|(?:sind|waren|seien|wären|sein|werden|würden|könnten|dürften|sollen|sollten)\s+es"
    r"|[Ee]s\s+(?:sind|waren|seien|wären|werden|würden|könnten|dürften|sollen|sollten)"
    r"|[Dd]ies(?:e[nmrs]?)?(?!\s+(?:Jahr|Woche|Monat|Tag|Zeit|Saison|Sommer|Winter|Frühjahr|Herbst)))(?![\w-])"
)
#: Texts of fewer sentences tell no story a sentence could be off (``on_story``).
STORY_MIN_SENTENCES = 3
#: How far either side of a sentence its story keys are looked for (characters): a long
#: article's whole text, a few articles of an export; each search is bounded by it, so a
#: text of many off-story sentences costs time in proportion to its length.
STORY_REACH = 40_000
#: Where a sentence's first clause ends: a comma, semicolon, colon or dash (not a decimal comma,
#: a clock's colon or the dash of a range: "Rund 8,6 Mrd. davon", "Bis 10:30 Uhr").
_CLAUSE_END = regexcache.compile(r"(?<!\d)[,:](?!\d)|[;—]|(?<!\d)–(?!\d)|\s-\s")
#: Speakers that say nobody in particular.
_PRONOUNS = frozenset({"sie", "er", "es", "man", "ich", "wir", "ihr", "du"})
#: A source that shows or reports: "wie EZB-Daten zeigen", "wie Eurostat berichtete", "geht aus dem
#: Jahresbericht der Arbeiterkammer hervor", "ergab eine Umfrage des Instituts Sora".
_SHOWN_BY = regexcache.compile(
    r"(?<![\w-])wie\s+(?:[\w-]+\s+){0,3}?[A-ZÄÖÜ][\w-]*\s+(?:[\w-]+\s+){0,2}?(?:zeig|ergab|ergeb|beleg|bericht|meldet|mitteilt|hervorg)"
    r"|(?<![\w-])aus\s+(?:[\w-]+\s+){1,8}?hervor(?![\w-])"
    r"|(?<![\w-])(?:ergab|ergaben|ergibt|zeigt|zeigte|zeigen|zeigten|belegt|belegen)\s+(?:[\w-]+\s+){0,3}?(?:des|der|von|vom)\s+[A-ZÄÖÜ]"
)


#: Sentences a topic chain walks from a figure, back to a source named earlier
#: (and forward from the opening of an article): bounded, so the cost per
#: figure does not grow with the length of the text.
CHAIN_REACH = 30
#: The zones of a document's opening (headline, teaser, lead) whose figures
#: the article sources later: their chain is walked forward too. By zone, not
#: by sentence count, so that a paragraph added on top changes no verdict below it.
OPENING_ZONES = frozenset({"headline", "subheadline", "teaser", "lead", "dateline"})
#: Zones that may stand among the opening's without ending it.
_ABOVE_THE_STORY = frozenset({"byline", "credit"})
#: Verdict of a figure whose source the article names later, on its topic:
#: not silent, but no warning either.
LATER = "later"

# What carries a source forward beyond the window: a sentence that introduces
# where the figures come from ("laut", "zufolge", "nach Angaben",
# "…angaben", "teilte … mit", "heißt es in", "geht aus … hervor", "gab …
# bekannt", a named report, study, survey or statistics ("der Studie
# Standardüberprüfung Deutsch", "Bericht der Behörde") or one that is published or
# shows something). A quote's "sagte" or a Konjunktiv covers its own sentence
# and the window, not the article.
# The look back is written once for the alternatives that start at a word start, not
# once each: the regex engine, which tries the pattern at every character of the
# sentence, then tests it once per character instead of seven times. The same
# sentences match (``carries`` asks only whether one does).
_CARRIES = regexcache.compile(
    r"(?<![\w-])(?:"
    r"(?:[Ll]aut|zufolge|[Aa]ngaben|[Ss]chätzungen|[Bb]erechnungen|mitteilte|mitgeteilt|hervorgeht|hervorging|hervor(?=[.,;:]))(?![\w-])"
    r"|(?:teilte|teilten|teilt|gab|gaben|gibt)\s(?:[^.;:!?]{0,80}?\s)?(?:mit|bekannt)(?=\s*[,.;:–]|\s+dass)"
    r"|(?:heißt|hieß)\s+es\s+(?:in|im|aus)(?![\w-])"
    r"|(?:Bericht|Jahresbericht|Studie|Umfrage|Statistik|Erhebung|Auswertung|Daten|Zahlen|\w+zahlen|\w+bericht|\w+studie)\w{0,2}\s+(?:(?:de[rs]|vo[nm])\s+)?[A-ZÄÖÜ]"
    r"|(?:veröffentlicht\w*|legte|legten|präsentierte|präsentierten)\s+(?:[^\s,.;:]+\s+){0,3}?[\w-]*(?:Bericht|Studie|Umfrage|Statistik|Erhebung|Daten|[Zz]ahlen|Bilanz)(?![\w-])"
    r"|(?:erklärte|erklärten|berichtete|berichteten|meldete|meldeten|schätzte|schätzten|errechnete|registrierte)\s+(?:das|die|der)\s+[A-ZÄÖÜ]"
    r"|(?:hat|haben)\s+(?:die|den|das|ihre|seine)\s+[\w-]*(?:[Zz]ahlen|Daten|Bericht|Studie|Bilanz|Statistik)\s+(?:[^.;!?]{0,40}?\s)?(?:veröffentlicht|vorgelegt|präsentiert|bekanntgegeben)"
    r")"
    r"|\w(?:angaben|schätzungen|berechnungen)(?![\w-])"
)


# Words one of which every carrying sentence holds: found once per document (a
# ``Scanner``, through the document's words), so that the full pattern runs only
# on the few sentences that hold one.
_CARRY_WORDS = (
    "laut Laut zufolge Angaben mitteilte mitgeteilt hervor teilte teilten teilt gab gaben gibt heißt hieß Bericht "
    "Jahresbericht Studie Umfrage Statistik Erhebung Auswertung Daten Zahlen erklärte berichtete meldete schätzte "
    "errechnete registrierte veröffentlicht veröffentlichte legte präsentierte Schätzungen Berechnungen"
).split()
# Their compounds ("Polizeiangaben", "Zugriffszahlen", "Monatsbericht"): lower-case tails ending a word.
_CARRY_TAILS = ("angaben", "zahlen", "bericht", "studie")


@lru_cache(maxsize=1)
def _carry_scanner() -> Scanner:
    return Scanner(set(_CARRY_WORDS))


def carrying_candidates(prose: str, words=None) -> list[int]:
    """Offsets of the words a carrying sentence needs (``_CARRY_WORDS``), in order
    (``words``: the document's, see ``Scanner.starts``)."""
    found = _carry_scanner().starts(prose, words=words) + _tail_places(prose)
    if holds_any(prose, 0, len(prose), WEB_NEEDLES):
        found += [m.start() for m in WEB_SOURCE.finditer(prose)]
    found.sort()
    return found


def _tail_places(prose: str) -> list[int]:
    """Where the ``_CARRY_TAILS`` end a word: searched in C, tail by tail (no two overlap;
    one pattern of them all stops at nearly every "a" and "s" of the text)."""
    return [i for tail in _CARRY_TAILS for i in _whole_word_starts(prose, tail, WORD_OR_HYPHEN_JOINS, at_start=False)]


def carries(prose: str, start: int, end: int) -> bool:
    """Whether the sentence ``prose[start:end]`` introduces a source that carries forward
    (a web address too: "Die Teilnehmerliste ist unter www.… einsehbar")."""
    return _CARRIES.search(prose, start, end) is not None or web_source(prose, start, end) is not None


#: Strings most sentences that hold them name a source with ("sagte", "erklärte", "sei",
#: "habe", "betonte"): ``sourcing_practice`` counts those sentences early. Only the order
#: of its count, which changes no answer.
_NAMING_HINTS = ("sagt", "erklärt", " sei ", " habe ", "betont")


class SourceSearch(Record):
    """The source search over one document with one attribution vocabulary.

    Built by a kind for one ``check`` call: sentence statuses and topic words
    are computed on demand and kept only here, for this document.
    """

    _fields = ("doc", "attribution", "statuses", "sourced", "topics", "carried", "candidates", "carrying", "story")

    def __init__(
        self,
        doc: "Document",
        attribution: Attribution,
        statuses: dict[int, str] | None = None,
        sourced: set[int] | None = None,
        topics: dict[int, frozenset] | None = None,
        carried: dict[int, bool] | None = None,
        candidates: list[int] | None = None,
        carrying: dict[int, bool] | None = None,
        story: dict[int, bool] | None = None,
    ):
        self.doc = doc
        self.attribution = attribution
        self.statuses = {} if statuses is None else statuses
        #: Indices of sentences holding a figure whose source was found: they pass it on.
        self.sourced = set() if sourced is None else sourced
        self.topics = {} if topics is None else topics
        self.carried = {} if carried is None else carried
        #: The sentences holding a word a carrying sentence needs, in order (one scan, on first need).
        self.candidates = candidates
        #: Per candidate sentence: whether its words introduce a source that carries (``carries``).
        self.carrying = {} if carrying is None else carrying
        #: Per sentence: whether it belongs to the text's story (``on_story``).
        self.story = {} if story is None else story

    def status(self, i: int) -> str:
        found = self.statuses.get(i)
        if found is None:
            s = self.doc.analysis.sentences[i]
            found = self.statuses[i] = self.attribution.status(self.doc.prose, s.start, s.end, self.doc.analysis)
        return found

    def _names_whom(self, j: int) -> bool:
        """Whether sentence ``j`` says who stands behind it: a speaker that is no pronoun
        ("…, sagte die Ministerin", "laut Eurostat") or a source that shows or reports
        (``_SHOWN_BY``: "…, wie EZB-Daten zeigen"); not a subjunctive alone ("Sie seien sicher.")."""
        s = self.doc.analysis.sentences[j]
        if any(sp.speaker and sp.speaker.split()[0].lower() not in _PRONOUNS for sp in self.doc.analysis.speeches_in(s.start, s.end)):
            return True
        return _SHOWN_BY.search(self.doc.prose, s.start, s.end) is not None

    def sourcing_practice(self, share: float, min_named: int = 0) -> bool:
        """Whether the document names a source in at least ``share`` of its sentences
        and names sources more than four times as often as it hides them behind vague
        ones, or (``min_named`` > 0) names one in at least ``min_named`` sentences and
        never hides one behind a vague phrase: professional copy, whose unmatched
        figures are mostly covered by sources the rule cannot tie to them. Asked once,
        only for a figure about to be a warning.

        Each status is a scan of its sentence: the sentences whose status is known
        already are counted first, then those that hold a word of a carrying source
        ("laut", "teilte", ``_candidates``, where found already) or of saying ("sagte",
        ``_NAMING_HINTS``): most of them name one. The count stops as soon as the
        sentences left cannot change the answer (``_practice_decided``)."""
        n = len(self.doc.analysis.sentences)
        first = {**self.statuses, **dict.fromkeys(self.candidates or ()), **dict.fromkeys(self._likely_named())}
        order = [*first, *(i for i in range(n) if i not in first)]
        named = vague = 0
        shortcut = min_named > 0
        for done, i in enumerate(order, 1):
            status = self.status(i)
            named += status == NAMED
            vague += status == VAGUE
            decided = _practice_decided(named, vague, n - done, n, share, min_named)
            if decided is not None:
                return decided
            if shortcut and named >= min_named and not vague:
                shortcut = False  # asked once: a vague sentence found below means counting on
                if self._none_vague(order[done:]):
                    return True  # enough named sentences, and none of those left can be vague
        return _practice_decided(named, vague, 0, n, share, min_named)

    def _likely_named(self) -> list[int]:
        """The sentences that hold one of the ``_NAMING_HINTS`` (with repeats): a search in C per hint."""
        sentence_at = self.doc.analysis.sentence_at
        prose = self.doc.prose
        found = []
        for hint in _NAMING_HINTS:
            i = prose.find(hint)
            while i != -1:
                sentence = sentence_at(i)
                if sentence is not None:
                    found.append(sentence.index)
                i = prose.find(hint, i + 1)
        return sorted(found)

    def _none_vague(self, indices: list[int]) -> bool:
        """Whether none of the sentences ``indices`` has the status ``vague``: only those
        that hold one of the vocabulary's ``vague_needles`` are scanned (most hold none;
        without needles, every one is)."""
        needles = self.attribution.vague_needles
        sentences = self.doc.analysis.sentences
        if needles is not None:
            places = needle_places(self.doc.prose, *word_like_split(needles), self.doc.analysis.word_lines)
            indices = [i for i in indices if _holds_place(places, sentences[i].start, sentences[i].end)]
        return all(self.status(i) != VAGUE for i in indices)

    def opening_source(self) -> bool:
        """Whether the opening (headline, teaser, lead) names a source that carries
        forward ("Laut dem Nationalen Bildungsbericht …", "wie Statistik Austria
        mitteilte"): the story's source, which covers the figures after it."""
        analysis = self.doc.analysis
        for sentence in analysis.sentences:
            zone = analysis.zone_at(sentence.start)
            if zone not in OPENING_ZONES:
                if zone not in _ABOVE_THE_STORY:
                    return False
                continue  # a byline or credit between headline and lead
            if self._carried(sentence.index):
                return True
        return False

    def on_story(self, i: int) -> bool:
        """Whether sentence ``i`` belongs to the story its text tells: it goes on from the
        sentence before (``_GOES_ON``: "davon", a pronoun), one of its story keys (a topic
        word or a name in capitals, ``story_words``) stands elsewhere in the text, or it
        has no key to tell (then it is taken to belong). A text's sourcing practice and its
        opening's source cover the figures of its story, and a price level is exchange data
        in a story about that market: a figure about something the text says nothing else
        about ("Rund 2.500 Ärzte standen im Stau." in a report on a bank) is no figure of
        the story. A text of fewer than ``STORY_MIN_SENTENCES`` sentences has no story to
        be off."""
        return _memoised(self.story, i, lambda: self._on_story(i))

    def _on_story(self, i: int) -> bool:
        sentences = self.doc.analysis.sentences
        if len(sentences) < STORY_MIN_SENTENCES:
            return True  # a headline, a note, a snippet in the editor: no story to compare with
        sentence = sentences[i]
        prose = self.doc.prose
        if self._goes_on(i):
            return True
        keys = self._story_words(i)
        return not keys or any(_stands_elsewhere(prose, key, sentence.start, sentence.end) for key in keys)

    def _goes_on(self, i: int) -> bool:
        """Whether sentence ``i`` goes on from the one before: ``_GOES_ON`` in its first
        clause (a pronoun after it mostly points inside the sentence)."""
        sentence = self.doc.analysis.sentences[i]
        prose = self.doc.prose
        clause = _CLAUSE_END.search(prose, sentence.start, sentence.end)
        return _GOES_ON.search(prose, sentence.start, sentence.end if clause is None else clause.start()) is not None

    def _story_words(self, i: int) -> frozenset:
        """``story_words`` of sentence ``i``: its topic words and names in capitals."""
        sentence = self.doc.analysis.sentences[i]
        return story_words(self.doc.prose, sentence.start, sentence.end, self.words(i))

    def words(self, i: int) -> frozenset:
        return _memoised(self.topics, i, lambda: self._over_sentence(topic_words, i))

    def _over_sentence(self, measure, i: int):
        """``measure(prose, start, end)`` of sentence ``i``."""
        s = self.doc.analysis.sentences[i]
        return measure(self.doc.prose, s.start, s.end)

    def _candidates(self) -> list[int]:
        """The indices of the sentences that hold a word a carrying sentence needs: only they can carry."""
        if self.candidates is None:
            analysis = self.doc.analysis
            held = set()
            for offset in carrying_candidates(self.doc.prose, analysis):
                s = analysis.sentence_at(offset)
                if s is not None and offset < s.end:
                    held.add(s.index)
            self.candidates = sorted(held)
        return self.candidates

    def _carried(self, j: int) -> bool:
        """Whether sentence ``j`` names a source that carries beyond the window."""
        return _memoised(self.carried, j, lambda: self._is_candidate(j) and self._carrying(j) and self.status(j) != VAGUE)

    def _is_candidate(self, j: int) -> bool:
        candidates = self._candidates()
        k = bisect_left(candidates, j)
        return k < len(candidates) and candidates[k] == j

    def _carrying(self, j: int) -> bool:
        """``carries`` for the candidate sentence ``j`` (its words alone, no attribution status)."""
        return _memoised(self.carrying, j, lambda: self._over_sentence(carries, j))

    def _farthest_carrying(self, lo: int, hi: int, lowest: bool) -> int | None:
        """The lowest (``lowest``) or highest sentence strictly between ``lo`` and ``hi`` that
        can be ``_carried`` (a candidate whose words carry), or None. No other sentence
        there can end a topic chain in a source, so a walk through them stops beside this
        one (and is not made without one): the topic words of the sentences beyond it (a
        noun scan each) are not needed. The candidates are tested from that end, up to the
        first that carries."""
        candidates = self._candidates()
        between = candidates[bisect_right(candidates, lo) : bisect_left(candidates, hi)]
        return next(filter(self._carrying, between if lowest else reversed(between)), None)

    def verdict(self, sentence: "Sentence", start: int, end: int, window: Window, chained: bool = True) -> str:
        """``named``, ``vague``, ``later`` or ``none``: the best attribution
        around the figure at ``start:end`` of ``sentence``: its sentence, the
        window of sentences around it, and (``chained``) the sentences on its
        topic before it (a source named earlier carries forward) and, for a
        figure of the opening, after it. ``later``: a source on the topic
        follows further on."""
        i = sentence.index
        own = self.status(i)
        if own == NAMED:
            return NAMED
        verdict = own
        sentences = self.doc.analysis.sentences
        prose = self.doc.prose
        # The sentences right before: a source there covers the figure when it is on
        # the figure's topic, or when the sentence right before holds a sourced
        # figure that this one continues ("Laut Eurostat … 9,7 Prozent. In Spanien 22,7 Prozent.").
        words = self.words
        before = range(i - 1, max(-1, i - 1 - window.before), -1)
        if i and sentences[i - 1].block == sentence.block:
            if i - 1 in self.sourced:
                return NAMED
            if _POINTS_BACK.match(prose, sentences[i - 1].start) and self.status(i - 1) == NAMED:
                return NAMED  # "Das geht aus dem Jahresbericht hervor. Der Umsatz stieg …": a source sentence of its own
        on_topic = None  # the sentences before on the figure's topic: walked when a named one asks
        for j in before:
            if sentences[j].block != sentence.block:
                break
            status = self.status(j)
            if status == NAMED:
                if on_topic is None:
                    on_topic = set(chain(words, i, before))
                if j in on_topic or self._carried(j):
                    return NAMED  # on the topic, or a source of its own ("Laut Eurostat …")
            if status == VAGUE:
                verdict = VAGUE
        for d in range(1, window.after + 1):
            j = i + d
            if j >= len(sentences) or sentences[j].block != sentence.block:
                break
            if d > 1 and not _POINTS_BACK.match(prose, sentences[j].start):
                continue
            if self.status(j) != NAMED:
                continue
            if not chained:  # a record: only a sentence that says who stands behind it, right after it
                if d == 1 and self._names_whom(j) and (
                    _POINTS_BACK.match(prose, sentences[j].start)
                    or _SAME_SUBJECT.match(prose, sentences[j].start)
                    or not self.words(i).isdisjoint(self.words(j))
                ):
                    return NAMED
            elif _POINTS_BACK.match(prose, sentences[j].start) or not self.words(i).isdisjoint(self.words(j)):
                return NAMED
        if not chained:
            return verdict
        # A source sentence right beside a sentence on the topic is that sentence's
        # source ("Die Arbeitslosenrate in der Eurozone sank. Wie Eurostat mitteilte, …").
        # Only a sentence whose words carry can be ``_carried``, and every sentence a walk asks
        # lies between ``lo`` and ``i`` (``i`` and ``hi``): each walk ends beside the farthest
        # such sentence it can reach, and none is walked without one.
        lo = max(-1, i - 1 - CHAIN_REACH)
        hi = min(len(sentences), i + 1 + CHAIN_REACH)
        farthest = self._farthest_carrying(lo, i, lowest=True)
        if farthest is not None:
            for j in chain(words, i, range(i - 1, max(lo, farthest - 2), -1)):
                if self._carried(j) or (j - 1 > lo and self._carried(j - 1)) or (j + 1 < i and self._carried(j + 1)):
                    return NAMED
        farthest = self._farthest_carrying(i, hi, lowest=False)
        if farthest is not None:
            for j in chain(words, i, range(i + 1, farthest + 1)):
                if self._carried(j):
                    return NAMED if self.doc.analysis.zone_at(sentence.start) in OPENING_ZONES else LATER
        return verdict


def speech_of(doc: "Document", start: int, end: int):
    """The speech (direct or reported) holding ``start:end``, if the analysis
    knows speech; else ``None``. One place, so that the analysis of speakers
    takes over here as soon as it exists (``Analysis.speech_at``)."""
    speech_at = getattr(doc.analysis, "speech_at", None)
    return speech_at(start, end) if speech_at is not None else None


def speaker_named(search: SourceSearch, start: int, end: int) -> bool:
    """Whether ``start:end`` lies in speech whose speaker is named."""
    doc = search.doc
    speech = speech_of(doc, start, end)
    if speech is not None:
        return bool(getattr(speech, "speaker", None))
    quote = doc.analysis.in_quote(start, end)
    if quote is None:
        return False
    # The inquit stands in the sentence that opens or closes the quotation, or right after it.
    candidates = []
    for offset in (quote[0], max(quote[0], quote[1] - 1)):
        s = doc.analysis.sentence_at(offset)
        if s is not None:
            candidates.append(s.index)
    if candidates:
        candidates.append(candidates[-1] + 1)
    sentences = doc.analysis.sentences
    return any(j < len(sentences) and search.status(j) == NAMED for j in dict.fromkeys(candidates))


# ----- claims that need no source -----------------------------------------

_CONVERTED = regexcache.compile(r"(?:\b(?:umgerechnet|entspricht|entsprechen)\s+(?:\S+\s+)?|\(\s*)$")
# Prize money is public: "des mit 1,48 Millionen Dollar dotierten Turniers".
_PRIZE_AFTER = regexcache.compile(r"\s*(?:\)\s*)?(?:\S+\s+)?dotiert")
# A level the story measures against, not a figure anyone claims: a threshold ("die Marke
# von 5 Milliarden Dollar", "die Schwelle von 100.000") and odds ("eine Chance von 1 zu 140 Millionen").
_REFERENCE_LEVEL = regexcache.compile(
    r"(?:(?<![\w-])(?:Marke|Schwelle|Grenze|Hürde)\s+(?:von\s+)?(?:\w+\s+)?|(?<![\w,.])(?:1|[Ee]ins)\s+zu\s+)$"
)
# A sentence in the first person is somebody's speech: "Ich hatte schon 80 Prozent …".
# The first letter first ("ich", "wir", "mir", "mich", "meine…", "uns", "unsere…"), the
# word start looked back at behind it: the regex engine then skips ahead to those
# letters instead of trying every character (the same sentences match).
_FIRST_PERSON = regexcache.compile(
    r"[IiWwmu](?<!\w[IiWwmu])(?:(?<=[Ii])ch|(?<=[Ww])ir|(?<=m)(?:ir|ich|eine?[mnrs]?)|(?<=u)ns(?:ere?[mnrs]?)?)\b"
)
# An agency dateline opening the body: "Wien – ", "Kiew/Moskau – ", "Sunrise (Florida) – ".
_DATELINE = regexcache.compile(r"[A-ZÄÖÜ][\w.]*(?:[ /-]+[A-ZÄÖÜ(][\w.()]*){0,3}\s*[–—-]\s")
# Years the document names; a figure's sentence naming a year long before the latest is history.
# The century first, the look back behind it: the regex engine then skips ahead to the
# digits 1 and 2 (a look back first is tried at every character, four times slower).
_YEAR_ANY = regexcache.compile(r"(?:1[89]|20)(?<![\d.,]\d\d)\d\d(?![\d.,]\d)")
_NUMBER = regexcache.compile(r"\d[\d.]*(?:,\d+)?")


def teaser_end(doc: "Document", block: int) -> int:
    """Where the teaser before an agency dateline ends in ``block`` (the block's
    start if none): a kicker before "Kabul – " is a headline in all but layout."""
    sentences = _block_head(doc, block)
    for i in range(1, min(TEASER_SENTENCES + 1, len(sentences))):
        if _DATELINE.match(doc.prose, sentences[i].start):
            return sentences[i].start
    return doc.blocks[block].start


def _block_head(doc: "Document", block: int):
    """The first sentences of ``block``."""
    first = doc.analysis.sentence_at(doc.blocks[block].start)
    if first is None:
        return []
    sentences = doc.analysis.sentences
    return [s for s in sentences[first.index : first.index + TEASER_SENTENCES + 1] if s.block == block]


def is_interview(prose: str, askers: tuple[str, ...]) -> bool:
    """Whether the text holds an interviewer's turn ("STANDARD: …", "Frage: …"):
    only then is "Name: …" an answer and not a label ("Zur Orientierung: …").
    The turn pattern is ``quotes.TURN``, the project's one definition. Every turn
    ends in ": ": a text without one (a third of news texts) has no turn, and in the
    others only the few ": " are searched for turns (``turns``), far cheaper than the
    scan of every capital (or an upper-case copy of the whole text)."""
    if not askers or ": " not in prose:
        return False
    return any(t.group().upper().startswith(askers) for t in turns(prose))


def turns(prose: str):
    """The matches of ``quotes.TURN`` in ``prose``, the same as ``TURN.finditer`` finds,
    searched from the text's few ": " instead of at every capital: a turn ends in the
    first ": " after its start (its label holds no colon) and starts after the third
    blank before that ": " (its label holds at most two), so each ": " is searched for
    its turn only from there. (This relies on that shape of the label in ``TURN``.)"""
    after_last = 0  # just after the last ": ": no turn starts before it
    colon = prose.find(": ")
    while colon != -1:
        blank = colon
        for _ in range(3):
            blank = prose.rfind(" ", after_last, blank)
            if blank == -1:
                start = after_last
                break
        else:
            start = blank + 1
        turn = TURN.search(prose, start, colon + 3)
        if turn is not None:
            yield turn
        after_last = colon + 1
        colon = prose.find(": ", after_last)


def is_question(prose: str, sentence: "Sentence") -> bool:
    """A question claims nothing: "Kann man das zu 100 Prozent verhindern?"."""
    return prose[sentence.start : sentence.end].rstrip("“”\"»«'’)").endswith("?")


def first_person(prose: str, sentence: "Sentence") -> bool:
    return _FIRST_PERSON.search(prose, sentence.start, sentence.end) is not None


def latest_year(prose: str) -> int:
    """The latest year ``prose`` names (``_YEAR_ANY``), 0 if none. The pattern is tried only
    where a "1" or a "2" stands (``mark_positions``): led by two branches, it was tried at
    every character of the text (about five times the cost). No two years overlap (none
    starts after a digit), so trying them in order finds each."""
    years = matches_at(_YEAR_ANY, prose, mark_positions(prose, "12"), len(prose))
    return max((int(m.group(0)) for m in years), default=0)


def is_history(prose: str, sentence: "Sentence", start: int, latest: "Callable[[], int]", history: int) -> bool:
    """A sentence naming a year ``history`` years before the latest year of the
    text: "… seit 2009, als das BIP um 7,9 Prozent einbrach" is on record.
    ``latest()`` gives the text's latest year (``latest_year``): asked only when a
    year stands before the figure, so that most texts are not searched for years at all."""
    years = [int(y) for y in _YEAR_ANY.findall(prose, max(sentence.start, start - HISTORY_REACH), start)]
    return bool(years) and min(years) <= latest() - history


def repeated(prose: str, since: int, start: int, end: int) -> bool:
    """Whether the number of ``start:end`` stands earlier since ``since``: a
    repeated figure is reported at its first mention. Short numbers ("17") are
    not compared: they are days and ordinals as often as figures."""
    found = _NUMBER.search(prose, start, end)
    if found is None:
        return False
    number = found.group(0).rstrip(".")
    if len(number.replace(".", "").replace(",", "")) < 3:
        return False
    i = prose.find(number, since, start)
    while i != -1:
        j = i + len(number)
        if not (i and (prose[i - 1].isdigit() or prose[i - 1] in ".,")) and not (
            j < len(prose) and (prose[j].isdigit() or (prose[j] in ".," and prose[j + 1 : j + 2].isdigit()))
        ):
            return True
        i = prose.find(number, i + 1, start)
    return False


# A determiner right before a figure refers to a quantity the reader knows
# ("die 140 Teilnehmer", "die bisher rund 80.000 Mitglieder", "seine 4.000 Beschäftigten").
_REFERS_BACK = regexcache.compile(
    r"(?<![\w-])(?:[Dd](?:ie|er|en|em|es)|[Dd]iese[nmrs]?|[Ss]eine[nmrs]?|[Ii]hre[nmrs]?|[Uu]nsere[nmrs]?|[Aa]lle)\s+(?:[a-zäöüß]+\s+)?$"
)


def refers_back(prose: str, start: int) -> bool:
    """Whether a determiner makes the figure at ``start`` a quantity already known ("die 140 Teilnehmer")."""
    return _REFERS_BACK.search(prose, max(0, start - QUALIFIER_REACH), start) is not None


# Copy that names an agency as its source as a whole: a dateline "(APA)",
# "(dpa)", "APA/red", or a note that the text rests on agency reports.
# Each form starts with its literal and looks back behind it, so that the regex engine
# skips ahead to the literals (three times faster than a look back first). Three searches,
# each only in a text that holds what every match of it holds (none: the parenthesis
# leads its form, a literal the engine finds fast): as one alternation, led by "(", "A",
# "a", "d" and "s", the pattern was tried at most letters of a text.
_AGENCY_FORMS = (
    ((), regexcache.compile(r"\((?:APA|dpa|Reuters|AFP|AP|sda|KNA|epd)(?:/[\w]+)*\)")),
    (("APA/", "dpa/", "AFP/", "sda/"), regexcache.compile(r"(?:APA|dpa|AFP|sda)(?<![\w-]...)/(?:red|\w{2,4})(?![\w-])")),
    (("Agenturmeldung",), regexcache.compile(r"auf\s+Agenturmeldungen\s+basierend|Agentur(?<![\w-]Agentur)meldungen?\s+zufolge")),
)
# A figure marked as felt or guessed by the writer is no claim anybody made: "gefühlte 98 Prozent".
_FELT = regexcache.compile(r"(?<![\w-])(?:gefühlte[nmrs]?|gefühlt|geschätzt\s+gefühlte)\s+$")


def agency_copy(prose: str) -> bool:
    """Whether the text names a news agency as the source of the whole (dateline or note):
    whether one of the ``_AGENCY_FORMS`` stands anywhere in it."""
    for needles, pattern in _AGENCY_FORMS:
        if (not needles or any(needle in prose for needle in needles)) and pattern.search(prose) is not None:
            return True
    return False


def felt(prose: str, start: int) -> bool:
    """Whether the writer marks the figure at ``start`` as felt, not measured ("gefühlte 98 Prozent")."""
    return _FELT.search(prose, max(0, start - QUALIFIER_REACH), start) is not None


def converted(prose: str, start: int) -> bool:
    """"(umgerechnet etwa 367 Millionen Euro)" restates a figure."""
    return _CONVERTED.search(prose, max(0, start - CONVERSION_REACH), start) is not None


def reference_level(prose: str, start: int) -> bool:
    """"die Marke von $5 Milliarden", "1 zu 140 Millionen": a threshold or odds, named, not claimed."""
    return _REFERENCE_LEVEL.search(prose, max(0, start - REFERENCE_REACH), start) is not None


def prize_money(prose: str, end: int) -> bool:
    return _PRIZE_AFTER.match(prose, end, end + PRIZE_REACH) is not None


def qualified_start(pattern: re.Pattern, prose: str, start: int) -> int:
    """Where the figure starts with its qualifiers ("mehr als 300 Stellen")."""
    qual = pattern.search(prose, max(0, start - QUALIFIER_REACH), start)
    return qual.start() if qual is not None else start


__all__ = [
    "LATER",
    "NAMED",
    "NONE",
    "VAGUE",
    "SENTENCES_AFTER",
    "SENTENCES_BEFORE",
    "SourceSearch",
    "Window",
]


def _practice_decided(named: int, vague: int, left: int, n: int, share: float, min_named: int) -> bool | None:
    """``SourceSearch.sourcing_practice`` once ``named`` and ``vague`` sentences are counted and
    ``left`` of the ``n`` are not: its answer when every outcome of those left gives the same
    one (each adds at most one to ``named`` or to ``vague``), else None."""
    if not left:
        return (0 < min_named <= named and not vague) or (n > 0 and named >= share * n and named > 4 * vague)
    if named >= share * n and named > 4 * (vague + left):
        return True  # holds however many of those left are vague
    may_hold = (0 < min_named <= named + left and not vague) or (named + left >= share * n and named + left > 4 * vague)
    return None if may_hold else False


def needle_places(prose: str, word_needles: tuple[str, ...], other_needles: tuple[str, ...], word_lines: str) -> list[tuple[int, int]]:
    """Where each needle stands in ``prose`` (start and end), in order: a search in C per
    needle, most of which the text does not hold. A needle of word characters and hyphens
    (``word_needles``) stands in the prose only inside one of its words (``word_lines``:
    the document's, one a line): it is looked for there first, a shorter text."""
    places = []
    for needle in [n for n in word_needles if n in word_lines] + list(other_needles):
        i = prose.find(needle)
        while i != -1:
            places.append((i, i + len(needle)))
            i = prose.find(needle, i + 1)
    places.sort()
    return places


@lru_cache(maxsize=8)
def word_like_split(needles: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``needles`` made of what a word (``[\\w-]+``) is made of (``\\w`` is what ``str.isalnum``
    accepts and "_"), and the others: worked out once per vocabulary's needles."""
    word_like = tuple(n for n in needles if n and all(map(_is_word_char, n)))
    return word_like, tuple(n for n in needles if n not in word_like)


def _holds_place(places: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of ``places`` (sorted) lies inside ``start:end``."""
    k = bisect_left(places, (start,))
    while k < len(places) and places[k][0] < end:
        if places[k][1] <= end:
            return True
        k += 1
    return False


def _stands_elsewhere(prose: str, key: str, start: int, end: int) -> bool:
    """Whether the story ``key`` (``story_words``) stands in ``prose`` outside ``start:end``,
    within ``STORY_REACH`` of it: a topic word's first letters capitalised at the start of a
    word ("pendl": "Pendler", "Berufs-Pendlerin"), a compound's head at the end of a word
    ("~titionen": "Bauinvestitionen"), a name in capitals as a word. One search in C per key
    and place, no noun scan of the other sentences."""
    if key[0] == "~":
        needle, at_start, at_end = key[1:], False, True
    elif key.isupper() or not key.isalpha():
        needle, at_start, at_end = key, True, True
    else:
        needle, at_start, at_end = key[0].upper() + key[1:], True, False
    size = len(prose)
    lo, hi = max(0, start - STORY_REACH), min(size, end + STORY_REACH)
    found = prose.find(needle, lo, hi)
    while found != -1:
        if (found < start or found >= end) and (
            (not at_start or found == 0 or not prose[found - 1].isalnum())
            and (not at_end or found + len(needle) == size or not prose[found + len(needle)].isalnum())
            and (at_start and at_end or _noun_at(prose, found, at_start))
        ):
            return True
        found = prose.find(needle, found + 1, hi)
    return False


#: The word around an offset (word characters: a compound's parts after a hyphen are words of their own).
_WORD_AT = regexcache.compile(r"\w+")
#: What stands before a sentence's first word: its end mark, perhaps a quotation mark, and space.
_SENTENCE_OPENS = regexcache.compile(r"(?:^|[.!?…:][\"“”»«)]*)\s*[\"„“»«(]*$")


def _noun_at(prose: str, found: int, at_start: bool) -> bool:
    """Whether the key found at ``found`` (a word's start, ``at_start``, or a compound head's
    end) lies in a topic word as ``topic_words`` counts them: no generic word ("Milliardenbetrag"
    is no "Milliarden", "Honorarmilliarden" ends as one) and no capitalised first word of a
    sentence ("Unter den Gästen" holds no "Unternehmer", "Allerdings" no "Allergiker")."""
    begin = found
    if not at_start:
        while begin and prose[begin - 1].isalnum():
            begin -= 1
    if _WORD_AT.match(prose, begin).group().lower() in GENERIC:
        return False
    return _SENTENCE_OPENS.search(prose, max(0, begin - 6), begin) is None


def _memoised(table: dict, key, compute):
    """``table[key]``, computed by ``compute()`` and kept on first use (a per-document table)."""
    found = table.get(key)
    if found is None:
        found = table[key] = compute()
    return found
