"""Who speaks: spans of direct and reported speech, each with its speaker.

A word inside someone's speech is that person's wording, not the writer's:
"Die Ministerin bezeichnete die Einigung als historisch" reports a verdict.
This module finds such spans; every pack asks the analysis
(``doc.analysis.speech_at(start, end)``) instead of looking for itself.

Kinds of span (``SpeechSpan.kind``):

- ``direct``: a quotation („…“, »…«, "…") whose speaker is named nearby: a
  speech verb in the quotation's sentence ("…“, sagte Müller"), "…“, so
  Müller", a lead-in ending in a colon ("Müller sagte: „…“"), or a speech
  verb in the next sentence ("„…“ Das sagte Müller."). One or two words in
  quotation marks with none of these are scare quotes, no speech.
- ``interview``: an answer in an interview ("Müller: Das war ein Erdbeben."),
  up to the end of its paragraph. A document is an interview when a turn
  label recurs or an interviewer's label ("FRAGE:") opens a turn; the
  interviewer's turns are questions, no speech.
- ``colon``: the statement after a colon whose lead-in has a speech verb
  ("Der Minister sagte dazu: Das ist ein Durchbruch.").
- ``reported``: the clause of a speech verb in any tense or mood ("sagte",
  "hat … bezeichnet", "lobte … als", "warf … vor") and the rest of its
  sentence ("Müller sagte, die Lage sei …"), or, when the verb opens its
  clause, the sentence up to it ("Das ist dramatisch, sagte Müller"); or one
  clause in the subjunctive of indirect speech ("…, die Lage sei dramatisch");
  or a sentence closed by "so" and a speaker without quotation marks ("Das
  ist ein Durchbruch, so Müller.").
- ``according``: a clause attributed with "laut", "zufolge", "nach
  Ansicht/Einschätzung/Angaben von", "aus Sicht" and the like.

The speaker is the noun phrase next to the speech verb or the attributing
phrase ("Die Ministerin", "Müller", "der Autorinnen"); for a subjunctive
clause, the speaker of the nearest speech verb before it in the paragraph;
"" where none is found.

The vocabulary (speech verbs, subjunctive forms, attributing phrases,
interviewer labels, capitalised function words) comes from word lists
(``lint.language.lexicon``). Work is done per sentence, on demand, and kept in
the ``SpeechIndex`` of one document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from itertools import repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Sequence

from lint.cache import regexcache
from lint.language import lexicon
from lint.language.morphology import entry_forms
from lint.language.wordlist import WordList
from lint.model.record import Record, named_tuple
from lint.model.rows import rows

DIRECT, INTERVIEW, COLON, REPORTED, ACCORDING = "direct", "interview", "colon", "reported", "according"
#: Quotations of at most this many words without a speech cue are scare quotes.
SCARE_QUOTE_WORDS = 2
#: A speaker phrase is at most this many words.
SPEAKER_WORDS = 6
#: Shortest lower-case word taken for an adjective inside a speaker phrase.
MIN_ADJECTIVE = 4
#: A subjunctive clause looks this many sentences back for its speaker.
SUBJUNCTIVE_REACH = 2

_TOKEN = regexcache.compile(r"\w+(?:[-'’.]\w+)*\.?")
_WORDS = regexcache.compile(r"\w+")
_TURN = regexcache.compile(r"([A-ZÄÖÜ][\w.\-]*(?: [A-ZÄÖÜ][\w.\-]*){0,2}): (?=[A-ZÄÖÜ„\"»0-9])")
_SO_NAME = regexcache.compile(r"\W{0,3}\s*so\s+((?:der |die )?[A-ZÄÖÜ][\w\-]*(?: [A-ZÄÖÜ][\w\-]*){0,2})")
#: A sentence opened by a speaker's name and a colon ("Trainer Thorsten Fink" … "Fink: Wenn
#: wir unsere Leistung bringen, …"): the name's words, the last one the surname. Speech when
#: the text names the person elsewhere or the statement is in the first person ("Experten:
#: Jetzt droht …" is a headline's claim).
_NAME_COLON = regexcache.compile(r"([A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+)?): (?=\S)")
#: A first-person statement after a name and a colon is that person's ("Fink: Wenn wir …");
#: not "uns" alone, the headline's inclusive us ("Experten: Jetzt droht uns der Winter").
_FIRST_PERSON = regexcache.compile(r"(?<![\w-])(?:[Ii]ch|[Ww]ir|mir|mich|[Uu]nsere?[mnrs]?|[Mm]eine?[mnrs]?)(?![\w-])")
#: A sentence opened by a subordinate clause ("Was der Polizei Arbeit mache, …"): if the
#: main clause's verb, right after a comma, is a subjunctive ("…, sei das Streuen von
#: Gerüchten"), the whole sentence is reported speech, the fronted clause included.
_FRONTED = regexcache.compile(r"(?:Was|Wer|Wen|Wem|Wenn|Dass|Daß|Ob|Weil|Obwohl|Nachdem|Während|Wie|Wo|Wofür|Woran|Womit)\b")
_AFTER_COMMA = regexcache.compile(r",\s+(\w+)")
#: A closing attribution without quotation marks: "Das ist ein Durchbruch, so Müller."
_SO_TAIL = regexcache.compile(
    r",\s+so\s+((?:der |die |das |ein |eine )?[A-ZÄÖÜ][\w\-]*(?: (?:des |der |von |vom )?[A-ZÄÖÜ][\w\-]*){0,3})[\s.!]*$"
)
_CLAUSE_MARKS = regexcache.compile(r"[,;:–—()]")
#: Endings only a declined participle has (never a finite verb or the bare participle).
_DECLINED_ONLY = ("er", "es", "em", "ende", "enden", "ender", "endes", "endem")
ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())


def _declined(word: str) -> bool:
    """A lower-case word that looks like a declined adjective ("oberste", "neuen")."""
    return word[:1].islower() and len(word) >= MIN_ADJECTIVE and word.endswith(("e", "en", "er", "es", "em"))


@named_tuple
class SpeechSpan:
    """Someone's speech: ``prose[start:end]``, of ``kind``, by ``speaker`` ("" if unknown)."""

    start: int
    end: int
    kind: str
    speaker: str = ""


