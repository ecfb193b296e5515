"""Fixed phrases found through one anchor word each.

A ``PhraseIndex`` holds phrases ("of course", "European Union") and finds
them in a text as whole words. Each phrase is filed under its anchor, its
longest word (the rarest, as a rule: "course", "European"); a document's
distinct words (``doc.analysis.word_counts``) say which anchors occur, and
only the phrases under those are searched, with ``str.find``. A lower-case
phrase also matches with a capital first letter ("Of course, ..."), which the
caller may accept only at the start of a sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def _variants(phrase: str) -> tuple[str, ...]:
    if phrase[:1].islower():
        return phrase, phrase[:1].upper() + phrase[1:]
    return (phrase,)


class PhraseIndex:
    def __init__(self, phrases: Iterable[str]):
        self.by_anchor: dict[str, list[str]] = {}
        for phrase in phrases:
            words = phrase.split()
            if not words:
                continue
            anchor = max(reversed(words), key=len)
            for variant in _variants(" ".join(words)):
                key = anchor if variant.endswith(anchor) or variant.find(anchor) > 0 else variant.split()[0]
                self.by_anchor.setdefault(key, []).append(variant)
        #: The anchors as a set: a caller may intersect them with a text's words first.
        self.anchors = frozenset(self.by_anchor)

    def find(self, prose: str, words) -> Iterator[tuple[int, int, str]]:
        """``(start, end, phrase)`` for each whole-word occurrence (``phrase`` as
        written in the index, lower-case first letter restored). ``words``: the
        text's distinct words, best as a set or a dict's keys view (the smaller side
        of the intersection is iterated then, not every word of the text), or only
        those of them that are ``anchors``."""
        for anchor in self.by_anchor.keys() & words:
            for variant in self.by_anchor[anchor]:
                n = len(variant)
                i = prose.find(variant)
                while i >= 0:
                    before = prose[i - 1] if i else " "
                    after = prose[i + n] if i + n < len(prose) else " "
                    if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
                        yield i, i + n, variant
                    i = prose.find(variant, i + n)
