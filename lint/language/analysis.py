"""The per-document analysis: computed once, lazily, read by every kind.

One ``Analysis`` belongs to one ``Document`` (``doc.analysis``). Each field is
computed on first use by one mechanism module of ``lint.language`` (one job
each, with a table of test cases) and kept for this document only. Kinds ask
the analysis ("which sentence? is this span quoted, and who speaks? which
zone?"); they never compute that themselves and never store results on the
document or in a module global.

- blocks and zones: ``blocks``, ``block_at``, ``zone_at`` (readers set zones);
- sentences (``lint.language.segment``, the one splitter): ``sentences``,
  ``sentence_at``; per block and only where asked: ``block_sentences``,
  ``sentences_near`` (a block's sentences around a span, split locally);
- quotations and who is quoted (``lint.language.quotes``): ``quotes``,
  ``quote_at``, ``speaker_of``;
- metadata (front matter and equivalents): ``meta``.

Adding a mechanism (negation scopes, names and titles, genre): write
``lint/language/<mechanism>.py`` with a pure function over the prose and
what the analysis already knows, add one cached property here that calls it,
and test the module with a table of cases.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import chain, count, repeat
from operator import itemgetter
from lint.model.lazy import lazy
from lint.model.record import Record, named_tuple
from lint.model.rows import rows
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

from lint.language.quantities import Quantity, quantities
from lint.language.quotes import Quote, Speaker, find_quotes
from lint.language.segment import BEYOND, split_region, split_sentences
# imported here, not in the properties: the document's module holds them already, and an
# import statement run for every document costs as much as building a small list
from lint.language.words import capitalised, count_words, hyphenated, utf8
from lint.language.zones import block_zones, zone_spans
from lint.language.readability import measure as measure_readability
from lint.language.negation import is_negated, negation_scopes, load_lexicon as negation_lexicon
from lint.language.names import could_be_named, in_name, name_spans, load_lexicon as names_lexicon
from lint.language.persentence import PerSentence
from lint.language.fields import field_names, fields_in, load_field
from lint.language.genre import detect_genre
from lint.model.document import Sentence

if TYPE_CHECKING:
    from collections import Counter

    from lint.language.genre import GenreGuess
    from lint.language.zones import ZoneSpan
    from lint.language.fields import Field
    from lint.language.names import NameSpan
    from lint.language.readability import Analysis as ReadabilityAnalysis
    from lint.language.negation import NegationScope
    from lint.language.persentence import PerSentence
    from lint.language.speech import SpeechIndex, SpeechSpan
    from lint.language.words import Utf8
    from lint.model.document import Block, Document

#: How far around a span ``sentences_near`` splits by default (characters).
NEAR_REACH = 600


@named_tuple
class Metadata:
    """The document's metadata as its source states it (front matter, meta
    tags, a CMS export's fields); empty strings where it says nothing."""

    title: str = ""
    date: str = ""
    genre: str = ""
    language: str = ""

    @classmethod
    def from_fields(cls, fields: dict[str, str]) -> "Metadata":
        return cls(**{name: str(fields.get(name, "")) for name in ("title", "date", "genre", "language")})


class Nearby(Record):
    """Sentences of one block around a span (``Analysis.sentences_near``):
    ``spans`` in order, ``index`` of the one holding the span's start (-1 if
    none), ``head``/``tail`` whether they reach the block's first/last sentence."""

    _fields = ("block", "spans", "index", "head", "tail")
    __slots__ = _fields

    def __init__(self, block: int, spans: list[tuple[int, int]], index: int, head: bool = True, tail: bool = True):
        self.block = block
        self.spans = spans
        self.index = index
        self.head = head
        self.tail = tail


T = TypeVar("T")


