"""``name-variant``: a garbled spelling of a name ("Nvida", "Microsfot",
"Andre Karpathy").

Three checks, all cheap enough to run over every document:

1. Gazetteer typos: the document's words are intersected with the
   gazetteer's misspelling index (``lint.language.gazetteer.Gazetteer.variants``:
   one letter dropped, two swapped or one doubled, the final consonant voiced
   or devoiced, "Stuttgard"; the first letter kept).
2. People: a known surname after a first name that is one or two edits from
   the gazetteer's first name for it ("Andre Karpathy" -> "Andrej Karpathy").
3. In the document: a token used once that is a misspelling of a
   capitalised token the same text uses at least ``min_count`` times (or
   earlier); only tokens of one first letter, lengths at most one apart and
   the same first or last three letters are compared, so each rare token is
   compared with a handful. Of two spellings used once each, the one the
   language knows less well is the garbled one (word frequency, of a compound
   its parts: "Fingerabruck-Scanner" beside "Fingerabdruck-Scanner", whichever
   comes first); known equally little, the later one is reported as a tie
   (``tie_message``), without a fix.

A candidate is dropped when it is itself a name of the gazetteer, at least
as frequent in wordfreq as the spelling it would be "corrected" to (of a
spelling pair only the rarer member is flagged, never the established one), a common
German or English word (wordfreq, loaded only now), a compound of two common
German words ("Altersforscher"), an inflected form of the
established one ("Bayer"/"Bayern", "Merkels"), or shorter than
``min_length`` letters: short names ("Merz"/"März", "Meta"/"Mesa") are too
close to ordinary words to judge by spelling.

Message fields: ``{match}``, ``{canonical}`` (the established spelling),
``{source}`` ("Namensliste" or "Text").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property
from itertools import combinations, groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind
from lint.language.gazetteer import is_typo

from lint.language.translation_data import GazetteerOptions, occurrences

#: The shortest part of a compound that proves a word German ("Alters" + "forscher").
COMPOUND_PART = 4
#: The head of such a compound is a frequent word ("forscher" 4.4), more frequent than
#: a common surname that would make a garbled name look like one ("Rose" + "maier" 3.8).
COMPOUND_HEAD_ZIPF = 4.0

_LONG_CAPS = regexcache.compile(r"[A-ZÄÖÜ][a-zäöüß][A-Za-zäöüß]{3,}(?:-[A-ZÄÖÜ][A-Za-zäöüß]+)*")
_FIRST_NAME = regexcache.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüéèáíóúčšžł]+)\s+\Z")
_INFLECTION = ("s", "n", "e", "en", "es", "er", "ern", "ns", "sche", "schen", "isch", "in", "innen")


def _first_name_before(prose: str, start: int):
    """``_FIRST_NAME``'s match in the 40 characters before ``start``: a capitalised word,
    then blanks up to ``start``. The word holds no blank, so the match cannot start
    before the last space ahead of it, and the search starts there: not a try of the
    pattern at each of the 40 characters (without a blank right before ``start``
    nothing is tried)."""
    lo = max(0, start - 40)
    window = prose[lo:start]
    words = window.rstrip()
    if len(words) == len(window):
        return None
    return _FIRST_NAME.search(prose, lo + words.rfind(" ") + 1, start)


def _inflected(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are forms of one word: "Bayer"/"Bayern",
    "Westjordanlands"/"Westjordanlandes" (same stem, inflection endings)."""
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short):] in _INFLECTION:
        return True
    return any(a[:-len(x)] == b[:-len(y)] for x in _INFLECTION if a.endswith(x) for y in _INFLECTION if b.endswith(y))


# What follows the first word of a pair: a surname, or a place's connector and word.
_SECOND = regexcache.compile(r" (?:(am|an der|an|im|in der|in|ob der|bei) )?([A-ZÄÖÜ][\w-]*)(?![\w-])")
_HEAD = itemgetter(slice(0, 3))
_TAIL = itemgetter(slice(-3, None))
_FIRST = itemgetter(0)


def _two_parts(word: str):
    """Each split of ``word`` into two parts of ``COMPOUND_PART`` letters or more, as
    ``(first, head)``: where a compound of two words may join ("alters" + "forscher")."""
    return ((word[:i], word[i:]) for i in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1))


def _two_as_long(words: list[str], min_length: int) -> bool:
    """Whether two of ``words`` (none empty) have ``min_length`` letters or more: asked
    of the first words up to the second long one, not of a list of all long ones."""
    long_words = (w for w in words if len(w) >= min_length)
    return next(long_words, "") != "" and next(long_words, "") != ""


