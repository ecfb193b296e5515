"""Clause structure of one German sentence: how deeply clauses are embedded.

A sentence is hard to read when the reader must keep unfinished clauses in
mind: the main clause waits for its verb while a relative clause runs, and
inside that another one opens (centre-embedding), or several subordinate
clauses come before the main verb at all ("Wenn stimmt, was ..., dass ...,
dann ..."). A chain of clauses that each end before the next begins ("..., die
..., die ..., weil ...") is long but not nested; commas in a list are neither.

No parser: the sentence is cut at commas and spaced dashes into segments
(colons and semicolons end a part; brackets are left out), and each segment is
classified by its first word and its last:

- **opener**: starts with a subordinating conjunction, a relative pronoun
  (also after a preposition: ", mit dem") or an infinitive opener ("um", "ohne"
  ... "zu"); at the start of a sentence not when a finite verb follows ("Damit
  wird sie ...": an adverb of the main clause). Verb-final German clauses end in a lower-case word (the verb); an
  opener ending in a capitalised word is *unfinished*: its verb comes later.
  Not clauses: an article before a noun or a number that ends the segment
  (", die Globalisierung,", ", dem 19. März,"), an elliptic phrase of two words (", wie berichtet,",
  ", soweit vorhanden,") or with "auch" (", wenn auch spät,").
- **resumption**: starts with a lower-case word that is no article, pronoun or
  coordinating conjunction (", ist", ", wirklich so gut ist", ", dann widmet
  er"): it finishes the innermost unfinished clause, which proves that the
  clauses between were embedded in it. A reporting clause (", sagte er",
  ", so der Minister") finishes nothing.

``profile`` returns the depth: for every opened clause, one plus the number of
unfinished clauses around it that are later resumed (the main clause counts
when a resumption gives it its verb or the sentence opens with a subordinate
clause), and the number of subordinate clauses opened before the main verb.
"""

from __future__ import annotations

from lint.cache import regexcache
from lint.model.record import named_tuple

_PART = regexcache.compile(r"[;:]\s")
_BRACKETS = regexcache.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_SEGMENT = regexcache.compile(r",(?!\d)|\s[–—-]\s")
_WORD = regexcache.compile(r"[\w][\w'’.-]*")
#: A word (the group) or a break between segments (``_SEGMENT``): one scan of a part finds both.
_TOKEN = regexcache.compile(r"(\w[\w'’.-]*)|,(?!\d)|\s[–—-]\s")
_QUOTES = "„“”\"»«‚‘'"

ARTICLES = frozenset("der die das dem den des ein eine einen einem einer eines".split())
COORDINATORS = frozenset("und oder aber sondern sowie bzw doch denn beziehungsweise sowohl weder noch".split())
PRONOUNS = frozenset("er sie es ich wir ihr man sich".split())
#: Finite forms of the auxiliaries, modals and commonest verbs: in second place of a
#: sentence they make its first word an adverb ("Damit wird sie ..."), since a
#: subordinate clause puts its finite verb last.
FINITE_VERBS = frozenset(
    "ist sind war waren wird werden wurde wurden hat haben hatte hatten kann können konnte konnten muss müssen "
    "musste mussten soll sollen sollte sollten will wollen wollte wollten darf dürfen durfte durften mag möchte "
    "möchten würde würden wäre wären hätte hätten dürfte dürften könnte könnten müsste müssten gibt gab geht ging "
    "kommt kam steht stand bleibt blieb liegt lag".split()
)
# Conjunctions that open a question or an adverbial main clause at the start of a
# sentence ("Was heißt das?", "Da ließ er ..."), not a subordinate clause.
QUESTION_WORDS = frozenset(
    "da was wer wie wo wann warum weshalb weswegen wieso wodurch wofür wogegen womit wonach woran worauf worüber wozu"
    .split()
)


@named_tuple
class Words:
    """The closed word classes the analysis needs (from the rule's word lists)."""

    conjunctions: frozenset[str]  # subordinating conjunctions and w-words ("dass", "weil", "was")
    relatives: frozenset[str]  # relative pronouns ("der", "dessen", "welche")
    infinitive: frozenset[str]  # openers of infinitive clauses with zu ("um", "ohne")
    prepositions: frozenset[str]  # before a relative pronoun (", mit dem")
    reporting: frozenset[str]  # verbs and words of a reporting clause ("sagte", "so", "heißt")


