"""``english-fragment``: a run of English words left in German running text
("in der South San Francisco Bay Area", "Die Zukunft von Artificial
Intelligence").

The marker vocabulary is the pack's list of English words that are not
German words (``english``). One set intersection of the document's shared
word count with it finds the English words; only when at least two are
present are their places looked up (``str.find``) and joined into runs. A run starts and ends with an
English word, may hold up to ``max_gap`` capitalised or short words between (names:
"San Francisco"; "the next big thing"), and needs ``min_words`` English words not covered by an
allowed phrase: loanwords (``loanwords``: "Start-up", "App Store", "Open
Source") and gazetteer names ("Silicon Valley", "Wall Street Journal").
Runs inside quotation marks (titles, quotes) are fine. Hyphenated compounds
("High-End-Hardware") are German word formation and never part of a run.

Words German does not use at all (``english_only``, generated from wordfreq by
``scripts/build_english_only.py``) mark English too, and one of them alone is a
run where German grammar wants a noun ("gilt als cornerstone der"; ``_noun_slot``).
A lower-case word beside a marker that leans English joins it ("labor market").
German text around a run is read from its sides and from up to five words on
each side (``_german_side``, ``_german_around``).

A run containing a term with an established German translation (``terms``:
"Artificial Intelligence => künstliche Intelligenz") is reported at the
rule's severity with that translation. Any other run may be the unquoted
title of a film or the name of a band or institution, which German news
leaves in English: it is only a hint (info), and only when it reads like
English prose, with at least ``hint_min_words`` lower-case English words, one
of them more than a function word ("thanks for the messages", not "Sons of
the").

Fixed fragments are found on their own, without a run: English discourse
words and phrases (``fragments``: "of course", "by the way", "therefore")
and the terms (institutions and regions left in English: "European Union",
"Lower Austria"), each with its German translation, through a
``PhraseIndex`` (one anchor word per phrase, looked up in the document's
word count). A lower-case fragment counts in lower case, or capitalised at
the start of a sentence ("Of course, ..."), never as part of a title
("Of Course" inside a sentence) or of a name: a gazetteer name ("Munich Re"),
next to another capitalised word ("Vienna Capitals"), or joined to a
capitalised English word by a connector ("Rock in Vienna", "Bank of Vienna").

Message fields: ``{match}`` (the run), ``{suggestion}`` (the German term, or
the option ``no_term``).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.model.diagnostics import Severity
from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind
from lint.language.phrase_index import PhraseIndex
from lint.language.translation_data import GazetteerOptions, SplitTable, data_cached, occurrences, split_cached
from lint.language.word_frequency import FLOOR
from lint.language.wordlist import read_lines

#: English words that join the words of a name ("Rock in Vienna", "Bank of America").
_CONNECTORS = frozenset(("in", "of", "on", "at", "for", "the", "&"))
#: Verbs that name a term: the English words before them are the term, quoted in effect.
_NAMING = frozenset(("nennt", "nennen", "nannte", "nannten", "genannt", "heißt", "heißen", "hieß", "bezeichnet", "bezeichnen"))
_LETTERS = regexcache.compile(r"[A-Za-zÄÖÜäöüß]+")
#: The word right before a run and right after it, in the same sentence.
_WORD_BEFORE = regexcache.compile(r"([A-Za-zÄÖÜäöüß]+)[,;]?[ \t]+\Z")
_WORD_AFTER = regexcache.compile(r"[,;]?[ \t]+([A-Za-zÄÖÜäöüß]+)")
_GAP = regexcache.compile(r"(?:[ \t]+(?:[A-Z][a-z]+|[a-z]{1,3}))*[ \t]+")
#: How much more frequent in English than in German (Zipf) a lower-case word beside an
#: English word must be to count as English ("labor" 4.8 against 4.1).
LEAN = 0.5
#: How many words on each side of a run ``_german_around`` reads.
AROUND = 5


class EnglishFragment(GazetteerOptions, Kind):
    name = "english-fragment"
    defaults: ClassVar[dict[str, Any]] = {
        "english": [],
        "english_only": [],
        "loanwords": [],
        "gazetteer": [],
        "people": [],
        "known": [],
        "terms": [],
        "fragments": [],
        "place_types": [],
        "function_words": "data/english-function-words.txt",
        "min_words": 2,
        "max_gap": 3,
        "hint_min_words": 2,
        "embedded_max_words": 3,
        "german_function_words": "",
        "no_term": "eine deutsche Entsprechung",
    }

    def _files(self, option: str) -> tuple[Path, ...]:
        """The data files the list option ``option`` names."""
        return tuple(self.rule.data_file(name) for name in self.options[option])

    @cached_property
    def english(self) -> SplitTable:
        """The ``english`` words, lower case and capitalised: asked about a few words
        per run, so kept split (``SplitTable``); ``markers`` holds them too."""
        files = self._files("english")
        return split_cached("english", (Path(__file__), *files), "", lambda: _english_words(files))

    @cached_property
    def english_only(self) -> SplitTable:
        """English words German does not use at all (``english_only``, lower case): one of
        them alone between German words is a leftover ("gilt als cornerstone der")."""
        files = self._files("english_only")
        return split_cached("english-only", (Path(__file__), *files), "", lambda: _english_only_words(files))

    @cached_property
    def markers(self) -> frozenset[str]:
        """Every word that marks English (``english`` and ``english_only``): one
        intersection with a document's words finds them all. Kept in the data cache
        as one set (reading it costs less than reading both lists and joining them)."""
        english, only = self._files("english"), self._files("english_only")
        return data_cached(
            "english-markers", (Path(__file__), *english, *only), str(len(english)),
            lambda: _english_words(english) | _english_only_words(only),
        )

    @cached_property
    def allowed(self) -> frozenset[str]:
        """Loanwords and gazetteer names, lower case, one space between words."""
        phrases: set[str] = set()
        for name in self.options["loanwords"]:
            phrases.update(read_lines(self.rule.data_file(name)))
        g = self.gazetteer
        phrases.update(g.names)
        return frozenset(" ".join(p.split()).lower() for p in phrases)

    @cached_property
    def function_words(self) -> frozenset[str]:
        """English words too common to make a run English prose on their own."""
        return frozenset(read_lines(self.rule.data_file(self.options["function_words"])))

    @cached_property
    def german_function_words(self) -> frozenset[str]:
        """German articles, prepositions and conjunctions (``german_function_words``):
        around an English run they show German syntax, though English has some of them."""
        name = self.options["german_function_words"]
        return frozenset(read_lines(self.rule.data_file(name))) if name else frozenset()

    @cached_property
    def terms(self) -> dict[str, str]:
        translations: dict[str, str] = {}
        for name in self.options["terms"]:
            for line in read_lines(self.rule.data_file(name)):
                english, _, german = line.partition("=>")
                translations[" ".join(english.split()).lower()] = german.strip()
        return translations

    @cached_property
    def fragments(self) -> dict[str, str]:
        """English fragment or term -> its German translations ("a; b")."""
        translations: dict[str, str] = {}
        for name in [*self.options["fragments"], *self.options["terms"]]:
            for line in read_lines(self.rule.data_file(name)):
                english, _, german = line.partition("=>")
                translations[" ".join(english.split())] = german.strip()
        return translations

    @cached_property
    def place_types(self) -> frozenset[str]:
        """German nouns for a kind of place ("Stadt", "Kanton"): no part of the name after them."""
        return frozenset(w for name in self.options["place_types"] for w in read_lines(self.rule.data_file(name)))

    @cached_property
    def phrase_index(self) -> PhraseIndex:
        return PhraseIndex(self.fragments)

    def _fragments(self, doc, taken: list[tuple[int, int]]):
        """Known English fragments and terms outside quotations and names."""
        prose = doc.prose
        index = self.phrase_index
        # the text's words that are anchors, found as the English markers are (``words_among``)
        present = words_among(index.anchors, doc.analysis)
        for start, end, phrase in sorted(index.find(prose, present)):
            german = self.fragments.get(phrase) or self.fragments.get(phrase[:1].lower() + phrase[1:])
            if german is None:  # a capitalised fragment: only at the start of a sentence
                continue
            if phrase not in self.fragments:
                sentence = doc.sentence_at(start)
                if sentence is None or prose[sentence.start:start].strip("„“\"'»«‚‘([ ") != "":
                    continue
            if doc.in_quote(start, end) or any(s < end and start < e for s, e in taken) or self._in_name(doc, start, end):
                continue
            taken.append((start, end))
            yield self.report(doc, start, end, suggestion=" oder ".join(f"„{g.strip()}“" for g in german.split(";")))

    def _in_name(self, doc, start: int, end: int) -> bool:
        """Whether a term is part of a longer name: with the word before or after
        it an allowed name ("Munich Re"), or next to another capitalised word of
        a name ("Vienna Capitals", "Saatchi & Saatchi Geneva", "Styria Verlag"),
        or a tag of a post ("#Vienna", "@Vienna": the post's own label, as written there)."""
        prose = doc.prose
        if prose[start - 1 : start] in _TAG_MARKS:
            return True
        before = prose[max(0, start - 30):start].split()[-1:]
        after = prose[end:end + 30].split()[:1]
        phrase = prose[start:end]
        if phrase[:1].isupper():
            if after and (after[0][:1].isupper() or after[0][:1] == "&") and prose[end:end + 1] == " ":
                return True
            sentence = doc.sentence_at(start)
            # the word before opens the sentence, or stands in the sentence before: no name
            first = sentence is not None and prose[sentence.start:start].strip() in ("", "".join(before))
            # a capitalised word before it ("Lake Zurich", "Saatchi Geneva"), but not the
            # German noun that says what kind of place follows ("die Stadt Zurich")
            if before and (before[0] == "&" or (before[0][:1].isupper() and not first and before[0] not in self.place_types)):
                return True
        if phrase[:1].isupper() and self._english_name_before(prose, start):
            return True
        for candidate in (" ".join(before + [phrase]), " ".join([phrase] + after)):
            if candidate.strip(".,;:!?").lower() in self.allowed:
                return True
        return False

    def _english_name_before(self, prose: str, start: int) -> bool:
        """Whether an English name runs into the term through a connector: a
        capitalised English word, then "in", "of", "on", "at", "for", "the" or
        "&" ("Bank of Vienna"); with "in" only after a capitalised English word or
a name type ("das Festival Rock in Vienna"; not "das Konzert in Vienna")."""
        words = prose[max(0, start - 60):start].split()[-3:]
        if len(words) < 2 or words[-1] not in _CONNECTORS:
            return False
        head = words[-2].lstrip("„“\"'»«‚‘(")
        if not head[:1].isupper():
            return False
        if words[-1] != "in" or head in self.english or head.isupper():
            return True  # "of", "on", "at", "the", "&" join English words only
        # "in" is German too: a name only after a name type ("das Festival Rock in Vienna")
        from lint.language.names import is_name_type, load_lexicon

        return len(words) == 3 and words[0][:1].isupper() and is_name_type(words[0], load_lexicon())

    def _runs(self, prose: str, hits: set[str]):
        """Spans of runs: English words joined by blanks and at most ``max_gap`` capitalised or short words."""
        spots = sorted(span for word in hits for span in occurrences(prose, word))
        max_gap = int(self.options["max_gap"])
        i = 0
        while i < len(spots):
            start, end = spots[i]
            j = i
            while j + 1 < len(spots):
                between = prose[end:spots[j + 1][0]]
                m = _GAP.fullmatch(between)
                if m is None or between.count(" ") + between.count("\t") - 1 > max_gap:
                    break
                j += 1
                end = spots[j][1]
            if j > i:
                yield start, end
            i = j + 1

    def _covered(self, prose: str, start: int, end: int, words: list[str]) -> tuple[list[bool], str | None]:
        """Per word of the span ``words``: whether an allowed phrase (a loanword, a name)
        covers it, read with up to two words of the same clause before and after the
        span ("made" of "made in Österreich", "state of the" of "state of the art");
        and the span's known term: of its phrases of two to five words that are no
        allowed phrase, the first in ``terms``, longest first, then leftmost. Both are
        read off one pass over the word sequences (each joined once, not once for
        each question)."""
        before = _clause_words(prose[max(0, start - 40) : start].split()[-2:], from_end=True)
        after = _clause_words(prose[end : end + 40].split()[:2], from_end=False)
        lower = [w.lower() for w in (*before, *words, *after)]
        covered = [False] * len(lower)
        first, last = len(before), len(before) + len(words)  # the span's own words
        allowed, terms = self.allowed, self.terms
        term = None
        for n in range(min(5, len(lower)), 0, -1):
            for i in range(len(lower) - n + 1):
                phrase = " ".join(lower[i : i + n])
                if phrase in allowed:
                    covered[i : i + n] = [True] * n
                elif term is None and n > 1 and first <= i and i + n <= last and phrase in terms:
                    term = phrase
        return covered[first:last], term

    def _spans(self, prose: str, hits: set[str]):
        """The spans worth a look, in order: runs of English words (``_runs``), and each
        English word standing alone in lower case, with a lower-case neighbour that
        leans English ("labor market": "labor" is German too, as "Labor") or, alone, a
        word German never uses (``english_only``: "als cornerstone der")."""
        runs = list(self._runs(prose, hits))
        spans = list(runs)
        for word in hits:
            if not word.islower():
                continue
            for start, end in occurrences(prose, word):
                if any(s <= start and end <= e for s, e in runs):
                    continue
                wider = self._widened(prose, start, end)
                if wider != (start, end) or word in self.english_only:
                    spans.append(wider)
        return sorted(set(spans))

    def _widened(self, prose: str, start: int, end: int) -> tuple[int, int]:
        """``start``-``end`` with the lower-case word right before and the one right after
        it in the same sentence, where they lean English (``_leans_english``)."""
        before = _WORD_BEFORE.search(prose, max(0, start - 40), start)
        if before is not None and prose[before.end(1) : start].isspace() and self._leans_english(before.group(1)):
            start = before.start(1)
        after = _WORD_AFTER.match(prose, end, end + 40)
        if after is not None and prose[end : after.start(1)].isspace() and self._leans_english(after.group(1)):
            end = after.end(1)
        return start, end

    def _leans_english(self, word: str) -> bool:
        """A lower-case word more English than German (Zipf at least half a point
        higher, and common in English): "labor" beside "market"; never a German
        function word."""
        if not word.islower() or word in self.german_function_words or not self._frequencies:
            return False
        if word in self.markers:
            return True
        f = self.frequency
        english = f.zipf(word, "en")
        return english >= FLOOR and english >= f.zipf(word, "de") + LEAN

    def _english_word(self, word: str) -> bool:
        """A word of a span that counts as English: a marker, or a lower-case word leaning English."""
        return word in self.markers or self._leans_english(word)

    def _embedded(self, prose: str, start: int, end: int, english: list[str], quote: "tuple[int, int] | None") -> bool:
        """A few English words a machine left inside German ("in den nächsten two weeks
        bekannt gegeben"): at most ``embedded_max_words`` words, all lower case, one of
        them more than a function word, and a German word right before and right after
        them; in a quotation mostly in German (``_inside_german``) the words around may
        be missing ("„Aber dann geht es back to work.“"). A long English passage, a
        quotation whose marks were lost, has English around its runs."""
        words = prose[start:end].split()
        if len(words) > self.options["embedded_max_words"] or any(not w.islower() for w in english):
            return False
        if all(w in self.function_words for w in english):
            return False
        before = _WORD_BEFORE.search(prose, max(0, start - 40), start)
        after = _WORD_AFTER.match(prose, end, end + 40)
        sides = [m.group(1) for m in (before, after) if m is not None]
        if (after is not None and after.group(1).lower() in _NAMING) or (before is not None and before.group(1).lower().startswith("sogenannt")):
            return False  # a term named as such ("die man local sleep nennt", "sogenannte")
        if quote is not None:
            return all(self._german(w) for w in sides) and self._inside_german(prose, quote, start, end)
        # at the start of a sentence or clause ("– mayor von Kiew") the word after tells alone
        wanted = 1 if before is None and _opens_clause(prose, start) else 2
        return len(sides) == wanted and all(self._german_side(w) for w in sides) and self._german_around(prose, start, end)

    def _german_around(self, prose: str, start: int, end: int) -> bool:
        """Whether the words around the run (up to ``AROUND`` on each side) are more often
        German than English: an English passage ("… the longtime manager of my family,
        Robert …") has German-looking words next to a run too, but not around it."""
        words = _LETTERS.findall(prose, max(0, start - 80), start)[-AROUND:] + _LETTERS.findall(prose, end, end + 80)[:AROUND]
        german = sum(1 for w in words if self._german(w))
        english = sum(1 for w in words if w in self.markers or self._leans_english(w))
        return german > english

    def _noun_slot(self, prose: str, start: int, end: int) -> bool:
        """Whether a lone word stands where German grammar wants a noun: first in a sentence
        or clause, after an article, a preposition or a conjunction ("der cornerstone",
        "zum takeover") or an inflected adjective ("der sinkenden demand"), or right before
        a preposition or an article ("negotiations mit"); and not before a capitalised word, which it
        would qualify as an adjective ("die obsolete Unterscheidung", "zwei separate
        Knöpfe": German adjectives spelt like English ones)."""
        before = _WORD_BEFORE.search(prose, max(0, start - 40), start)
        if before is None:
            return _opens_clause(prose, start)  # a sentence's or clause's first word: its subject
        after = _WORD_AFTER.match(prose, end, end + 40)
        if after is not None and after.group(1)[:1].isupper():
            return False
        word = before.group(1)
        if word.lower() in self.german_function_words or (
            word.islower() and len(word) > 4 and word.endswith(_ADJECTIVE_ENDINGS) and word not in self.markers
            and not self._leans_english(word)
        ):
            return True
        # or right before a preposition or an article ("am Montag negotiations mit der")
        return after is not None and prose[end : after.start(1)] == " " and after.group(1) in self.german_function_words

    def _german_side(self, word: str) -> bool:
        """A word beside English words that shows German text around them: a German word
        (``_german``), or a word that marks no English and is common in German, capitalised
        (a noun: "Design, health care und") or leaning no more to English than to German
        ("will"), or rarer than both tables and German by its letters ("branchenfremden company")."""
        if self._german(word):
            return True
        if word in self.markers or not self._frequencies:
            return False
        f = self.frequency
        if f.zipf(word, "de") >= FLOOR:  # a capitalised noun, or a word that leans no more to English
            return word[:1].isupper() or not self._leans_english(word)
        # a word rarer than either table: German by its letters or its ending ("branchenfremden")
        low = word.lower()
        return f.zipf(word, "en") == 0 and (not _GERMAN_LETTERS.isdisjoint(low) or low.endswith(_GERMAN_ENDINGS))

    def _german(self, word: str) -> bool:
        """A word that belongs to German text, by the marker list and the frequency in
        either language (wordfreq)."""
        if word.lower() in self.german_function_words:
            return True  # "in", "an", "die": German grammar around the run
        if not self._frequencies:
            return False  # without wordfreq only the function words count (TR001 says why)
        f = self.frequency
        german = f.zipf(word, "de")
        return word not in self.english and german > 0 and german >= f.zipf(word, "en")

    @cached_property
    def _frequencies(self) -> bool:
        from lint.language.word_frequency import available

        return available()

    def _inside_german(self, prose: str, quote: tuple[int, int], start: int, end: int) -> bool:
        """Whether the run stands in a quotation mostly in German: "„Aber dann geht es
        back to work.“" is translated speech with a leftover, "„Thank you all for the
        support, of course!“" the speaker's English."""
        words = _LETTERS.findall(prose, quote[0], quote[1])
        return 3 * sum(1 for w in words if self._german(w)) >= 2 * len(words)

    def _sentence_like(self, english: list[str]) -> bool:
        """English prose rather than a title or name: at least ``hint_min_words``
        lower-case English words, one of them more than a function word."""
        lower = [w for w in english if w.islower()]
        return len(lower) >= self.options["hint_min_words"] and any(w not in self.function_words for w in lower)

    def check(self, doc):
        # Runs with a known term first, then fixed fragments outside them; a hint
        # (a run without a known term) gives way to a fragment inside it.
        runs = list(self._runs_found(doc))
        taken = [(d.start, d.end) for d in runs if d.severity != Severity.INFO]
        fragments = list(self._fragments(doc, taken))
        for d in runs:
            if d.severity != Severity.INFO or not any(f.start < d.end and d.start < f.end for f in fragments):
                yield d
        yield from fragments

    def _runs_found(self, doc):
        prose = doc.prose
        hits = words_among(self.markers, doc.analysis)
        if not hits:
            return
        for start, end in self._spans(prose, hits):
            quote = doc.in_quote(start, end)
            words = prose[start:end].split()
            covered, term = self._covered(prose, start, end, words)
            english = [w for w, c in zip(words, covered) if not c and self._english_word(w)]
            if len(english) < self.options["min_words"] and not (
                len(words) == 1 and english == words and words[0] in self.english_only and self._noun_slot(prose, start, end)
            ):
                continue  # one English word only where German never uses it, in the place of a noun
            if quote is not None:
                # a quotation is the source's words, unless a machine left a few English
                # words in a quotation otherwise German
                if self._embedded(prose, start, end, english, quote):
                    yield self.report(doc, start, end, suggestion=self.options["no_term"])
            elif term is not None:
                suggestion = " oder ".join(f"„{g.strip()}“" for g in self.terms[term].split(";"))
                yield self.report(doc, start, end, suggestion=suggestion)
            elif self._embedded(prose, start, end, english, None):
                # A few lower-case English words inside German: no title, no name.
                yield self.report(doc, start, end, suggestion=self.options["no_term"])
            elif self._sentence_like(english):
                # Without a known term it may be a title or a name: only a hint.
                yield self.report(doc, start, end, severity=Severity.INFO, suggestion=self.options["no_term"])


def words_among(vocabulary: frozenset[str], analysis) -> frozenset[str]:
    """The text's words (``analysis.word_counts``) that ``vocabulary`` holds. Intersected
    with the set ``analysis.word_firsts`` (the words and the first parts of hyphenated
    ones, made for every document): a set's few hundred members are walked with their
    stored hashes, not through a dictionary's iterator (a third fewer instructions);
    a first part found that is no word of its own ("Software" of "Software-Update"
    alone) is dropped after."""
    found = vocabulary.intersection(analysis.word_firsts)
    if not found:
        return found
    counts = analysis.word_counts
    return frozenset(w for w in found if w in counts)


def _english_words(files: tuple[Path, ...]) -> frozenset[str]:
    """The words of the ``english`` lists, each also capitalised (a sentence's first word)."""
    words: set[str] = set()
    for file in files:
        for word in read_lines(file):
            words.add(word)
            words.add(word[:1].upper() + word[1:])
    return frozenset(words)


def _english_only_words(files: tuple[Path, ...]) -> frozenset[str]:
    """The words of the ``english_only`` lists."""
    return frozenset(w for f in files for w in read_lines(f))


_CLAUSE_END = ".,;:!?"
#: What makes a word a hashtag or a handle of a social-media post.
_TAG_MARKS = ("#", "@")
#: The endings of an inflected German adjective before a noun ("sinkenden", "schwedische").
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
#: Letters only German writes, and endings of German inflection and word formation: a
#: word rarer than the frequency tables with one of them is German ("investierten").
_GERMAN_LETTERS = frozenset("äöüß")
_GERMAN_ENDINGS = ("e", "en", "ern", "em", "es", "te", "ten", "tes", "ung", "ungen", "heit", "keit", "isch", "ische", "ischen", "lich", "liche", "lichen")
#: What ends the text before a sentence or clause that opens with the span.
_OPENERS = ".!?:–—(\n"


def _opens_clause(prose: str, start: int) -> bool:
    """Whether ``start`` opens the text, a sentence or a clause: only blanks and quotation
    marks between it and the end of the last one (a full stop, colon, dash, bracket,
    line break)."""
    before = prose[max(0, start - 20) : start].rstrip(" \t„“\"'»«‚‘")
    return not before or before[-1] in _OPENERS
_QUOTES = "„“\"'»«‚‘()"


def _clause_words(words: list[str], from_end: bool) -> list[str]:
    """The ``words`` next to a span that stand in its clause, without punctuation:
    after it, up to the first that ends the clause (kept); before it, after the last
    that ends one. Quotation marks and brackets end it too."""
    kept: list[str] = []
    for word in reversed(words) if from_end else words:
        bare = word.strip(_QUOTES)
        if from_end and (bare != word or bare[-1:] in _CLAUSE_END):
            break
        kept.append(bare.rstrip(_CLAUSE_END))
        if not from_end and (bare != word or bare[-1:] in _CLAUSE_END):
            break
    return kept[::-1] if from_end else kept


@hookimpl
def register_kinds():
    return [EnglishFragment]