def _close_pairs(words: list[str]) -> list[tuple[str, str]]:
    """The pairs of ``words`` one of which may garble the other: the same first letter
    (a garble keeps it, ``_garbled``), lengths at most one apart, and the same first or
    the same last three letters. Sorted, the words of one first letter stand together,
    and only they are paired: a few pairs per document, found without a key made for
    every word (grouping all words by their three letters cost twice as much)."""
    pairs = []
    for _, group in groupby(sorted(words), _FIRST):
        run = list(group)
        if len(run) > PAIRING_REACH:
            pairs += _near_pairs(run)
            continue
        for a, b in combinations(run, 2):
            if -1 <= len(a) - len(b) <= 1 and (a[:3] == b[:3] or a[-3:] == b[-3:]):
                pairs.append((a, b))
    return pairs


#: How many words of one first letter are all paired with each other; beyond it (an
#: export of thousands of names, not an article) each word is paired with the next
#: ``PAIRING_REACH`` words sharing its first three letters in alphabetical order and with
#: the next sharing its last three letters in the order of the reversed words: linear,
#: where pairing them all grew with the square of the names.
PAIRING_REACH = 48


def _near_pairs(run: list[str]) -> list[tuple[str, str]]:
    """``_close_pairs`` of a long run of words of one first letter (sorted), in linear time:
    a garble that keeps the first three letters stands near its word in alphabetical order,
    one that keeps the last three near it in the order of the reversed words."""
    found: set[tuple[str, str]] = set()
    for ordered, same in ((run, _HEAD), (sorted(run, key=_reversed), _TAIL)):
        for i, a in enumerate(ordered):
            letters = same(a)
            for b in ordered[i + 1 : i + 1 + PAIRING_REACH]:
                if same(b) == letters and -1 <= len(a) - len(b) <= 1:
                    found.add((a, b) if a < b else (b, a))
    return sorted(found)


def _reversed(word: str) -> str:
    return word[::-1]


