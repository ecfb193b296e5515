"""German sentence splitting and word tokenising over prose text.

Sentence boundaries are found with one regular expression for candidate
punctuation and a few checks for the cases German news is full of:
abbreviations ("z. B.", "Dr.", "Mrd."), ordinals and dates ("am 27. Januar",
"3. Oktober"), numbers ("1.000", "5,6") and quotations („…“).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator

from lint.cache import regexcache

# A candidate end: terminal punctuation, optional closing quotes/brackets
# (group ``closing``: the sentence ends after them), then whitespace (matched:
# the next sentence starts after it) and the start of the next sentence.
# A run of terminal punctuation is one candidate, matched from its first mark
# only (the lookbehind, placed after that mark so that the regex engine skips
# ahead to the next mark at C speed) and without backtracking (possessive), so
# a run of 20,000 "?" costs linear time.
_AFTER_MARK = r"(?<![.!?…]{2})[.!?…]*+(?P<closing>[\"“”»«’'\)\]]*+)\s++(?=[\"„“»«'‚(\[]?\w)"
_SPACE = regexcache.compile(r"\s*")
_NEXT_WORD = regexcache.compile(r"\s+[\"„“»«'‚(\[]?([\w\-]+)")

ABBREVIATIONS = frozenset(
    """
    abg abk abt adr akad allg amtl anh anl anm aufl ausg bde bearb bes betr bez bzgl bzw ca chr co corp dgl dipl dir
    dr dt dtzd ebd ehem eig einschl engl entspr erg etc ev evtl exkl fa fam ff frl frz geb gebr gegr gem ges gest ggf
    hbf hl hr hrn hrsg inc inkl insb jh jhd jr kfm kgl lfd lt ltd mio mrd mr mrs ms nachf orig pfd prof prov rd resp
    sog spp sr st std str stv tel teilw tsd usw vgl vs wg zb zt zzgl zus jan febr sept okt nov dez
    """.split()
)

#: Letters (``str.isalpha`` holds for each) that a word in German news is written in.
_LETTER = "[A-Za-zÀ-ÖØ-öø-ÿ]"
#: The common boundaries, told by the regex engine where ``_is_boundary`` would take a Python
#: call of a dozen steps (or, for a short word, thirty) to say it; group ``plain`` (empty) is
#: set for them, and only for them (a lookbehind may look before the search's start, as
#: ``_is_boundary`` looks back across the whole text: both read the same letters; a test
#: checks that ``_is_boundary`` says "a boundary" wherever the group is set). The most common: a full stop (no second one after it) right
#: after a space and 5 to 23 letters ("… im vergangenen Jahr. Die …"). Then the last space
#: within ``_is_boundary``'s reach of 24 characters stands before a word of letters only,
#: longer than 4: its first test says "a boundary".
_LONG_WORD_END = (
    rf"(?<={_LETTER}{{5}}\.)(?:" + "|".join(rf"(?<= {_LETTER}{{{n}}}\.)" for n in range(5, 24)) + r")(?!\.)"
)
#: The next common one: a full stop right after a space and 2 to 4 letters that are no
#: abbreviation ("… sagte er. Die …", "… in Wien. Zuvor …"; in any case, as ``_is_boundary``
#: lowers the word), whitespace and a capital after it (an opening quote between). There
#: ``_is_boundary`` finds a word that is no abbreviation and a next word that starts with
#: no lower-case letter and no digit: its last test says "a boundary".
_SHORT_WORD_END = (
    "(?:" + "|".join(rf"(?<= {_LETTER}{{{n}}}\.)" for n in range(2, 5)) + ")"
    + "".join(
        rf"(?<! (?i:{'|'.join(sorted(w for w in ABBREVIATIONS if len(w) == n))})\.)" for n in range(2, 5)
    )
    + r"(?=\s+[\"„“»«'‚(\[]?[A-ZÄÖÜ])"
)
_PLAIN_WORD_END = rf"(?:(?:{_LONG_WORD_END}|{_SHORT_WORD_END})(?P<plain>))?+"
_CANDIDATE = regexcache.compile(r"[.!?…]" + _PLAIN_WORD_END + _AFTER_MARK)
#: ``_CANDIDATE`` in a text whose only terminal mark is the full stop (most texts): a
#: pattern that opens with one literal character is searched for several times faster
#: than one that opens with a set of them.
_FULL_STOP_CANDIDATE = regexcache.compile(r"\." + _PLAIN_WORD_END + _AFTER_MARK)
#: The terminal marks beyond the full stop.
_OTHER_MARKS = "!?…"
#: The group ``closing`` by number, the same in both patterns (``_AFTER_MARK``'s): a
#: match's ``end(name)`` looks the name up on every call.
_CLOSING = _CANDIDATE.groupindex["closing"]
#: The group ``plain`` by number (``_PLAIN_WORD_END``), the same in both patterns.
_PLAIN = _CANDIDATE.groupindex["plain"]

# Abbreviations that end no sentence only when a number follows: "Art. 5", "Nr. 12", "S. 3".
NUMBER_ABBREVIATIONS = frozenset("abb abs art bd kap nr nrn s tab ziff".split())

MONTHS = frozenset(
    "januar jänner februar feber märz april mai juni juli august september oktober november dezember".split()
)

# Words that stand before an ordinal: "am 27. Januar", "zum 3. Mal", "der 2. Liga".
_ORDINAL_CONTEXT = frozenset(
    "am an im vom zum zur bis ab seit den dem der des die das ihr ihre ihrem ihren sein seine seinem seinen jeden "
    "jedes jeder beim nach vor für um".split()
)

# Function words that open a German sentence and are nobody's surname (articles,
# pronouns, prepositions, conjunctions, sentence adverbs): after a capital letter
# and a full stop they start a sentence ("die Modelle Ridgeway und Terra X. Laut
# Dokumenten …"), where a name would follow an initial ("John F. Kennedy").
SENTENCE_OPENERS = frozenset(
    """
    der die das den dem des ein eine einen einem einer eines er sie es wir ich ihr man dies diese dieser dieses
    laut in im am an auf aus bei beim mit nach seit von vom vor zu zum zur für um über unter gegen durch ohne
    und aber doch auch dann damit dabei dort hier so wie wenn als nun noch zudem außerdem bereits denn
    """.split()
)

WORD = regexcache.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)

def mark_positions(text: str, marks: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where each of ``marks`` (characters) stands in ``text[start:end]``, in order: found
    with ``str.find``, far cheaper than a regex's own search for a pattern that opens with
    a set of characters (it tests every character of the text against the set)."""
    end = len(text) if end is None else end
    found = []
    for mark in marks:
        at = text.find(mark, start, end)
        while at != -1:
            found.append(at)
            at = text.find(mark, at + 1, end)
    found.sort()
    return found


