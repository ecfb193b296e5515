"""A document's distinct words and how often each occurs (one regex pass).

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


def count_words(prose: str) -> Counter:
    """How often each word (``WORDISH``) occurs in ``prose``."""
    return Counter(WORDISH.findall(prose))


def capitalised(words) -> list[str]:
    """The words that start with an upper-case letter, in their given order
    (filtered at C level: no Python loop over the words)."""
    return list(compress(words, map(str.isupper, map(itemgetter(0), words))))