class Analysis:
    """What newslint knows about one document beyond its text."""

    #: The parts nearly every rule reads, in the order they build on each other: the engine
    #: computes them for a whole group of documents before the group's first kind runs
    #: (``Engine.lint_documents``; kinds name more in ``Kind.reads``). The same values, but
    #: the code that makes each one runs over 32 documents in a row instead of between
    #: forty kinds' checks: it stays in the processor's caches (about 3% less time).
    EVERY_RULE = (
        "prose_utf8", "word_counts", "word_firsts", "capitalised_words", "word_lines",
        "hyphenated_words", "sentences", "block_zones", "zones",
    )

    def __init__(self, doc: "Document"):
        self.doc = doc
        self._block_sentences: dict[int, list[tuple[int, int]]] = {}

    # ----- blocks and zones -----------------------------------------------
    @property
    def blocks(self) -> "list[Block]":
        return self.doc.blocks

    @lazy
    def block_zones(self) -> list[str]:
        """The zone of each block (``lint.language.zones``)."""
        return block_zones(self.doc)

    @lazy
    def zones(self) -> "list[ZoneSpan]":
        """Zones over prose offsets, sorted (a block's dateline and, in a one-block
        article, its teaser and lead are split out)."""
        return zone_spans(self.doc, self.block_zones)

    @lazy
    def _zone_starts(self) -> list[int]:
        return [z.start for z in self.zones]

    @lazy
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.doc.blocks]

    def block_at(self, offset: int) -> int | None:
        """Index of the block holding ``offset``."""
        i = bisect_right(self._block_starts, offset) - 1
        if i < 0 or offset > self.doc.blocks[i].end:
            return None
        return i

    def block_before(self, offset: int) -> int:
        """Index of the last block starting at or before ``offset`` (-1 if none)."""
        return bisect_right(self._block_starts, offset) - 1

    def zone_at(self, offset: int) -> str:
        """The zone at a prose offset ("body" when nothing says otherwise)."""
        i = bisect_right(self._zone_starts, offset) - 1
        if i < 0 or offset > self.zones[i].end:
            return "body"
        return self.zones[i].zone

    # ----- sentences (one splitter for the whole project) -------------------
    @lazy
    def sentences(self) -> "list[Sentence]":
        """Every sentence, block by block, numbered in order: built column by column at C
        level (no call of ``Sentence.__new__`` per sentence); only the texts are sliced in a
        comprehension, which costs less than ``map`` over slice objects (a call of the
        prose's ``__getitem__`` and a slice object per sentence)."""
        per_block = [self.block_sentences(b) for b in range(len(self.doc.blocks))]
        spans = list(chain.from_iterable(per_block))
        starts = list(map(itemgetter(0), spans))
        self.__dict__["_sentence_starts"] = starts  # ``_sentence_starts``, known already
        prose = self.doc.prose
        texts = [prose[start:end] for start, end in spans]
        blocks = chain.from_iterable(map(repeat, range(len(per_block)), map(len, per_block)))
        return rows(Sentence, zip(count(), starts, map(itemgetter(1), spans), blocks, texts))

    @lazy
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> "Sentence | None":
        i = bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return None
        sentence = self.sentences[i]
        return sentence if offset <= sentence.end else None

    def block_sentences(self, b: int) -> list[tuple[int, int]]:
        """The sentence spans of block ``b``, split on first request (most
        kinds ask about a few blocks only)."""
        spans = self._block_sentences.get(b)
        if spans is None:
            block = self.doc.blocks[b]
            spans = self._block_sentences[b] = split_sentences(self.doc.prose, block.start, block.end)
        return spans

    def sentences_near(self, start: int, end: int, reach: int = NEAR_REACH) -> Nearby:
        """The sentences of the block holding ``start`` around ``start:end``,
        splitting only ``reach`` characters either side unless the block is
        split already or the sentence holding ``start`` touches the region's
        edge (then the whole block is split)."""
        b = self.block_before(start)
        if b < 0:
            return Nearby(-1, [], -1)
        if b not in self._block_sentences:
            block = self.doc.blocks[b]
            lo, hi = max(block.start, start - reach), min(block.end, end + reach)
            spans, head, tail = split_region(self.doc.prose, block.start, block.end, lo, hi)
            i = bisect_right(spans, (start, BEYOND)) - 1
            if 0 <= i and start <= spans[i][1]:
                return Nearby(b, spans, i, head, tail)
        spans = self.block_sentences(b)
        i = bisect_right(spans, (start, BEYOND)) - 1
        if i < 0 or start > spans[i][1]:
            i = -1
        return Nearby(b, spans, i)

    # ----- quotations and who is quoted -------------------------------------
    @lazy
    def quotes(self) -> list[Quote]:
        """The direct quotations (quote marks included) with their speakers."""
        return find_quotes(self.doc.prose, self.doc.quotes)

    @lazy
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def quote_at(self, start: int, end: int) -> Quote | None:
        """The quotation that contains ``start:end``, if any."""
        i = bisect_right(self._quote_starts, start) - 1
        if i >= 0 and end <= self.quotes[i].end:
            return self.quotes[i]
        return None

    def in_quote(self, start: int, end: int) -> tuple[int, int] | None:
        return self.doc.in_quote(start, end)

    def speaker_of(self, start: int, end: int) -> Speaker | None:
        """Who speaks the words at ``start:end``: the speaker of the quotation
        holding them, if the text names one."""
        quote = self.quote_at(start, end)
        return quote.speaker if quote is not None else None

    # ----- quantities -------------------------------------------------------
    @lazy
    def quantities(self) -> list[Quantity]:
        """The quantities of the whole text (``lint.language.quantities``): numbers with their
        scale and unit, found once for every rule that compares quantities."""
        return quantities(self.doc.prose, words=self)

    # ----- metadata ---------------------------------------------------------
    @lazy
    def meta(self) -> Metadata:
        """Front matter and equivalent fields: title, date, genre, language."""
        return Metadata.from_fields(self.doc.meta)
    # ----- readability ------------------------------------------------------
    @lazy
    def readability(self) -> "ReadabilityAnalysis":
        """Body sentences with their word counts and the article's metrics
        (``lint.language.readability.measure``)."""
        return measure_readability(self.doc)

    # ----- word-list hits shared by the rules of a pack -------------------
    @lazy
    def _list_hits(self) -> dict[str, list]:
        return {}

    def list_hits(self, key: str, scan: "Callable[[str], list[T]]") -> "list[T]":
        """``scan(prose)``, computed once per document for every rule that shares the
        scan; ``key`` names the scan by its lists' content (never an object's identity)."""
        return self.remember(key, lambda: scan(self.doc.prose))

    def remember(self, key: str, compute: "Callable[[], T]") -> "T":
        """``compute()``, once per document for everyone who asks under ``key`` (a name
        derived from content, such as a word list's: never an object's identity)."""
        found = self._list_hits.get(key)
        if found is None:
            found = self._list_hits[key] = compute()
        return found

    # ----- who speaks, what is denied, what is a name, which field -------
    # (lint.language.speech, negation, names, fields: one mechanism each)
    @lazy
    def _speech(self) -> "SpeechIndex":
        from lint.language.speech import SpeechIndex, load_lexicon

        return SpeechIndex(self.doc.prose, self.doc.sentences, self.doc.quotes, load_lexicon())

    @lazy
    def speech(self) -> "list[SpeechSpan]":
        """Spans of direct and reported speech, each with ``.kind`` and ``.speaker``."""
        return self._speech.all()

    def speech_at(self, start: int, end: int) -> "SpeechSpan | None":
        """The narrowest speech span holding ``start:end`` (``.speaker``, ``.kind``), or None."""
        return self._speech.at(start, end)

    def speeches_in(self, start: int, end: int) -> "list[SpeechSpan]":
        """The narrowest speech spans at the start, the middle and the end of ``start:end``
        (a sentence), each once: who speaks in it, whether the speech opens, holds or
        closes it ("…, sagte die Ministerin")."""
        found: "list[SpeechSpan]" = []
        for at in (start, (start + end) // 2, max(start, end - 2)):
            speech = self._speech.at(at, at + 1)
            if speech is not None and speech not in found:
                found.append(speech)
        return found

    @lazy
    def _negation(self) -> "PerSentence[NegationScope]":
        lex, prose = negation_lexicon(), self.doc.prose
        return PerSentence(self.doc.sentences, lambda s, e: negation_scopes(prose, s, e, lex))

    @lazy
    def negations(self) -> "list[NegationScope]":
        """Negation scopes ("keine Sensation", "alles andere als spektakulär")."""
        return self._negation.all()

    def negated(self, start: int, end: int, own: str = "") -> bool:
        """Whether ``start:end`` is denied by a negator in its sentence (``own``: the
        listed phrase, whose own negator denies nothing; see ``negation.is_negated``)."""
        return is_negated(self._negation.at(start), start, end, own)

    @lazy
    def _names(self) -> "PerSentence[NameSpan]":
        lex, prose = names_lexicon(), self.doc.prose
        return PerSentence(self.doc.sentences, lambda s, e: name_spans(prose, s, e, lex))

    @lazy
    def names(self) -> "list[NameSpan]":
        """Proper names and titles (quotation marks as title marks, capitalised runs, typed names)."""
        return self._names.all()

    def name_at(self, start: int, end: int) -> "NameSpan | None":
        """The name or title holding ``start:end``, or None."""

        sentence = self.sentence_at(start)
        if sentence is None or not could_be_named(self.doc.prose, start, sentence.start, sentence.end):
            return None
        return in_name(self._names.at(start), start, end)

    def _fields(self, only: "Iterable[str] | None") -> "list[Field]":
        """The fields to look for (``only``: these alone), read once per document: the
        lists' files are checked for changes on each document, not on each question."""
        key = None if only is None else tuple(only)
        found = self._field_lists.get(key)
        if found is None:
            names = self._field_names
            if key is not None:
                wanted = set(key)
                names = [n for n in names if n in wanted]
            found = self._field_lists[key] = [self._field(name) for name in names]
        return found

    @lazy
    def _field_lists(self) -> "dict[tuple[str, ...] | None, list[Field]]":
        return {}

    @lazy
    def _field_names(self) -> list[str]:
        """The fields of the data folder, listed once per document (not once per field set)."""
        return field_names()

    def _field(self, name: str) -> "Field":
        """The field ``name``, its file checked once per document however many field
        sets hold it."""
        found = self._loaded_fields.get(name)
        if found is None:

            found = self._loaded_fields[name] = load_field(name)
        return found

    @lazy
    def _loaded_fields(self) -> "dict[str, Field]":
        return {}

    def fields_near(self, start: int, end: int, context: int = 1, only: "Iterable[str] | None" = None) -> set[str]:
        """Semantic fields (weather, geology, ...) of the sentence holding ``start:end`` and
        ``context`` sentences either side; the words ``start:end`` themselves left out
        (``only``: look for these fields alone)."""
        sentences = self.doc.sentences
        here = self.sentence_at(start)
        if here is None:
            return set()
        lo = sentences[max(0, here.index - context)].start
        hi = sentences[min(len(sentences) - 1, here.index + context)].end
        prose = self.doc.prose
        return fields_in(prose[lo:start] + " " + prose[end:hi], self._fields(only))

    def fields_in_span(self, start: int, end: int, only: "Iterable[str] | None" = None) -> set[str]:
        """Semantic fields of the words at ``start:end`` themselves ("Börsenbeben": markets)."""
        return fields_in(self.doc.prose[start:end], self._fields(only))

    def fields_in_blocks(self, offset: int, only: "Iterable[str] | None" = None) -> set[str]:
        """Semantic fields of the paragraph (block) holding ``offset`` and of the first
        block (the headline): what the piece is about, beyond a sentence's neighbours."""
        b = self.block_at(offset)
        blocks = self.doc.blocks
        chosen = sorted({0, b} if b is not None else {0}) if blocks else []
        return fields_in(" ".join(self.doc.prose[blocks[i].start : blocks[i].end] for i in chosen), self._fields(only))

    # ----- genre ------------------------------------------------------------
    @lazy
    def genre_guess(self) -> "GenreGuess":
        """The genre with where it comes from and why (``lint.language.genre``)."""
        return detect_genre(self.doc)

    @property
    def genre(self) -> str:
        """The document's genre ("rezension", "meldung", ...; "" when unknown)."""
        return self.genre_guess.genre

    # ----- words (translation kinds) --------------------------------------
    @lazy
    def prose_utf8(self) -> "Utf8":
        """The prose's UTF-8 bytes and its characters beyond ASCII (``lint.language.words.utf8``):
        made once for the word counts, the word count and the genre's lower-cased text; from the
        bytes the file was read as where the prose is that text unchanged (``Document.utf8_as_read``)."""
        return utf8(self.doc.prose, self.doc.utf8_as_read)

    @lazy
    def word_counts(self) -> "Counter[str]":
        """How often each distinct word occurs in the prose (``lint.language.words``)."""
        return count_words(self.doc.prose, self.prose_utf8)

    @lazy
    def word_firsts(self) -> frozenset[str]:
        """The distinct words and the first part of each hyphenated one ("Euro" of
        "Euro-Millionen"): the words a form can be found as at a word start; the parts
        from the few ``hyphenated_words``, which the genre's cues read too. The set is made
        from a dictionary (the word counts, merged with the parts where there are any), whose
        keys it takes with their hashes in one C loop: over a ``chain`` of both it took each
        word from an iterator, about a sixth more instructions."""
        firsts = [word.partition("-")[0] for word in self.hyphenated_words]
        return frozenset({**self.word_counts, **dict.fromkeys(firsts)} if firsts else self.word_counts)

    @lazy
    def word_lines(self) -> str:
        """The distinct words (``word_counts``), one per line: a word list's gate looks
        for words that start with given letters in one search (``lint.language.word_gate``)."""
        return "\n".join(self.word_counts)

    @lazy
    def hyphenated_words(self) -> list[str]:
        """The distinct words that hold a hyphen ("Ich-Erzähler"), in order of first occurrence."""
        return hyphenated(self.word_lines)

    @lazy
    def capitalised_words(self) -> list[str]:
        """The distinct words that start with a capital, in order of first occurrence."""
        return capitalised(self.word_counts)
