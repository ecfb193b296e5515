"""Word frequency (Zipf scale) in German and English, from the wordfreq package.

wordfreq's "small" tables (words down to Zipf 3) are read straight from its
data files, which takes about 30 ms instead of the ~0.9 s ``import wordfreq``
costs, and kept in the data cache keyed by the file's path, size and
modification time; if that fails, wordfreq's own API answers. A
``WordFrequency`` belongs to the kind that asks (it lives as long as the
engine) and loads nothing until the first word is looked up.
"""

from __future__ import annotations

import importlib.util
from itertools import compress
from operator import not_
from pathlib import Path

from lint.language.translation_data import data_cached

#: The small tables stop at Zipf 3: anything rarer reads as 0.
FLOOR = 3.0


def _table_file(lang: str) -> Path | None:
    try:
        spec = importlib.util.find_spec("wordfreq")
    except (ImportError, ValueError):  # blocked or half-imported: as if missing
        return None
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent / "data" / f"small_{lang}.msgpack.gz"


def _read_buckets(path: Path) -> list | None:
    """wordfreq's small table: lists of words, one per centibel below Zipf 9
    (index i holds the words of Zipf 9 - i/100), down to Zipf 3."""
    try:
        import gzip

        import msgpack

        with gzip.open(path, "rb") as handle:
            data = msgpack.unpackb(handle.read(), raw=False)
        if not isinstance(data[0], dict) or data[0].get("format") != "cB":
            return None
        return data[1:]
    except Exception:  # noqa: BLE001 - fall back to the wordfreq API
        return None


def _load(path: Path) -> tuple[list | None, frozenset[str]]:
    buckets = _read_buckets(path)
    return buckets, (frozenset().union(*buckets) if buckets is not None else frozenset())


#: Said once per run when wordfreq is missing (``BackendUnavailable``: a note, the other rules run on).
MISSING = (
    "wordfreq, a dependency of newslint, is not installed: `pip install wordfreq` (or install newslint "
    "again); the translation checks that need word frequencies (TR001 name variants, and TR003 only "
    "from function words) were skipped or narrowed."
)


def available() -> bool:
    """Whether word frequencies can be read (wordfreq installed)."""
    if _table_file("de") is not None:
        return True
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        return False
    return True


def _require_wordfreq() -> None:
    """Without word frequencies every word looks rare and the translation pack
    would report common words: a broken installation is said (a note, as for an
    unreachable LanguageTool), never guessed around."""
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        from lint.model.errors import BackendUnavailable

        raise BackendUnavailable(MISSING) from None


class WordFrequency:
    """Zipf frequencies of German ("de") and English ("en") words."""

    def __init__(self) -> None:
        self._tables: dict[str, tuple[list | None, frozenset[str]]] = {}

    def _table(self, lang: str) -> tuple[list | None, frozenset[str]]:
        table = self._tables.get(lang)
        if table is None:
            path = _table_file(lang)
            if path is None:
                _require_wordfreq()
            table = data_cached(f"wordfreq-{lang}", (path,), "", lambda: _load(path)) if path else (None, frozenset())
            self._tables[lang] = table
        return table

    def zipf(self, word: str, lang: str) -> float:
        """Zipf frequency of ``word`` in ``lang``; 0 for words rarer than ``FLOOR``."""
        key = word.casefold()
        buckets, common = self._table(lang)
        if buckets is not None:
            if key not in common:
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
        return value if value >= FLOOR else 0.0

    def uncommon(self, words: list[str]) -> list[str]:
        """The ``words`` that are no common German or English word (Zipf below
        ``FLOOR`` in both), filtered at C level; all of them without tables."""
        common = self._union
        if not common:
            return list(words)
        return list(compress(words, map(not_, map(common.__contains__, map(str.casefold, words)))))

    @property
    def _union(self) -> frozenset[str]:
        """The common words of both languages, cached on their own (one load
        instead of both tables)."""
        union = self._tables.get("union")
        if union is None:
            paths = (_table_file("de"), _table_file("en"))
            if None in paths:
                return frozenset()
            union = (None, data_cached("wordfreq-common", paths, "", lambda: self._table("de")[1] | self._table("en")[1]))
            self._tables["union"] = union
        return union[1]

    def is_common(self, word: str, threshold: float = FLOOR) -> bool:
        """Whether ``word`` is a common German or English word (Zipf >= ``threshold``)."""
        if threshold <= FLOOR and self._union:
            return word.casefold() in self._union
        return any(self.zipf(word, lang) >= threshold for lang in ("de", "en"))
