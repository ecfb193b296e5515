"""A document's distinct words and how often each occurs (one pass, no regex match per word).

Read through the analysis (``doc.analysis.word_counts``,
``doc.analysis.capitalised_words``): kinds intersect their vocabularies with
the distinct words instead of scanning the text once per list.
"""

from __future__ import annotations

from collections import Counter
from itertools import compress
from operator import itemgetter

from lint.cache import regexcache

#: A word: letters, digits and hyphens ("KI-Startup", "2025").
WORDISH = regexcache.compile(r"[\w-]+")

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


def count_words(prose: str) -> Counter:
    """How often each word (``WORDISH``) occurs in ``prose``, in order of first occurrence."""
    return Counter(wordish(prose))


def capitalised(words) -> list[str]:
    """The words that start with an upper-case letter, in their given order
    (filtered at C level: no Python loop over the words)."""
    return list(compress(words, map(str.isupper, map(itemgetter(0), words))))
