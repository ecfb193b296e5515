"""Word frequency (Zipf scale) in German and English, from wordfreq's data.

wordfreq's "small" tables (words down to Zipf 3) ship with the translation pack
(``rules/translation/data/zipf-de.tsv``, ``zipf-en.tsv``, built by
``scripts/build_zipf_tables.py``), so the pack behaves the same whether or not
wordfreq is installed; without them, wordfreq's own data files are read (a
test checks the shipped tables are exactly those). Either way a table becomes
one dictionary of word -> Zipf value per language, kept in the data cache keyed
by the file's content (the English one split by the words' first letters,
``SPLIT``: a run reads only the buckets of the words it asks about); without both,
wordfreq's own API answers. A
``WordFrequency`` belongs to the kind that asks (it lives as long as the
engine) and loads nothing until the first word is looked up.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from lint.language.translation_data import SplitTable, data_cached, split_cached

#: The small tables stop at Zipf 3: anything rarer reads as 0.
FLOOR = 3.0

#: The languages whose table is kept split (``SplitTable``): a run asks about a few
#: hundred English words, but about every text's long capitalised words in German
#: (``name-variant``), and over a corpus that reads the whole table anyway (in buckets,
#: then merged: more than reading it at once).
SPLIT = frozenset({"en"})


def _table_file(lang: str) -> Path | None:
    try:
        spec = importlib.util.find_spec("wordfreq")
    except (ImportError, ValueError):  # blocked or half-imported: as if missing
        return None
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent / "data" / f"small_{lang}.msgpack.gz"


def _shipped_file(lang: str) -> Path | None:
    """The translation pack's table of ``lang`` (``zipf-LANG.tsv``), or None."""
    from lint.plugins.packs import builtin_rules_dir

    path = builtin_rules_dir() / "translation" / "data" / f"zipf-{lang}.tsv"
    return path if path.is_file() else None


def _load_shipped(path: Path) -> dict[str, float]:
    """A shipped table as word -> Zipf value: each line the centibels below Zipf 9, a
    tab and its words (the header's lines start with "#")."""
    table: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            index, _, words = line.partition("\t")
            table.update(dict.fromkeys(words.split(" "), 9.0 - int(index) / 100.0))
    return table


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


def _load(path: Path) -> dict[str, float] | None:
    """wordfreq's small table as word -> Zipf value (a word's first bucket), or None."""
    buckets = _read_buckets(path)
    if buckets is None:
        return None
    table: dict[str, float] = {}
    for index, bucket in enumerate(buckets):
        value = 9.0 - index / 100.0
        for word in bucket:
            table.setdefault(word, value)
    return table


#: Said once per run when wordfreq is missing (``BackendUnavailable``: a note, the other rules run on).
MISSING = (
    "wordfreq, a dependency of newslint, is not installed: `pip install wordfreq` (or install newslint "
    "again); the translation checks that need word frequencies (TR001 name variants, and TR003 only "
    "from function words) were skipped or narrowed."
)


def available() -> bool:
    """Whether word frequencies can be read (the pack's tables, or wordfreq installed)."""
    if _shipped_file("de") is not None or _table_file("de") is not None:
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
        self._tables: dict[str, dict[str, float] | SplitTable | None] = {}

    def _table(self, lang: str) -> dict[str, float] | SplitTable | None:
        """Word -> Zipf value of ``lang`` (None: no table, wordfreq's API answers)."""
        if lang not in self._tables:
            cached = split_cached if lang in SPLIT else data_cached
            shipped = _shipped_file(lang)
            if shipped is not None:
                self._tables[lang] = cached(f"zipf-{lang}", (shipped,), "", lambda: _load_shipped(shipped))
                return self._tables[lang]
            path = _table_file(lang)
            if path is None:
                _require_wordfreq()
            self._tables[lang] = cached(f"wordfreq-zipf-{lang}", (path,), "", lambda: _load(path)) if path else None
        return self._tables[lang]

    def zipf(self, word: str, lang: str) -> float:
        """Zipf frequency of ``word`` in ``lang``; 0 for words rarer than ``FLOOR``."""
        key = word.casefold()
        table = self._table(lang)
        if table is not None:
            return table.get(key, 0.0)
        try:
            from wordfreq import zipf_frequency
        except ImportError:
            return 0.0
        value = zipf_frequency(key, lang)
        return value if value >= FLOOR else 0.0

    def uncommon(self, words: list[str]) -> list[str]:
        """The ``words`` that are no common German or English word (Zipf below
        ``FLOOR`` in both); all of them without tables."""
        return _not_in(self._table("en"), _not_in(self._table("de"), words))

    def uncommon_in_german(self, words: list[str], min_length: int = 0) -> list[str]:
        """The ``words`` of ``min_length`` letters or more that are no common German
        word (Zipf below ``FLOOR``): a name such as "Holloway" may be common in English
        and still be a name here. The length is tested in the comprehension that looks
        the words up: one pass over a text's capitalised words, not a second over a
        list of the long ones (a pass costs some 20 M instructions over the corpus)."""
        common = self._table("de")
        if min_length and isinstance(common, dict) and common:
            return [w for w in words if len(w) >= min_length and w.casefold() not in common]
        if min_length:
            words = [w for w in words if len(w) >= min_length]
        return _not_in(common, words)

    def is_common(self, word: str, threshold: float = FLOOR) -> bool:
        """Whether ``word`` is a common German or English word (Zipf >= ``threshold``).

        Both tables answer (no set of their union is kept: a run that asks this
        also asks for frequencies, and loading a third table of 60,000 words cost
        more than a second lookup)."""
        return any(self.zipf(word, lang) >= threshold for lang in ("de", "en"))


def _not_in(common: dict[str, float] | SplitTable | None, words: list[str]) -> list[str]:
    """The ``words`` whose case-folded form ``common`` lacks (all of them without a
    table). A comprehension costs fewer instructions than a chain of ``map`` and
    ``compress`` (``operator.not_`` per word is one more call)."""
    if not common:
        return list(words)
    if isinstance(common, SplitTable):
        return common.lacking(words)
    return [w for w in words if w.casefold() not in common]