class SpeechLexicon(Record):
    """The vocabulary the speech mechanism needs (see the word lists' headers)."""

    _fields = ("verbs", "particle_verbs", "subjunctive", "according", "interviewer_labels", "not_names")

    def __init__(
        self,
        verbs: frozenset[str],
        particle_verbs: tuple[tuple[str, str], ...],
        subjunctive: frozenset[str],
        according: tuple[tuple[str, ...], ...],
        interviewer_labels: tuple[str, ...] = (),
        not_names: frozenset[str] = frozenset(),
    ):
        #: Single-word forms of the speech verbs, case as written ("sagte", not "Sagen").
        self.verbs = verbs
        #: Separable forms as (finite word, particle): ("warf", "vor").
        self.particle_verbs = particle_verbs
        #: Finite forms of indirect speech ("sei", "habe").
        self.subjunctive = subjunctive
        #: Attributing phrases, lower case, as word tuples: ("laut",), ("nach", "ansicht").
        self.according = according
        #: Upper-case openings of an interviewer's turns ("FRAGE").
        self.interviewer_labels = interviewer_labels
        #: Capitalised words that open sentences but name nobody ("Am", "Nach", "Heute").
        self.not_names = not_names

    @cached_property
    def finite_ranks(self) -> dict[str, dict[str, int]]:
        """Per particle, its finite words and each pair's place in ``particle_verbs``: the
        clause's last word picks the few pairs to try, instead of trying every pair."""
        out: dict[str, dict[str, int]] = {}
        for rank, (finite, particle) in enumerate(self.particle_verbs):
            out.setdefault(particle, {}).setdefault(finite, rank)
        return out

    @cached_property
    def attribution_cues(self) -> tuple[frozenset[str], ...]:
        """Per subjunctive form and attributing phrase, its words as a sentence's words
        (``_WORDS``, lower case) hold them: a clause's token equal to the form or the
        phrase's word is such a word, so a sentence lacking every cue attributes nothing."""
        cues = [*self.subjunctive, *(" ".join(phrase) for phrase in self.according)]
        return tuple(frozenset(_WORDS.findall(cue.lower())) for cue in cues)

    @cached_property
    def triggers(self) -> frozenset[str]:
        """Every word (lower case) that can start a speech span: a quick test per sentence."""
        return frozenset(
            {w.lower() for w in self.verbs | self.subjunctive}
            | {f.lower() for f, _ in self.particle_verbs}
            | {p[0] for p in self.according if p}
        )


