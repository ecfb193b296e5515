"""Results of a per-sentence mechanism (negation, names), computed on first use.

A kind asks about a few candidate spans; most sentences are never looked at.
``PerSentence`` finds the sentence of an offset and computes that sentence's
results once; ``all()`` computes every sentence (for tools that list them).
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter
from typing import Callable, Generic, Sequence, TypeVar

T = TypeVar("T")

#: A sentence's start (sentences are any objects with ``start``).
_START = attrgetter("start")


class PerSentence(Generic[T]):
    def __init__(self, sentences: Sequence, compute: Callable[[int, int], list[T]]):
        """``sentences`` have ``start`` and ``end``; ``compute(start, end)`` gives one sentence's results."""
        self.sentences = sentences
        self.compute = compute
        self._starts = list(map(_START, sentences))  # at C level: no bytecode per sentence
        self._done: dict[int, list[T]] = {}

    def index(self, offset: int) -> int | None:
        i = bisect_right(self._starts, offset) - 1
        if i < 0 or offset > self.sentences[i].end:
            return None
        return i

    def of(self, i: int) -> list[T]:
        if i not in self._done:
            s = self.sentences[i]
            self._done[i] = self.compute(s.start, s.end)
        return self._done[i]

    def at(self, offset: int) -> list[T]:
        """The results of the sentence holding ``offset`` ([] outside every sentence)."""
        i = self.index(offset)
        return [] if i is None else self.of(i)

    def all(self) -> list[T]:
        return [r for i in range(len(self.sentences)) for r in self.of(i)]
