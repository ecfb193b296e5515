"""Context for the ``metaphor`` kind: is a candidate the writer's hype?

Every question is asked of the document's analysis (``doc.analysis``), which
computes it once for all packs:

- **name or title** ("Gegen Tornado Zürich", "das Album ‚Totale Sensation‘"):
  dropped (``Analysis.name_at``);
- **negated** ("keine Sensation", "nicht dramatisch"): dropped
  (``Analysis.negated``);
- **literal**: a semantic field of the sentence or its neighbours makes the
  sense literal ("Erdbeben" beside geology words, "Sturm" beside weather
  words; ``literal_fields`` maps a term to its fields,
  ``Analysis.fields_near``); or a collocation cue of ``literal`` stands
  there ("überwältigende Mehrheit"): dropped;
- **not figurative**: a term listed in ``figurative`` needs one of its cues
  in the sentence ("schockierte die Märkte", not "die Eltern zeigten sich
  schockiert"): dropped without one;
- **doubtful sense** (``figurative_fields``): a term with a possible literal
  sense (a key of ``literal_fields``, or of ``sense_terms`` where given) is a
  warning only when its own sentence or the word itself is about a
  figurative domain (markets, economy, politics, figures, technology, sport:
  "ein Börsenbeben", "die Preise explodierten") and its paragraph and the
  headline hold no word of its literal fields; otherwise a hint
  (``Analysis.fields_near``, ``Analysis.fields_in_blocks``);
- **speech** (``Analysis.speech_at``): someone else's wording, reported at
  ``quoted_severity`` (direct quotation, colon statement) or
  ``attributed_severity`` (reported speech, "laut", interview answers) with
  the speaker named in the message; scare quotes („Erdbeben“) stay the
  writer's;
- **distanced** ("das angebliche Wundermittel") or **handed on** (a quoted
  phrase of two or more words, a quotation after a verb of naming or
  advertising: "wirbt mit „Preisen“"; a reputation: "gilt als Meilenstein"):
  at ``attributed_severity``;
- **genre**: in an evaluative genre (review, commentary, column) evaluation
  is the text's job, so findings are at most info.
"""

from __future__ import annotations


from lint.cache import regexcache
from lint.language.metaphor_detection import Candidate
from lint.language.negation import COPULAS
from lint.model.record import Record

#: Speech kinds that quote words (``quoted_severity``); the rest report them (``attributed_severity``).
QUOTING_KINDS = frozenset({"direct", "colon"})
#: A distancing word counts this many words before the candidate ("die angeblich größte Sensation").
DISTANCING_WORDS = 3
#: Characters looked back for distancing words.
DISTANCING_REACH = 60

#: Words from which a quotation is someone's phrase; a single quoted word may be a scare quote („Erdbeben“).
QUOTED_WORDS = 2

_TOKEN = regexcache.compile(r"[\w/]+(?:[-.'’][\w/]+)*-?")
#: What both holder patterns below hold ("für", "Für"): a sentence without it is not searched.
#: Change it with them.
_HOLDER_NEEDLE = "ür"
#: "für" and the person whose view the evaluation is: "ist für den Volksgruppenreferenten
#: ein historischer Meilenstein", "war für viele Fans ein Triumph".
_HOLDER = regexcache.compile(
    r"(?<![\w-])[Ff]ür\s+(?:(?:den|die|dem|der|seine[nm]?|ihre[nm]?|viele|manche|einige|alle)\s+)?"
    r"(?:[a-zäöüß][\w-]*\s+)?(?P<noun>[A-ZÄÖÜ][\w-]*)(?P<gap>(?:\s+\S+){0,3}?)\s+\S*$"
)
#: "für" and a personal pronoun: the view of a person named before ("Für ihn ist das
#: Urteil ein Schlag ins Gesicht").
_PRONOUN_HOLDER = regexcache.compile(r"(?<![\w-])[Ff]ür\s+(?:ihn|sie|mich|dich|uns|euch)(?![\w-])")
#: A copula (``negation.COPULAS``): the evaluation is predicated ("X ist für Y ein Z").
_COPULA = regexcache.compile(r"(?<![\w-])(?:" + "|".join(sorted(COPULAS)) + r")(?![\w-])")
#: Characters looked back from a candidate for its holder.
HOLDER_REACH = 120


def genre_of(doc) -> str:
    """The document's genre ("rezension", "kommentar"; "" when unknown).

    The analysis knows it once genres are detected (``doc.analysis.genre``);
    until then the metadata (front matter ``genre``) says it.
    """
    genre = getattr(doc.analysis, "genre", None)
    if genre is None:
        genre = doc.meta.get("genre", "")
    return str(genre or "").strip().lower()


