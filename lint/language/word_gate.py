"""A word list's quick test: can a document hold any of its forms at all?

A matcher scans the whole text for its forms with one regular expression; most
documents hold none of them. A form that stands in a text is made of the text's
words (``[\\w-]+``, as ``analysis.word_counts`` counts them; spaces and
punctuation end a word): a plain form ("Rekordjagd") is one of them, a phrase
("stellt … in den Schatten") is several, all of which the text holds; a form
with punctuation ("K.-o.-Sieg") holds a word that starts one of the text's words,
and so does a modifier ("Mega-" in "Megadeal"). The gate keeps these words and
letters; a document that meets none of them is not scanned for the list's forms,
and one that meets only plain forms has their places looked up (``WordGate.held``).
A modifier counts only before more letters or a hyphen, as the matcher takes it
("Megadeal", not "Mega!"). A phrase whose words all stand somewhere in the
document is looked for once more, where the text is at hand: its key word and the
word before it (or after it) must stand as the phrase has them, side by side or
with the gap's words between (``WordGate.pairs``), which the common words of most
phrases ("Das ist passiert", "es heißt") seldom do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import TypeVar

    T = TypeVar("T")

#: How many first letters a modifier or a word inside punctuation is compared by.
LEAD = 6
_PLAIN = re.compile(r"[\w-]+")
#: In a phrase, "…" stands for words of the sentence (``morphology.GAP``).
_GAP = "…"


class DocumentWords(Protocol):
    """What the gate reads of a document (``doc.analysis``)."""

    @property
    def word_counts(self) -> "dict[str, int]": ...

    @property
    def word_lines(self) -> str: ...

    def remember(self, key: str, compute: "Callable[[], T]") -> "T": ...


@dataclass(frozen=True)
class WordGate:
    #: Words one of which must stand in the text as they are.
    exact: frozenset[str]
    #: First letters one of which a word of the text must start with.
    leads: frozenset[str]
    #: Phrases by their key word: the forms of each of their other plain words, all of which must stand in the text.
    phrases: dict[str, tuple[tuple[frozenset[str], ...], ...]]
    #: Two neighbouring words of every phrase (the forms of each; one is its key) and the gaps
    #: ("…") between them: where a phrase stands, its pair stands as in it; None: a phrase has one word.
    pairs: tuple[tuple[frozenset[str], frozenset[str], int], ...] | None = None
    #: The matcher's pattern of a word that holds a modifier ("Mega" before four more letters or
    #: a hyphen), tried at every word start; None: the modifiers are among ``leads``.
    modifiers: str | None = None

    def may_hold(self, words: DocumentWords) -> bool:
        return not self.exact.isdisjoint(words.word_counts) or self._more(words)

    def held(self, words: DocumentWords, text: str | None = None) -> frozenset[str] | None:
        """The plain forms the document of ``words`` holds, when nothing else of the list can
        stand in it (no word starts with a modifier or a punctuated form's word, no phrase
        has all its words there, or, given its ``text``, none has its pair of words as in
        the phrase); None when something else may."""
        return None if self._more(words, text) else self.exact.intersection(words.word_counts)

    def _more(self, words: DocumentWords, text: str | None = None) -> bool:
        """Whether the document may hold a form beyond the plain ones: a modifier, a punctuated form, a phrase."""
        if self.leads and self._starts_a_word(words.word_lines):
            return True
        if self.modifiers is not None and self._modifier_pattern.search("\n" + words.word_lines) is not None:
            return True
        present = words.word_counts.keys()
        for key in self.phrases.keys() & present:
            for rest in self.phrases[key]:
                if not any(map(present.isdisjoint, rest)):  # every slot has a form in the text
                    return text is None or self._paired(text)
        return False

    def _paired(self, text: str) -> bool:
        """Whether a phrase's pair of words (``pairs``) stands in ``text`` as in the phrase
        (one search for every phrase's pair; True when a phrase has one word)."""
        return self._pairs_pattern is None or self._pairs_pattern.search(text) is not None

    def data(self) -> dict:
        """Plain data, for the matcher cache (``WordGate.from_data``)."""
        return {
            "exact": sorted(self.exact),
            "leads": sorted(self.leads),
            "phrases": {k: [[sorted(slot) for slot in rest] for rest in rests] for k, rests in sorted(self.phrases.items())},
            "pairs": None if self.pairs is None else [[sorted(first), sorted(second), gaps] for first, second, gaps in self.pairs],
            "modifiers": self.modifiers,
        }

    @classmethod
    def from_data(cls, data: dict) -> "WordGate":
        phrases = {k: tuple(tuple(frozenset(slot) for slot in rest) for rest in rests) for k, rests in data["phrases"].items()}
        pairs = None if data["pairs"] is None else tuple((frozenset(a), frozenset(b), gaps) for a, b, gaps in data["pairs"])
        return cls(frozenset(data["exact"]), frozenset(data["leads"]), phrases, pairs, data["modifiers"])

    def _starts_a_word(self, lines: str) -> bool:
        """Whether a word of ``lines`` (``word_lines``: one a line) starts with a lead: the
        first line, or one after a line break (a search for a literal character is far
        faster than trying a line start at every position)."""
        return lines.startswith(tuple(self.leads)) or self._leads_pattern.search(lines) is not None

    @cached_property
    def _leads_pattern(self) -> re.Pattern:
        """A line break and a lead."""
        from lint.cache import regexcache
        from lint.language.morphology import trie_regex

        return regexcache.compile("\n(?:" + trie_regex(set(self.leads)) + ")")

    @cached_property
    def _modifier_pattern(self) -> re.Pattern:
        """A line break and a word that holds a modifier."""
        from lint.cache import regexcache

        return regexcache.compile("\n(?:" + str(self.modifiers) + ")")

    @cached_property
    def _pairs_pattern(self) -> re.Pattern | None:
        """Every pair as a phrase's pattern has it: the first word, its gaps, white space, the
        second word (a trie of the first words, each with its tails), or None without ``pairs``."""
        if self.pairs is None:
            return None
        from lint.cache import regexcache
        from lint.language.morphology import GAP_REGEX, tailed_trie_regex, trie_regex

        tails: dict[str, set[str]] = {}
        for first, second, gaps in self.pairs:
            tail = GAP_REGEX * gaps + r"\s+" + trie_regex(set(second))
            for form in first:
                tails.setdefault(form, set()).add(tail)
        return regexcache.compile(tailed_trie_regex(tails))


def build_gate(
    forms: "Iterable[str]" = (), phrases: "Iterable[list[set[str]]]" = (), modifiers: "Iterable[str]" = (),
    modifier_pattern: str | None = None,
) -> WordGate | None:
    """The gate of single-word ``forms``, ``phrases`` (the forms of each word) and
    ``modifiers`` ("Mega"), or of the words ``modifier_pattern`` matches at their start
    (the matcher's: a modifier before more letters); None when some form holds no word
    (always scan)."""
    exact: set[str] = set()
    starts = set(modifiers) if modifier_pattern is None else set()
    keyed: dict[str, set[tuple[frozenset[str], ...]]] = {}
    pairs: set[tuple[frozenset[str], frozenset[str], int]] | None = set()
    for form in forms:
        if _PLAIN.fullmatch(form):
            exact.add(form)
        elif not _add_start(starts, form):
            return None
    for slots in phrases:
        plain = [frozenset(slot) for slot in slots if slot != {_GAP} and all(_PLAIN.fullmatch(f) for f in slot)]
        if not plain:  # no word of the phrase is plain: its punctuated forms start text words
            if not all(_add_start(starts, f) for slot in slots if slot != {_GAP} for f in slot):
                return None
            continue
        key = max(plain, key=_rarity)
        rest = tuple(slot for slot in plain if slot is not key)
        for form in key:
            keyed.setdefault(form, set()).add(rest)
        pair = _pair_with(slots, key)
        pairs = None if pairs is None or pair is None else pairs | {pair}
    phrases_by_key = {k: tuple(sorted(v, key=lambda rest: [sorted(s) for s in rest])) for k, v in keyed.items()}
    ordered = None if pairs is None else tuple(sorted(pairs, key=lambda p: (sorted(p[0]), sorted(p[1]), p[2])))
    return WordGate(frozenset(exact), frozenset(s[:LEAD] for s in starts), phrases_by_key, ordered, modifier_pattern)


def _pair_with(slots: list[set[str]], key: frozenset[str]) -> tuple[frozenset[str], frozenset[str], int] | None:
    """Two neighbouring words of a phrase, one of them its ``key`` (the rarest: the pair stands
    in fewer texts), and the gaps between them; None for a phrase of one word."""
    words = [i for i, slot in enumerate(slots) if slot != {_GAP}]
    if len(words) < 2:
        return None
    at = next(n for n, i in enumerate(words) if frozenset(slots[i]) == key)
    a, b = (words[at - 1], words[at]) if at else (words[0], words[1])
    return frozenset(slots[a]), frozenset(slots[b]), b - a - 1


def may_hold(gate: WordGate | None, words: DocumentWords | None) -> bool:
    """Whether the document of ``words`` can hold a form ``gate`` stands for (True when either is unknown)."""
    return gate is None or words is None or gate.may_hold(words)


def _rarity(slot: frozenset[str]) -> tuple[bool, int]:
    """How rare a phrase's word looks without data: a noun (capitalised) over
    other words, then the length of its shortest form."""
    return all(f[:1].isupper() for f in slot), min(map(len, slot))


def _add_start(starts: set[str], form: str) -> bool:
    words = _PLAIN.findall(form)
    if words:
        starts.add(max(words, key=len))
    return bool(words)
