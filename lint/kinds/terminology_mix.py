"""``terminology-mix``: one concept written in two languages or spellings in
the same document ("AI-Szene" beside "KI-Startup", "Startup" beside
"Start-up").

The pack's ``terms`` list has one concept per line: the house form, then
``=>``, then the other forms separated by ``;``::

    KI => AI
    Start-up => Startup

A form that is one word of a longer proper name or title ("der AI Act",
„AI Index Report“) is the name's, not the writer's choice, and is neither
counted nor reported. Forms match case-sensitively as whole words, as parts of hyphenated
compounds ("AI-Chips", "KI-Startup") and with a plural or genitive ``s``.
When a document uses more than one form of a concept, every occurrence of
the forms that are not the chosen one is reported: the house form when
``prefer = "house"`` (default), else the form used most often.

Message fields: ``{match}``, ``{form}`` (the reported form), ``{preferred}``,
``{count}`` (how often the preferred form occurs).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.model.errors import ConfigError
from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind
from lint.language.wordlist import read_lines
from lint.language.words import WORDISH


class TerminologyMix(Kind):
    name = "terminology-mix"
    defaults: ClassVar[dict[str, Any]] = {"terms": [], "pairs": [], "prefer": "house"}

    @cached_property
    def concepts(self) -> list[list[str]]:
        lines = []
        for name in self.options["terms"]:
            lines.extend(read_lines(self.rule.data_file(name)))
        lines.extend(self.options["pairs"])
        concepts = []
        for line in lines:
            house, _, others = line.partition("=>")
            forms = [house.strip()] + [o.strip() for o in others.split(";") if o.strip()]
            if len(forms) < 2:
                raise ConfigError(f"{self.rule.file}: terminology entry {line!r} needs 'house => other; ...'")
            concepts.append(forms)
        return concepts

    @cached_property
    def pattern(self) -> re.Pattern:
        forms = sorted({f for c in self.concepts for f in c}, key=lambda f: (-len(f), f))
        alternation = "|".join(re.escape(f) for f in forms) or "(?!)"
        return regexcache.compile(r"(?<![A-Za-zÄÖÜäöüß])(" + alternation + r")s?(?![A-Za-zÄÖÜäöüß])")

    @cached_property
    def _placed_concepts(self) -> list[list[tuple[str, bool]]]:
        """Each concept's forms, each with whether it lies inside one word of the text
        (letters, digits and hyphens only, as ``analysis.word_counts`` counts words)."""
        return [[(form, WORDISH.fullmatch(form) is not None) for form in forms] for forms in self.concepts]

    def _mixed(self, doc) -> bool:
        """Whether some concept has two forms in the text, by a cheap substring test:
        a form of one word among the document's distinct words (``analysis.word_lines``,
        shorter than the prose), any other in the prose; a concept is given up as
        soon as too few of its forms are left to make two."""
        words, prose = doc.analysis.word_lines, doc.prose
        for forms in self._placed_concepts:
            present, left = 0, len(forms)
            for form, one_word in forms:
                left -= 1
                present += form in (words if one_word else prose)
                if present == 2:
                    return True
                if present + left < 2:
                    break
        return False

    def check(self, doc):
        prose = doc.prose
        if not self._mixed(doc):
            return
        found: dict[str, list[re.Match]] = {}
        for m in self.pattern.finditer(prose):
            if _inside_name(doc, m.start(1), m.end(1)):
                continue  # "AI Act", "Startup Europe Summit": part of a proper name
            found.setdefault(m.group(1), []).append(m)
        if len(found) < 2:
            return
        for forms in self.concepts:
            used = [f for f in forms if f in found]
            if len(used) < 2:
                continue
            if self.options["prefer"] == "house" and forms[0] in found:
                preferred = forms[0]
            else:
                preferred = max(used, key=lambda f: (len(found[f]), f == forms[0]))
            for form in used:
                if form == preferred:
                    continue
                for m in found[form]:
                    fix = self.replacement(m.start(1), m.end(1), preferred)
                    yield self.report(
                        doc, m.start(1), m.end(1), fix=fix, form=form, preferred=preferred, count=len(found[preferred])
                    )


def _inside_name(doc, start: int, end: int) -> bool:
    """Whether ``start:end`` is one word of a longer proper name or title
    (``doc.analysis.name_at``: capitalised runs, typed names, quoted titles)."""
    if not doc.prose[start:start + 1].isupper():
        return False
    span = doc.analysis.name_at(start, end)
    return span is not None and (span.start, span.end) != (start, end)


@hookimpl
def register_kinds():
    return [TerminologyMix]
