"""The per-document analysis: computed once, lazily, read by every kind.

One ``Analysis`` belongs to one ``Document`` (``doc.analysis``). Each field is
a ``cached_property`` that asks one mechanism module of ``lint.language``
(one job each, with a table of test cases) and keeps the answer for this
document only. Kinds ask the analysis ("is this span quoted? negated? a
name? which zone?"); they never compute that themselves and never store
results on the document or in a module global.

Adding a mechanism: write ``lint/language/<mechanism>.py`` with a pure
function over the document (or the prose and sentences), add one cached
property here that calls it, and test the module with a table of cases.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

if TYPE_CHECKING:
    from lint.language.fields import Field
    from lint.language.names import NameSpan
    from lint.language.negation import NegationScope
    from lint.language.persentence import PerSentence
    from lint.language.speech import SpeechIndex, SpeechSpan
    from lint.model.document import Document, Sentence


T = TypeVar("T")


class Analysis:
    """What newslint knows about one document beyond its text."""

    def __init__(self, doc: "Document"):
        self.doc = doc

    # ----- segmentation (one splitter for the whole project) -------------
    @property
    def sentences(self) -> "list[Sentence]":
        return self.doc.sentences

    def sentence_at(self, offset: int) -> "Sentence | None":
        return self.doc.sentence_at(offset)

    # ----- quotation ------------------------------------------------------
    @property
    def quotes(self) -> list[tuple[int, int]]:
        """Spans of direct quotations, quote marks included."""
        return self.doc.quotes

    def in_quote(self, start: int, end: int) -> tuple[int, int] | None:
        return self.doc.in_quote(start, end)

    # ----- metadata -------------------------------------------------------
    @property
    def meta(self) -> dict[str, str]:
        """Front matter and equivalent fields: title, date, genre, language."""
        return self.doc.meta

    # ----- zones ----------------------------------------------------------
    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.doc.blocks]

    def block_at(self, offset: int) -> int | None:
        """Index of the block holding ``offset``."""
        i = bisect_right(self._block_starts, offset) - 1
        if i < 0 or offset > self.doc.blocks[i].end:
            return None
        return i

    def zone_at(self, offset: int) -> str:
        """The zone of the block holding ``offset`` ("body" when nothing says otherwise)."""
        i = self.block_at(offset)
        if i is None:
            return "body"
        return self.doc.blocks[i].zone or "body"

    # ----- word-list hits shared by the rules of a pack -------------------
    @cached_property
    def _list_hits(self) -> dict[str, list]:
        return {}

    def list_hits(self, key: str, scan: "Callable[[str], list[T]]") -> "list[T]":
        """``scan(prose)``, computed once per document for every rule that shares the
        scan; ``key`` names the scan by its lists' content (never an object's identity)."""
        hits = self._list_hits.get(key)
        if hits is None:
            hits = self._list_hits[key] = scan(self.doc.prose)
        return hits

    # ----- who speaks, what is denied, what is a name, which field -------
    # (lint.language.speech, negation, names, fields: one mechanism each)
    @cached_property
    def _speech(self) -> "SpeechIndex":
        from lint.language.speech import SpeechIndex, load_lexicon

        return SpeechIndex(self.doc.prose, self.doc.sentences, self.doc.quotes, load_lexicon())

    @cached_property
    def speech(self) -> "list[SpeechSpan]":
        """Spans of direct and reported speech, each with ``.kind`` and ``.speaker``."""
        return self._speech.all()

    def speech_at(self, start: int, end: int) -> "SpeechSpan | None":
        """The narrowest speech span holding ``start:end`` (``.speaker``, ``.kind``), or None."""
        return self._speech.at(start, end)

    @cached_property
    def _negation(self) -> "PerSentence[NegationScope]":
        from lint.language.negation import load_lexicon, negation_scopes
        from lint.language.persentence import PerSentence

        lex, prose = load_lexicon(), self.doc.prose
        return PerSentence(self.doc.sentences, lambda s, e: negation_scopes(prose, s, e, lex))

    @cached_property
    def negations(self) -> "list[NegationScope]":
        """Negation scopes ("keine Sensation", "alles andere als spektakulär")."""
        return self._negation.all()

    def negated(self, start: int, end: int, own: str = "") -> bool:
        """Whether ``start:end`` is denied by a negator in its sentence (``own``: the
        listed phrase, whose own negator denies nothing; see ``negation.is_negated``)."""
        from lint.language.negation import is_negated

        return is_negated(self._negation.at(start), start, end, own)

    @cached_property
    def _names(self) -> "PerSentence[NameSpan]":
        from lint.language.names import load_lexicon, name_spans
        from lint.language.persentence import PerSentence

        lex, prose = load_lexicon(), self.doc.prose
        return PerSentence(self.doc.sentences, lambda s, e: name_spans(prose, s, e, lex))

    @cached_property
    def names(self) -> "list[NameSpan]":
        """Proper names and titles (quotation marks as title marks, capitalised runs, typed names)."""
        return self._names.all()

    def name_at(self, start: int, end: int) -> "NameSpan | None":
        """The name or title holding ``start:end``, or None."""
        from lint.language.names import could_be_named, in_name

        sentence = self.sentence_at(start)
        if sentence is None or not could_be_named(self.doc.prose, start, sentence.start, sentence.end):
            return None
        return in_name(self._names.at(start), start, end)

    def _fields(self, only: "Iterable[str] | None") -> "list[Field]":
        from lint.language.fields import field_names, load_field

        names = field_names()
        return [load_field(name) for name in (names if only is None else [n for n in names if n in set(only)])]

    def fields_near(self, start: int, end: int, context: int = 1, only: "Iterable[str] | None" = None) -> set[str]:
        """Semantic fields (weather, geology, ...) of the sentence holding ``start:end`` and
        ``context`` sentences either side; the words ``start:end`` themselves left out
        (``only``: look for these fields alone)."""
        from lint.language.fields import fields_in

        sentences = self.doc.sentences
        here = self.sentence_at(start)
        if here is None:
            return set()
        lo = sentences[max(0, here.index - context)].start
        hi = sentences[min(len(sentences) - 1, here.index + context)].end
        prose = self.doc.prose
        return fields_in(prose[lo:start] + " " + prose[end:hi], self._fields(only))
