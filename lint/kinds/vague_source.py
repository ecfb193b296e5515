"""``vague-source``: attributions that name nobody.

Reports "Experten", "Beobachter", "Analysten", "Kritiker", "Insider" and the
phrases "Berichten zufolge", "Medienberichten zufolge", "wie es heißt" when no
organisation or person is named with them ("Analysten der Deutschen Bank",
"Experten wie Hans Berg" are sources). A noun counts only where it is a source:
in a sentence with a verb of saying or judging ("Kritiker bemängeln",
"Analysten rechnen mit"), not as a topic ("die Frage, die Experten beschäftigt").
See ``lint.language.attribution``.

Message fields: ``{match}`` (the vague source).
"""

from __future__ import annotations

from typing import Any, ClassVar

from lint.plugins.hookspecs import hookimpl
from lint.language.attribution import ListOptions, nearby_sentences, share_words, share_words_later, shared_starts
from lint.kinds.base import Kind


class VagueSource(ListOptions, Kind):
    name = "vague-source"
    defaults: ClassVar[dict[str, Any]] = {
        "headings": False,
        "vague": ["data/vague-sources.txt"],
        "opinion_verbs": ["data/opinion-verbs.txt"],
        "determiners": ["data/name-determiners.txt"],
        "source_before": ["data/source-before.txt"],
        "cues": ["data/cues.txt", "data/konjunktiv.txt"],
    }

    def __init__(self, rule, options, setup=None):
        super().__init__(rule, options, setup)
        share_words_later(lambda: self.attribution.vague_words)

    def check(self, doc):
        attribution = self.attribution
        prose = doc.prose
        headings = bool(self.options["headings"])
        seen: set[tuple[int, int]] = set()
        words = attribution.vague_words
        share_words(words)
        for start, word in shared_starts(doc):
            if word not in words:
                continue
            # Only where a vague form covers the word ("Berichten" in "Berichten zufolge")
            # is its sentence worth splitting.
            if not any(s <= start < e for s, e, _ in attribution.vague.finditer(prose, max(0, start - 40), start + 60)):
                continue
            b, spans, si, _, _ = nearby_sentences(doc, start, start + 1, 300)
            if si < 0 or spans[si] in seen:
                continue
            seen.add(spans[si])
            if not headings and doc.blocks[b].kind == "heading":
                continue
            for hit in attribution.vague_hits(prose, *spans[si]):
                yield self.report(doc, hit.start, hit.end)


@hookimpl
def register_kinds():
    return [VagueSource]
