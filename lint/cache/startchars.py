"""Compiled programs that skip, in a search, the positions no match can start at.

CPython's regex compiler gives a pattern an *info block*: a literal prefix or a
set of first characters that lets a search (``search``, ``finditer``, ``sub``
…) run from one candidate position to the next in a tight C loop, trying the
whole pattern only there. It finds that set only when the pattern starts with
a consuming character. Most of newslint's patterns start with a zero-width
guard instead: a word boundary (``\\b``) or a lookbehind such as
``(?<![\\w-])`` before an alternation of words. For those the compiler emits no
set, and a search tries the full pattern at every character of a text.

``code`` compiles a parsed pattern as the compiler does, then, where the
compiler found neither a prefix nor a set, looks past the leading zero-width
assertions for the characters one of which every match must consume first
(the first characters of a literal, a class, each alternative of a group, a
repeated item that occurs at least once) and puts them in the info block. A
match still has to pass the whole pattern, guards included, from the same
position, so the matches are the same; only positions that cannot start one
are skipped. Patterns that can match the empty string, ignore case or change
flags inside are left as the compiler made them, and so are those whose first
characters are nearly every character of a text (``\\w``, ``\\S``): testing the
set at each position would cost more than it skips. Measured over the corpus
(instructions of a cold run): a word list's first letters make its search about
2.8 times faster; the threshold ``MAX_SHARE`` = 0.9 beat 0.5 and 1.0.
"""

from __future__ import annotations

import _sre
from re import _compiler, _parser
from re._constants import (
    ASSERT,
    ASSERT_NOT,
    AT,
    ATOMIC_GROUP,
    BRANCH,
    IN,
    INFO,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    NEGATE,
    POSSESSIVE_REPEAT,
    SRE_FLAG_IGNORECASE,
    SRE_INFO_CHARSET,
    SUBPATTERN,
)

_ZERO_WIDTH = (AT, ASSERT, ASSERT_NOT)
_REPEATS = (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT)

#: Ordinary German news prose (written for this purpose): what a set is tested against.
SAMPLE = (
    "Die Stadt Graz hat am Montag 12,5 Millionen Euro für den Ausbau der Straßenbahn "
    "bewilligt. „Wir brauchen mehr Platz für Fahrgäste“, sagte Bürgermeisterin Elke Kahr "
    "nach der Sitzung. Die Arbeiten sollen im Frühjahr 2026 beginnen und zwei Jahre dauern; "
    "Anrainer würden rechtzeitig informiert, hieß es aus dem Rathaus."
)
#: A set that holds more of the sample's characters than this is left out (\\w holds 0.96, every letter 0.8).
MAX_SHARE = 0.9


def share(items) -> float:
    """The share of the sample's characters the set ``items`` holds (tested by the
    regex engine itself: a one-character pattern of the set)."""
    one_of = _parser.SubPattern(_parser.State(), [(IN, list(items))])
    program = _sre.compile("", 0, _compiler._code(one_of, 0), 0, {}, (None,))
    return sum(program.match(char) is not None for char in SAMPLE) / len(SAMPLE)


def first_chars(ops) -> list | None:
    """The character-set items (``LITERAL``, ``RANGE``, ``CATEGORY``) one of which
    every match of the parsed sequence ``ops`` consumes first, past zero-width
    assertions; None where that is not certain."""
    for op, av in ops:
        if op in _ZERO_WIDTH:
            continue
        if op is LITERAL:
            return [(LITERAL, av)]
        if op is IN:
            return None if any(item[0] is NEGATE for item in av) else list(av)
        if op is SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            return None if add_flags or del_flags else first_chars(sub.data)
        if op is ATOMIC_GROUP:
            return first_chars(av.data)
        if op in _REPEATS:
            low, _high, item = av
            return first_chars(item.data) if low >= 1 else None
        if op is BRANCH:
            union: list = []
            for alternative in av[1]:
                chars = first_chars(alternative.data)
                if not chars:
                    return None
                union += chars
            return union
        return None
    return None


def code(parsed, flags: int) -> list:
    """The program of ``parsed`` (``re._parser.parse``), with the set of first
    characters in its info block where the compiler left it out."""
    program = _compiler._code(parsed, flags)
    flags = parsed.state.flags | flags
    bare = program[0] == INFO and program[2] == 0 and program[3] > 0  # no prefix, no set; never empty
    if not bare or flags & SRE_FLAG_IGNORECASE:
        return program
    chars = first_chars(parsed.data)
    if not chars or share(chars) > MAX_SHARE:
        return program
    charset, hascased = _compiler._optimize_charset(chars)
    if hascased:
        return program
    info = [INFO, 0, SRE_INFO_CHARSET, program[3], program[4]]
    _compiler._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    return info + program[program[1] + 1 :]
