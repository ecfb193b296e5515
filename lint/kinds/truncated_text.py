"""``truncated-text``: a text or a paragraph that stops in the middle of a
sentence ("Die Regierung kündigte an, dass die").

A block counts as cut off when it ends without terminal punctuation (``.!?…``
or a closing quotation mark or bracket) and

- with a comma, semicolon, colon or dash, or with a word that cannot end a
  German sentence: an article, preposition or conjunction from the ``endings``
  list (any block of the body: no heading ends on an article or a preposition
  either);
- in the text's last block: with a noun phrase whose noun never comes, an
  indefinite article followed only by lower-case words ("von einem insgesamt
  freundlichen, aber nervösen": German nouns are capitalised).

Inside the text only running paragraphs (zones ``body`` and ``lead``) are read,
and only for the words of ``endings``: a headline ends on a verb's particle
("rufen zur Impfung auf"), a paragraph before a list on a colon. Captions end
without a full stop and are never read.

Message fields: ``{match}`` (the last word, with its punctuation), ``{where}``
("Der Text", "Der Absatz").
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.kinds.base import Kind
from lint.language.wordlist import read_lines
from lint.plugins.hookspecs import hookimpl

_TERMINAL = frozenset(".!?…\"“”»«'’)]")
_OPEN_PUNCTUATION = frozenset(",;:-–")
#: How much of the end of the text is searched for its last word.
_TAIL_CHARS = 80
_LAST_WORD = regexcache.compile(r"[\w-]+[,;:\-–]?\Z")
#: The zones whose last block is running text (not a heading, credit or byline).
_BODY_ZONES = frozenset(("body", "lead"))
#: Prepositions that are also the particles of separable verbs: a heading may end on
#: one even where it holds sentences ("Wetter-Wahnsinn! Gewitter rollen auf Deutschland zu").
_PARTICLES = frozenset("ab an auf aus bei durch ein mit nach über um unter vor zu zurück".split())
_HEADING_ZONES = frozenset(("headline", "subheadline", "subheading"))
#: A heading of more words is a paragraph that lost its full stop, not a headline.
_HEADLINE_WORDS = 10
#: A full stop inside a line: the line holds sentences, it is no heading.
_SENTENCE_INSIDE = regexcache.compile(r"[.!?…][“\"»«’]?\s+[„\"»«]?[A-ZÄÖÜ]")
#: A paragraph of no more words is a list item or a label, not running text.
_LONE_WORDS = 3
#: An indefinite article: the last one of a text must be followed by a noun (a capital).
#: The "e" first, the look back after it: the regex engine skips ahead to each "e".
_ARTICLE = regexcache.compile(r"e(?<![\w-]e)(?:in|ine|inem|inen|iner|ines)\s")


class TruncatedText(Kind):
    name = "truncated-text"
    defaults: ClassVar[dict[str, Any]] = {"endings": "data/truncated-endings.txt"}

    @cached_property
    def endings(self) -> frozenset[str]:
        return frozenset(read_lines(self.rule.data_file(self.options["endings"])))

    def check(self, doc):
        blocks = doc.blocks
        for i, block in enumerate(blocks):
            last = i == len(blocks) - 1
            if block.kind == "caption":
                continue  # captions end without a full stop
            found = self._cut(doc, block, last)
            if found is not None:
                start, end = found
                yield self.report(doc, start, end, where="Der Text" if last else "Der Absatz")

    def _cut(self, doc, block, last: bool) -> tuple[int, int] | None:
        """The span of the last word of ``block`` when the block stops mid-sentence."""
        prose = doc.prose
        text = prose[block.start : block.end].rstrip()
        if not text or text[-1] in _TERMINAL:
            return None
        m = _LAST_WORD.search(text, max(0, len(text) - _TAIL_CHARS))
        if m is None:
            return None
        start, end = block.start + m.start(), block.start + len(text)
        word = m.group().rstrip(",;:-–")
        if last and (text[-1] in _OPEN_PUNCTUATION or word.lower() in self.endings):
            return start, end
        # Inside the text only running paragraphs count: a headline ends on a verb's
        # particle ("rufen zur Impfung auf"), a paragraph before a list on a colon.
        zone = doc.analysis.zone_at(block.start)
        if zone not in _BODY_ZONES and (not _SENTENCE_INSIDE.search(text) or self._headline_particle(zone, text, word)):
            return None  # a heading (a plain-text line without a full stop), unless it holds sentences
        if not last:
            return (start, end) if word.lower() in self.endings and len(text.split()) > _LONE_WORDS else None
        sentence = text[max(text.rfind(mark) for mark in ".!?…") + 1 :]
        articles = list(_ARTICLE.finditer(sentence))
        if articles and not any(w[:1].isupper() for w in sentence[articles[-1].end() :].split()):
            return start, end  # "von einem insgesamt freundlichen, aber nervösen"
        return None

    @staticmethod
    def _headline_particle(zone: str, text: str, word: str) -> bool:
        """A short headline (``_HEADLINE_WORDS``) ending on a verb's particle."""
        return zone in _HEADING_ZONES and word.lower() in _PARTICLES and len(text.split()) <= _HEADLINE_WORDS


@hookimpl
def register_kinds():
    return [TruncatedText]
