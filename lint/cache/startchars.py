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
are skipped. Under ignore case every character the engine takes for a first
letter is in the set ("k": k, K and the Kelvin sign). Patterns that can match the
empty string or change other flags inside are left as the compiler made them,
and so are those whose first
characters are nearly every character of a text (``\\w``, ``\\S``): testing the
set at each position would cost more than it skips. Measured over the corpus
(instructions of a cold run): a word list's first letters make its search about
2.8 times faster; the threshold ``MAX_SHARE`` = 0.9 beat 0.5 and 1.0.
"""

from __future__ import annotations

import _sre
from re import _compiler, _parser
from re._casefix import _EXTRA_CASES
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
    RANGE,
    SRE_FLAG_IGNORECASE,
    SRE_FLAG_LOCALE,
    SRE_FLAG_UNICODE,
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


def first_chars(ops, ignore_case: bool = False) -> list | None:
    """The character-set items (``LITERAL``, ``RANGE``, ``CATEGORY``) one of which
    every match of the parsed sequence ``ops`` consumes first, past zero-width
    assertions; None where that is not certain. Under ``ignore_case`` a letter
    stands for every character the engine takes for it (``_case_forms``)."""
    for op, av in ops:
        if op in _ZERO_WIDTH:
            continue
        if op is LITERAL:
            return [(LITERAL, c) for c in _case_forms(av)] if ignore_case else [(LITERAL, av)]
        if op is IN:
            if any(item[0] is NEGATE for item in av):
                return None
            return _in_any_case(av) if ignore_case else list(av)
        if op is SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & ~SRE_FLAG_IGNORECASE:
                return None
            inner = (ignore_case or bool(add_flags)) and not del_flags
            return first_chars(sub.data, inner)
        if op is ATOMIC_GROUP:
            return first_chars(av.data, ignore_case)
        if op in _REPEATS:
            low, _high, item = av
            return first_chars(item.data, ignore_case) if low >= 1 else None
        if op is BRANCH:
            union: list = []
            for alternative in av[1]:
                chars = first_chars(alternative.data, ignore_case)
                if not chars:
                    return None
                union += chars
            return union
        return None
    return None


#: Ranges wider than this are not spelled out character by character under ignore case.
_WIDEST_RANGE = 512
#: Code points from here on have no lower-case mapping (``tests/test_startchars.py``
#: checks it over all of Unicode for the running Python).
CASED_LIMIT = 0x1F000


def _in_any_case(items) -> list | None:
    """The items of a class under ignore case, as single characters (None: too wide, or a category)."""
    out: list = []
    for op, av in items:
        if op is LITERAL:
            out += [(LITERAL, c) for c in _case_forms(av)]
        elif op is RANGE and av[1] - av[0] < _WIDEST_RANGE:
            out += [(LITERAL, c) for code in range(av[0], av[1] + 1) for c in _case_forms(code)]
        else:
            return None
    return out


def _case_forms(code: int) -> list[int]:
    """Every character an ignore-case pattern's ``code`` matches: the engine compares
    lower-case forms (``_sre.unicode_tolower``), and for a few letters also their
    other lower-case forms (``re._casefix``: "i" and dotless "ı", "s" and long "ſ")."""
    if not _sre.unicode_iscased(code):
        return [code]
    lower = _sre.unicode_tolower(code)
    lowers = {lower, *_EXTRA_CASES.get(lower, ())}
    forms = {c for low in lowers for c in (low, *_upper_forms().get(low, ()))}
    return sorted(c for c in forms if _sre.unicode_tolower(c) in lowers)


_UPPER_FORMS: list = []


def _upper_forms() -> dict[int, tuple[int, ...]]:
    """Lower-case form → the other characters that have it (read from the Python's own
    Unicode data on first use: only compiling a new ignore-case pattern needs it)."""
    if not _UPPER_FORMS:
        forms: dict[int, list[int]] = {}
        for c in range(CASED_LIMIT):
            low = _sre.unicode_tolower(c)
            if low != c:
                forms.setdefault(low, []).append(c)
        _UPPER_FORMS.append({low: tuple(others) for low, others in forms.items()})
    return _UPPER_FORMS[0]


def code(parsed, flags: int) -> list:
    """The program of ``parsed`` (``re._parser.parse``), with the set of first
    characters in its info block where the compiler left it out."""
    program = _compiler._code(parsed, flags)
    flags = parsed.state.flags | flags
    bare = program[0] == INFO and program[2] == 0 and program[3] > 0  # no prefix, no set; never empty
    if not bare or not flags & SRE_FLAG_UNICODE or flags & SRE_FLAG_LOCALE:
        return program
    chars = first_chars(parsed.data, bool(flags & SRE_FLAG_IGNORECASE))
    if not chars or share(chars) > MAX_SHARE:
        return program
    charset, hascased = _compiler._optimize_charset(chars)
    if hascased:
        return program
    info = [INFO, 0, SRE_INFO_CHARSET, program[3], program[4]]
    _compiler._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    return info + program[program[1] + 1 :]