class Cues:
    """Collocation cues: single words match as case-insensitive word prefixes
    ("Mehrheit" finds "Mehrheiten"), several words as a substring; with
    ``anywhere`` a cue may stand anywhere in a word ("technolog" in "Technologiewelt")."""

    def __init__(self, cues: list[str], anywhere: bool = False):
        words = [c.strip().lower() for c in cues if c.strip()]
        self.anywhere = anywhere
        self.prefixes = tuple(c for c in words if " " not in c)
        self.phrases = tuple(c for c in words if " " in c)
        #: Every cue, for the substring tests (made once, not on every question).
        self.every = self.prefixes + self.phrases

    def found(self, text: str) -> bool:
        low = text.lower()
        if self.anywhere:
            return any(map(low.__contains__, self.every))
        if any(map(low.__contains__, self.phrases)):
            return True
        # A word can start with a cue only where the cue stands in the text: most texts hold
        # none (one substring search each in C), and then are not split into words at all.
        if not any(map(low.__contains__, self.prefixes)):
            return False
        return any(tok.startswith(self.prefixes) for tok in _TOKEN.findall(low))


class MetaphorContext(Record):
    """The context options of one metaphor rule, prepared for its candidates."""

    _fields = (
        "literal_fields", "literal", "figurative", "distancing", "window", "evaluative_genres", "figurative_fields",
        "sense_terms", "naming", "reputation", "holder_endings",
    )

    def __init__(
        self,
        literal_fields: dict[str, list[str]],
        literal: dict[str, Cues],
        figurative: dict[str, Cues],
        distancing: tuple[str, ...],
        window: int,
        evaluative_genres: frozenset[str],
        figurative_fields: tuple[str, ...] = (),
        sense_terms: frozenset[str] = frozenset(),
        naming: frozenset[str] = frozenset(),
        reputation: frozenset[str] = frozenset(),
        holder_endings: tuple[str, ...] = (),
    ):
        self.literal_fields = literal_fields
        self.literal = literal
        self.figurative = figurative
        self.distancing = distancing
        self.window = window
        self.evaluative_genres = evaluative_genres
        #: Figurative domains that make a term with a literal sense the writer's figure.
        self.figurative_fields = figurative_fields
        #: The terms that need that sense decision.
        self.sense_terms = sense_terms
        #: Verbs that hand on a short quotation as someone's wording.
        self.naming = naming
        #: Forms of "gelten" that, with "als", state a reputation.
        self.reputation = reputation
        #: Endings of nouns for people (lower case): "für den Referenten ein Meilenstein" is his view.
        self.holder_endings = holder_endings

    @classmethod
    def from_options(cls, options: dict) -> "MetaphorContext":
        return cls(
            literal_fields={k: list(v) for k, v in options["literal_fields"].items()},
            literal={k: Cues(v) for k, v in options["literal"].items() if any(c.strip() for c in v)},
            figurative={k: Cues(v, anywhere=True) for k, v in options["figurative"].items() if any(c.strip() for c in v)},
            distancing=tuple(w.lower() for w in options["distancing"] if w.strip()),
            window=max(0, int(options["context"])),
            evaluative_genres=frozenset(g.lower() for g in options["evaluative_genres"]),
            figurative_fields=tuple(options.get("figurative_fields", ())),
            sense_terms=frozenset(options.get("sense_terms") or options["literal_fields"]),
            naming=frozenset(w.lower() for w in options.get("naming", ()) if w.strip()),
            reputation=frozenset(w.lower() for w in options.get("reputation", ()) if w.strip()),
            holder_endings=tuple(w.lower() for w in options.get("holder_endings", ()) if w.strip()),
        )

    # ----- dropped --------------------------------------------------------
    def dropped(self, doc, cand: Candidate) -> bool:
        """Not the writer's hype at all: a name, negated, literal, or lacking its figurative cue."""
        analysis = doc.analysis
        return (
            self.lacks_figurative_cue(doc, cand)
            or self.literal_sense(doc, cand)
            or analysis.negated(cand.start, cand.end, own=" ".join(cand.entry.variants or (cand.term,)))
            or analysis.name_at(cand.start, cand.end) is not None
        )

    def literal_sense(self, doc, cand: Candidate) -> bool:
        fields = self.literal_fields.get(cand.term)
        if fields and doc.analysis.fields_near(cand.start, cand.end, self.window, only=fields):
            return True
        cues = self.literal.get(cand.term)
        return cues is not None and cues.found(self._around(doc, cand, self.window))

    def lacks_figurative_cue(self, doc, cand: Candidate) -> bool:
        cues = self.figurative.get(cand.term)
        return cues is not None and not cues.found(self._around(doc, cand, 0))

    @staticmethod
    def _around(doc, cand: Candidate, n: int) -> str:
        """The sentence of the candidate and ``n`` either side, without the candidate's word."""
        analysis = doc.analysis
        here = analysis.sentence_at(cand.start)
        prose = doc.prose
        if here is None:
            return ""
        sentences = analysis.sentences
        lo = sentences[max(0, here.index - n)].start
        hi = sentences[min(len(sentences) - 1, here.index + n)].end
        word_start = cand.start
        while word_start > lo and (prose[word_start - 1].isalnum() or prose[word_start - 1] == "-"):
            word_start -= 1
        return prose[lo:word_start] + " " + prose[cand.end : hi]

    # ----- lowered --------------------------------------------------------
    def doubtful_sense(self, doc, cand: Candidate) -> bool:
        """A term with a possible literal sense whose figurative sense is not shown:
        no figurative domain near it, or a literal field in its paragraph or the headline."""
        if not self.figurative_fields or cand.term not in self.sense_terms or cand.term in self.figurative:
            return False  # a term with ``figurative`` cues has shown its figure already (or was dropped)
        # Doubtful = a literal field in the paragraph or headline, or no figurative domain near
        # it. The figurative domains are asked first: they read one sentence and the word, the
        # literal fields a whole paragraph and the headline, needed only where a domain is near.
        analysis = doc.analysis
        if analysis.fields_near(cand.start, cand.end, 0, only=self.figurative_fields) or analysis.fields_in_span(
            cand.start, cand.end, only=self.figurative_fields
        ):
            literal = self.literal_fields.get(cand.term)
            return bool(literal and analysis.fields_in_blocks(cand.start, literal))
        return True

    def distanced(self, prose: str, cand: Candidate) -> bool:
        """The writer keeps a distance: "das angebliche Wundermittel", "die sogenannte Revolution"."""
        if not self.distancing:
            return False
        low = prose[max(0, cand.start - DISTANCING_REACH) : cand.start].lower()
        if not any(map(low.__contains__, self.distancing)):
            return False  # no word can start with a distancing word that is not in the text: no split needed
        before = _TOKEN.findall(low)[-DISTANCING_WORDS:]
        return any(tok.startswith(self.distancing) for tok in before)

    def handed_on(self, doc, cand: Candidate) -> bool:
        """Someone else's evaluation that the writer hands on: a quoted phrase of
        ``QUOTED_WORDS`` or more words, a quotation right after a verb of naming or
        advertising ("wirbt mit „Preisen“", "spricht von einem „Meilenstein“"), or a
        reputation ("gilt mittlerweile als Meilenstein"). A one-word scare quote with
        no such verb („Erdbeben“) stays the writer's."""
        prose = doc.prose
        sentence = doc.analysis.sentence_at(cand.start)
        lo = sentence.start if sentence is not None else 0
        quote = doc.in_quote(cand.start, cand.end)
        if quote is not None:
            if len(prose[quote[0] + 1 : quote[1] - 1].split()) >= QUOTED_WORDS:
                return True  # „unschlagbaren Preisen“: a phrase quoted from someone, not a scare quote
            before = _TOKEN.findall(prose[max(lo, quote[0] - DISTANCING_REACH) : quote[0]].lower())
            if not self.naming.isdisjoint(before[-DISTANCING_WORDS:]):
                return True
        if self.reputation:
            low = prose[max(lo, cand.start - DISTANCING_REACH) : cand.start].lower()
            # the words "als" and a form of "gelten" stand in the text only where the strings do (most texts: neither)
            if "als" in low and any(map(low.__contains__, self.reputation)):
                before = _TOKEN.findall(low)
                if "als" in before[-DISTANCING_WORDS:] and not self.reputation.isdisjoint(before):
                    return True
        return self.held(prose, sentence, cand)

    def held(self, prose: str, sentence, cand: Candidate) -> bool:
        """Someone's view, predicated with a copula: "Die Lösung ist für den
        Volksgruppenreferenten ein historischer Meilenstein" (a person's noun after
        "für", ``holder_endings``, or a personal pronoun: "Für ihn ist das ein Schlag
        ins Gesicht"); "ein Meilenstein für Kärnten" is no one's view."""
        if not self.holder_endings or sentence is None:
            return False
        lo = max(sentence.start, cand.start - HOLDER_REACH)
        if prose.find(_HOLDER_NEEDLE, lo, cand.start) == -1:
            return False  # no "für" before it (most sentences): neither holder pattern can match
        m = _HOLDER.search(prose, lo, cand.start)
        if (m is None or not m.group("noun").lower().endswith(self.holder_endings)) and _PRONOUN_HOLDER.search(prose, lo, cand.start) is None:
            return False
        return _COPULA.search(prose, sentence.start, sentence.end) is not None

    def evaluative(self, doc) -> bool:
        return genre_of(doc) in self.evaluative_genres
