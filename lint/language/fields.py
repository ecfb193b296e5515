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

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lint.language import lexicon
from lint.language.wordlist import WordList

FIELD_PREFIX = "field-"
YEAR_DIGITS = 4

_TOKEN = re.compile(r"\w+(?:[-/.]\w+)*")


@dataclass(frozen=True)
class Field:
    """One semantic field and its cue words."""

    name: str
    #: Capitalised word starts ("Orkan"), matched case-sensitively.
    nouns: tuple[str, ...]
    #: Lower-case word starts ("verletzt"), matched in any case.
    words: tuple[str, ...]
    #: Phrases, lower case ("ums leben", "km/h").
    phrases: tuple[str, ...]
    #: Year starts ("192").
    years: tuple[str, ...]

    @cached_property
    def pattern(self) -> re.Pattern | None:
        """One pattern for all cues: word starts (nouns case-sensitive), years, phrases."""
        parts = []
        if self.nouns:
            parts.append(r"(?<!\w)(?:" + "|".join(map(re.escape, self.nouns)) + ")")
        if self.words:
            parts.append(r"(?<!\w)(?i:" + "|".join(map(re.escape, self.words)) + ")")
        if self.years:
            parts.append(r"(?<!\d)(?:" + "|".join(map(re.escape, self.years)) + r")\d*(?!\d)")
        if self.phrases:
            parts.append(r"(?i:" + "|".join(map(re.escape, self.phrases)) + ")")
        return re.compile("|".join(parts)) if parts else None

    def found(self, text: str) -> bool:
        pattern = self.pattern
        if pattern is None:
            return False
        for m in pattern.finditer(text):
            if not m.group().isdigit() or len(m.group()) == YEAR_DIGITS:
                return True
        return False


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
    return lexicon.prepared(f"{FIELD_PREFIX}{name}.txt", lambda wl: build_field(name, wl), folder)


def fields_in(text: str, fields: list[Field]) -> set[str]:
    """The names of the fields that have a cue word in ``text``."""
    return {f.name for f in fields if f.found(text)}