def matches_at(pattern: re.Pattern, text: str, starts: list[int], endpos: int) -> Iterator[re.Match]:
    """``pattern.finditer(text, pos, endpos)`` for a pattern that can match only at
    ``starts`` (sorted, none before ``pos``; from ``mark_positions``): tried there in
    order, each from the previous match's end on."""
    after = 0
    for start in starts:
        if start >= after and (match := pattern.match(text, start, endpos)) is not None:
            after = match.end()
            yield match


#: How far back (characters) the word before an ordinal is looked for ("zum 3. Mal").
ORDINAL_LOOKBACK = 12
#: ``bisect`` key above every offset: finds the last span starting at or before an offset.
BEYOND = 1 << 62


def _word_start(text: str, end: int) -> int:
    """Where the run of letters, digits, dots and hyphens ending at ``end`` starts."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-"):
        start -= 1
    return start


def _is_boundary(text: str, match: re.Match) -> bool:
    """Whether a ``_CANDIDATE`` match ends a sentence (its group ``closing``
    ends where the sentence would)."""
    end = match.start()
    mark = text[end]
    # (the match holds whitespace after the mark: ``end + 1`` is in the text)
    if mark == "…" or (mark == "." and text[end + 1] == "."):
        # An ellipsis ends a sentence unless the text goes on in lower case ("versetzte … mit KI-Modellen").
        nxt = _NEXT_WORD.match(text, match.end(_CLOSING))
        return not (nxt and nxt.group(1)[:1].islower())
    if mark != ".":
        return True  # ! ? end a sentence when followed by a capital or a quote
    # (a conditional, not max(): a call of max() costs more than the search)
    space = text.rfind(" ", end - 24 if end > 24 else 0, end)
    # the word after the last space within reach, sliced once for both tests below
    word = text[space + 1 : end] if space != -1 else ""
    if len(word) > 4 and word.isalpha():
        return True  # the common case: an ordinary word (letters only) ends the sentence
    if not word.isalnum():  # not a plain word or number after a space ("ist.", "2015."): "z.B.", "U.S."
        start = _word_start(text, end)
        if start == end:
            return True
        word = text[start:end]
    else:
        start = space + 1
    last = word.rpartition(".")[2].lower()
    if len(last) > 4 and last.isalpha() and "." not in word:
        return True  # the common case: an ordinary word ends the sentence
    nxt = _NEXT_WORD.match(text, match.end(_CLOSING))
    next_word = nxt.group(1) if nxt else ""
    if next_word[:1].islower():
        return False  # "z. B. bei", "ca. zehn": no sentence starts lowercase
    if last in ABBREVIATIONS or word.lower().replace(".", "") in ABBREVIATIONS:
        return False
    if len(last) == 1 and last.isalpha():
        # Initials and short abbreviations: "John F. Kennedy", "u. a.", "z. B."; but a
        # capital before a sentence's function word ends a name: "Terra X. Laut …".
        return word.isupper() and word == last.upper() and next_word.lower() in SENTENCE_OPENERS and next_word[:1].isupper()
    if last in NUMBER_ABBREVIATIONS and next_word[:1].isdigit():
        return False
    if last.isdigit():
        if next_word.lower() in MONTHS:
            return False  # "am 27. Januar", "3. Oktober 2025"
        if len(last) <= 2:
            prev = text[max(0, start - ORDINAL_LOOKBACK) : start].split()
            if prev and prev[-1].lower() in _ORDINAL_CONTEXT:
                return False  # "zum 3. Mal", "am 5. Spieltag"
    return True


def _candidates(text: str, start: int, end: int):
    """The ``_CANDIDATE`` matches in ``text[start:end]``, in order. A match starts at the
    first mark of a run of marks and never reaches the next run, so the runs that open
    with a full stop (``_FULL_STOP_CANDIDATE``) and those that open with one of the few
    other marks (``_CANDIDATE`` tried at each, ``matches_at``) are found apart."""
    full_stops = _FULL_STOP_CANDIDATE.finditer(text, start, end)
    others = mark_positions(text, _OTHER_MARKS, start, end)
    if not others:
        return full_stops
    found = [*full_stops, *matches_at(_CANDIDATE, text, others, end)]
    found.sort(key=re.Match.start)
    return found


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) of ``text[start:end]``, whitespace trimmed.

    A cut lies after closing punctuation that whitespace follows (a
    ``_CANDIDATE`` match: the sentence ends with its group ``closing``, the
    next starts after the match's whitespace), so only the block's start and
    end need trimming: no sentence is copied to be stripped."""
    spans = []
    pos = _SPACE.match(text, start, end).end()
    for match in _candidates(text, start, end):
        if match[_PLAIN] is not None or _is_boundary(text, match):
            spans.append((pos, match.end(_CLOSING)))
            pos = match.end()
    stop = end
    while stop > pos and text[stop - 1].isspace():
        stop -= 1
    if stop > pos:
        spans.append((pos, stop))
    return spans


