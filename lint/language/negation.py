"""What is denied: negation scopes within a sentence.

"keine Sensation", "nicht dramatisch", "alles andere als spektakulär": a
word in a negation scope is denied, not claimed. A scope starts at a negator
(``negation.txt``) and runs to the end of its clause (a comma, semicolon,
colon, dash or bracket, a contrasting "sondern"/"aber", or a preposition),
at most ``NEGATION_REACH`` words past the negator; a preposition right
after the negator belongs to the scope ("nicht im Sturzflug"). The
lower-case word right before a negator (the finite verb of its clause:
"kollabierte nicht") is in the scope too. A negator that ends a clause with a
copula denies the whole clause before it ("Dramatisch ist die Lage nicht."), and so
do the idioms of ``negation-idioms.txt`` ("Von einem Einbruch kann keine
Rede sein"). Phrases of ``negation-not.txt`` start with a negator but add or
stress instead ("nicht nur …, sondern auch", "kein Wunder", "wie nie
zuvor"): they open no scope, unless they end their clause ("Dramatisch ist
das nicht mehr").

Pure functions over the prose; the analysis keeps the scopes per sentence
(``doc.analysis.negated(start, end)``).
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import compress, count
from pathlib import Path

from lint.cache import regexcache
from lint.language import lexicon
from lint.language.wordlist import WordList
from lint.language.words import longest_first
from lint.model.record import Record, named_tuple

#: A negator reaches at most this many words past itself.
NEGATION_REACH = 4
#: Prepositions end a scope: a phrase they open completes the denied verb
#: ("nicht über riesige Mittel verfügen" denies "verfügen", not "riesige").
PREPOSITIONS = frozenset(
    "an auf aus bei durch für gegen in mit nach ohne seit über um unter von vor wegen zu zum zur im am beim vom ins".split()
)
#: Words that end a negation scope inside a clause: the contrast follows.
CONTRAST = frozenset({"sondern", "aber", "doch", "jedoch"})
#: Forms of the copula: a clause-final negator denies the fronted predicate only
#: with one of these ("Dramatisch ist die Lage nicht"; not "Die Sirenen verstummten nicht").
COPULAS = frozenset("ist sind war waren wäre wären sei seien scheint scheinen wirkt wirken bleibt bleiben blieb".split())
#: Words that may follow a clause-final negator ("… ist das nicht mehr").
AFTER_FINAL = frozenset({"mehr", "so", "wirklich", "unbedingt"})

_TOKEN = regexcache.compile(r"\w+(?:[-'’]\w+)*")
_CLAUSE_MARK = regexcache.compile(r"[,;:–—()\[\]]")
_WORD_CHAR = regexcache.compile(r"\w")


@named_tuple
class NegationScope:
    """``prose[start:end]`` is denied by the negator ``cue`` at ``cue_start``."""

    start: int
    end: int
    cue: str
    cue_start: int


class NegationLexicon(Record):
    _fields = ("cues", "idioms", "not_negating")

    def __init__(
        self,
        cues: tuple[tuple[str, ...], ...],
        idioms: tuple[tuple[str, ...], ...],
        not_negating: tuple[tuple[str, ...], ...],
    ):
        #: Negators, lower case, as word tuples, longest first: ("alles", "andere", "als"), ("nicht",).
        self.cues = cues
        #: Idioms that deny their whole clause: ("keine", "rede").
        self.idioms = idioms
        #: Phrases that start like a negator but do not deny: ("nicht", "nur").
        self.not_negating = not_negating

    @cached_property
    def openers(self) -> frozenset[str]:
        return frozenset(p[0] for group in (self.cues, self.idioms, self.not_negating) for p in group if p)

    @cached_property
    def by_opener(self) -> dict[str, tuple[tuple[tuple[str, ...], ...], ...]]:
        """Per first word, the phrases of ``not_negating``, ``idioms`` and ``cues`` that
        start with it (each group longest first): a word is compared with its own phrases only."""
        groups = (self.not_negating, self.idioms, self.cues)
        return {w: tuple(tuple(p for p in group if p[0] == w) for group in groups) for w in self.openers}

    @cached_property
    def opener_pattern(self) -> re.Pattern:
        """Any opener as a whole word, any case."""
        words = sorted(self.openers, key=longest_first)
        return regexcache.compile(r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")

    @cached_property
    def scope_pattern(self) -> re.Pattern:
        """Any cue or idiom as whole words, any case, with anything but word characters
        between its words: a quick test per sentence. Only a cue or an idiom opens a
        scope (a phrase of ``not_negating`` only keeps one from opening), so a sentence
        without one has none; a common opener such as "noch" or "alles" alone does not
        make the sentence worth tokenising."""
        phrases = sorted({r"\W+".join(map(re.escape, p)) for p in (*self.cues, *self.idioms) if p}, key=longest_first)
        return regexcache.compile(r"(?i)(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)")


def _phrases(wordlist: WordList) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(t.lower().split()) for t in lexicon.terms(wordlist)}, key=len, reverse=True))


LISTS = ("negation.txt", "negation-idioms.txt", "negation-not.txt")


def _build_lexicon(paths: tuple[Path, ...]) -> NegationLexicon:
    cues, idioms, not_negating = (_phrases(lexicon.read(p)) for p in paths)
    return NegationLexicon(cues, idioms, not_negating)


def load_lexicon(folder: Path | None = None) -> NegationLexicon:
    """The negation vocabulary (rebuilt when one of its lists changes)."""
    return lexicon.prepared_files(lexicon.paths(LISTS, folder), _build_lexicon)


def _openers(lex: NegationLexicon) -> frozenset[str]:
    """The first words of every phrase of the lexicon: other words need no lookup."""
    return lex.openers


def _may_deny(prose: str, start: int, end: int, lex: NegationLexicon) -> bool:
    """Whether ``prose[start:end]`` may hold a scope: it holds a cue or an idiom
    (``scope_pattern``). A pattern's look-behind sees the character before ``start``,
    while the words are taken from ``start`` on: where that character is a word
    character, the test is the one on single openers, which sees the same."""
    if lex.scope_pattern.search(prose, start, end):
        return True
    return start > 0 and _WORD_CHAR.match(prose, start - 1) is not None and lex.opener_pattern.search(prose, start, end) is not None


def _starts_with(words: list[str], k: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    for phrase in phrases:
        if tuple(words[k : k + len(phrase)]) == phrase:
            return phrase
    return None


def _ends_clause(tokens: list[re.Match], last: int, marks: list[int], end: int) -> bool:
    """Whether ``tokens[last]`` is the last word of its clause ("Dramatisch ist das nicht mehr.")."""
    if last + 1 >= len(tokens):
        return True
    nxt = tokens[last + 1].start()
    return any(tokens[last].end() <= m < nxt for m in marks)


def negation_scopes(prose: str, start: int, end: int, lex: NegationLexicon) -> list[NegationScope]:
    """The negation scopes in ``prose[start:end]`` (one sentence)."""
    openers = _openers(lex)
    if not _may_deny(prose, start, end, lex):
        return []  # no negator in the sentence (the common case)
    tokens = list(_TOKEN.finditer(prose, start, end))
    if not tokens:
        return []
    words = list(map(str.lower, map(re.Match.group, tokens)))
    marks = [m.start() for m in _CLAUSE_MARK.finditer(prose, start, end)]

    def clause_start(pos: int) -> int:
        before = [m + 1 for m in marks if m < pos]
        return before[-1] if before else start

    def clause_end(pos: int) -> int:
        after = [m for m in marks if m >= pos]
        return after[0] if after else end

    scopes: list[NegationScope] = []
    k = 0  # the first word not yet read (a phrase read is skipped whole)
    # only an opener can start a phrase: the loop visits those (found at C level), not every word
    for at_opener in compress(count(), map(openers.__contains__, words)):
        if at_opener < k:
            continue
        k = at_opener
        not_negating, idioms, cues = lex.by_opener[words[k]]
        skip = _starts_with(words, k, not_negating)
        if skip and not _ends_clause(tokens, k + len(skip) - 1, marks, end):
            k += len(skip)
            continue
        idiom = _starts_with(words, k, idioms)
        if idiom:
            at = tokens[k].start()
            scopes.append(NegationScope(clause_start(at), clause_end(at), " ".join(idiom), at))
            k += len(idiom)
            continue
        cue = _starts_with(words, k, cues)
        if not cue:
            continue
        cue_start, cue_end = tokens[k].start(), tokens[k + len(cue) - 1].end()
        stop = clause_end(cue_end)
        last = k + len(cue) - 1
        reach = last
        while reach + 1 < len(tokens) and tokens[reach + 1].start() < stop and reach - last < NEGATION_REACH:
            if words[reach + 1] in CONTRAST or (reach > last and words[reach + 1] in PREPOSITIONS):
                break
            reach += 1
        opened = clause_start(cue_start)
        if _ends_its_clause(words, tokens, last, stop) and not COPULAS.isdisjoint(_clause_words(words, tokens, opened, stop)):
            # the negator ends its clause: it denies what stands before it
            scopes.append(NegationScope(opened, cue_end, " ".join(cue), cue_start))
        else:
            scope_start = cue_start
            if k > 0 and tokens[k - 1].group()[:1].islower() and opened <= tokens[k - 1].start():
                scope_start = tokens[k - 1].start()  # the finite verb before it: "kollabierte nicht"
            scopes.append(NegationScope(scope_start, tokens[reach].end(), " ".join(cue), cue_start))
        k += len(cue)
    return scopes


def _ends_its_clause(words: list[str], tokens: list[re.Match], last: int, stop: int) -> bool:
    """Whether every word after ``words[last]`` up to ``stop`` is one that may follow a final
    negator ("nicht mehr"): read only as far as the first other word (most cues are followed
    by one at once), not the whole rest of the sentence."""
    return all(w in AFTER_FINAL for w, m in zip(words[last + 1 :], tokens[last + 1 :]) if m.start() < stop)


def _clause_words(words: list[str], tokens: list[re.Match], opened: int, stop: int) -> set[str]:
    """The words of the clause ``opened:stop``: made only for a negator that ends its clause."""
    return {w for w, m in zip(words, tokens) if opened <= m.start() < stop}


def is_negated(scopes: list[NegationScope], start: int, end: int, own: str = "") -> bool:
    """Whether ``start:end`` lies in a negation scope.

    A negator inside the span denies it only when it is not one of the span's
    own words: ``own`` is the listed phrase ("Sie werden nicht glauben" keeps
    its "nicht"; "brach keineswegs alle Rekorde" is denied). Without ``own`` a
    negator inside the span is taken as its own.
    """
    own_words = None  # split only when a negator stands inside the span (most spans have no scope at all)
    for scope in scopes:
        if not (scope.start <= start and end <= scope.end):
            continue
        if start <= scope.cue_start < end:
            if not own:
                continue
            if own_words is None:
                own_words = set(own.lower().split())
            if own_words & set(scope.cue.split()):
                continue
        return True
    return False
