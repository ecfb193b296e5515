"""``density``: one diagnostic for a whole document whose findings of one
category are too dense (findings per 1,000 words above ``threshold``).

A stage-1 kind: it counts what the other rules reported (after suppressions), so
a finding the writer suppressed or a rule the user switched off does not
count. Findings are weighted by severity (``info_weight`` for info, 1 for
warnings and errors); documents shorter than ``min_words`` or with fewer than
``min_findings`` findings are never reported. The diagnostic covers the
document's first sentence.

Message fields: ``{rate}`` (weighted findings per 1,000 words, one decimal),
``{count}``, ``{words}``, ``{threshold}``, ``{category}``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from lint.cache import regexcache
from lint.model.diagnostics import Severity
from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind


_FIRST_END = regexcache.compile(r"[.!?…](?=\s)|\n")


class Density(Kind):
    name = "density"
    scope = "document"  # one finding per article, shown on its first sentence
    stage = 1
    defaults: ClassVar[dict[str, Any]] = {
        "category": "",
        "threshold": 10.0,
        "min_words": 150,
        "min_findings": 4,
        "info_weight": 0.5,
    }

    def check(self, doc):
        findings = getattr(doc, "findings", None)
        if not findings:
            return
        category = self.options["category"] or self.rule.category
        counted = [d for d in findings if d.category == category and d.code != self.rule.code]
        if len(counted) < self.options["min_findings"]:
            return
        words = doc.word_count
        if words < self.options["min_words"]:
            return
        weight = float(self.options["info_weight"])
        score = sum(weight if d.severity == Severity.INFO else 1.0 for d in counted)
        rate = score * 1000.0 / words
        threshold = float(self.options["threshold"])
        if rate <= threshold:
            return
        # The first sentence (approximately: up to the first sentence end or line
        # break), without segmenting the whole document.
        prose = doc.prose
        start = len(prose) - len(prose.lstrip())
        m = _FIRST_END.search(prose, start)
        end = m.start() + 1 if m else len(prose.rstrip())
        end = max(end, min(start + 1, len(prose)))
        diagnostic = self.report(
            doc,
            start,
            end,
            match=" ".join(doc.prose[start:end].split()[:6]),
            rate=f"{rate:.1f}".replace(".", ","),
            count=len(counted),
            words=words,
            threshold=f"{threshold:g}".replace(".", ","),
            category=category,
        )
        diagnostic.extra["scope"] = "document"  # fingerprinted by its code (see lint.engine.baseline)
        yield diagnostic


@hookimpl
def register_kinds():
    return [Density]
