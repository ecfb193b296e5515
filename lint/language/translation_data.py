"""Shared, lazily loaded vocabulary of the translation kinds (not a plugin).

- ``read_list``: a pack data file as a tuple of lines (header required, ``#``
  comments and blank lines dropped): ``lint.language.wordlist.read_lines``.
- ``Gazetteer``: well-known names from the pack's gazetteer files, with an
  index of their typical misspellings (one letter dropped, two swapped, one
  doubled) so that a document's words are checked with one set intersection
  instead of an edit distance per word.
- ``word_counts``/``vocabulary``: one pass over a document's prose, shared by
  the kinds (distinct words and their counts).
- ``zipf``: word frequency (Zipf scale) of a word in German or English from the
  wordfreq package. The "small" frequency tables (words down to Zipf 3) are
  read straight from wordfreq's data files, which takes about 30 ms instead of
  the ~0.9 s ``import wordfreq`` costs; if that fails, wordfreq's own API is
  used. Nothing is loaded until a kind asks about a word.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property, lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path

from lint.cache import regexcache
from lint.language.wordlist import read_lines


#: The entries of a data file: one per line, ``#`` comments, a header first
#: (the project's one data-file reader, ``lint.language.wordlist``).
read_list = read_lines


def disk_cached(name: str, sources: tuple[Path, ...], extra: str, build):
    """``build()``, kept in newslint's cache (``lint.cache.store``) keyed by the
    content of the ``sources`` files, ``extra`` and this module's code (marshal:
    plain strings, numbers, lists, dicts, sets). A missing, damaged or foreign
    entry means building afresh; ``NEWSLINT_NO_CACHE=1`` turns the cache off."""
    import hashlib

    digest = hashlib.blake2b(digest_size=32)
    try:
        for path in (Path(__file__), *sources):
            digest.update(path.read_bytes())
            digest.update(b"\0")
    except OSError:
        return build()
    key = f"translation-{name}\n{extra}\n{digest.hexdigest()}"
    value = regexcache.get_data(key)
    if value is None:
        value = build()
        regexcache.put_data(key, value)
    return value


def _variant_spelling(word: str, i: int) -> bool:
    """Whether dropping ``word[i]`` gives a transliteration or derived form rather
    than a typo: the last letter ("Slowakei"/"Slowake", "Haider"/"Haide"), the
    c or t of "sch"/"tsch", the h of "ch"/"th", the j of "aj"/"ej", the e of "ie",
    the i of a final "-ien" ("Serbien"/"Serben")."""
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
    )


def typo_keys(word: str) -> set[str]:
    """Misspellings of ``word`` that keep its first letter: one letter dropped,
    two neighbours swapped, one letter doubled (transliteration variants and
    derived forms excluded, see ``_variant_spelling``)."""
    keys = set()
    n = len(word)
    for i in range(1, n):
        if not _variant_spelling(word, i):
            keys.add(word[:i] + word[i + 1:])
        keys.add(word[:i] + word[i] + word[i:])
        if i < n - 1 and word[i] != word[i + 1]:
            keys.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
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
    return False


class Gazetteer:
    """Names from ``names`` files (any entry) and ``people`` files ("First Last")."""

    def __init__(self, names: tuple[Path, ...], people: tuple[Path, ...]):
        self.names: set[str] = set()
        self.tokens: set[str] = set()
        self.indexed: set[str] = set()  # tokens whose misspellings are looked for
        self.first_names: dict[str, set[str]] = {}  # surname -> first names
        self.people: dict[tuple[str, str], str] = {}  # (first, surname) -> full name
        for path in names + people:
            for entry in read_list(path):
                self.names.add(entry)
                tokens = entry.replace("-", " ").split()
                self.tokens.update(tokens)
                self.tokens.add(entry)
                # First names vary legitimately (Marcel, Marcell); only surnames are indexed.
                self.indexed.update(tokens[-1:] if path in people else tokens)
        for path in people:
            for entry in read_list(path):
                parts = entry.split()
                if len(parts) >= 2 and parts[0][:1].isupper() and not parts[-1].endswith("."):
                    first, last = parts[0], parts[-1]
                    self.first_names.setdefault(last, set()).add(first)
                    self.people[(first, last)] = entry
        self._variants: dict[int, dict[str, str]] = {}
        self._sources = names + people

    def variants(self, min_length: int = 6) -> dict[str, str]:
        """Misspelling -> name, for indexed tokens of at least ``min_length``
        letters (``typo_keys``); a document's words are checked against it with
        one set intersection. Built on first use (about 20 ms)."""
        cached = self._variants.get(min_length)
        if cached is not None:
            return cached
        # on disk between runs: built, this index costs more than linting 100 articles
        variants = disk_cached("variants", self._sources, str(min_length), lambda: self._build_variants(min_length))
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
        for key in ambiguous | self.tokens:
            variants.pop(key, None)
        return variants


@lru_cache(maxsize=None)
def gazetteer(names: tuple[Path, ...], people: tuple[Path, ...]) -> Gazetteer:
    """The gazetteer of these files, read once per process."""
    return Gazetteer(names, people)


class GazetteerOptions:
    """Mixin for a kind with the options ``gazetteer`` (names) and ``people``
    ("First Last"): lists of data files, read into one shared ``Gazetteer``."""

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return gazetteer(
            tuple(self.rule.data_file(n) for n in self.options["gazetteer"]),
            tuple(self.rule.data_file(n) for n in self.options["people"]),
        )


_BUCKETS: dict[str, list | None] = {}
_COMMON: dict[str, frozenset[str]] = {}


def _load_buckets(lang: str) -> list | None:
    """wordfreq's small table for ``lang``: lists of words, one per centibel
    below Zipf 9 (index i holds the words of Zipf 9 - i/100), down to Zipf 3."""
    try:
        import gzip
        import importlib.util

        import msgpack

        spec = importlib.util.find_spec("wordfreq")
        if spec is None or not spec.origin:
            return None
        path = Path(spec.origin).parent / "data" / f"small_{lang}.msgpack.gz"
        with gzip.open(path, "rb") as handle:
            data = msgpack.unpackb(handle.read(), raw=False)
        if not isinstance(data[0], dict) or data[0].get("format") != "cB":
            return None
        return data[1:]
    except Exception:  # noqa: BLE001 - fall back to the wordfreq API
        return None


def _load_tables(lang: str) -> tuple[list | None, frozenset[str]]:
    buckets = _load_buckets(lang)
    return buckets, (frozenset().union(*buckets) if buckets is not None else frozenset())


def _buckets(lang: str) -> list | None:
    if lang not in _BUCKETS:
        import importlib.util

        spec = importlib.util.find_spec("wordfreq")
        if spec is not None and spec.origin:
            source = Path(spec.origin).parent / "data" / f"small_{lang}.msgpack.gz"
            buckets, common = disk_cached(f"wordfreq-{lang}", (source,), "", lambda: _load_tables(lang))
        else:
            buckets, common = None, frozenset()
        _BUCKETS[lang] = buckets
        if buckets is not None:
            _COMMON[lang] = common
    return _BUCKETS[lang]


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` ("de" or "en"); 0 for unknown words.

    Values below 3 are reported as 0 (the small tables stop there), which is
    what the kinds need: "is this a common word?".
    """
    key = word.casefold()
    buckets = _buckets(lang)
    if buckets is not None:
        if key not in _COMMON[lang]:
            return 0.0
        for index, bucket in enumerate(buckets):
            if key in bucket:
                return 9.0 - index / 100.0
        return 0.0
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    value = zipf_frequency(key, lang)
    return value if value >= 3.0 else 0.0


