"""Direct quotations and who is quoted.

A *quotation* is text between German or English quote marks („…“, »…«,
"…", “…”) within one line. Its *speaker* is read from the structure around
it, where German news puts the inquit:

- after it: „…“, sagte Anna Müller. / „…“, so der Sprecher. (a comma, an
  optional verb of saying or "so", then a name or a noun with its article);
- before it, ending in a colon: Müller sagte: „…“ / Am Montag erklärte die
  Ministerin: „…“ / in an interview, the turn label: Müller: „…“;
- a quotation that continues one with a speaker ("…“, sagte Müller, „…“, or
  the next sentence of the same paragraph quoting on) has that speaker.

Pronouns ("sagte er") and impersonal inquits ("heißt es") name nobody: the
speaker is then ``None``. The interview-turn pattern (``TURN``) lives here
too: a turn label names the speaker of the answer that follows it.

The closed grammatical classes below (articles, prepositions and adverbs
that open a clause, conjunctions) are part of the mechanism, not policy.
"""

from __future__ import annotations

import re

from lint.cache import regexcache

from lint.language.segment import mark_positions, matches_at
from lint.model.record import named_tuple

#: A direct quotation within one line, quote marks included.
QUOTE = regexcache.compile(r"„[^„“”\n]{1,2000}?[“”]|»[^»«\n]{1,2000}?«|\"[^\"\n]{1,2000}?\"|“[^“”\n]{1,2000}?”")

#: An interview turn: "Müller: Das war ein Erdbeben." A name (up to three
#: capitalised words) and a colon open a sentence; the answer runs until the
#: next turn. The pattern starts with the capital letter so the regex engine
#: skips to candidates; the lookbehinds then check the position before it.
TURN = regexcache.compile(r"[A-ZÄÖÜ](?:(?<=^.)|(?<=[.!?…]\s.)|(?<=\n.))[\w.\-]*(?: [A-ZÄÖÜ][\w.\-]*){0,2}: (?=[A-ZÄÖÜ„\"»])")

#: How far back an interview turn may stand from the sentence it covers.
TURN_REACH = 3000
#: How far after its start a turn label may end and still open the sentence.
TURN_LABEL_SLACK = 60

ARTICLES = frozenset("der die das den dem des ein eine einer einen einem eines".split())
#: Words that open a clause but name nobody ("Am Montag sagte Müller: …").
CLAUSE_OPENERS = frozenset(
    "am an auf aus bei beim durch für gegen hinter im in mit nach neben ohne seit über um unter vom von vor "
    "während wegen zu zum zur zudem auch dann danach damals später heute gestern morgen dort hier so "
    "doch jetzt nun daher deshalb dabei darauf dazu außerdem zuvor".split()
)
CONJUNCTIONS = frozenset(
    "und oder aber denn doch sondern weil da dass obwohl wenn als ob wie wo während nachdem bevor bis damit "
    "sodass indem falls sobald solange seit seitdem".split()
)
PRONOUNS = frozenset("er sie es man wir ich ihr du jemand niemand dieser diese".split())

# A capitalised word of a name or a noun ("Müller", "GPA-djp-Chef", "O'Neill"), an initial ("F.") or a title ("Dr.").
_CAP = r"(?:Dr\.|Prof\.|[A-ZÄÖÜ]\.|[A-ZÄÖÜ][\w'’-]*)"
# After a quotation: ", sagte Anna Müller", ", so der Sprecher", ", erklärte die frühere Ministerin".
_AFTER = regexcache.compile(
    rf"\s*,?\s+(?P<verb>[a-zäöüß]+)\s+(?:(?P<art>[a-zäöüß]+)\s+)?(?:(?P<adj>[a-zäöüß][\w-]*e[nmrs]?)\s+)?"
    rf"(?P<who>{_CAP}(?:\s+{_CAP}){{0,2}})"
)
# A speaker at the start of a clause: "Müller", "die Ministerin", "der frühere Minister Hans Maier".
_SUBJECT = regexcache.compile(
    rf"(?:(?P<art>(?i:{'|'.join(sorted(ARTICLES))}))\s+)?(?:(?P<adj>[a-zäöüß][\w-]*e[nmrs]?)\s+)?"
    rf"(?P<who>{_CAP}(?:\s+{_CAP}){{0,2}})"
)
_WORD = regexcache.compile(r"[\w'’.-]+")
_CLAUSE_START = regexcache.compile(r"[.!?…;]\s|[“”«\"]\s|\n")
# What may stand between two quotations of one speaker: ", sagte Müller, „" or "“ Und: „".
_CONTINUATION_GAP = 80
_GAP_BREAK = regexcache.compile(r"[!?]|\n|\.\s+[^„“\"»]")


@named_tuple
class Speaker:
    """Who is quoted, as the text names them: ``text`` is the name or noun
    ("Anna Müller", "Sprecher"), ``article`` its article if any ("der")."""

    start: int
    end: int
    text: str
    article: str = ""


@named_tuple
class Quote:
    """A direct quotation (quote marks included) and its speaker, if the text names one."""

    start: int
    end: int
    speaker: Speaker | None = None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def words(self, prose: str) -> int:
        """How many words the quotation holds (one or two are scare quotes, no speech)."""
        return len(_WORD.findall(prose, self.start, self.end))


