"""Helpers shared by the translation kinds (not a plugin).

- ``data_cached``: a value built from data files, kept in the one data cache
  (``lint.cache.regexcache.get_data``/``put_data``) under a key made of the
  files' content digests (``regexcache.file_digest``): an edited list is a miss.
- ``split_cached``/``SplitTable``: a large table asked about a few words per run,
  kept in buckets that are unmarshalled as their words are asked.
- ``GazetteerOptions``: the mixin that gives a kind its own ``Gazetteer``
  (``lint.language.gazetteer``), built on first use and kept as long as the
  kind, that is, as long as the engine that made it, and the ``WordFrequency``
  (``lint.language.word_frequency``) its engine's kinds share.
- ``occurrences``: whole-word offsets of a word in the prose.

Per-document results (distinct words, capitalised words) live on the
analysis (``doc.analysis.word_counts``, ``doc.analysis.capitalised_words``).
"""

from __future__ import annotations

import marshal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from lint.cache import regexcache
from lint.cache.store import blake2b

if TYPE_CHECKING:
    from lint.language.gazetteer import Gazetteer
    from lint.language.word_frequency import WordFrequency


def data_stamp(paths) -> list[tuple[str, int, int]]:
    """Path, size and modification time of each file (raises ``OSError``)."""
    return [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in paths]


def data_cached(name: str, sources: tuple[Path, ...], extra: str, build):
    """``build()``, kept in the data cache as long as the content of the ``sources`` files,
    ``extra`` and the builder modules are unchanged (plain data that marshal
    stores). Any failure falls back to ``build()``."""
    try:  # keyed by the files' content (the one cache's rule), not their times
        digests = [_file_digest(p) for p in (Path(__file__), Path(__file__).with_name("gazetteer.py"), *sources)]
    except OSError:
        return build()
    key = f"translation-{name.replace('_', '-')}-" + _digest(digests, extra)  # letters, digits, "-"
    value = regexcache.get_data(key)
    if value is not None:
        return value
    value = build()
    regexcache.put_data(key, value)
    return value


#: A file's content digest by its path, size and modification time: the gazetteer's
#: files feed several tables, and an edited file has a new stamp, so a new digest.
_FILE_DIGESTS: dict[tuple[str, int, int], bytes] = {}


def _file_digest(path: Path) -> bytes:
    """The content digest of ``path`` (``regexcache.file_digest``), read once a run."""
    st = path.stat()
    stamp = (str(path), st.st_size, st.st_mtime_ns)
    found = _FILE_DIGESTS.get(stamp)
    if found is None:
        found = _FILE_DIGESTS[stamp] = regexcache.file_digest(path)
    return found


def _digest(contents: list[bytes], extra: str) -> str:
    """A digest of the files' bytes (each prefixed by its length) and ``extra``."""
    h = blake2b(digest_size=16)
    for data in contents:
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    h.update(extra.encode("utf-8"))
    return h.hexdigest()


class GazetteerOptions:
    """Mixin for a kind with the options ``gazetteer`` (names), ``people``
    ("First Last") and ``known`` (real names that are not misspelling targets):
    its own gazetteer and the engine's word frequencies, built on first use."""

    @cached_property
    def gazetteer(self) -> "Gazetteer":
        from lint.language.gazetteer import Gazetteer

        return Gazetteer(
            tuple(self.rule.data_file(n) for n in self.options["gazetteer"]),
            tuple(self.rule.data_file(n) for n in self.options["people"]),
            tuple(self.rule.data_file(n) for n in self.options["known"]),
        )

    @cached_property
    def frequency(self) -> "WordFrequency":
        """The engine's word frequencies, one for all its kinds (kept by the
        ``Vocabulary`` while wordfreq's table files are unchanged): each table
        is loaded once per run, not once per kind that asks."""
        from lint.language import word_frequency

        tables = [p for p in map(word_frequency._table_file, ("de", "en")) if p is not None and p.is_file()]
        return self.vocabulary.built("word-frequency", tables, word_frequency.WordFrequency)


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


