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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections import Counter

    from lint.model.document import Document, Sentence


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

    # ----- words (translation kinds) --------------------------------------
    @cached_property
    def word_counts(self) -> "Counter[str]":
        """How often each distinct word occurs in the prose (``lint.language.words``)."""
        from lint.language.words import count_words

        return count_words(self.doc.prose)

    @cached_property
    def capitalised_words(self) -> list[str]:
        """The distinct words that start with a capital, in order of first occurrence."""
        from lint.language.words import capitalised

        return capitalised(list(self.word_counts))
