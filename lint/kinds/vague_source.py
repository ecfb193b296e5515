"""``vague-source``: attributions that name nobody.

Reports "Experten", "Beobachter", "Analysten", "Kritiker", "Insider",
"Fachleute", "Umfragen", the phrases "Berichten zufolge", "Medienberichten
zufolge", "wie es heißt", "wie man hört", "Es heißt," and the forms of a class
("aus Koalitions-/Verhandlungskreisen", "aus dem Umfeld des Ministers") when no
organisation or person is named with them ("Analysten der Deutschen Bank",
"Experten wie Hans Berg" are sources). A noun counts only where it is a source:
in a sentence with a verb of saying or judging ("Kritiker bemängeln",
"Analysten rechnen mit"), not as a topic ("die Frage, die Experten beschäftigt").
A vague phrase that a named source resolves (pointing back to one named just
before, one of the next two sentences naming one on the same topic, the next
sentence the speech of a person named by name, or, for a phrase in the
headline, teaser or lead, which sum up the article, a later sentence of the body
naming one on the same topic) is a hint.
See ``lint.language.attribution``.

Message fields: ``{match}`` (the vague source).
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Any, ClassVar

from lint.kinds.base import Kind
from lint.cache import regexcache
from lint.language.attribution import NAMED, NONE, ListOptions, Scanner, document_vague_forms
from lint.language.speech import ACCORDING
from lint.language.topics import topic_words
from lint.model.diagnostics import Severity
from lint.model.errors import ConfigError
from lint.plugins.hookspecs import hookimpl


# A determiner that points back right before a vague phrase ("den Berichten zufolge"; not
# "der": "die Mehrheit der Branchenkenner", "Apple, der laut Berichten …" point nowhere).
_POINTS_BACK = regexcache.compile(r"(?<![\w-])(?:[Dd]en|[Dd]iesen|[Dd]ieser|[Dd]iesem)\s+$")
# "es heißt", "hieß es", "wie es hieß": hearsay that may point back to the source of the sentence before.
_HEARSAY = regexcache.compile(r"(?:heißt|hieß)")
#: The zones that sum an article up: a vague source there may be named in the body.
_OPENING_ZONES = frozenset(("headline", "subheadline", "teaser", "lead"))
_BODY_ZONES = frozenset(("lead", "body"))
# A sentence that opens with a quotation mark.
_QUOTE_OPENS = regexcache.compile(r"\s*[„“\"»«]")
# A named source of the group's view in the same sentence: "Analysten hatten laut Daten
# von LSEG mit 4,3 Milliarden gerechnet" (the consensus a data provider reports).
_LAUT_NAMED = regexcache.compile(
    r"(?<![\w-])[Ll]aut\s+(?:(?:Daten|Angaben|Zahlen|Berechnungen|Schätzungen|Umfragen|einer?|einem|de[mnrs]|die|das)\s+){0,3}"
    r"(?:von\s+|vom\s+)?(?P<who>[A-ZÄÖÜ][\w&.-]*)"
)


@lru_cache(maxsize=8)
def _person_name(determiners: tuple[str, ...]) -> re.Pattern:
    """A person's name in a speaker: two capitalised words in a row ("Julia Reda", "Enrico
    Tanuwidjaja"), the first none of the ``determiners`` that open a noun phrase (the
    vocabulary's list: "Der Minister", "Die Regierung" name nobody by name)."""
    words = "|".join(map(re.escape, determiners)) or "(?!)"
    return regexcache.compile(rf"(?<![\w-])(?!(?:{words})\s)[A-ZÄÖÜ][a-zäöüß]+\s+[A-ZÄÖÜ][\w'-]+")


#: The severities option ``anonymous_circles`` may give.
_CIRCLE_SEVERITIES = ("warning", "info")