class SplitTable:
    """A large set or dictionary of words asked about a few words per run (the word
    frequencies, the English word lists): kept in the data cache as one marshal
    string per bucket of words with the same first ``WIDTH`` letters (``pack``), a
    bucket unmarshalled when a word of it is first asked. A run that asks about a
    few dozen words reads a few dozen buckets, not the whole table (unmarshalling
    tens of thousands of words cost milliseconds); the outer dictionary of ``bytes``
    loads as a few hundred plain copies. A run that asks about many words needs
    most buckets anyway: after ``WHOLE_AFTER`` words the buckets are merged into
    one table, and a word is again one lookup, not a bucket's (the whole table
    kept in the data cache on its own and read then cost more: each byte read
    from the cache is checksummed)."""

    WIDTH = 2
    WHOLE_AFTER = 500

    def __init__(self, packed: dict[str, bytes]):
        self._packed = packed
        self._opened: dict[str, dict | frozenset] = {}
        self._whole: dict | set | None = None
        self._asked = 0

    @classmethod
    def pack(cls, table: dict | set | frozenset) -> dict[str, bytes]:
        """``table`` (a dictionary or a set of strings) as the plain data a
        ``SplitTable`` is made of: its buckets, each marshalled."""
        groups: dict[str, dict | set] = {}
        if isinstance(table, dict):
            for key, value in table.items():
                groups.setdefault(key[: cls.WIDTH], {})[key] = value
        else:
            for key in table:
                groups.setdefault(key[: cls.WIDTH], set()).add(key)
            groups = {prefix: frozenset(group) for prefix, group in groups.items()}
        return {prefix: marshal.dumps(group) for prefix, group in groups.items()}

    def _bucket(self, key: str) -> dict | frozenset:
        prefix = key[: self.WIDTH]
        bucket = self._opened.get(prefix)
        if bucket is None:
            packed = self._packed.get(prefix)
            bucket = self._opened[prefix] = {} if packed is None else marshal.loads(packed)
        return bucket

    def _whole_after(self, asked: int) -> dict | set | None:
        """The whole table, once ``WHOLE_AFTER`` words have been asked about (``asked``
        now); before, None."""
        if self._whole is None:
            self._asked += asked
            if self._asked >= self.WHOLE_AFTER:
                self._whole = self._merged()
                self._opened.clear()
        return self._whole

    def _merged(self) -> dict | set:
        """Every bucket in one table (a dictionary or a set, as the buckets are)."""
        buckets = [self._bucket(prefix) for prefix in self._packed]
        whole = {} if not buckets or isinstance(buckets[0], dict) else set()
        for bucket in buckets:
            whole.update(bucket)
        return whole

    def __contains__(self, key: str) -> bool:
        whole = self._whole_after(1)
        return key in (self._bucket(key) if whole is None else whole)

    def get(self, key: str, default=None):
        """``key``'s value in a table made of a dictionary."""
        whole = self._whole_after(1)
        return (self._bucket(key) if whole is None else whole).get(key, default)

    def lacking(self, words: list[str]) -> list[str]:
        """The ``words`` whose case-folded form the table lacks, in order: the buckets
        looked up in one comprehension, no call per word (a text asks about dozens)."""
        whole = self._whole_after(len(words))
        if whole is not None:
            return [w for w in words if w.casefold() not in whole]
        opened, width, bucket = self._opened, self.WIDTH, self._bucket
        return [w for w in words if (key := w.casefold()) not in (opened.get(key[:width]) or bucket(key))]

    def __bool__(self) -> bool:
        return bool(self._packed)


def split_cached(name: str, sources: tuple[Path, ...], extra: str, build) -> SplitTable | None:
    """``build()`` (a set or dictionary of strings, or None) as a ``SplitTable``, kept
    in the data cache split into its buckets (``data_cached``); None stays None."""

    def packed():
        table = build()
        return None if table is None else SplitTable.pack(table)

    found = data_cached(f"{name}-split", sources, extra, packed)
    return None if found is None else SplitTable(found)