def _verbs(wordlist: WordList) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    single: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for entry in wordlist.entries:
        particle = _particle(entry.term) if "v" in entry.tags else ""
        for form in entry_forms(entry):
            if form[:1].isupper() != entry.term[:1].isupper():
                continue  # verbs keep their case: "fragen" is speech, "die Fragen" is not
            if particle and not form.startswith(particle):
                pairs.add((form, particle))  # "teilte … mit": without its particle "teilte" is no speech
                continue
            words = form.split()
            if len(words) == 1:
                if form.endswith(_DECLINED_ONLY):
                    continue  # "die genannten Zahlen", "der berichtende Reporter": adjectives
                single.add(form)
            elif len(words) == 2:
                pairs.add((words[0], words[1]))
    return frozenset(single), tuple(sorted(pairs))


#: Bump when the stored verb forms' layout changes (the key also covers this module's code and ``morphology``'s).
_VERBS_VERSION = 1


def _stored_verbs(wordlist: WordList) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """``_verbs``, kept in the data cache: making every form of every speech verb
    (``entry_forms``) cost about 20 million instructions on each run that asks who
    speaks, reading them back about 5 million. The key
    is the list's entries and the code that makes the forms; a missing, stale or damaged
    entry only means making them afresh."""
    def restore(stored) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
        single, pairs = stored
        return frozenset(single), tuple((finite, particle) for finite, particle in pairs)

    def build():
        single, pairs = _verbs(wordlist)
        return (single, pairs), (sorted(single), pairs)

    return regexcache.kept(_verbs_key(wordlist), restore, build)


def _verbs_key(wordlist: WordList) -> str | None:
    """The list's entries and this module's and ``morphology``'s code; None if a module cannot be read."""
    import marshal

    from lint.cache.store import blake2b
    from lint.language import morphology
    from lint.language.wordlist import entry_rows

    try:
        code = regexcache.source_digest(__file__) + regexcache.source_digest(morphology.__file__)
    except OSError:
        return None
    digest = blake2b(marshal.dumps(entry_rows(wordlist.entries)), digest_size=16)
    digest.update(code.encode())
    return f"speech-verbs-{_VERBS_VERSION}-{digest.hexdigest()}"


def _particle(verb: str) -> str:
    """The separable particle of a verb ("mit" in "mitteilen"), or ""."""
    from lint.language.morphology import _SEPARABLE_PREFIXES

    for prefix in sorted(_SEPARABLE_PREFIXES, key=len, reverse=True):
        if verb.startswith(prefix) and len(verb) > len(prefix) + 4 and not verb.endswith("ieren"):
            return prefix
    return ""


def _phrases(wordlist: WordList) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(t.lower().split()) for t in lexicon.terms(wordlist)}, key=len, reverse=True))


#: The word lists of the speech vocabulary, in the order ``_build_lexicon`` reads them.
LISTS = ("speech-verbs.txt", "subjunctive.txt", "speech-according.txt", "../../_shared/data/interviewer-labels.txt", "not-first-names.txt")


def _build_lexicon(paths: tuple[Path, ...]) -> SpeechLexicon:
    verbs, subjunctive, according, labels, not_names = (lexicon.read(p) for p in paths)
    single, pairs = _stored_verbs(verbs)
    return SpeechLexicon(
        verbs=single,
        particle_verbs=pairs,
        subjunctive=frozenset(lexicon.terms(subjunctive)),
        according=_phrases(according),
        interviewer_labels=tuple(t.upper() for t in lexicon.terms(labels)),
        not_names=frozenset(lexicon.terms(not_names)),
    )


def load_lexicon(folder: Path | None = None) -> SpeechLexicon:
    """The speech vocabulary from the data folder (rebuilt when one of its lists changes)."""
    return lexicon.prepared_files(lexicon.paths(LISTS, folder), _build_lexicon)


@named_tuple
class _Tok:
    start: int
    end: int
    text: str


