"""Well-known names and their typical misspellings.

``Gazetteer`` reads the pack's name lists (``names`` files: any entry;
``people`` files: "First Last") and indexes the typical misspellings of
their tokens (one letter dropped, two swapped, one doubled: ``typo_keys``),
so that a document's words are checked with one set intersection instead of
an edit distance per word. A kind owns its gazetteer (``GazetteerOptions`` in
``translation_data``); the misspelling index is kept in the data cache, keyed
by the lists' paths, sizes and modification times.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from lint.cache import regexcache
from lint.language.translation_data import data_cached
from lint.language.wordlist import read_lines


def _variant_spelling(word: str, i: int) -> bool:
    """Whether dropping ``word[i]`` gives a transliteration or derived form rather
    than a typo: the last letter ("Slowakei"/"Slowake", "Haider"/"Haide"), the
    c or t of "sch"/"tsch", the h of "ch"/"th", the j of "aj"/"ej", the e of "ie",
    the i of a final "-ien" ("Serbien"/"Serben"), the i of "ij" ("Vassilijev"/"Vassiljev")."""
    ch = word[i]
    if i == len(word) - 1:
        return True
    nxt, prev = word[i + 1: i + 3], word[i - 1] if i else ""
    return (
        (ch == "c" and prev == "s" and nxt[:1] == "h")
        or (ch == "t" and word[i + 1: i + 4] == "sch")
        or (ch == "h" and prev in "ct")
        or (ch == "j" and prev in "aeiou")
        or (ch == "e" and prev == "i")
        or (ch == "i" and word.endswith("ien") and i == len(word) - 3)
        or (ch == "i" and nxt[:1] == "j")
    )


#: A final consonant heard the same voiced or voiceless (German final devoicing):
#: "Stuttgard" for "Stuttgart", "Freiburk" for "Freiburg".
DEVOICED = {"d": "t", "t": "d", "g": "k", "k": "g", "b": "p", "p": "b"}


def typo_keys(word: str) -> set[str]:
    """Misspellings of ``word`` that keep its first letter: one letter dropped,
    two neighbours swapped, one letter doubled (transliteration variants and
    derived forms excluded, see ``_variant_spelling``), the final consonant
    written as its voiced or voiceless twin (``DEVOICED``)."""
    keys = set()
    n = len(word)
    for i in range(1, n):
        if not _variant_spelling(word, i):
            keys.add(word[:i] + word[i + 1:])
        keys.add(word[:i] + word[i] + word[i:])
        if i < n - 1 and word[i] != word[i + 1]:
            keys.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    if word[-1:] in DEVOICED and word[-2:-1] != word[-1:]:
        keys.add(word[:-1] + DEVOICED[word[-1]])
    keys.discard(word)
    return keys


def is_typo(variant: str, word: str) -> bool:
    """Whether ``variant`` is one of ``typo_keys(word)``, without generating them."""
    if variant == word or variant[:1] != word[:1]:
        return False
    n, m = len(word), len(variant)
    i = 0
    limit = min(n, m)
    while i < limit and word[i] == variant[i]:
        i += 1
    if m == n - 1:  # a letter of word dropped, at i (or later within a run of the same letter)
        return word[i + 1:] == variant[i:] and not _variant_spelling(word, i)
    if m == n + 1:  # a letter doubled
        # The doubled pair never includes the first letter (as in ``typo_keys``).
        return variant[i + 1:] == word[i:] and (variant[i] == variant[i + 1: i + 2] or (i > 1 and variant[i] == variant[i - 1]))
    if m == n and i < n - 1:
        return word[i] == variant[i + 1] and word[i + 1] == variant[i] and word[i + 2:] == variant[i + 2:]
    if m == n and i == n - 1:  # the final consonant devoiced or voiced
        return DEVOICED.get(word[i]) == variant[i] and word[i - 1] != word[i]
    return False


#: A place's fixed suffix: "Frankfurt am Main", "Brandenburg an der Havel".
_SUFFIXED = regexcache.compile(r"^(\S+) (am|an der|an|im|in der|in|ob der|bei) (\S+)$")


def _read(names: tuple[Path, ...], people: tuple[Path, ...], known: tuple[Path, ...]) -> dict:
    """The gazetteer's tables as plain data (kept in the data cache)."""
    all_names: set[str] = set()
    tokens: set[str] = set()
    known_tokens: set[str] = set()
    standalone: set[str] = set()
    indexed: set[str] = set()
    first_names: dict[str, set[str]] = {}
    full: dict[tuple[str, str], str] = {}
    suffixes: dict[str, list[tuple[str, str]]] = {}
    roles = [(path, "names") for path in names] + [(path, "people") for path in people] + [(path, "known") for path in known]
    for path, role in roles:
        is_people, is_known = role == "people", role == "known"
        for entry in read_lines(path):
            all_names.add(entry)
            parts = entry.replace("-", " ").split()
            bucket = known_tokens if is_known else tokens
            bucket.update(parts)
            bucket.add(entry)
            # Words that name something on their own: a person's names, the
            # first word of a place or organisation ("Ho", not the "Re" of "Munich Re").
            # Of the long generated list, only names of one word.
            standalone.update(parts if is_people else parts[:1] if not is_known or len(parts) == 1 else ())
            if is_people:  # first names vary legitimately (Marcel, Marcell)
                indexed.update(parts[-1:])
            elif not is_known:  # known names are real, not misspelling targets
                indexed.update(parts)
            m = _SUFFIXED.match(entry)
            if m:
                suffixes.setdefault(m.group(1), []).append((m.group(2), m.group(3)))
            if is_people:
                words = entry.split()
                if len(words) >= 2 and words[0][:1].isupper() and not words[-1].endswith("."):
                    first_names.setdefault(words[-1], set()).add(words[0])
                    full[(words[0], words[-1])] = entry
    return {
        "names": all_names, "tokens": tokens, "known_tokens": known_tokens - tokens, "standalone": standalone, "indexed": indexed,
        "first_names": first_names, "people": full, "suffixes": suffixes,
    }