@named_tuple
class Profile:
    depth: int  # deepest embedding: 1 for a plain subordinate clause, 0 for none
    before_main: int  # subordinate clauses opened before the main verb
    clauses: int  # subordinate clauses in all
    reported: bool  # the sentence ends in a reporting clause (", sagte er")

    @property
    def load(self) -> int:
        return max(self.depth, self.before_main)


OPEN, RESUME, COORD, OTHER = range(4)


def _segment_kind(words: list[str], w: Words, first_part: bool) -> tuple[int, bool]:
    """(kind, finished) of one segment given as its words."""
    first = words[0]
    low = first.lower()
    last_lower = words[-1][:1].islower()
    if first_part:
        # A sentence opens with a subordinate clause only through a conjunction ("Wenn ...,
        # dann"), never a relative pronoun ("Der Mann") or a question word ("Was heißt ...?"),
        # and never with a finite verb in second place: then the word is an adverb of a main
        # clause ("Damit wird sie ...", "Seitdem ist ...").
        if (
            low in w.conjunctions and low not in QUESTION_WORDS and len(words) > 1
            and (last_lower or low != "während") and words[1].lower() not in FINITE_VERBS
        ):
            return OPEN, last_lower
        return OTHER, last_lower
    if first[:1].isupper():
        return OTHER, last_lower
    second = words[1] if len(words) > 1 else ""
    if low in w.prepositions and second.lower() in w.relatives and len(words) > 2:
        return OPEN, last_lower
    if low in w.relatives and low not in w.conjunctions:
        if (second[:1].isupper() or second[:1].isdigit()) and not (len(words) >= 3 and last_lower):
            return OTHER, last_lower  # an article: ", die Globalisierung,", ", dem 19. März,"
        return OPEN, last_lower
    if low in w.conjunctions:
        if second.lower() == "auch" or (len(words) == 2 and low not in ("was", "wer")):
            return OTHER, True  # elliptic: ", wenn auch spät,", ", wie berichtet,"
        if low in ("wie", "als") and not last_lower:
            return OTHER, True  # a comparison: ", wie so vieles in diesen Wochen,"
        return OPEN, last_lower
    if low in w.infinitive and any(x == "zu" or "zu" in x[2:-2] for x in words[1:]):
        return OPEN, True
    if low in COORDINATORS:
        return COORD, last_lower
    if first[:1].islower() and low not in ARTICLES and low not in PRONOUNS:
        return RESUME, last_lower
    return OTHER, last_lower


def _parts(text: str) -> list[str]:
    """``text`` without bracketed asides, split after its colons and semicolons (each
    regex runs only on a text holding its marks: most sentences hold none)."""
    if "(" in text or "[" in text:
        text = _BRACKETS.sub(" ", text)
    return _PART.split(text) if ":" in text or ";" in text else [text]


def _words(segment: str) -> list[str]:
    return _WORD.findall(segment.strip().strip(_QUOTES))


def _segments(part: str) -> list[list[str]]:
    """The words of each segment of ``part`` (cut at ``_SEGMENT``), segments without
    words left out. One scan finds words and breaks alike; only a part with an
    apostrophe is cut first, because ``_words`` strips a trailing one from a
    segment's last word as a quotation mark ("Peter'" -> "Peter")."""
    if "'" in part:
        return [s for s in (_words(x) for x in _SEGMENT.split(part)) if s]
    plain = _plain_segments(part)
    if plain is not None:
        return plain
    segments: list[list[str]] = []
    words: list[str] = []
    for word in _TOKEN.findall(part):
        if word:
            words.append(word)
        elif words:
            segments.append(words)
            words = []
    if words:
        segments.append(words)
    return segments


#: Marks after a word that end no word of ``_TOKEN``: a comma (a break) and the marks it skips.
_PLAIN_ENDS = frozenset(",?!:;")
_DASHES = frozenset("–—-")


