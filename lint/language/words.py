"""A document's distinct words and how often each occurs (one pass, no regex match per word).

Read through the analysis (``doc.analysis.word_counts``,
``doc.analysis.capitalised_words``): kinds intersect their vocabularies with
the distinct words instead of scanning the text once per list.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress
from operator import itemgetter

#: A word: letters, digits and hyphens ("KI-Startup", "2025").
WORDISH = re.compile(r"[\w-]+")

#: Every ASCII character, deleted to leave a text's other characters.
_ASCII = bytes(range(128))
#: The ASCII characters that are no part of a word (``WORDISH``), each to a space.
_ASCII_BREAKS = bytes(c for c in _ASCII if not WORDISH.fullmatch(chr(c)))
_ASCII_TO_SPACE = bytes.maketrans(_ASCII_BREAKS, b" " * len(_ASCII_BREAKS))


def wordish(prose: str) -> list[str]:
    """``WORDISH.findall(prose)``, made without a regex match per word (the regex engine
    costs several times more per match than a split does per item): every character
    that is no word character becomes a space, and the text is split at spaces. A word
    character outside ASCII is one ``str.isalnum`` accepts, as for ``\\w``; the few
    distinct other characters a text holds beyond ASCII („, –, no-break space) are
    replaced one by one, the ASCII ones in one translation of the UTF-8 bytes."""
    beyond_ascii = prose.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass")
    for char in set(beyond_ascii):
        if not char.isalnum():
            prose = prose.replace(char, " ")
    return prose.encode("utf-8").translate(_ASCII_TO_SPACE).decode("utf-8").split()


def lower_utf8(text: str, errors: str = "replace") -> bytes:
    """``text.lower().encode("utf-8", errors)``, made cheaper: ``str.lower`` looks each
    character of a text beyond ASCII up in the Unicode tables (several times what the
    encoding costs), where ``bytes.lower`` lowers ASCII in one C loop. The few distinct
    characters beyond ASCII that have a lower case of their own ("Ä", "Ö", "Ü") are then
    replaced in the UTF-8 bytes one by one (a whole character's bytes never occur across
    other characters). A capital sigma, whose lower case depends on its neighbours, or a
    lower case that would change again, takes ``str.lower``."""
    encoded = text.encode("utf-8", errors)
    lowered = encoded.lower()
    if encoded.isascii():
        return lowered
    for char in set(encoded.translate(None, _ASCII).decode("utf-8", errors)):
        low = char.lower()
        if low != char:
            if char == "\u03a3" or low.lower() != low:
                return text.lower().encode("utf-8", errors)
            lowered = lowered.replace(char.encode("utf-8", errors), low.encode("utf-8", errors))
    return lowered


def hyphenated(lines: str) -> list[str]:
    """The words of ``lines`` (one a line, as ``analysis.word_lines``) that hold a hyphen,
    in order: found from the hyphens, a loop over the few hyphenated words instead of a
    test of every word."""
    found = []
    at = lines.find("-")
    while at != -1:
        end = lines.find("\n", at)
        end = len(lines) if end == -1 else end
        found.append(lines[lines.rfind("\n", 0, at) + 1 : end])
        at = lines.find("-", end)
    return found


def count_words(prose: str) -> Counter:
    """How often each word (``WORDISH``) occurs in ``prose``, in order of first occurrence."""
    return Counter(wordish(prose))


def capitalised(words) -> list[str]:
    """The words that start with an upper-case letter, in their given order
    (filtered at C level: no Python loop over the words)."""
    return list(compress(words, map(str.isupper, map(itemgetter(0), words))))