def split_region(text: str, start: int, end: int, lo: int, hi: int) -> tuple[list[tuple[int, int]], bool, bool]:
    """The sentences of the block ``text[start:end]`` that lie within ``lo:hi``,
    found by splitting that region only: ``(spans, head, tail)``, where ``head``
    and ``tail`` say the spans reach the block's first and last sentence.

    A boundary depends only on a few characters around it, so the spans
    between the partial ones at the region's edges are the block's own; the
    partial ones are dropped.
    """
    lo, hi = max(start, lo), min(end, hi)
    spans = split_sentences(text, lo, hi)
    if lo > start and spans:
        spans = spans[1:]
    if hi < end and spans:
        spans = spans[:-1]
    return spans, lo == start, hi == end


#: Characters ``sentence_window`` reads either side per sentence asked for.
WINDOW_REACH = 400


def sentence_window(text: str, start: int, end: int, n: int = 0, reach: int = WINDOW_REACH) -> tuple[int, int]:
    """The span from ``n`` sentences before the one holding ``start`` to ``n``
    after the one holding ``end`` (a line break also ends a sentence).

    Local on purpose: only ``reach * (n + 1)`` characters either side are
    split, which is all a context window needs; where that runs out, the
    window ends at the region's edge.
    """
    lo = max(0, start - reach * (n + 1))
    hi = min(len(text), end + reach * (n + 1))
    spans: list[tuple[int, int]] = []
    line = lo
    while line < hi:
        stop = text.find("\n", line, hi)
        stop = hi if stop == -1 else stop
        spans += split_sentences(text, line, stop)
        line = stop + 1
    if not spans:
        return lo, hi
    first_at = max(bisect_right(spans, (start, BEYOND)) - 1, 0)
    last_at = max(bisect_right(spans, (max(start, end - 1), BEYOND)) - 1, 0)
    first = spans[first_at - n][0] if first_at - n >= 0 else lo
    last = spans[last_at + n][1] if last_at + n < len(spans) else hi
    return min(first, start), max(last, end)