def _plain_segments(part: str) -> list[list[str]] | None:
    """``_segments`` of a part (without an apostrophe) whose whitespace-separated chunks
    are all plain, or None: then the regex scans the part. ``str.split`` cuts at the
    whitespace ``\\s`` matches, which belongs to no token but a dashed break; one C-level
    split and a test per chunk cost much less than the regex scan of every character.

    A plain chunk is a word as ``_WORD`` takes it whole (``str.isalnum`` is ``\\w``
    without "_"; a full stop or hyphen is part of the word), perhaps followed by one
    mark: a comma then ends the segment (whitespace or the end follows it, never a
    digit); "?", "!", ":" and ";" are no token. A lone dash between two chunks is a
    break (" – "), except right after another one, whose break took the space between
    them (" – – "); a dash first or last is left to the regex, like "5,6" or "„Wir"."""
    segments: list[list[str]] = []
    words: list[str] = []
    chunks = part.split()
    last_chunk = len(chunks) - 1  # a dash between the first and the last has whitespace on both sides
    dash_at = -2  # the last lone dash that was a break
    for i, chunk in enumerate(chunks):
        if chunk.isalnum():
            words.append(chunk)
            continue
        last = chunk[-1]
        word = chunk[:-1] if last in _PLAIN_ENDS else chunk
        # A sentence's last word ("regnet.") is spared the regex.
        if (last == "." and chunk[:-1].isalnum()) or word.isalnum() or _WORD.fullmatch(word):
            words.append(word)
            if last == ",":
                segments.append(words)
                words = []
        elif chunk in _DASHES and 0 < i < last_chunk and dash_at != i - 1:
            if words:
                segments.append(words)
                words = []
            dash_at = i
        else:
            return None
    if words:
        segments.append(words)
    return segments


#: The first word of a part, and of every segment after it: the first word after each
#: comma, colon, semicolon, dash and hyphen not inside a word (every break ``_segments``
#: cuts at, and a few more: a comma before a digit, a dash between words). A segment's
#: first word starts at its first word character, as ``_WORD`` and ``_TOKEN`` take it.
#: The marks come first: the regex engine skips ahead to them.
_PART_HEAD = regexcache.compile(r"\W*(\w[\w'’.-]*)")
_SEGMENT_HEAD = regexcache.compile(r"[,;:–—-](?<![\w.'’]-)\W*(\w[\w'’.-]*)")


class DepthGate:
    """A cheap proof that a sentence's clause load (``Profile.load``) stays below three,
    from the first word of each segment alone: most sentences with two openers nest no
    deeper, and cutting them into segments costs the most of the analysis.

    In one part, a depth of three needs a clause opened inside another opened clause
    that a resumption later finishes, and a third around them: the main clause waiting
    because the part opens with a clause, or one more resumption (of the main clause or
    of a third clause). So two segments that may open a clause and one that may resume
    after the first of them when the part may open with a clause, else two that may
    resume (or three that may open); three clauses before the main verb need three that
    may open and the main clause waiting (the part opens with a clause, or a resumption
    follows one). A segment may open a clause when its first word is a
    conjunction, relative pronoun, infinitive opener or preposition (the first of a
    part: a conjunction but no question word), and may resume one when that word starts
    in lower case and is no relative pronoun, conjunction, coordinator, article or
    pronoun (``_segment_kind``). The heads found (``_SEGMENT_HEAD``) hold every
    segment's first word, maybe with the apostrophes ``_words`` strips from a last word
    ("dass'"): such a word may resume, and opens when it does without them."""

    def __init__(self, w: Words):
        self.first = w.conjunctions - QUESTION_WORDS
        self.opening = w.conjunctions | w.relatives | w.infinitive | w.prepositions
        self.closed = w.conjunctions | w.relatives | COORDINATORS | ARTICLES | PRONOUNS

    def may_reach_three(self, text: str) -> bool:
        """False only when ``profile(text, w).load`` is below three (see the class)."""
        for part in _parts(text):
            first = _PART_HEAD.match(part)
            if first is None:
                continue
            waits = first.group(1).lower() in self.first
            opens = int(waits)
            resumes = 0  # resumptions after a clause that may have opened
            for word in _SEGMENT_HEAD.findall(part, first.end()):
                low = word.lower()
                if opens and word[:1].islower() and low not in self.closed:
                    resumes += 1
                if low in self.opening or (low[-1] == "'" and low.rstrip("'") in self.opening):
                    opens += 1
            if opens >= 3 and (waits or resumes) or opens == 2 and resumes >= (1 if waits else 2):
                return True
        return False