class WordTable:
    """A large set of words asked about a few at a time: kept as one string per
    two-letter start, its words each between line breaks ("\\nBerg\\nBerlin\\n"), and
    a word is looked for in its bucket with one substring search. Loading it creates
    a few hundred strings instead of tens of thousands, and a look no set: a document
    asks about a few words, and turning their buckets into sets (forty words each on
    average, two thousand in the largest) cost far more than searching them."""

    def __init__(self, buckets: dict[str, str]):
        self._buckets = buckets

    @staticmethod
    def buckets(words) -> dict[str, str]:
        """``words`` as the plain data a ``WordTable`` is made of (kept in the data cache)."""
        grouped: dict[str, list[str]] = {}
        for word in sorted(words):
            grouped.setdefault(word[:2], []).append(word)
        return {start: "\n" + "\n".join(group) + "\n" for start, group in grouped.items()}

    def __contains__(self, word: str) -> bool:
        bucket = self._buckets.get(word[:2])
        # a word with a line break is no word of the table (it could span two)
        return bucket is not None and "\n" not in word and f"\n{word}\n" in bucket


class Gazetteer:
    """Names from ``names`` files (any entry, misspellings indexed), ``people``
    files ("First Last") and ``known`` files (real names, never "corrected",
    not indexed: the large generated place list).

    Each table is read on first use and kept in the data cache on its own, so
    a kind loads only the tables it asks for (the short ``standalone`` words
    for dangling tokens, ``names`` for English fragments)."""

    def __init__(self, names: tuple[Path, ...], people: tuple[Path, ...], known: tuple[Path, ...] = ()):
        self._files = (names, people, known)
        self._sources = names + people + known
        self._built: dict | None = None
        self._variants: dict[int, dict[str, str]] = {}

    def _table(self, name: str, derived: str = "", derive=None):
        """The table ``name`` of ``_read``; with ``derive``, ``derive(table)``, kept
        in the data cache under the name ``derived``."""
        def build():
            if self._built is None:
                self._built = _read(*self._files)
            table = self._built[name]
            return derive(table) if derive else table

        return data_cached(f"gazetteer-{derived or name}", self._sources, repr(self._files), build)

    def derived(self, name: str, code: tuple[Path, ...], extra: str, build):
        """``build()``: a table another module (``code``: its files) derives from this
        gazetteer's, kept in the data cache as long as both are unchanged."""
        return data_cached(f"gazetteer-{name}", (*code, *self._sources), repr(self._files) + extra, build)

    @cached_property
    def names(self) -> set[str]:
        """Every entry of every list."""
        return self._table("names")

    @cached_property
    def tokens(self) -> set[str]:
        """The words and entries of the hand-written lists."""
        return self._table("tokens")

    @cached_property
    def known_tokens(self) -> WordTable:
        """The words and entries of the ``known`` lists only (real names, but
        neither misspelling targets nor first names): tens of thousands, asked
        about a few candidates per document."""
        return WordTable(self._table("known_tokens", "known-buckets", WordTable.buckets))

    def standalone_shorter_than(self, length: int) -> frozenset[str]:
        """Words that name something on their own (see ``_read``) of fewer than
        ``length`` letters (the few of the long lists a short-word check needs)."""
        return self._table("standalone", f"standalone-below-{length}", lambda words: frozenset(w for w in words if len(w) < length))

    @cached_property
    def indexed(self) -> set[str]:
        """Tokens whose misspellings are looked for."""
        return self._table("indexed")

    @cached_property
    def first_names(self) -> dict[str, set[str]]:
        """Surname -> first names."""
        return self._table("first_names")

    @cached_property
    def people(self) -> dict[tuple[str, str], str]:
        """(first name, surname) -> full name."""
        return self._table("people")

    @cached_property
    def suffixes(self) -> dict[str, list[tuple[str, str]]]:
        """Place -> its fixed suffixes as (connector, word): "Frankfurt" -> [("am", "Main")]."""
        return self._table("suffixes")

    def variants(self, min_length: int = 6) -> dict[str, str]:
        """Misspelling -> name, for indexed tokens of at least ``min_length``
        letters (``typo_keys``); a document's words are checked against it with
        one set intersection. Built on first use (about 20 ms)."""
        cached = self._variants.get(min_length)
        if cached is not None:
            return cached
        # on disk between runs: built, this index costs more than linting 100 articles
        variants = data_cached("variants", self._sources, str(min_length), lambda: self._build_variants(min_length))
        self._variants[min_length] = variants
        return variants

    def _build_variants(self, min_length: int) -> dict[str, str]:
        variants: dict[str, str] = {}
        ambiguous: set[str] = set()
        for token in sorted(self.indexed):
            if len(token) < min_length or not token.isalpha() or not token[:1].isupper():
                continue
            for key in typo_keys(token):
                if variants.setdefault(key, token) != token:
                    ambiguous.add(key)
        known = self.known_tokens
        for key in ambiguous | self.tokens | {key for key in variants if key in known}:
            variants.pop(key, None)
        return variants