class VagueSource(ListOptions, Kind):
    name = "vague-source"
    defaults: ClassVar[dict[str, Any]] = {
        "headings": False,
        "after": 2,
        "anonymous_circles": "warning",
        "vague": ["data/vague-sources.txt"],
        "opinion_verbs": ["data/opinion-verbs.txt"],
        "determiners": ["data/name-determiners.txt"],
        "source_before": ["data/source-before.txt"],
        "domains": ["data/vague-domains.txt"],
        "cues": ["data/cues.txt", "data/konjunktiv.txt"],
    }
    list_options = ("vague", "opinion_verbs", "determiners", "source_before", "domains", "cues")

    def __init__(self, rule, options):
        super().__init__(rule, options)
        if str(self.options["anonymous_circles"]).lower() not in _CIRCLE_SEVERITIES:
            raise ConfigError(
                f"{rule.file}: anonymous_circles {self.options['anonymous_circles']!r}; allowed: {', '.join(_CIRCLE_SEVERITIES)}"
            )
        #: Whether an anonymous source whose circle is named is a hint (the house accepts the agencies' form).
        self.circles_are_hints = str(self.options["anonymous_circles"]).lower() == "info"

    @cached_property
    def person_name(self) -> re.Pattern:
        """``_person_name`` of this vocabulary's determiners."""
        return _person_name(tuple(sorted(self.attribution.determiners)))

    @cached_property
    def scanner(self) -> Scanner:
        """Finds the places where a vague source may start (one word of each form)."""
        try:
            return Scanner(self.attribution.vague_words)
        except ValueError as exc:
            raise self._config_error(exc) from None

    def check(self, doc):
        attribution = self.attribution
        analysis = doc.analysis
        prose = doc.prose
        headings = bool(self.options["headings"])
        seen: set[int] = set()
        starts = self.scanner.starts(prose, words=doc.analysis) + [form.start for form in document_vague_forms(prose, doc.analysis)]
        for start in sorted(starts):
            sentence = analysis.sentence_at(start)
            if sentence is None or sentence.index in seen:
                continue
            seen.add(sentence.index)
            if not headings and doc.blocks[sentence.block].kind == "heading":
                continue
            hits = attribution.vague_hits(prose, sentence.start, sentence.end, doc.analysis)
            named_before = None
            named_after = None
            reported_to = -1
            for hit in hits:
                if hit.start < reported_to:
                    continue  # inside a phrase reported already: "Wie aus gut informierten Kreisen zu hören"
                reported_to = max(reported_to, hit.end)
                # Pointing back to a source named just before is a hint, not a warning:
                # "den Berichten zufolge", "diesen Angaben nach", "hieß es" after "teilte die Polizei mit".
                sure = _POINTS_BACK.search(prose, max(sentence.start, hit.start - 8), hit.start) is None
                if sure and _HEARSAY.search(prose, hit.start, hit.end):
                    if named_before is None:
                        previous = analysis.sentences[sentence.index - 1] if sentence.index else None
                        named_before = previous is not None and attribution.status(prose, previous.start, previous.end, doc.analysis) == NAMED
                    sure = not named_before
                if hit.needs_saying and self._talked_about(doc, sentence, hit):
                    continue  # "Der Täter stammt aus dem Umfeld der Familie, sagte die Polizei.": the police speak
                if sure and self.circles_are_hints and hit.circle:
                    sure = False  # "aus Bankenkreisen": the house accepts an anonymous source whose circle is named
                if sure and self._named_in(prose, sentence, hits):
                    sure = False  # "Analysten hatten laut Daten von LSEG …": LSEG reports the view
                if sure:
                    # Named right after, on the same topic: "Insidern zufolge verhandelt Western
                    # Digital über SanDisk. Das berichtete Reuters …" resolves the vague phrase.
                    if named_after is None:
                        named_after = self._named_after(doc, sentence) or self._named_in_body(doc, sentence)
                    sure = not named_after
                yield self.report(doc, hit.start, hit.end, severity=None if sure else Severity.INFO)

    def _named_in(self, prose: str, sentence, hits) -> bool:
        """Whether the sentence names a source with "laut" ("laut Daten von LSEG") apart
        from its vague ones ("laut Medienberichten" is one)."""
        vague = self.attribution.vague.forms
        return any(
            m.group("who") not in vague and all(m.end() <= h.start or m.start() >= h.end for h in hits)
            for m in _LAUT_NAMED.finditer(prose, sentence.start, sentence.end)
        )

    def _named_after(self, doc, sentence) -> bool:
        """Whether one of the next ``after`` sentences of the paragraph names a source that
        resolves the vague phrase of ``sentence``: the next one through a named speaker
        ("Kritiker warnen. … spricht die EU-Abgeordnete Julia Reda von einem Frontalangriff",
        "Einige Analysten haben gewarnt. „…“, sagte Enrico Tanuwidjaja von der UOB.": a named
        member of the group speaks right after it), or any of them on the same topic
        ("nach Angaben unabhängiger Experten … Senfgas … Es handelt sich demnach um den ersten
        bestätigten Einsatz von Senfgas")."""
        sentences = doc.analysis.sentences
        prose = doc.prose
        topic = None
        for nxt in sentences[sentence.index + 1 : sentence.index + 1 + max(0, int(self.options["after"]))]:
            if nxt.block != sentence.block:
                return False
            if self.attribution.status(prose, nxt.start, nxt.end, doc.analysis) != NAMED:
                continue
            if nxt.index == sentence.index + 1:
                if _QUOTE_OPENS.match(prose, nxt.start):
                    speech = doc.analysis.speech_at(nxt.start, nxt.start + 1)
                    if speech is not None and speech.kind == "direct" and speech.speaker:
                        return True
                if self._speaker_named(doc, nxt, person=True, named=True):
                    return True
            if topic is None:
                topic = topic_words(prose, sentence.start, sentence.end)
            if not topic.isdisjoint(topic_words(prose, nxt.start, nxt.end)):
                return True
        return False

    def _named_in_body(self, doc, sentence) -> bool:
        """Whether ``sentence`` sums the article up (headline, teaser, lead) and a later
        sentence of the body quotes a named speaker on its topic: "Kupfer soll teurer
        werden, sagen Experten." in the teaser, "…, sagt der Ökonom Tom Berg." further
        down. The topic is shared by a word's stem, not only by a compound's tail."""
        analysis = doc.analysis
        if analysis.zone_at(sentence.start) not in _OPENING_ZONES:
            return False
        prose = doc.prose
        topic = {w for w in topic_words(prose, sentence.start, sentence.end) if not w.startswith("~")}
        for later in analysis.sentences[sentence.index + 1 :]:
            if analysis.zone_at(later.start) not in _BODY_ZONES or topic.isdisjoint(topic_words(prose, later.start, later.end)):
                continue
            if self._speaker_named(doc, later):
                return True
        return False

    def _speaker_named(self, doc, sentence, person: bool = False, named: bool = False) -> bool:
        """Whether ``sentence`` is the speech of somebody named ("der Ökonom Tom Berg",
        "Statistik Austria"; not "ein 31-jähriger Wiener", not "Kritiker"); ``person``: a
        person who speaks, named by name ("die EU-Abgeordnete Julia Reda"; not "der Minister",
        not a source given with "laut" or "nach Angaben von"); ``named``: the sentence is
        known to name a source (its status is not asked again)."""
        if not named and self.attribution.status(doc.prose, sentence.start, sentence.end, doc.analysis) != NAMED:
            return False
        return any(
            not person or (speech.kind != ACCORDING and self.person_name.search(speech.speaker))
            for speech in self._speeches(doc, sentence)
        )

    def _talked_about(self, doc, sentence, hit) -> bool:
        """Whether the form ``hit`` ("aus dem Umfeld", "aus …kreisen": a source only in a
        sentence of saying) is part of what somebody named says in the inquit that closes
        the sentence, not who says it: "Der Täter stammt aus dem Umfeld der Familie, sagte
        die Polizei." The form has no saying of its own before that comma ("Aus
        Regierungskreisen hieß es, …, sagte die Zeitung." keeps its own)."""
        prose = doc.prose
        comma = prose.rfind(",", hit.end, sentence.end)
        if comma == -1 or self.attribution.status(prose, hit.end, comma, doc.analysis) != NONE:
            return False
        return any(_spaced(speech.speaker).search(prose, comma, sentence.end) for speech in self._speeches(doc, sentence))

    def _speeches(self, doc, sentence):
        """The speeches of ``sentence`` (``Analysis.speeches_in``) whose speaker is no vague
        source (not "Kritiker", not "Experten")."""
        vague = self.attribution.vague.forms
        for speech in doc.analysis.speeches_in(sentence.start, sentence.end):
            if speech.speaker and not any(word in vague for word in speech.speaker.split()):
                yield speech


def _spaced(words: str) -> re.Pattern:
    """A pattern of ``words`` (a speaker as the speech analysis gives it, its words joined by
    one space) with any white space between them, as the text may break or double it. Made
    with ``re.compile`` (its own small cache), not kept on disk: it differs per text."""
    return re.compile(r"\s+".join(map(re.escape, words.split())))

@hookimpl
def register_kinds():
    return [VagueSource]