def profile(text: str, w: Words) -> Profile:
    """The clause profile of one sentence (see the module docstring)."""
    return _profile(_parts(text), w)[0]


def cut_profile(text: str, w: Words) -> tuple[Profile, list[list[str]]]:
    """The clause profile of one sentence and the segments of its last part: what
    ``profile`` and ``framed_profile`` read, for a caller that keeps it (the readability
    analysis shares it between the sentence rules, ``Analysis.clause_profile``)."""
    return _profile(_parts(text), w)


def framed_profile(text: str, w: Words, cut: tuple[Profile, list[list[str]]] | None = None) -> tuple[Profile, bool]:
    """``profile(text, w)`` and ``reported(text, w)``, from one cut of the sentence into
    its segments (for a sentence that needs both: the segments cost the most);
    ``cut``: ``cut_profile(text, w)``, if made already."""
    p, tail = _profile(_parts(text), w) if cut is None else cut
    return p, p.reported or _inner_report(tail, w)


def _profile(parts: list[str], w: Words) -> tuple[Profile, list[list[str]]]:
    """The profile of a sentence cut into ``parts`` (``_parts``), and the segments of its
    last part (``_segments``)."""
    depth = before_main = clauses = 0
    reported = False
    tail: list[list[str]] = []
    for p, part in enumerate(parts):
        segments = _segments(part)
        if not segments:
            continue
        if p == len(parts) - 1:
            tail = segments
            if len(segments) > 1 and _reporting_clause(segments[-1], w):
                reported = True
                segments = segments[:-1]
        stack = [0]  # unfinished clauses, 0 the main clause
        resumed: set[int] = set()
        opened: list[tuple[int, tuple[int, ...]]] = []
        main_waits = False
        for i, seg in enumerate(segments):
            kind, finished = _segment_kind(seg, w, first_part=(i == 0))
            if kind == OPEN:
                cid = len(opened) + 1
                if i == 0:
                    main_waits = True
                opened.append((cid, tuple(stack)))
                if not finished:
                    stack.append(cid)
            elif kind == RESUME and opened and stack:
                top = stack.pop()  # the innermost unfinished clause gets its verb
                resumed.add(top)
        main_late = main_waits or 0 in resumed  # the main verb comes after clauses
        before_main = max(before_main, sum(1 for _cid, below in opened if 0 in below and main_late))
        clauses += len(opened)
        for _cid, below in opened:
            around = sum(1 for c in below if c in resumed or (c == 0 and main_waits))
            depth = max(depth, 1 + around)
    return Profile(depth, before_main, clauses, reported or _quote_after_colon(parts, w)), tail


def _reporting_clause(words: list[str], w: Words) -> bool:
    """", sagte er", ", so der Minister am Montag in Wien": a reporting word first, at most 12 words."""
    return words[0].lower() in w.reporting and words[0][:1].islower() and len(words) <= 12


def _inner_report(tail: list[list[str]], w: Words) -> bool:
    """", sagt sie über ..., in der": a reporting word opens a segment of the last part after its first."""
    return any(seg[0] in w.reporting and seg[0] != "so" for seg in tail[1:])


def _quote_after_colon(parts: list[str], w: Words) -> bool:
    """"Dem Magazin sagte die Professorin: Wir ...": a verb of saying before the first colon."""
    return len(parts) > 1 and any(x in w.reporting and x != "so" for x in _words(parts[0]))


def reported(text: str, w: Words) -> bool:
    """Whether ``text`` is framed as speech: it ends in a reporting clause (", sagte er")
    or a verb of saying introduces what follows a colon (``framed_profile`` when the
    profile is needed too)."""
    parts = _parts(text)
    tail = _segments(parts[-1])
    return _inner_report(tail, w) or (len(tail) > 1 and _reporting_clause(tail[-1], w)) or _quote_after_colon(parts, w)
