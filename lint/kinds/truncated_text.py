"""``truncated-text``: a text that stops in the middle of a sentence ("Die
Regierung kündigte an, dass die").

Only the end of the text is read: the last block, unless it is a caption
(a heading counts: plain-text readers take any line without a full stop for
one, and no heading ends on an article or a preposition either). It
counts as cut off when it ends without terminal punctuation (``.!?…`` or a
closing quotation mark or bracket) and either with a comma, semicolon,
colon or dash, or with a word that cannot end a German sentence: an article,
preposition or conjunction from the ``endings`` list.

Message field: ``{match}`` (the last word, with its punctuation).
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


class TruncatedText(Kind):
    name = "truncated-text"
    defaults: ClassVar[dict[str, Any]] = {"endings": "data/truncated-endings.txt"}

    @cached_property
    def endings(self) -> frozenset[str]:
        return frozenset(read_lines(self.rule.data_file(self.options["endings"])))

    def check(self, doc):
        if not doc.blocks:
            return
        last = doc.blocks[-1]
        text = doc.prose[last.start:last.end].rstrip()
        if last.kind == "caption":
            return  # captions end without a full stop
        if not text or text[-1] in _TERMINAL:
            return
        tail = max(0, len(text) - _TAIL_CHARS)
        m = _LAST_WORD.search(text, tail)
        if m is None:
            return
        word = m.group().rstrip(",;:-–")
        if text[-1] in _OPEN_PUNCTUATION or word.lower() in self.endings:
            start = last.start + m.start()
            yield self.report(doc, start, last.start + len(text))


@hookimpl
def register_kinds():
    return [TruncatedText]
