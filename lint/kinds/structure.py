"""Kinds that check an article's structure through its zones (``doc.analysis.zones``).

``headline-form``: a headline (or Dachzeile, subheading) ending in a full stop,
or longer than ``max_length`` characters (``check`` picks which).
``caption-credit``: a caption the markup states without a picture credit in it
or in a credit block beside it.
``lead-questions``: the lead's first sentence without a time or a place (only
where the lead is known: after a dateline, a headline or a teaser).
"""

from __future__ import annotations

import re
from functools import cached_property

from lint.cache import regexcache
from lint.kinds.base import Kind
from lint.language.wordlist import load_wordlist
from lint.language.attribution import cached_trie
from lint.plugins.hookspecs import hookimpl

HEADLINE_ZONES = ("headline", "subheadline", "subheading")


def _pattern(rule, name: str, inflection: int, ignore_case: bool = False) -> re.Pattern:
    terms = {e.term for e in load_wordlist(rule.data_file(name)).entries}
    flags = "(?i:" if ignore_case else "(?:"
    # The terms as a trie (a space stays one space): at a word start the engine follows the
    # word's letters instead of trying each of some fifty terms in turn. The patterns are
    # only searched (is there a match?), which the order of the alternatives cannot change.
    # No terms (an emptied list): any word does, so the rule stays silent rather than
    # report every caption or lead for want of words it was never given.
    body = cached_trie(terms, space=re.escape(" ")) if terms else ""
    return regexcache.compile(r"(?<!\w)" + flags + body + rf")\w{{0,{inflection}}}(?!\w)")


class HeadlineForm(Kind):
    name = "headline-form"
    defaults = {"check": "full-stop", "max_length": 80}

    def check(self, doc):
        prose = doc.prose
        for span in doc.analysis.zones:
            if span.zone not in HEADLINE_ZONES:
                continue
            text = prose[span.start : span.end].rstrip()
            end = span.start + len(text)
            if self.options["check"] == "full-stop":
                if text.endswith(".") and not text.endswith("..") and len(text) > 1:
                    yield self.report(
                        doc, span.start, end, fix=self.replacement(end - 1, end, "", safe=True, title="Punkt streichen")
                    )
            elif span.zone == "headline" and len(text) > self.options["max_length"]:
                yield self.report(doc, span.start, end, length=len(text), max=self.options["max_length"])


class CaptionCredit(Kind):
    name = "caption-credit"
    defaults = {"credits": ""}

    @cached_property
    def credit(self) -> re.Pattern:
        return _pattern(self.rule, self.options["credits"], 0)

    def check(self, doc):
        prose, blocks = doc.prose, doc.blocks
        zones = doc.analysis.block_zones
        for i, block in enumerate(blocks):
            if block.zone != "caption" or _is_alt_text(doc.source, doc.to_source(block.start)):
                continue
            beside = [zones[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
            if "credit" in beside or "©" in prose[block.start : block.end]:
                continue
            if not self.credit.search(prose, block.start, block.end):
                yield self.report(doc, block.start, block.end)


def _is_alt_text(source: str, start: int) -> bool:
    """Image alt text (Markdown ``![…]``, HTML ``alt="…"``) describes, it needs no credit."""
    before = source[max(0, start - 6) : start]
    return before.endswith("![") or bool(re.search(r"alt\s*=\s*[\"']$", before, re.I))


_DIGIT = regexcache.compile(r"\d")


class LeadQuestions(Kind):
    name = "lead-questions"
    defaults = {"when": "", "where": ""}

    @cached_property
    def when(self) -> re.Pattern:
        return _pattern(self.rule, self.options["when"], 3, ignore_case=True)

    @cached_property
    def where(self) -> re.Pattern:
        prepositions = _pattern(self.rule, self.options["where"], 0, ignore_case=True).pattern
        return regexcache.compile(prepositions + r"\s+(?:der |dem |den |des |die )?[A-ZÄÖÜ]")

    def check(self, doc):
        spans = doc.analysis.zones
        lead = next((s for s in spans if s.zone == "lead"), None)
        dated = any(s.zone == "dateline" for s in spans)
        above = {s.zone for s in spans if lead is not None and s.end <= lead.start}
        if lead is None or not (dated or above & {"headline", "teaser"}):
            return  # without a dateline, headline or teaser above it, where the lead starts is a guess
        sentence = doc.sentence_at(lead.start)
        if sentence is None:
            return
        start, end = max(lead.start, sentence.start), min(lead.end, sentence.end)
        prose = doc.prose
        missing = []
        # a digit (a date, a time) answers "when" too; it is the cheaper test, so it goes first
        if not (_DIGIT.search(prose, start, end) or self.when.search(prose, start, end)):
            missing.append("wann")
        if not (dated or self.where.search(prose, start, end)):
            missing.append("wo")
        if missing:
            yield self.report(doc, start, end, missing=" und ".join(missing))


@hookimpl
def register_kinds():
    return [HeadlineForm, CaptionCredit, LeadQuestions]
