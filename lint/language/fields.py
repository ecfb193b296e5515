"""Which subject a passage is about: the semantic fields of its words.

A word that is hype as a figure is literal in its own field: "Erdbeben" beside
"Epizentrum" and "Stärke 6" (geology), "Sturm" beside "Orkanböen" (weather),
"Krieg" beside "Truppen" (military), "Börsenkrach" beside "1929" (history).
Each field is a general word list, ``field-<name>.txt`` (weather, geology,
medicine, military, history, ...), with a header saying what belongs; never
words taken from one article.

An entry matches a word, or the part of a word after a hyphen, that starts
with it: "Orkan" finds "Orkanböen", "Tote" finds "Toten", "Serie" finds
"Netflix-Serie". A capitalised entry matches only a capitalised word (a
noun: "Regen" is no cue in "regen"), a lower-case one any case; an entry of
several words matches that phrase; an entry of digits matches a four-digit
year that starts with it ("192" finds "1929", not "192 Euro").
"""

from __future__ import annotations

import marshal
import re
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from lint.cache import regexcache
from lint.cache.store import blake2b
from lint.language import lexicon
from lint.language.morphology import trie_regex
from lint.language.wordlist import WordList
from lint.model.record import Record

if TYPE_CHECKING:
    from collections.abc import Callable

FIELD_PREFIX = "field-"
YEAR_DIGITS = 4

_TOKEN = regexcache.compile(r"\w+(?:[-/.]\w+)*")


class Field(Record):
    """One semantic field and its cue words."""

    _fields = ("name", "nouns", "words", "phrases", "years")

    def __init__(
        self,
        name: str,
        nouns: tuple[str, ...],
        words: tuple[str, ...],
        phrases: tuple[str, ...],
        years: tuple[str, ...],
    ):
        self.name = name
        #: Capitalised word starts ("Orkan"), matched case-sensitively.
        self.nouns = nouns
        #: Lower-case word starts ("verletzt"), matched in any case.
        self.words = words
        #: Phrases, lower case ("ums leben", "km/h").
        self.phrases = phrases
        #: Year starts ("192").
        self.years = years

    @cached_property
    def pattern(self) -> re.Pattern | None:
        """One pattern for all cues: word starts (nouns case-sensitive), years, phrases
        (compiled through ``regexcache``: a field's patterns are built on its first use, in
        the middle of a run, where compiling them afresh costs as much as linting a document)."""
        text = self._pattern_text
        return regexcache.compile(text) if text else None

    @property
    def _pattern_text(self) -> str:
        """The text of ``pattern`` ("" for a field without cues)."""
        return "|".join(p for p in (self._nouns, self._words, self._years, self._phrases) if p)

    @property
    def _nouns(self) -> str:
        return r"(?<!\w)(?:" + "|".join(map(re.escape, self.nouns)) + ")" if self.nouns else ""

    @property
    def _words(self) -> str:
        return r"(?<!\w)(?i:" + "|".join(map(re.escape, self.words)) + ")" if self.words else ""

    @property
    def _years(self) -> str:
        return r"(?<!\d)(?:" + "|".join(map(re.escape, self.years)) + r")\d*(?!\d)" if self.years else ""

    @property
    def _phrases(self) -> str:
        return r"(?i:" + "|".join(map(re.escape, self.phrases)) + ")" if self.phrases else ""

    @cached_property
    def scans(self) -> tuple[re.Pattern, ...]:
        """The patterns ``found`` runs over a text, which find what ``pattern`` finds.

        The nouns and years share one whose every alternative starts with its first
        character and looks back only after it ("O(?<!\\w.)rkan"): the regex engine then
        skips to the places such a character stands, about four times faster than with
        the look back first, which it tries at every position. The case-free words and
        the phrases (grouped by their first letter, so that the engine reads a shared
        start once: "stärke 1" ... "stärke 9") are searched on their own: one pattern's
        match hides another's only where it is a number of the wrong length (no match),
        and only a phrase can start inside or at such a number, so a field with years
        and phrases keeps ``pattern``.

        Their texts come from the data cache (``_stored_scan_texts``): writing the tries
        of a field costs more than reading them, and a field is built on its first use,
        in the middle of a run.
        """
        return tuple(regexcache.compile(text) for text in self.stored_texts)

    @cached_property
    def stored_texts(self) -> tuple[str, ...]:
        """The texts of ``scans`` from the data cache (``_stored_scan_texts``); a field
        that ``load_field`` read from its stored entry has them already."""
        return _stored_scan_texts(self)

    def scan_texts(self) -> tuple[str, ...]:
        """The texts of the patterns of ``scans``, written afresh."""
        if self.years and self.phrases:
            return (self._pattern_text,)  # not "": it holds the years
        led = _led(self.nouns, r"(?<!\w.)", trie_regex) + _led(self.years, r"(?<!\d.)", trie_regex, r"\d*(?!\d)")
        phrases = "(?i:" + "|".join(_led(self.phrases, "", _alternatives)) + ")" if self.phrases else ""
        return tuple(part for part in ("|".join(led), self._words, phrases) if part)

    def found(self, text: str) -> bool:
        for pattern in self.scans:
            for m in pattern.finditer(text):
                if not m.group().isdigit() or len(m.group()) == YEAR_DIGITS:
                    return True
        return False


