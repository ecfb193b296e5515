"""``english-fragment``: a run of English words left in German running text
("in der South San Francisco Bay Area", "Die Zukunft von Artificial
Intelligence").

The marker vocabulary is the pack's list of English words that are not
German words (``english``). Per document one ``findall`` collects the ASCII
words, one set intersection keeps the English ones; only when at least two
are present is a run pattern built from them. A run starts and ends with an
English word, may hold up to ``max_gap`` capitalised words between (names:
"San Francisco"), and needs ``min_words`` English words not covered by an
allowed phrase: loanwords (``loanwords``: "Start-up", "App Store", "Open
Source") and gazetteer names ("Silicon Valley", "Wall Street Journal").
Runs inside quotation marks (titles, quotes) are fine. Hyphenated compounds
("High-End-Hardware") are German word formation and never part of a run.

Message field: ``{match}`` (the run).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any, ClassVar

from lint.hookspecs import hookimpl
from lint.kinds.base import Kind
from lint.kinds.translation_data import gazetteer, read_list

_ASCII_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?![\w'’-])")


class EnglishFragment(Kind):
    name = "english-fragment"
    defaults: ClassVar[dict[str, Any]] = {
        "english": [],
        "loanwords": [],
        "gazetteer": [],
        "people": [],
        "min_words": 2,
        "max_gap": 3,
    }

    @cached_property
    def english(self) -> frozenset[str]:
        words: set[str] = set()
        for name in self.options["english"]:
            for word in read_list(self.rule.data_file(name)):
                words.add(word)
                words.add(word[:1].upper() + word[1:])
        return frozenset(words)

    @cached_property
    def allowed(self) -> re.Pattern:
        phrases: set[str] = set()
        for name in self.options["loanwords"]:
            phrases.update(read_list(self.rule.data_file(name)))
        g = gazetteer(
            tuple(self.rule.data_file(n) for n in self.options["gazetteer"]),
            tuple(self.rule.data_file(n) for n in self.options["people"]),
        )
        phrases.update(n for n in g.names if " " in n or n.isascii())
        alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
        return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])", re.IGNORECASE)

    def check(self, doc):
        prose = doc.prose
        hits = set(_ASCII_WORD.findall(prose)) & self.english
        if len(hits) < self.options["min_words"]:
            return
        word = "(?:" + "|".join(re.escape(h) for h in sorted(hits, key=len, reverse=True)) + ")"
        gap = r"(?:[ \t]+[A-Z][a-z]+){0,%d}" % int(self.options["max_gap"])
        run = re.compile(r"(?<![\w'’-])" + word + r"(?:" + gap + r"[ \t]+" + word + r")+(?![\w'’-])")
        for m in run.finditer(prose):
            if doc.in_quote(m.start(), m.end()):
                continue
            text = m.group()
            covered = [False] * len(text)
            for a in self.allowed.finditer(text):
                for i in range(a.start(), a.end()):
                    covered[i] = True
            english = [w for w in _ASCII_WORD.finditer(text) if w.group() in self.english and not covered[w.start()]]
            if len(english) < self.options["min_words"]:
                continue
            yield self.report(doc, m.start(), m.end())


@hookimpl
def register_kinds():
    return [EnglishFragment]
