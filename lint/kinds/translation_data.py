"""Shared, lazily loaded vocabulary of the translation kinds (not a plugin).

- ``read_list``: a pack data file as a tuple of lines (header required, ``#``
  comments and blank lines dropped), read once per process.
- ``Gazetteer``: well-known names from the pack's gazetteer files, with an
  index of their typical misspellings (one letter dropped, two swapped, one
  doubled) so that a document's capitalised tokens are checked with one set
  intersection instead of an edit distance per token.
- ``zipf``: word frequency (Zipf scale) of a word in German or English from the
  wordfreq package. The "small" frequency tables (words down to Zipf 3) are
  read straight from wordfreq's data files, which takes about 30 ms instead of
  the ~0.9 s ``import wordfreq`` costs; if that fails, wordfreq's own API is
  used. Nothing is loaded until a kind asks about a word.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lint.errors import ConfigError


@lru_cache(maxsize=None)
def read_list(path: Path) -> tuple[str, ...]:
    """The entries of a data file: one per line, ``#`` comments, a header first."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read word list {path}: {exc}") from None
    if not text.startswith("#"):
        raise ConfigError(f"{path}: a word list starts with a '#' header saying what it is for")
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if " #" in line:
            line = line[: line.index(" #")].rstrip()
        out.append(line)
    return tuple(out)


def typo_keys(word: str) -> set[str]:
    """Misspellings of ``word`` that keep its first letter: one letter dropped,
    two neighbours swapped, one letter doubled."""
    keys = set()
    n = len(word)
    for i in range(1, n):
        keys.add(word[:i] + word[i + 1:])
        keys.add(word[:i] + word[i] + word[i:])
        if i < n - 1 and word[i] != word[i + 1]:
            keys.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    keys.discard(word)
    return keys


class Gazetteer:
    """Names from ``names`` files (any entry) and ``people`` files ("First Last")."""

    def __init__(self, names: tuple[Path, ...], people: tuple[Path, ...], min_length: int = 5):
        self.names: set[str] = set()
        self.tokens: set[str] = set()
        self.first_names: dict[str, set[str]] = {}  # surname -> first names
        self.people: dict[tuple[str, str], str] = {}  # (first, surname) -> full name
        for path in names + people:
            for entry in read_list(path):
                self.names.add(entry)
                for token in entry.replace("-", " ").split():
                    self.tokens.add(token)
                self.tokens.add(entry)
        for path in people:
            for entry in read_list(path):
                parts = entry.split()
                if len(parts) >= 2 and parts[0][:1].isupper() and not parts[-1].endswith("."):
                    first, last = parts[0], parts[-1]
                    self.first_names.setdefault(last, set()).add(first)
                    self.people[(first, last)] = entry
        self.min_length = min_length

    @property
    def variants(self) -> dict[str, str]:
        """Misspelling -> canonical token, for tokens of at least ``min_length`` letters."""
        try:
            return self._variants
        except AttributeError:
            pass
        variants: dict[str, str] = {}
        ambiguous: set[str] = set()
        for token in self.tokens:
            if len(token) < self.min_length or not token.isalpha() or not token[:1].isupper() or " " in token:
                continue
            for key in typo_keys(token):
                if key in variants and variants[key] != token:
                    ambiguous.add(key)
                variants.setdefault(key, token)
        for key in ambiguous | self.tokens:
            variants.pop(key, None)
        self._variants = variants
        return variants


@lru_cache(maxsize=None)
def gazetteer(names: tuple[Path, ...], people: tuple[Path, ...], min_length: int = 5) -> Gazetteer:
    return Gazetteer(names, people, min_length)


_TABLES: dict[str, dict[str, float] | None] = {}


def _load_table(lang: str) -> dict[str, float] | None:
    """wordfreq's small table for ``lang`` as word -> Zipf, or None if unavailable."""
    try:
        import gzip
        import importlib.util

        import msgpack

        spec = importlib.util.find_spec("wordfreq")
        if spec is None or not spec.origin:
            return None
        path = Path(spec.origin).parent / "data" / f"small_{lang}.msgpack.gz"
        with gzip.open(path, "rb") as handle:
            data = msgpack.load(handle, raw=False)
        if not isinstance(data[0], dict) or data[0].get("format") != "cB":
            return None
        table: dict[str, float] = {}
        for index, bucket in enumerate(data[1:]):
            value = 9.0 - index / 100.0
            for word in bucket:
                table.setdefault(word, value)
        return table
    except Exception:  # noqa: BLE001 - fall back to the wordfreq API
        return None


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` ("de" or "en"); 0 for unknown words.

    Values below 3 are reported as 0 (the small tables stop there), which is
    what the kinds need: "is this a common word?".
    """
    if lang not in _TABLES:
        _TABLES[lang] = _load_table(lang)
    table = _TABLES[lang]
    key = word.casefold()
    if table is not None:
        return table.get(key, 0.0)
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    value = zipf_frequency(key, lang)
    return value if value >= 3.0 else 0.0


def is_common_word(word: str, threshold: float = 3.0) -> bool:
    """Whether ``word`` is a common German or English word."""
    return zipf(word, "de") >= threshold or zipf(word, "en") >= threshold
