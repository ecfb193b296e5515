"""A word list's quick test: can a document hold any of its forms at all?

A matcher scans the whole text for its forms with one regular expression; most
documents hold none of them. A form that stands in a text is made of the text's
words (``[\\w-]+``, as ``analysis.word_counts`` counts them; spaces and
punctuation end a word): a plain form ("Rekordjagd") is one of them, a phrase
("stellt … in den Schatten") is several, all of which the text holds; a form
with punctuation ("K.-o.-Sieg") holds its words too, each whole (punctuation or
the form's ends bound them: "-Sieg"); a modifier ("Mega-" in "Megadeal") starts
one of the text's words. The gate keeps these words and letters; a document that
meets none of them is not scanned for the list's forms, and one that meets only
plain forms and modifiers has those words looked up (``WordGate.held``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from lint.cache import regexcache
from lint.model.record import Record

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import TypeVar

    T = TypeVar("T")

#: How many first letters a modifier is compared by.
LEAD = 6
_PLAIN = regexcache.compile(r"[\w-]+")
#: In a phrase, "…" stands for words of the sentence (``morphology.GAP``).
_GAP = "…"


class DocumentWords(Protocol):
    """What the gate reads of a document (``doc.analysis``)."""

    @property
    def word_counts(self) -> "dict[str, int]": ...

    @property
    def word_firsts(self) -> "frozenset[str]": ...

    @property
    def word_lines(self) -> str: ...

    @property
    def hyphenated_words(self) -> "list[str]": ...

    @property
    def capitalised_words(self) -> "list[str]": ...

    def remember(self, key: str, compute: "Callable[[], T]") -> "T": ...


class WordGate(Record):
    _fields = ("exact", "leads", "phrases", "pieces")

    def __init__(
        self,
        exact: frozenset[str],
        leads: frozenset[str],
        phrases: dict[str, tuple[tuple[tuple[frozenset[str], ...], tuple[str, ...]], ...]],
        pieces: frozenset[str] = frozenset(),
    ):
        #: Words one of which must stand in the text as they are.
        self.exact = exact
        #: First letters of modifiers: a word of the text that starts with one may be a modifier's.
        self.leads = leads
        #: Phrases by their key word: the forms of each of their other plain words, all of which must
        #: stand in the text, and the phrase's patterns (``morphology.phrase_regexes``), one of which
        #: must find it in the text where that is known.
        self.phrases = phrases
        #: The longest word of each form with punctuation, one of which must stand in the text as it is.
        self.pieces = pieces

    def may_hold(self, words: DocumentWords) -> bool:
        return not self.exact.isdisjoint(words.word_counts) or bool(self._led(words)) or self._more(words)

    def held(self, words: DocumentWords, text: str | None = None) -> frozenset[str] | None:
        """The words of the document of ``words`` a single listed word can be, when nothing
        else of the list can stand in it (no punctuated form's word stands there, no phrase
        has all its words there, or, given the document's ``text``, stands in it): the plain
        forms it holds and the words that start with a modifier's first letters (the matcher
        tells which of them are a modifier's: "Megadeal", not "Megabit"); None when
        something else may."""
        met = self._met(words)
        if self._more(words, text, met):
            return None
        return self.exact.intersection(met).union(self._led(words))

    def _more(self, words: DocumentWords, text: str | None = None, met: "set[str] | frozenset[str] | None" = None) -> bool:
        """Whether the document may hold a form beyond single words: a punctuated form, a
        phrase. A phrase's words all stand in many a text ("Das ist passiert"), the
        phrase in few: where ``text`` is given, the phrase's pattern must also find it there
        (one search of the text, not a scan of every listed form). ``met``: the words of
        ``_looked_up`` the document may hold (``_met``), where known."""
        present = words.word_counts.keys()
        if met is None:
            met = self._met(words)
        if not self.pieces.isdisjoint(met):
            return True
        for key in self.phrases.keys() & met:
            for rest, patterns in self.phrases[key]:
                if any(map(present.isdisjoint, rest)):
                    continue  # a slot has no form in the text
                if text is None or any(self._phrase_pattern(p).search(text) is not None for p in patterns):
                    return True
        return False

    def _met(self, words: DocumentWords) -> "set[str] | frozenset[str]":
        """The words of ``_looked_up`` among the document's ``word_firsts``: two sets, so the
        intersection walks the smaller side with the hashes its table keeps (a word count, a
        ``Counter``, is walked by an iterator, each word hashed again: about twice the
        instructions). ``word_firsts`` also holds the first part of a hyphenated word ("Mega"
        of "Mega-Deal"), which stands whole nowhere: met, it can only make a phrase or a
        punctuated form look possible (then a scan tells, the same answer) or be a held word
        that ``Matcher._held_words`` finds no whole place of."""
        return self._looked_up.intersection(words.word_firsts)

    @cached_property
    def _looked_up(self) -> frozenset[str]:
        """Every word the gate looks for among a document's words (plain forms, punctuated
        forms' words, phrases' key words): one pass over the document's words finds them all."""
        return self.exact | self.pieces | frozenset(self.phrases)

    def _phrase_pattern(self, pattern: str) -> re.Pattern:
        """The compiled ``pattern`` of a phrase, compiled when a text first holds all its words."""
        compiled = self._phrase_patterns.get(pattern)
        if compiled is None:
            compiled = self._phrase_patterns[pattern] = regexcache.compile(pattern)
        return compiled

    @cached_property
    def _phrase_patterns(self) -> dict[str, re.Pattern]:
        """The phrase patterns compiled so far, by their text (``_phrase_pattern``)."""
        return {}

    def data(self) -> dict:
        """Plain data, for the matcher cache (``WordGate.from_data``)."""
        return {
            "exact": pack_words(sorted(self.exact)),
            "leads": sorted(self.leads),
            "pieces": sorted(self.pieces),
            "phrases": {
                k: [[[sorted(slot) for slot in rest], list(patterns)] for rest, patterns in rests] for k, rests in sorted(self.phrases.items())
            },
        }

    @classmethod
    def from_data(cls, data: dict) -> "WordGate":
        phrases = _StoredPhrases(data["phrases"])
        return cls(frozenset(unpack_words(data["exact"])), frozenset(data["leads"]), phrases, frozenset(data["pieces"]))

    def _led(self, words: DocumentWords) -> list[str]:
        """The words of the document of ``words`` that start with a lead. A lead with a
        capital ("Mega") starts only a capitalised word: those (``capitalised_words``, fewer
        than half of the words) are searched, one a line, for a line break and a lead (a
        search for a literal character is far faster than trying a line start at every
        position), the first of them tested on its own. The other leads ("super") are
        found in ``word_lines`` after a line break with ``str.find``, and at its start."""
        if not self.leads:
            return []
        capitals, others = self._lead_groups
        led: list[str] = []
        if capitals:
            caps = words.capitalised_words
            if caps:
                led = self._capitals_pattern.findall("\n".join(caps))
                if caps[0].startswith(capitals):
                    led.append(caps[0])
        if others:
            led += _lines_starting(words.word_lines, others)
        return led

    @cached_property
    def _lead_groups(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The leads that start with a capital (as ``words.capitalised`` tells one) and the
        others, as ``str.startswith`` takes them (made once, not on every document)."""
        capitals = tuple(sorted(lead for lead in self.leads if lead[:1].isupper()))
        return capitals, tuple(sorted(self.leads.difference(capitals)))

    @cached_property
    def _capitals_pattern(self) -> re.Pattern:
        """A line break, then a word that starts with a lead with a capital."""
        from lint.language.morphology import trie_regex

        return regexcache.compile("\n((?:" + trie_regex(set(self._lead_groups[0])) + ")[^\n]*)")


def pack_words(words: "Iterable[str]") -> "str | list[str]":
    """Words as cache data: one string, a word a line, where no word is empty or holds a
    line break (else the list). ``marshal`` and ``str.split`` make the hype scan's
    10,000 forms from one long string in about half the instructions ``marshal`` takes
    for 10,000 short strings."""
    words = list(words)
    if all(word and "\n" not in word for word in words):
        return "\n".join(words)
    return words


def unpack_words(packed: "str | list[str]") -> list[str]:
    """The words ``pack_words`` packed."""
    if isinstance(packed, str):
        return packed.split("\n") if packed else []
    return list(packed)


class _StoredPhrases(Mapping):
    """A gate's phrases read from the cache (``WordGate.data``), each key's made into sets
    when first asked for: a document meets the key words of few phrases, and making
    them all (the hype scan's 4,000 forms into 700 sets) cost about 6 million
    instructions on every start."""

    def __init__(self, stored: dict[str, list]):
        self._stored = stored
        self._made: dict[str, tuple] = {}

    def __getitem__(self, key: str) -> tuple[tuple[tuple[frozenset[str], ...], tuple[str, ...]], ...]:
        made = self._made.get(key)
        if made is None:
            rests = self._stored[key]
            made = self._made[key] = tuple((tuple(frozenset(slot) for slot in rest), tuple(patterns)) for rest, patterns in rests)
        return made

    def __contains__(self, key: object) -> bool:
        return key in self._stored  # without making the key's phrases

    def __iter__(self):
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)

    def keys(self):
        return self._stored.keys()  # a dict's view: ``&`` with a set without asking each key


def _lines_starting(lines: str, prefixes: tuple[str, ...]) -> list[str]:
    """The lines of ``lines`` that start with one of ``prefixes`` (none holds a line
    break): the first line tested, the others found after a line break with ``str.find``
    (one search in C per prefix; most words start with none). A line two prefixes start
    ("super", "superb") comes twice: the gate takes the words as a set."""
    found = [lines.partition("\n")[0]] if lines.startswith(prefixes) else []
    for prefix in prefixes:
        needle = "\n" + prefix
        at = lines.find(needle)
        while at != -1:
            end = lines.find("\n", at + 1)
            found.append(lines[at + 1 :] if end == -1 else lines[at + 1 : end])
            at = lines.find(needle, at + 1)
    return found


def build_gate(forms: "Iterable[str]" = (), phrases: "Iterable[list[set[str]]]" = (), modifiers: "Iterable[str]" = ()) -> WordGate | None:
    """The gate of single-word ``forms``, ``phrases`` (the forms of each word) and
    ``modifiers`` ("Mega"); None when some form holds no word (always scan)."""
    from lint.language.morphology import phrase_regexes

    exact: set[str] = set()
    pieces: set[str] = set()
    keyed: dict[str, set[tuple[tuple[frozenset[str], ...], tuple[str, ...]]]] = {}
    for form in forms:
        if _PLAIN.fullmatch(form):
            exact.add(form)
        elif not _add_piece(pieces, form):
            return None
    for slots in phrases:
        plain = [frozenset(slot) for slot in slots if slot != {_GAP} and all(_PLAIN.fullmatch(f) for f in slot)]
        if not plain:  # no word of the phrase is plain: its punctuated forms' words stand in the text
            if not all(_add_piece(pieces, f) for slot in slots if slot != {_GAP} for f in slot):
                return None
            continue
        key = max(plain, key=_rarity)
        rest = tuple(slot for slot in plain if slot is not key)
        patterns = phrase_regexes(slots)
        for form in key:
            keyed.setdefault(form, set()).add((rest, patterns))
    phrases_by_key = {k: tuple(sorted(v, key=lambda phrase: ([sorted(s) for s in phrase[0]], phrase[1]))) for k, v in keyed.items()}
    return WordGate(frozenset(exact), frozenset(m[:LEAD] for m in modifiers), phrases_by_key, frozenset(pieces))


def may_hold(gate: WordGate | None, words: DocumentWords | None) -> bool:
    """Whether the document of ``words`` can hold a form ``gate`` stands for (True when either is unknown)."""
    return gate is None or words is None or gate.may_hold(words)


def _rarity(slot: frozenset[str]) -> tuple[bool, int]:
    """How rare a phrase's word looks without data: a noun (capitalised) over
    other words, then the length of its shortest form."""
    return all(f[:1].isupper() for f in slot), min(map(len, slot))


def _add_piece(pieces: set[str], form: str) -> bool:
    """Keep the longest word of a punctuated ``form`` ("-Sieg" of "K.-o.-Sieg"): punctuation
    or the form's ends bound each of its words, so that word stands whole in a text that
    holds the form. False when the form holds no word."""
    words = _PLAIN.findall(form)
    if words:
        pieces.add(max(words, key=len))
    return bool(words)