def is_common_word(word: str, threshold: float = 3.0) -> bool:
    """Whether ``word`` is a common German or English word (Zipf >= ``threshold``)."""
    for lang in ("de", "en"):
        if threshold <= 3.0 and _buckets(lang) is not None:
            if word.casefold() in _COMMON[lang]:
                return True
        elif zipf(word, lang) >= threshold:
            return True
    return False


_WORDISH = regexcache.compile(r"[\w-]+")


def word_counts(doc) -> Counter:
    """How often each word (letters, digits, hyphens) occurs in ``doc.prose``.

    One regex pass per document, shared by the translation kinds (cached on
    the document object).
    """
    counts = doc.__dict__.get("_translation_word_counts")
    if counts is None:
        counts = Counter(_WORDISH.findall(doc.prose))
        doc.__dict__["_translation_word_counts"] = counts
    return counts


def capitalised(doc) -> list[str]:
    """The document's distinct words (``word_counts``) that start with an
    upper-case letter, in order of first occurrence; filtered at C level
    (no Python loop over the words), cached on the document."""
    caps = doc.__dict__.get("_translation_capitalised")
    if caps is None:
        words = word_counts(doc).keys()
        caps = list(compress(words, map(str.isupper, map(itemgetter(0), words))))
        doc.__dict__["_translation_capitalised"] = caps
    return caps


def vocabulary(doc) -> str:
    """The document's distinct words, one per line (for ``re.MULTILINE`` filters)."""
    text = doc.__dict__.get("_translation_vocabulary")
    if text is None:
        text = "\n".join(word_counts(doc))
        doc.__dict__["_translation_vocabulary"] = text
    return text


def occurrences(prose: str, word: str):
    """Offsets of ``word`` in ``prose`` as a whole word (not inside a longer word
    or hyphenated compound), found with ``str.find``."""
    n = len(word)
    i = prose.find(word)
    while i >= 0:
        before = prose[i - 1] if i else " "
        after = prose[i + n] if i + n < len(prose) else " "
        if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
            yield i, i + n
        i = prose.find(word, i + n)
