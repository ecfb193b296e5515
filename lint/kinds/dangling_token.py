"""``dangling-token``: a short token left untranslated where German syntax
expects a noun ("zu Beginn des neuen Jahres in Ty").

Candidates are the document's capitalised words of two or three letters
(from the shared word count) that are no abbreviation (all capitals), no
gazetteer name and not in the pack's list of short German words and names.
Each is found again with ``str.find`` and counts where a preposition comes
before it and neither another capitalised word (a longer name: "in Ho Chi
Minh") nor a digit follows, nor a full stop and a capital (an abbreviation:
"in St. Pölten"). Three-letter tokens left after that are looked up in
wordfreq (German and English, loaded on the first such token); two-letter
tokens are judged by the short-word list alone, because web-derived
frequency lists contain nearly every pair of letters.

Message field: ``{match}`` (the token).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind
from lint.language.segment import ABBREVIATIONS, NUMBER_ABBREVIATIONS
from lint.language.translation_data import GazetteerOptions, occurrences
from lint.language.wordlist import read_lines

_ABBREVIATIONS = ABBREVIATIONS | NUMBER_ABBREVIATIONS | {"fr", "hr", "hrn", "frau", "sen"}
#: Candidates are shorter than this (two or three letters).
SHORT = 4
_SHORT_CAPS = regexcache.compile(r"[A-ZÄÖÜ][a-zäöüß]{1,2}")
# What may follow a dangling token: a lower-case word, punctuation, a full stop
# (also before a capital: "in Ty. Die Börse ..." ends a sentence unless the token
# is a known abbreviation, see ``ABBREVIATIONS``) or the end of the text.
_AFTER = regexcache.compile(r"\s+(?:[a-zäöüß„\"(]|[.,;:!?)])|\s*[,;:!?)]|\.(?![ \t]*\d)|\s*\Z")


_NEXT = regexcache.compile(r"\.[ \t]+([A-ZÄÖÜ][\w-]*)")

# A full stop after two or three letters of a candidate's shape (``_SHORT_CAPS``), which
# are captured: the search stops at full stops only, a literal the engine skips to.
_SHORT_BEFORE_DOT = regexcache.compile(r"\.(?:(?<=([A-ZÄÖÜ][a-zäöüß])\.)|(?<=([A-ZÄÖÜ][a-zäöüß]{2})\.))")


def _before_full_stops(prose: str) -> set[str]:
    """The strings of ``_SHORT_CAPS``'s shape that stand right before a full stop in
    ``prose``: for a word ``w`` of that shape, ``w in _before_full_stops(prose)`` is
    ``w + "." in prose``, for all words in one scan of the prose's full stops instead
    of a search through the whole prose per word. (At a full stop at most one of the
    two shapes ends: the letter before the last is a capital or a small one.)"""
    return {two or three for two, three in _SHORT_BEFORE_DOT.findall(prose)}


def _shortens(short: str, word: str) -> bool:
    """Whether ``short`` abbreviates ``word``: its letters in order, the first one
    first ("Wr" -> "Wiener", "St" -> "Sankt")."""
    if len(word) <= len(short) or short[0] != word[0]:
        return False
    rest = iter(word[1:].lower())
    return all(c in rest for c in short[1:].lower())


def _before(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return regexcache.compile(r"(?<![\w-])(?:" + alternatives + r")\s+\Z")


class DanglingToken(GazetteerOptions, Kind):
    name = "dangling-token"
    defaults: ClassVar[dict[str, Any]] = {
        "gazetteer": [],
        "people": [],
        "known": [],
        "short_words": [],
        "prepositions": "data/dangling-prepositions.txt",
        "end_only": "",
        "abbreviations": "",
        "sentence_end": [],
        "common_zipf": 3.0,
    }

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        """Abbreviations before a name: the splitter's and the ``abbreviations`` list."""
        name = self.options["abbreviations"]
        return frozenset(_ABBREVIATIONS | set(read_lines(self.rule.data_file(name)) if name else ()))

    @cached_property
    def expansions(self) -> dict[str, tuple[str, ...]]:
        """Names of two words (gazetteer) by their second word: "Neustadt" -> ("Wiener", ...)."""
        out: dict[str, list[str]] = {}
        for name in self.gazetteer.names:
            first, _, second = name.partition(" ")
            if second and " " not in second:
                out.setdefault(second, []).append(first)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def people_words(self) -> frozenset[str]:
        """Every word of the gazetteer's people ("Xi", "Li", "Ki")."""
        return frozenset(w for full in self.gazetteer.people.values() for w in full.replace("-", " ").split())

    def _abbreviation(self, prose: str, token: str, end: int) -> bool:
        """Whether ``token.`` is an abbreviation before a name rather than the end of
        a sentence: the next word is no sentence opener ("Die", "Nachdem") and the
        token is a known abbreviation or the shortened first word of a gazetteer
        name ending in the next word ("Wr. Neustadt" -> "Wiener Neustadt")."""
        m = _NEXT.match(prose, end)
        if m is None:
            return False
        following = m.group(1)
        from lint.language.names import DETERMINERS, load_lexicon

        if following in load_lexicon().function_words or following.lower() in DETERMINERS:
            return False
        if token.lower() in self.abbreviations:
            return True
        return any(_shortens(token, first) for first in self.expansions.get(following, ()))

    def _ends_unexplained(self, doc, token: str, start: int) -> bool:
        """A short word of the lists at the end of a sentence is a stub ("in Po.")
        unless the text uses it elsewhere, or it is a person's name after a
        preposition that can take a person ("mit Xi.", not "in Li.")."""
        if doc.analysis.word_counts[token] >= 2 or token in self.sentence_words:
            return False
        if token in self.people_words:
            preposition = doc.prose[max(0, start - 12):start].split()[-1:]
            return preposition in (["in"], ["nach"], ["aus"])
        return True

    @cached_property
    def before(self) -> re.Pattern[str]:
        """A preposition (from the ``prepositions`` list) ending right before a token."""
        return _before(read_lines(self.rule.data_file(self.options["prepositions"])))

    @cached_property
    def allowed(self) -> set[str]:
        """Short words that are no stub after a preposition: names of the gazetteer and
        the ``short_words`` lists, of the lengths ``check`` asks about (``SHORT``)."""
        words = set(self.gazetteer.standalone_shorter_than(SHORT))
        for name in self.options["short_words"]:
            words.update(w for w in read_lines(self.rule.data_file(name)) if len(w) < SHORT)
        return words

    @cached_property
    def end_only(self) -> frozenset[str]:
        """Short words that are fine after a preposition except at the end of a
        sentence ("von Ab." is a stub; "Im", "Es" open sentences everywhere)."""
        name = self.options["end_only"]
        return frozenset(read_lines(self.rule.data_file(name))) if name else frozenset()

    @cached_property
    def sentence_words(self) -> frozenset[str]:
        """Short words that may end a sentence after a preposition ("mit Ja.")."""
        return frozenset(w for name in self.options["sentence_end"] for w in read_lines(self.rule.data_file(name)))

    def check(self, doc):
        caps = doc.analysis.capitalised_words
        prose = doc.prose
        end_only = self.end_only
        allowed = self.allowed
        short = [w for w in caps if len(w) < SHORT]  # two or three letters
        if not short:
            return
        # Listed two-letter words count too where they end a sentence ("nach Po."). The
        # lists are asked first: they hold the commonest short words ("Die", "Im"). Whether
        # a word stands before a full stop is asked of the set of such words, made only if
        # a listed word asks (for a word of another shape it may err: the shape test fails).
        listed = not allowed.isdisjoint(short) or not end_only.isdisjoint(short)
        dotted = _before_full_stops(prose) if listed else frozenset()
        short = [
            w for w in short
            if (w not in allowed or (len(w) == 2 and w in dotted))
            and (w not in end_only or w in dotted) and _SHORT_CAPS.fullmatch(w)
        ]
        if not short:
            return
        before = self.before
        for token in short:
            for start, end in occurrences(prose, token):
                if before.search(prose, max(0, start - 12), start) is None or _AFTER.match(prose, end) is None:
                    continue
                if doc.in_quote(start, end):
                    continue
                dot = prose.startswith(".", end)
                if (token in self.end_only or token in allowed) and not dot:
                    continue
                if dot and self._abbreviation(prose, token, end):
                    continue  # "in Fr. Müllers Praxis", "mit Dr. Hauser", "in Wr. Neustadt"
                if token in allowed and not self._ends_unexplained(doc, token, start):
                    continue
                if len(token) == 3 and max(self.frequency.zipf(token, "de"), self.frequency.zipf(token, "en")) >= self.options["common_zipf"]:
                    continue
                yield self.report(doc, start, end)


@hookimpl
def register_kinds():
    return [DanglingToken]