def _scans_key(field: Field) -> str | None:
    """A data-cache key for the pattern texts of ``field``: its cues and the code that
    writes the texts (this module, the trie builder); None when that code cannot be read."""
    from lint.language import morphology

    try:
        code = regexcache.source_digest(__file__) + regexcache.source_digest(morphology.__file__)
    except OSError:
        return None
    cues = marshal.dumps((field.nouns, field.words, field.phrases, field.years))
    return "field-scans-" + blake2b(cues + code.encode(), digest_size=16).hexdigest()


def _is_texts(value) -> bool:
    return isinstance(value, tuple) and all(isinstance(text, str) for text in value)


def _stored_scan_texts(field: Field) -> tuple[str, ...]:
    """``field.scan_texts()``, kept in the data cache by content (read, not rebuilt, by later runs)."""
    key = _scans_key(field)
    texts = regexcache.get_data(key, check=_is_texts) if key else None
    if texts is None:
        texts = field.scan_texts()
        if key:
            regexcache.put_data(key, texts)
    return texts


def _led(cues: tuple[str, ...], behind: str, rest: "Callable[[set[str]], str]", after: str = "") -> list[str]:
    """Alternatives for ``cues``, one per first character: the character, the look back
    ``behind`` (which sees that character too), the cues' rests (as ``rest`` writes them), ``after``."""
    rests: dict[str, set[str]] = {}
    for cue in cues:
        rests.setdefault(cue[0], set()).add(cue[1:])
    return [re.escape(first) + behind + rest(tails) + after for first, tails in sorted(rests.items())]


def _alternatives(texts: set[str]) -> str:
    """``texts`` as a plain alternation (spaces stay spaces)."""
    return "(?:" + "|".join(map(re.escape, sorted(texts))) + ")"


def build_field(name: str, wordlist: WordList) -> Field:
    nouns, words, phrases, years = [], [], [], []
    for term in lexicon.terms(wordlist):
        if " " in term or not _TOKEN.fullmatch(term):
            phrases.append(term.lower())
        elif term.isdigit():
            years.append(term)
        elif term[:1].isupper():
            nouns.append(term)
        else:
            words.append(term.lower())
    return Field(name, tuple(nouns), tuple(words), tuple(phrases), tuple(years))


def field_names(folder: Path | None = None) -> list[str]:
    """The fields of the data folder: one per ``field-<name>.txt``."""
    return [n[len(FIELD_PREFIX) : -len(".txt")] for n in lexicon.listing(folder) if n.startswith(FIELD_PREFIX)]


def load_field(name: str, folder: Path | None = None) -> Field:
    """The field ``name`` from ``field-<name>.txt`` (rebuilt when the file changes)."""
    paths = lexicon.paths((f"{FIELD_PREFIX}{name}.txt",), folder)
    return lexicon.prepared_files(paths, lambda found: _stored_field(name, found[0]))


#: Bump when the stored field's layout changes (the key also covers the code that builds it).
_FIELD_VERSION = 1


def _stored_field(name: str, path: Path) -> Field:
    """The field of the list at ``path``, its cues and pattern texts kept as one data-cache
    entry keyed by the file's bytes and the code that reads and writes them: a field is
    loaded on its first use, in the middle of a run, and reading the list, sorting its
    cues and finding its pattern texts were three steps where one read serves. A missing,
    stale or damaged entry only means building afresh."""
    def restore(stored) -> Field:
        nouns, words, phrases, years, texts = stored
        field = Field(name, tuple(nouns), tuple(words), tuple(phrases), tuple(years))
        field.stored_texts = tuple(texts)
        return field

    def build() -> tuple[Field, tuple]:
        field = build_field(name, lexicon.read(path))
        return field, (field.nouns, field.words, field.phrases, field.years, field.stored_texts)

    return regexcache.kept(_field_key(path), restore, build)


def _field_key(path: Path) -> str | None:
    """The list's bytes and this module's, the word-list reader's and the trie builder's code;
    None when that code cannot be read."""
    from lint.language import morphology, wordlist

    data = wordlist.read_data(path)
    try:
        code = "".join(regexcache.source_digest(m.__file__) for m in (wordlist, morphology)) + regexcache.source_digest(__file__)
    except OSError:
        return None
    return f"field-{_FIELD_VERSION}-" + blake2b(data + code.encode(), digest_size=16).hexdigest()


def fields_in(text: str, fields: list[Field]) -> set[str]:
    """The names of the fields that have a cue word in ``text``."""
    return {f.name for f in fields if f.found(text)}