class SpeechIndex:
    """The speech spans of one document, computed per sentence on first use.

    ``sentences`` are objects with ``start``, ``end`` and ``block`` (the
    document's sentences); ``quotes`` are sorted ``(start, end)`` spans of
    quotations, marks included.
    """

    def __init__(self, prose: str, sentences: Sequence, quotes: Sequence[tuple[int, int]], lexicon: SpeechLexicon):
        self.prose = prose
        self.sentences = sentences
        self.quotes = quotes
        self.lex = lexicon
        # made at C level (no bytecode per sentence or quotation): most documents ask about a few spans
        self._sentence_starts = list(map(attrgetter("start"), sentences))
        self._quote_starts = list(map(itemgetter(0), quotes))
        self._by_sentence: dict[int, tuple[SpeechSpan, ...]] = {}
        self._by_quote: dict[tuple[int, int], SpeechSpan | None] = {}
        self._tokens_of: dict[tuple[int, int], list[_Tok]] = {}

    # ----- queries --------------------------------------------------------
    def at(self, start: int, end: int) -> SpeechSpan | None:
        """The narrowest speech span holding ``start:end``, or None."""
        best: SpeechSpan | None = None
        q = self._quote_at(start, end)
        if q is not None:
            best = self._direct(q)
        i = self._sentence_index(start)
        if i is not None:
            for span in self._sentence_spans(i):
                if span.start <= start and end <= span.end and (best is None or span.end - span.start < best.end - best.start):
                    best = span
        return best

    def all(self) -> list[SpeechSpan]:
        """Every speech span of the document, in order."""
        spans = [s for q in self.quotes if (s := self._direct(q)) is not None]
        for i in range(len(self.sentences)):
            spans.extend(self._sentence_spans(i))
        return sorted(set(spans), key=lambda s: (s.start, s.end, s.kind, s.speaker))  # the speaker too: no set order

    # ----- lookup helpers -------------------------------------------------
    def _sentence_index(self, offset: int) -> int | None:
        i = bisect_right(self._sentence_starts, offset) - 1
        if i < 0 or offset > self.sentences[i].end:
            return None
        return i

    def _quote_at(self, start: int, end: int) -> tuple[int, int] | None:
        i = bisect_right(self._quote_starts, start) - 1
        if i >= 0 and end <= self.quotes[i][1]:
            return self.quotes[i]
        return None

    def _tokens(self, start: int, end: int) -> list[_Tok]:
        """The tokens of ``start:end``, found once per span (a clause is read for its
        verb, its attribution and as an earlier sentence's; callers do not change the list)."""
        tokens = self._tokens_of.get((start, end))
        if tokens is None:
            found = list(_TOKEN.finditer(self.prose, start, end))
            texts = map(str.rstrip, map(re.Match.group, found), repeat("."))
            tokens = self._tokens_of[start, end] = rows(_Tok, zip(map(re.Match.start, found), map(re.Match.end, found), texts))
        return tokens

    def _outside_quotes(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of ``start:end`` that are not inside a quotation."""
        parts = []
        lo = start
        i = max(0, bisect_right(self._quote_starts, start) - 1)
        while i < len(self.quotes) and self.quotes[i][0] < end:
            q_start, q_end = self.quotes[i]
            if q_end > lo:
                if q_start > lo:
                    parts.append((lo, q_start))
                lo = max(lo, q_end)
            i += 1
        if lo < end:
            parts.append((lo, end))
        return parts

    def _clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """Clauses of a sentence part: split at commas, semicolons, colons, dashes, brackets."""
        out = []
        lo = start
        for m in _CLAUSE_MARKS.finditer(self.prose, start, end):
            if m.start() > lo:
                out.append((lo, m.start()))
            lo = m.end()
        if lo < end:
            out.append((lo, end))
        return out

    # ----- the verb and the speaker --------------------------------------
    def _verb_index(self, tokens: list[_Tok]) -> int | None:
        verbs = self.lex.verbs
        for i, tok in enumerate(tokens):
            if tok.text in verbs and not self._attributive(tokens, i):
                return i
        ranks = self.lex.finite_ranks.get(tokens[-1].text) if tokens else None
        if not ranks:
            return None
        best: tuple[int, int] | None = None  # (the pair's place in the lexicon, the token)
        for i in range(len(tokens) - 1):
            rank = ranks.get(tokens[i].text)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, i)
        return best[1] if best else None  # the particle ends the clause: "teilte am Montag mit"

    @staticmethod
    def _attributive(tokens: list[_Tok], i: int) -> bool:
        """A verb form after an article is an adjective ("der berichteten Vorfälle", "Die
        genannten Zahlen"), except a singular one after a clause-opening pronoun ("Das sagte Müller")."""
        if i == 0 or tokens[i - 1].text.lower() not in ARTICLES:
            return False
        return i - 1 > 0 or tokens[i].text.endswith("en")

    def _phrase(self, tokens: list[_Tok]) -> str:
        return " ".join(self.prose[tokens[0].start : tokens[-1].end].split()).rstrip(".") if tokens else ""

    def _name_after(self, tokens: list[_Tok], i: int) -> str:
        """The noun phrase starting at ``tokens[i]`` ("die Analystin Petra Berger")."""
        taken: list[_Tok] = []
        j = i
        if j < len(tokens) and tokens[j].text.lower() in ARTICLES:
            taken.append(tokens[j])
            j += 1
        while j < len(tokens) and len(taken) < SPEAKER_WORDS:
            text = tokens[j].text
            if text[:1].isupper():
                taken.append(tokens[j])
            elif taken and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper() and _declined(text):
                taken.append(tokens[j])  # an adjective before a noun: "die oberste Richterin"
            else:
                break
            j += 1
        if not any(t.text[:1].isupper() and t.text.lower() not in ARTICLES for t in taken):
            return ""
        return self._phrase(taken)

    def _name_before(self, tokens: list[_Tok], i: int) -> str:
        """The noun phrase ending at ``tokens[i - 1]`` ("Müller zufolge")."""
        taken: list[_Tok] = []
        j = i - 1
        while j >= 0 and len(taken) < SPEAKER_WORDS:
            text = tokens[j].text
            if text[:1].isupper() or text.lower() in ARTICLES or (taken and _declined(text)):
                taken.insert(0, tokens[j])
            else:
                break
            j -= 1
        while taken and taken[0].text in self.lex.not_names and taken[0].text.lower() not in ARTICLES:
            taken.pop(0)
        return self._phrase(taken) if any(t.text[:1].isupper() for t in taken) else ""

    def _speaker_at_verb(self, tokens: list[_Tok], v: int) -> str:
        """Verb-second: a noun phrase before the verb is the speaker ("Die Ministerin
        bezeichnete …"); otherwise the phrase after it ("Am Montag sagte Müller")."""
        before = tokens[:v]
        if before:
            first = before[0].text
            if first.lower() in ARTICLES or (first[:1].isupper() and first not in self.lex.not_names):
                speaker = self._name_after(before, 0)
                if speaker:
                    return speaker
        return self._name_after(tokens, v + 1)

    def _verb_clause(self, start: int, end: int) -> tuple[int, int, bool, str] | None:
        """The first clause of ``start:end`` with a speech verb: its bounds, whether
        the verb opens it (", sagte Müller"), and the speaker; None without one."""
        for c_start, c_end in self._clauses(start, end):
            tokens = self._tokens(c_start, c_end)
            v = self._verb_index(tokens)
            if v is not None:
                return c_start, c_end, v == 0, self._speaker_at_verb(tokens, v)
        return None

    def _speaker_in(self, start: int, end: int) -> tuple[bool, str]:
        """Whether ``start:end`` (outside quotations) has a speech verb, and its speaker."""
        found = self._verb_clause(start, end)
        return (True, found[3]) if found else (False, "")

    # ----- direct speech --------------------------------------------------
    def _direct(self, quote: tuple[int, int]) -> SpeechSpan | None:
        if quote not in self._by_quote:
            self._by_quote[quote] = self._find_direct(*quote)
        return self._by_quote[quote]

    def _find_direct(self, q_start: int, q_end: int) -> SpeechSpan | None:
        first = self._sentence_index(q_start)
        last = self._sentence_index(max(q_start, q_end - 1))
        if first is None or last is None:
            return None
        prose = self.prose
        s_first, s_last = self.sentences[first], self.sentences[last]
        so = _SO_NAME.match(prose, q_end)
        if so:
            return SpeechSpan(q_start, q_end, DIRECT, so.group(1))
        lead = prose[s_first.start : q_start].rstrip()
        if lead.endswith(":"):
            colon = s_first.start + len(lead) - 1
            speaker = self._speaker_in(s_first.start, colon)[1]
            clauses = self._clauses(s_first.start, colon)
            if not speaker and clauses:
                speaker = self._name_after(self._tokens(*clauses[-1]), 0)  # "Müller über die Lösung: „…“"
            return SpeechSpan(q_start, q_end, DIRECT, speaker)
        for lo, hi in self._outside_quotes(s_first.start, q_start) + self._outside_quotes(q_end, s_last.end):
            found, speaker = self._speaker_in(lo, hi)
            if found:
                return SpeechSpan(q_start, q_end, DIRECT, speaker)
        if len(_TOKEN.findall(prose, q_start, q_end)) <= SCARE_QUOTE_WORDS:
            return None
        # a whole-sentence quotation: the speaker in the sentence after, or a lead-in before ending in ":"
        if last + 1 < len(self.sentences) and not prose[q_end : s_last.end].strip(" \t.!?,"):
            nxt = self.sentences[last + 1]
            found, speaker = self._speaker_in(*(self._outside_quotes(nxt.start, nxt.end) or [(nxt.start, nxt.start)])[0])
            if found:
                return SpeechSpan(q_start, q_end, DIRECT, speaker)
        if first > 0 and prose[self.sentences[first - 1].start : self.sentences[first - 1].end].rstrip().endswith(":"):
            prev = self.sentences[first - 1]
            return SpeechSpan(q_start, q_end, DIRECT, self._speaker_in(prev.start, prev.end)[1])
        return None

    # ----- per sentence ---------------------------------------------------
    @cached_property
    def _turns(self) -> dict[int, str]:
        """Sentence index -> turn label, for the sentences that open an interview turn."""
        turns: dict[int, str] = {}
        for i, s in enumerate(self.sentences):
            m = _TURN.match(self.prose, s.start, s.end)
            if m and m.group(1).split()[0] not in self.lex.not_names:
                turns[i] = m.group(1)
        return turns

    @cached_property
    def _is_interview(self) -> bool:
        labels = list(self._turns.values())
        if any(label.upper().startswith(self.lex.interviewer_labels) for label in labels):
            return True
        return len(labels) != len(set(labels))

    def _interviewer(self, label: str) -> bool:
        return label.upper().startswith(self.lex.interviewer_labels)

    def _sentence_spans(self, i: int) -> tuple[SpeechSpan, ...]:
        if i not in self._by_sentence:
            self._by_sentence[i] = tuple(self._find_in_sentence(i))
        return self._by_sentence[i]

    def _person(self, label: str, at: int) -> bool:
        """Whether ``label`` (before a colon at ``at``) names a person of the text: its
        last word, the surname, stands elsewhere after another capitalised word
        ("Trainer Thorsten Fink" … "Fink: …"). "Fazit:", "Kommentar:" do not."""
        surname = label.rpartition(" ")[2]
        pattern = regexcache.compile(r"(?<![\w-])[A-ZÄÖÜ][\w-]+ " + re.escape(surname) + r"(?![\w-])")
        return any(not at <= m.start() < at + len(label) for m in pattern.finditer(self.prose))

    def _find_in_sentence(self, i: int) -> list[SpeechSpan]:
        s = self.sentences[i]
        spans: list[SpeechSpan] = []
        turn = self._turn_of(i)
        if turn is not None:
            spans.append(turn)
        if ", so " in self.prose[s.start : s.end]:
            so = _SO_TAIL.search(self.prose, s.start, s.end)
            if so:
                spans.append(SpeechSpan(s.start, so.start(), REPORTED, so.group(1)))
        label = _NAME_COLON.match(self.prose, s.start, s.end)
        if label is not None and (
            self._person(label.group(1), label.start()) or _FIRST_PERSON.search(self.prose, label.end(), s.end) is not None
        ):
            spans.append(SpeechSpan(label.end(), s.end, COLON, label.group(1)))
        if _FRONTED.match(self.prose, s.start) and self._fronted_reported(s.start, s.end):
            spans.append(SpeechSpan(s.start, s.end, REPORTED, self._earlier_speaker(i)))
        words = set(map(str.lower, _WORDS.findall(self.prose, s.start, s.end)))
        if self.lex.triggers.isdisjoint(words):
            return spans
        parts = self._outside_quotes(s.start, s.end)
        # a speech verb: its clause reports, with what follows it ("Müller sagte, die
        # Lage sei …") or, when the verb opens its clause, what precedes it ("…, sagte Müller")
        for lo, hi in parts:
            found = self._verb_clause(lo, hi)
            if found:
                c_start, c_end, verb_first, speaker = found
                if verb_first:
                    spans.append(SpeechSpan(s.start, c_end, REPORTED, speaker))
                else:
                    spans.append(SpeechSpan(c_start, s.end, REPORTED, speaker))
                colon = self.prose.find(": ", lo, hi)
                if colon != -1 and self._speaker_in(lo, colon)[0]:
                    spans.append(SpeechSpan(colon + 2, s.end, COLON, speaker))
                break
        for lo, hi in parts if self._may_attribute(words) else ():
            for c_start, c_end in self._clauses(lo, hi):
                span = self._clause_span(i, c_start, c_end)
                if span is not None:
                    spans.append(span)
        return spans

    def _fronted_reported(self, start: int, end: int) -> bool:
        """Whether a subjunctive stands right after a comma, outside quotations: the
        finite verb of the main clause after a fronted subordinate clause (a
        subordinate clause ends with its verb, it does not start with it)."""
        subjunctive = self.lex.subjunctive
        for lo, hi in self._outside_quotes(start, end):
            if any(m.group(1) in subjunctive for m in _AFTER_COMMA.finditer(self.prose, lo, hi)):
                return True
        return False

    def _turn_of(self, i: int) -> SpeechSpan | None:
        if not self._turns or not self._is_interview:
            return None
        block = self.sentences[i].block
        j = i
        while j >= 0 and self.sentences[j].block == block:
            label = self._turns.get(j)
            if label is not None:
                if self._interviewer(label):
                    return None
                s = self.sentences[i]
                start = s.start + len(label) + 2 if j == i else s.start
                return SpeechSpan(start, s.end, INTERVIEW, label)
            j -= 1
        return None

    def _clause_span(self, i: int, c_start: int, c_end: int) -> SpeechSpan | None:
        tokens = self._tokens(c_start, c_end)
        lowered = [t.text.lower() for t in tokens]
        openers = self._according_openers
        for phrase in self.lex.according if openers.intersection(lowered) else ():
            n = len(phrase)
            for k in range(len(tokens) - n + 1):
                if tuple(lowered[k : k + n]) == phrase:
                    if phrase == ("zufolge",):
                        speaker = self._name_before(tokens, k)
                    else:
                        after = k + n
                        if after < len(tokens) and lowered[after] == "von":
                            after += 1
                        speaker = self._name_after(tokens, after)
                    return SpeechSpan(c_start, c_end, ACCORDING, speaker)
        if any(t.text in self.lex.subjunctive for t in tokens):
            return SpeechSpan(c_start, c_end, REPORTED, self._earlier_speaker(i))
        return None

    def _may_attribute(self, words: set[str]) -> bool:
        """Whether a clause of a sentence with these ``words`` (``_WORDS``, lower case) can
        be one ``_clause_span`` finds: the sentence holds the words of a subjunctive form
        or of an attributing phrase (``SpeechLexicon.attribution_cues``)."""
        return any(words.issuperset(cue) for cue in self.lex.attribution_cues)

    @cached_property
    def _according_openers(self) -> frozenset[str]:
        return frozenset(p[0] for p in self.lex.according if p)

    def _earlier_speaker(self, i: int) -> str:
        """The speaker of the nearest speech verb in this sentence or the few before it (same paragraph)."""
        block = self.sentences[i].block
        for j in range(i, max(-1, i - SUBJUNCTIVE_REACH - 1), -1):
            s = self.sentences[j]
            if s.block != block:
                break
            for lo, hi in self._outside_quotes(s.start, s.end):
                found, speaker = self._speaker_in(lo, hi)
                if found:
                    return speaker
        return ""