#: The marks that open a quotation (each of ``QUOTE``'s branches starts with one).
_OPENING_MARKS = "„»\"“"


def quote_spans(prose: str) -> list[tuple[int, int]]:
    """Spans of the direct quotations in ``prose``, quote marks included (``QUOTE``, tried
    at the opening marks only: most texts hold few of them or none)."""
    return [m.span() for m in matches_at(QUOTE, prose, mark_positions(prose, _OPENING_MARKS), len(prose))]


def find_quotes(prose: str, spans: list[tuple[int, int]] | None = None) -> list[Quote]:
    """The quotations of ``prose`` (``spans`` if already found) with their speakers."""
    if spans is None:
        spans = quote_spans(prose)
    out: list[Quote] = []
    for start, end in spans:
        speaker = speaker_after(prose, end) or speaker_before(prose, start)
        if speaker is None and out:
            speaker = continued_speaker(prose, out[-1], start)
        out.append(Quote(start, end, speaker))
    return out


def speaker_after(prose: str, end: int) -> Speaker | None:
    """The speaker named in an inquit right after a quotation: "…“, sagte Müller"."""
    comma = prose.startswith(",", end) or prose[end : end + 3].lstrip().startswith(",") or prose[end - 2 : end - 1] == ","
    if not comma:
        return None
    m = _AFTER.match(prose, end)
    if m is None:
        return None
    verb, article = m.group("verb"), m.group("art") or ""
    if verb in CONJUNCTIONS or verb in PRONOUNS or verb in ARTICLES or article in PRONOUNS:
        return None
    if article not in ARTICLES:
        if m.group("adj"):
            return None
        article = ""  # an adverb: "sagte dann Müller"
    return _speaker(m, article)


def speaker_before(prose: str, start: int) -> Speaker | None:
    """The speaker of a clause ending in a colon right before a quotation:
    "Müller sagte: „…“", "Am Montag erklärte die Ministerin: „…“", "Müller: „…“"."""
    colon = start - 1
    while colon >= 0 and prose[colon] in " \t":
        colon -= 1
    if colon < 0 or prose[colon] != ":":
        return None
    lo = max(0, colon - 200)
    clause_start = lo
    for m in _CLAUSE_START.finditer(prose, lo, colon):
        clause_start = m.end()
    while clause_start < colon and prose[clause_start] in " \t„“\"»(":
        clause_start += 1
    words = list(_WORD.finditer(prose, clause_start, colon))
    if not words:
        return None
    # Verb second: a clause opened by an adverbial ("Am Montag", "Dann") has its
    # subject after the verb; otherwise the subject opens the clause.
    first = words[0].group()
    if first.lower() in CLAUSE_OPENERS:
        verb = next((w for w in words[1:] if w.group()[:1].islower()), None)
        if verb is None:
            return None
        return _noun_phrase(prose, verb.end(), colon)
    return _noun_phrase(prose, clause_start, colon)


def continued_speaker(prose: str, previous: Quote, start: int) -> Speaker | None:
    """The previous quotation's speaker, when this one continues it: only the
    inquit or a sentence break stands between them, in the same paragraph."""
    if previous.speaker is None:
        return None
    gap_start = max(previous.end, previous.speaker.end)
    if start - gap_start > _CONTINUATION_GAP:
        return None
    if _GAP_BREAK.search(prose, gap_start, start):
        return None
    return previous.speaker


def _noun_phrase(prose: str, lo: int, hi: int) -> Speaker | None:
    while lo < hi and prose[lo].isspace():
        lo += 1
    m = _SUBJECT.match(prose, lo, hi)
    if m is None or (m.group("adj") and not m.group("art")):
        return None
    return _speaker(m, (m.group("art") or "").lower())


def _speaker(m: re.Match, article: str) -> Speaker | None:
    start, text = m.start("who"), m.group("who")
    # A run ends where a clause opener starts: "Müller Am Montag" is two phrases.
    parts = text.split()
    for i, part in enumerate(parts):
        if part.lower() in CLAUSE_OPENERS or part.lower() in PRONOUNS:
            text = " ".join(parts[:i])
            break
    if not text:
        return None
    return Speaker(start, start + len(text), text, article)


def interview_turns(prose: str, start: int, end: int) -> list[re.Match]:
    """The interview turns ("Name: ") in ``prose[start:end]``."""
    return list(TURN.finditer(prose, start, end))


def in_interview_answer(
    prose: str, lo: int, offset: int, askers: tuple[str, ...], reach: int = TURN_REACH, slack: int = TURN_LABEL_SLACK
) -> bool:
    """Whether ``offset`` lies in an interview answer: the last turn starting
    at most ``reach`` characters back (not before ``lo``, the paragraph's
    start) and ending at most ``slack`` after ``offset`` opens with a label that
    is no interviewer's (``askers``: upper-case openings such as "FRAGE")."""
    turns = [t for t in TURN.finditer(prose, max(lo, offset - reach), offset + slack) if t.start() <= offset]
    return bool(turns) and not turns[-1].group().upper().startswith(askers)