def _plain(word: str) -> str:
    """``word`` without diacritics ("Sánchez" -> "Sanchez")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one edit: a letter replaced,
    added, dropped, or two neighbours swapped (``_distance(a, b) == 1``, in O(n))."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    limit = min(len(a), len(b))
    while i < limit and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1:] == b[i + 1:]:
            return True  # replaced
        return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]  # swapped
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return shorter[i:] == longer[i + 1:]


#: Letters a hasty or machine transcription confuses: vowels among themselves, voiced and
#: voiceless pairs, letters of one sound ("Halvorson"/"Halvorsen", "Sorokowa"/"Sorokova",
#: "Stadtpfarrprobst"/"-propst"). "Laimer"/"Lainer" (m/n) are two names, not one garbled.
SOUND_ALIKE = frozenset(
    frozenset(pair)
    for pair in (
        *(a + b for a in "aeiouyäöü" for b in "aeiouyäöü" if a < b),
        "bp", "dt", "gk", "vw", "fv", "sz", "ck", "jy", "ßs",
    )
)


def _substituted(variant: str, word: str) -> bool:
    """Whether ``variant`` is ``word`` with one letter after the first replaced by one
    that sounds alike (``SOUND_ALIKE``)."""
    if len(variant) != len(word) or variant[:1] != word[:1] or variant == word:
        return False
    diff = [(x, y) for x, y in zip(variant, word) if x != y]
    return len(diff) == 1 and frozenset(diff[0]) in SOUND_ALIKE


def _inserted(variant: str, word: str) -> int:
    """Where ``variant`` is ``word`` with one letter added after the first ("Solbergh":
    at 7), or -1."""
    if len(variant) != len(word) + 1 or variant[:1] != word[:1]:
        return -1
    i = 0
    while i < len(word) and word[i] == variant[i]:
        i += 1
    return i if i > 0 and variant[i + 1 :] == word[i:] else -1


def _garbled(variant: str, word: str, is_word) -> bool:
    """A spelling of ``word`` garbled once, as the text's own names are compared: a letter
    dropped, added, doubled, two swapped (``is_typo``) or one replaced by one that sounds
    alike (``_substituted``). An "e" or "s" added before a word of the language is a
    compound's linking element, no garble ("Fahrwegekapazitäten": "kapazitäten"); nor is a
    hyphen alone, a matter of style or a brand's spelling ("OnlineBanking")."""
    if variant.replace("-", "") == word.replace("-", ""):
        return False
    if is_typo(variant, word) or _substituted(variant, word):
        return True
    at = _inserted(variant, word)
    if at < 0:
        return False
    return not (variant[at] in "es" and at < len(word) and is_word(word[at:]))


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (small strings only)."""
    if abs(len(a) - len(b)) > 2:
        return 3
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


class NameVariant(GazetteerOptions, Kind):
    name = "name-variant"
    defaults: ClassVar[dict[str, Any]] = {
        "gazetteer": [],
        "people": [],
        "known": [],
        "min_length": 6,
        "min_count": 2,
        "common_zipf": 3.0,
        "in_document": True,
        "in_document_min_length": 5,
        # A pair of spellings each used once: which one is wrong, the text does not say.
        "tie_message": "",
        "tie_help": "",
    }

    def _plausible(self, token: str, canonical: str, min_length: int | None = None) -> bool:
        g = self.gazetteer
        if min_length is None:
            min_length = self.options["min_length"] - 1
        if len(token) < min_length or token in g.tokens or _inflected(token, canonical):
            return False
        if token.isupper() or token.lower() == canonical.lower():
            return False
        # after the cheap tests: a search of the known names' bucket (thousands for some letters)
        if token in g.known_tokens:
            return False
        if self.frequency.is_common(token, self.options["common_zipf"]):
            return False
        if self._compound(token):
            return False
        return not self._established(token, canonical)

    def _a_word(self, text: str) -> bool:
        """Whether ``text`` is a common German word (the head of a compound)."""
        return len(text) >= COMPOUND_PART and self._german_at_least(text.lower(), self.options["common_zipf"])

    def _german_at_least(self, word: str, zipf: float) -> bool:
        """Whether ``word``'s German Zipf frequency is at least ``zipf`` (one lookup:
        the German table is read for every document's names already)."""
        return self.frequency.zipf(word, "de") >= zipf

    def _compound(self, token: str) -> bool:
        """Whether ``token`` is a German compound of two common words ("Altersforscher":
        "Alters" + "forscher"): a word of the language, no garbled name. A typo in
        either part leaves that part unknown ("Wachtumsprognose")."""
        threshold = self.options["common_zipf"]
        return any(
            self._german_at_least(head, COMPOUND_HEAD_ZIPF) and self._german_at_least(first, threshold)
            for first, head in _two_parts(token.lower())
        )

    def _established(self, token: str, canonical: str) -> bool:
        """Whether ``token`` is at least as established in the language as
        ``canonical`` (wordfreq, German or English): then it is the other
        spelling of a pair, never the garbled one. A word on neither list of
        common words is not (and no table is read)."""
        f = self.frequency
        if not f.is_common(token):
            return False
        mine = max(f.zipf(token, "de"), f.zipf(token, "en"))
        return mine > 0 and mine >= max(f.zipf(canonical, "de"), f.zipf(canonical, "en"))

    def check(self, doc):
        prose = doc.prose
        counts = doc.analysis.word_counts
        caps = doc.analysis.capitalised_words  # every name candidate starts with a capital
        flagged: dict[str, tuple[str, str]] = {}
        ties: set[str] = set()  # flagged words whose other spelling is used just as often
        misspelt = self.starts
        starts = misspelt.keys() & caps
        # Misspellings keep the first letter, so they are capitalised like the names.
        for token in starts:
            canonical = misspelt[token]
            if canonical and self._plausible(token, canonical):
                flagged[token] = (canonical, "Namensliste")
        if self.options["in_document"]:
            self._in_document(caps, counts, flagged, ties)
        for token, (canonical, source) in flagged.items():
            for start, end in occurrences(prose, token):
                if token in ties and self.options["tie_message"]:
                    yield self._tie(doc, start, end, canonical)
                    continue
                fix = self.replacement(start, end, canonical)
                yield self.report(doc, start, end, fix=fix, canonical=canonical, source=source)
        upper, lower = self.surnames
        # ``counts.keys()`` tests the few lower-case surnames, not every word of the text
        if not upper.isdisjoint(starts) or (lower and not counts.keys().isdisjoint(lower)):
            yield from self._people(doc, starts)
        yield from self._pairs(doc, starts, flagged)

    def _tie(self, doc, start: int, end: int, other: str):
        """Two spellings of one name, each used once: said as such, without a fix
        (the earlier one is not more likely right)."""
        found = self.report(doc, start, end, canonical=other, source="Text")
        values = {"match": doc.prose[start:end], "canonical": other}
        return found.replace(message=self.options["tie_message"].format_map(values), help=self.options["tie_help"].format_map(values))

    def _in_document(self, caps: list[str], counts, flagged: dict[str, tuple[str, str]], ties: set[str]) -> None:
        """Add to ``flagged`` the words used once that misspell another word of the
        text. A form is established by being used ``min_count`` times, or by
        coming first: "Nadella" ... "Nadela" (the later form is the odd one out).
        A misspelling keeps the first letter and the first three or the last three
        letters and changes the length by at most one (``_close_pairs``). A word is
        compared with the words of its first three letters, then with those of its
        last three (the later find is kept), each by length, then in the text's order."""
        doc_length = self.options["in_document_min_length"]
        min_count = self.options["min_count"]
        if not _two_as_long(caps, doc_length):
            return  # and no word frequencies loaded
        # Both must be rare German words: names are (a common word beside its typo,
        # "Stadt"/"Stadtt", is for the spelling check; famous names that are
        # common words are the gazetteer's). An English name may be common in
        # English ("Holloway"); the garbled one must be rare in both languages
        # (``_plausible``).
        pool = self.frequency.uncommon_in_german(caps, doc_length)
        pairs = _close_pairs(pool)
        if not pairs:
            return
        order = {t: i for i, t in enumerate(pool)}
        # per word used less than ``min_count`` times (and not found by the gazetteer):
        # the established words it may garble
        near: dict[str, list[str]] = {}
        for a, b in pairs:
            for single, token in ((a, b), (b, a)):
                if counts[single] < min_count and single not in flagged and (
                    counts[token] >= min_count or order[token] < order[single]
                ):
                    near.setdefault(single, []).append(token)
        for single, tokens in near.items():
            tokens.sort(key=order.__getitem__)
            tokens.sort(key=len)
            for same in (_HEAD, _TAIL):
                letters = same(single)
                token = self._garbled_of(single, [t for t in tokens if same(t) == letters], doc_length)
                if token is not None:
                    if counts[token] >= min_count:
                        flagged[single] = (token, "Text")
                    else:
                        self._tie_broken(single, token, flagged, ties, doc_length)

    def _garbled_of(self, single: str, tokens: list[str], doc_length: int) -> str | None:
        """The first of ``tokens`` that ``single`` garbles (``_garbled``), both with the
        shape of a name and the garble plausible (``_plausible``); or None."""
        shape = _LONG_CAPS.fullmatch
        for token in tokens:
            if _garbled(single, token, self._a_word) and shape(single) and shape(token) and self._plausible(single, token, doc_length):
                return token
        return None

    def _tie_broken(self, later: str, earlier: str, flagged: dict[str, tuple[str, str]], ties: set[str], min_length: int) -> None:
        """Two spellings each used once: the one the language knows less well is the
        garbled one ("Fingerabruck-Scanner" beside "Fingerabdruck-Scanner", whichever
        comes first, ``_known``); known equally little, the later one is reported as
        a tie (the text does not say which is right)."""
        known_later, known_earlier = self._known(later), self._known(earlier)
        if known_later > known_earlier:
            if self._plausible(earlier, later, min_length):
                flagged[earlier] = (later, "Text")
            return
        flagged[later] = (earlier, "Text")
        if known_later == known_earlier:
            ties.add(later)

    def _known(self, word: str) -> float:
        """How well the language knows ``word``: its Zipf frequency (German or English);
        of a hyphenated word, that of its least-known part; of a word in neither table,
        that of its best split into two German words of ``COMPOUND_PART`` letters or more
        (the weaker part counts: "Fingerabdruck" 3.3, "Fingerabruck" 0)."""
        if "-" in word:
            return min(self._known(part) for part in word.split("-") if part)
        low, zipf = word.lower(), self.frequency.zipf
        found = max(zipf(low, "de"), zipf(low, "en"))
        if found:
            return found
        return max((min(zipf(first, "de"), zipf(head, "de")) for first, head in _two_parts(low)), default=0.0)

    @cached_property
    def surnames(self) -> tuple[frozenset[str], frozenset[str]]:
        """Surnames of the gazetteer's people: those with a capital first, the rest."""
        names = [s for s in self.gazetteer.first_names if len(s) >= 4]
        return frozenset(s for s in names if s[:1].isupper()), frozenset(s for s in names if not s[:1].isupper())

    @cached_property
    def starts(self) -> dict[str, str]:
        """Every capitalised word a check starts from, with the name it misspells ("" for
        none): the gazetteer's misspellings (``variants``), the first words of its
        pairings, its people's surnames. A document's capitalised words are intersected
        with it once, and each check takes its share of the few found (intersecting
        all of them with each of the three tables cost three times as much). Kept in
        the data cache beside the gazetteer's tables, and read instead of the
        misspellings: built from them, it cost 7.7 M instructions more per run."""
        min_length = int(self.options["min_length"])

        def build() -> dict[str, str]:
            starts = dict.fromkeys(self.pairings.keys() | self.surnames[0], "")
            starts.update(self.gazetteer.variants(min_length))
            return starts

        return self.gazetteer.derived("name-starts", (Path(__file__),), str(min_length), build)

    @cached_property
    def pairings(self) -> dict[str, dict[str, str]]:
        """The fixed pairs of the gazetteer, by their first word: a person's
        first name -> {surname: full name}; a place -> {"am Main": "Frankfurt am
        Main"}."""
        pairs: dict[str, dict[str, str]] = {}
        for (first, last), full in self.gazetteer.people.items():
            if len(last) >= 4:
                pairs.setdefault(first, {})[last] = full
        for place, suffixes in self.gazetteer.suffixes.items():
            for connector, word in suffixes:
                if len(word) >= 4:
                    pairs.setdefault(place, {})[f"{connector} {word}"] = f"{place} {connector} {word}"
        return pairs

    def _pairs(self, doc, starts, flagged):
        """A famous pairing with its second part one edit off, even where that part
        is a real word or name: "Emmanuel Macon", "Frankfurt am Mein". Where the
        text's pair is itself a known name ("Olaf Scholl" no, "Weil am Rhein"
        yes), nothing is said. ``starts``: the document's capitalised words among ``starts``."""
        prose = doc.prose
        pairings = self.pairings
        for first in pairings.keys() & starts:
            seconds = pairings[first]
            for _, end in occurrences(prose, first):
                m = _SECOND.match(prose, end)
                if m is None:
                    continue
                connector, word = m.group(1) or "", m.group(2)
                if word in flagged:
                    continue
                second = f"{connector} {word}" if connector else word
                if second in seconds:
                    continue
                # the same connector ("am"), a last word one edit off
                close = [s for s in seconds if s.rpartition(" ")[0] == connector
                         and _one_edit(word, s.rpartition(" ")[2]) and not _inflected(word, s.rpartition(" ")[2])]
                if len(close) != 1 or any(_plain(word) == _plain(s.rpartition(" ")[2]) for s in seconds):
                    continue  # none, ambiguous, or the name without its diacritics ("Sanchez")
                # asked last, of the few pairs one edit off: a search of the known names'
                # bucket (thousands of names for some first letters) costs most
                full = f"{first} {second}"
                if full in self.gazetteer.tokens or full in self.gazetteer.known_tokens:
                    continue
                canonical = seconds[close[0]]
                right = close[0].rpartition(" ")[2]
                yield self.report(doc, m.start(2), m.end(2), fix=self.replacement(m.start(2), m.end(2), right),
                                  canonical=canonical, source="Namensliste")

    def _people(self, doc, starts):
        """A person's first name garbled before the surname ("Andre Karpathy"). ``starts``:
        the document's capitalised words among ``starts``."""
        g = self.gazetteer
        prose = doc.prose
        upper, lower = self.surnames
        for last in sorted(upper.intersection(starts) | (doc.analysis.word_counts.keys() & lower)):
            known = g.first_names[last]
            for start, end in occurrences(prose, last):
                m = _first_name_before(prose, start)
                if m is None:
                    continue
                first = m.group(1)
                if first in known or first in g.tokens or len(first) < 3:
                    continue
                close = [k for k in known if k[0] == first[0] and _distance(first, k) <= (1 if len(k) < 7 else 2)]
                if len(close) != 1 or _inflected(first, close[0]) or first[:-1] == close[0][:-1]:
                    continue
                if self.frequency.is_common(last, self.options["common_zipf"]):
                    continue  # a common surname ("Müller", "Schmidt") says too little
                canonical = g.people[(close[0], last)]
                fix = self.replacement(m.start(1), m.end(1), close[0])
                yield self.report(doc, m.start(1), end, fix=fix, canonical=canonical, source="Namensliste")


@hookimpl
def register_kinds():
    return [NameVariant]
