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
document is looked for once more, where the text is at hand: its key word must
stand beside the word next to it in the phrase (``WordGate.beside``), which the
common words of most phrases ("Das ist passiert", "es heißt") seldom do.
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
    #: Per key word of ``phrases``: the forms of the word next to it in each of its phrases and
    #: whether that word stands before it (None: a phrase has only a gap ("…") beside its key).
    beside: dict[str, tuple[tuple[tuple[str, ...], bool], ...] | None] | None = None
    #: The matcher's pattern of a word that holds a modifier ("Mega" before four more letters or
    #: a hyphen), tried at every word start where a word starts with a lead; None: a lead is enough.
    modifier_pattern: str | None = None
    #: With ``modifier_pattern``: the leads of the punctuated forms' words (a word starting with one is enough).
    punctuated: frozenset[str] = frozenset()

    def may_hold(self, words: DocumentWords) -> bool:
        return not self.exact.isdisjoint(words.word_counts) or self._more(words)

    def held(self, words: DocumentWords, text: str | None = None) -> frozenset[str] | None:
        """The plain forms the document of ``words`` holds, when nothing else of the list can
        stand in it (no word holds a modifier or starts with a punctuated form's word, no
        phrase has all its words there, or, given its ``text``, no phrase's key word stands
        beside its neighbour); None when something else may."""
        return None if self._more(words, text) else self.exact.intersection(words.word_counts)

    def _more(self, words: DocumentWords, text: str | None = None) -> bool:
        """Whether the document may hold a form beyond the plain ones: a modifier, a punctuated form, a phrase."""
        if self.leads and self._starts_a_word(words.word_lines) and self._holds_a_lead(words.word_lines):
            return True
        present = words.word_counts.keys()
        for key in self.phrases.keys() & present:
            for rest in self.phrases[key]:
                if not any(map(present.isdisjoint, rest)):  # every slot has a form in the text
                    if text is None or self._stands_beside(text, key):
                        return True
                    break  # the key's phrases are all asked at once
        return False

    def _holds_a_lead(self, lines: str) -> bool:
        """Whether the words of ``lines``, one of which starts with a lead, hold a modifier as
        the matcher takes it ("Megadeal", not "Mega!") or start with a punctuated form's word."""
        if self.modifier_pattern is None or self._modifier_search.search("\n" + lines) is not None:
            return True
        return lines.startswith(tuple(self.punctuated)) or any("\n" + lead in lines for lead in self.punctuated)

    def _stands_beside(self, text: str, key: str) -> bool:
        """Whether ``key`` stands in ``text`` with white space between it and the word next
        to it in one of its phrases (``beside``; True where that cannot be told)."""
        needs = None if self.beside is None else self.beside.get(key)
        if needs is None:
            return True
        i = text.find(key)
        while i != -1:
            for forms, before in needs:
                if before:
                    j = i
                    while j and text[j - 1].isspace():
                        j -= 1
                    if j < i and text.endswith(forms, 0, j):
                        return True
                else:
                    j = k = i + len(key)
                    while j < len(text) and text[j].isspace():
                        j += 1
                    if j > k and text.startswith(forms, j):
                        return True
            i = text.find(key, i + 1)
        return False

    def data(self) -> dict:
        """Plain data, for the matcher cache (``WordGate.from_data``)."""
        return {
            "exact": sorted(self.exact),
            "leads": sorted(self.leads),
            "phrases": {k: [[sorted(slot) for slot in rest] for rest in rests] for k, rests in sorted(self.phrases.items())},
            "beside": None if self.beside is None else {
                k: None if needs is None else [[list(forms), before] for forms, before in needs] for k, needs in sorted(self.beside.items())
            },
            "modifier_pattern": self.modifier_pattern,
            "punctuated": sorted(self.punctuated),
        }

    @classmethod
    def from_data(cls, data: dict) -> "WordGate":
        phrases = {k: tuple(tuple(frozenset(slot) for slot in rest) for rest in rests) for k, rests in data["phrases"].items()}
        beside = None if data["beside"] is None else {
            k: None if needs is None else tuple((tuple(forms), before) for forms, before in needs) for k, needs in data["beside"].items()
        }
        leads, punctuated = frozenset(data["leads"]), frozenset(data["punctuated"])
        return cls(frozenset(data["exact"]), leads, phrases, beside, data["modifier_pattern"], punctuated)

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
    def _modifier_search(self) -> re.Pattern:
        """A line break and a word that holds a modifier."""
        from lint.cache import regexcache

        return regexcache.compile("\n(?:" + str(self.modifier_pattern) + ")")


def build_gate(
    forms: "Iterable[str]" = (), phrases: "Iterable[list[set[str]]]" = (), modifiers: "Iterable[str]" = (),
    modifier_pattern: str | None = None,
) -> WordGate | None:
    """The gate of single-word ``forms``, ``phrases`` (the forms of each word) and
    ``modifiers`` ("Mega"; with ``modifier_pattern``, the matcher's pattern of a word that
    holds one, also as the matcher takes them); None when some form holds no word (always scan)."""
    exact: set[str] = set()
    starts: set[str] = set()  # the words of punctuated forms
    keyed: dict[str, set[tuple[frozenset[str], ...]]] = {}
    beside: dict[str, set[tuple[tuple[str, ...], bool]] | None] = {}
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
        neighbour = _neighbour(slots, key)
        for form in key:
            known = beside.get(form, set())
            beside[form] = None if known is None or neighbour is None else known | {neighbour}
    phrases_by_key = {k: tuple(sorted(v, key=lambda rest: [sorted(s) for s in rest])) for k, v in keyed.items()}
    needs = {k: None if v is None else tuple(sorted(v)) for k, v in beside.items()}
    punctuated = frozenset(s[:LEAD] for s in starts) if modifier_pattern is not None else frozenset()
    leads = frozenset(s[:LEAD] for s in starts.union(modifiers))
    return WordGate(frozenset(exact), leads, phrases_by_key, needs, modifier_pattern, punctuated)


def _neighbour(slots: list[set[str]], key: frozenset[str]) -> tuple[tuple[str, ...], bool] | None:
    """The forms of the word next to a phrase's ``key`` (the one before it, else the one after
    it; a gap "…" is no word) and whether it stands before it; None without one."""
    at = next(i for i, slot in enumerate(slots) if frozenset(slot) == key)
    for i, before in ((at - 1, True), (at + 1, False)):
        if 0 <= i < len(slots) and slots[i] != {_GAP}:
            return tuple(sorted(slots[i])), before
    return None


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
