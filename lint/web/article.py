"""One article as the page shows it: its findings, its readability and a
summary row for the index (``ArticleSummary``).

``build_article`` collects what the page needs from a document and its
diagnostics (the same ``Diagnostic`` objects the JSON format writes);
``lint.web.render`` turns it into HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lint.cache import regexcache
from lint.model.diagnostics import CATEGORIES, Diagnostic
from lint.model.rulebook import Rule

CATEGORY_LABELS = {
    "sources": "Quellen",
    "hype": "Übertreibung",
    "translation": "Übersetzung",
    "readability": "Lesbarkeit",
    "grammar": "Grammatik",
    "typography": "Typografie",
    "style": "Stil",
}
SEVERITY_LABELS = {"error": "Fehler", "warning": "Warnung", "info": "Hinweis"}

# The article metrics the readability panel always shows (more when a target rule names another).
PANEL_METRICS = ("flesch_amstad", "wstf1", "asl", "lix")
# Sentence lengths the strip marks when no rule says otherwise (dpa's upper bound; RD004's default).
DEFAULT_LONG, DEFAULT_TOO_LONG = 20, 40

_NUMBERED_NAME = regexcache.compile(r"^\d+[-_]([^\W\d_]+)\.\w+$")  # "0004-international.txt": the section
_MONTH = regexcache.compile(r"^(\d{4})-(\d{2})")


@dataclass
class ArticleSummary:
    """One row of the index page and of the archive audit's summary."""

    path: str
    href: str  # where the row links to ("#a3" in the report, a file in an audit)
    title: str
    words: int
    sentences: int
    by_category: dict[str, int] = field(default_factory=dict)
    by_severity: dict[str, int] = field(default_factory=dict)
    metrics: dict = field(default_factory=dict)
    section: str = ""
    month: str = ""  # "YYYY-MM"

    @property
    def findings(self) -> int:
        return sum(self.by_category.values())

    def per_1000(self, category: str | None = None) -> float:
        """Findings (of one category) per 1,000 words."""
        count = self.findings if category is None else self.by_category.get(category, 0)
        return 1000 * count / self.words if self.words else 0.0


@dataclass(frozen=True)
class Target:
    metric: str
    label: str
    value: float
    low: float | None
    high: float | None

    @property
    def met(self) -> bool:
        return (self.low is None or self.value >= self.low) and (self.high is None or self.value <= self.high)


@dataclass
class ArticleView:
    key: str  # unique on the page ("a3"); finding ids are "a3-0", "a3-1", ...
    path: str
    source: str
    diagnostics: list[Diagnostic]
    rules: dict[str, Rule]
    summary: ArticleSummary
    targets: list[Target]
    sentences: list[tuple[int, int]]  # (source offset, words) of each body sentence
    long_words: int  # the strip's thresholds (words per sentence)
    too_long_words: int
    genre: str = ""

    def finding_id(self, index: int) -> str:
        return f"{self.key}-{index}"


def title_of(doc) -> str:
    title = (doc.meta.get("title") or "").strip()
    if not title:
        for block in doc.blocks:
            title = " ".join(doc.prose[block.start:block.end].split())
            if title:
                break
    return title if len(title) <= 90 else title[:89] + "…"


def section_of(path: str, meta: dict) -> str:
    """The section (Ressort) from the metadata, else from a numbered file name (``0004-sport.txt``)."""
    section = meta.get("section") or meta.get("ressort") or ""
    if not section:
        m = _NUMBERED_NAME.match(path.replace("\\", "/").rsplit("/", 1)[-1])
        section = m.group(1) if m else ""
    return section.strip()


def month_of(meta: dict) -> str:
    m = _MONTH.match((meta.get("date") or "").strip())
    return f"{m.group(1)}-{m.group(2)}" if m else ""


def targets_of(rules: dict[str, Rule], metrics: dict) -> list[Target]:
    """The panel's metrics with the targets the readability rules set (``readability-target``)."""
    from lint.language.readability import METRICS

    bounds: dict[str, tuple] = {}
    for rule in rules.values():
        if rule.kind == "readability-target" and rule.options.get("metric") in METRICS:
            bounds[rule.options["metric"]] = (rule.options.get("min"), rule.options.get("max"))
    keys = list(PANEL_METRICS) + [k for k in bounds if k not in PANEL_METRICS]
    return [Target(k, METRICS[k], float(metrics.get(k, 0.0)), *bounds.get(k, (None, None))) for k in keys]


def _sentence_limits(rules: dict[str, Rule]) -> tuple[int, int]:
    long_words, too_long = DEFAULT_LONG, DEFAULT_TOO_LONG
    for rule in rules.values():
        if rule.kind == "sentence-length" and isinstance(rule.options.get("max_words"), int):
            too_long = rule.options["max_words"]
        if rule.kind == "readability-target" and rule.options.get("metric") == "asl" and rule.options.get("max"):
            long_words = int(rule.options["max"])
    return min(long_words, too_long), too_long


def build_article(key: str, doc, diagnostics: list[Diagnostic], rules: dict[str, Rule], href: str | None = None) -> ArticleView:
    """What the page shows of ``doc``: ``diagnostics`` are its findings (source offsets)."""
    from lint.language.readability import analyse

    readability = analyse(doc)
    metrics = readability.metrics.as_dict()
    by_category: dict[str, int] = {}
    by_severity: dict[str, int] = {}
    for d in diagnostics:
        by_category[d.category] = by_category.get(d.category, 0) + 1
        by_severity[str(d.severity)] = by_severity.get(str(d.severity), 0) + 1
    summary = ArticleSummary(
        path=doc.path, href=href if href is not None else f"#{key}", title=title_of(doc) or doc.path,
        words=metrics["words"], sentences=metrics["sentences"], by_category=by_category,
        by_severity=by_severity, metrics=metrics, section=section_of(doc.path, doc.meta), month=month_of(doc.meta),
    )
    sentences = [(doc.to_source(s.start), n) for s, n in zip(readability.sentences, readability.sentence_words)]
    long_words, too_long = _sentence_limits(rules)
    return ArticleView(
        key=key, path=doc.path, source=doc.source, diagnostics=list(diagnostics), rules=rules, summary=summary,
        targets=targets_of(rules, metrics), sentences=sentences, long_words=long_words, too_long_words=too_long,
        genre=(doc.meta.get("genre") or "").strip(),
    )


def ordered_categories(present) -> list[str]:
    """Known categories in their fixed order, then any others alphabetically."""
    present = set(present)
    return [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))
