"""The index page over many articles: the report's first page for a folder and
the archive audit's summary (the same function for both).

``render_index`` takes a list of ``ArticleSummary`` rows and renders findings
per 1,000 words by category (over all articles, per section and per month
where the input has them), the worst articles and a sortable table with one
row per article linking to it (``ArticleSummary.href``).
"""

from __future__ import annotations

from html import escape

from lint.web.article import ArticleSummary, ordered_categories
from lint.web.render import category_label, num

WORST = 10  # articles in the "worst articles" table


def _rate(findings: int, words: int) -> float:
    return 1000 * findings / words if words else 0.0


def render_index(summaries: list[ArticleSummary], *, heading: str = "Übersicht", element_id: str = "index") -> str:
    """The index as one ``<section>`` (HTML-escaped throughout)."""
    categories = ordered_categories(c for s in summaries for c in s.by_category)
    words = sum(s.words for s in summaries)
    findings = sum(s.findings for s in summaries)
    parts = [
        f'<section class="index" id="{escape(element_id)}" aria-labelledby="{escape(element_id)}-h">',
        f'<h2 id="{escape(element_id)}-h">{escape(heading)}</h2>',
        f"<p>{len(summaries)} Artikel · {words} Wörter · {findings} Befunde · "
        f"{num(_rate(findings, words))} Befunde je 1.000 Wörter</p>",
        _rates_table("Befunde je 1.000 Wörter nach Kategorie", "Alle Artikel", {"Alle Artikel": summaries}, categories),
    ]
    for label, key in (("Ressort", "section"), ("Monat", "month")):
        groups: dict[str, list[ArticleSummary]] = {}
        for s in summaries:
            if getattr(s, key):
                groups.setdefault(getattr(s, key), []).append(s)
        if groups:
            parts.append(_rates_table(f"Befunde je 1.000 Wörter nach {label}", label, dict(sorted(groups.items())), categories))
    parts.append(_worst(summaries))
    parts.append(_article_table(summaries, categories))
    parts.append("</section>")
    return "".join(parts)


def _rates_table(caption: str, first: str, groups: dict[str, list[ArticleSummary]], categories: list[str]) -> str:
    head = "".join(f'<th scope="col">{escape(category_label(c))}</th>' for c in categories)
    rows = []
    for name, members in groups.items():
        words = sum(s.words for s in members)
        cells = "".join(f"<td>{num(_rate(sum(s.by_category.get(c, 0) for s in members), words))}</td>" for c in categories)
        total = num(_rate(sum(s.findings for s in members), words))
        rows.append(f'<tr><th scope="row">{escape(name)}</th><td>{len(members)}</td><td>{words}</td>{cells}<td>{total}</td></tr>')
    return (
        f'<table class="rates"><caption>{escape(caption)}</caption><thead><tr><th scope="col">{escape(first)}</th>'
        f'<th scope="col">Artikel</th><th scope="col">Wörter</th>{head}<th scope="col">Gesamt</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )


def worst(summaries: list[ArticleSummary], count: int = WORST) -> list[ArticleSummary]:
    """The articles with the most warnings and errors per 1,000 words (then all findings)."""
    def key(s: ArticleSummary):
        serious = s.by_severity.get("error", 0) + s.by_severity.get("warning", 0)
        return (-_rate(serious, s.words), -s.per_1000(), s.path)

    return sorted((s for s in summaries if s.findings), key=key)[:count]


def _worst(summaries: list[ArticleSummary]) -> str:
    rows = []
    for s in worst(summaries):
        serious = s.by_severity.get("error", 0) + s.by_severity.get("warning", 0)
        rows.append(f'<tr><td><a href="{escape(s.href)}">{escape(s.title)}</a></td><td>{num(_rate(serious, s.words))}</td>'
                    f"<td>{num(s.per_1000())}</td></tr>")
    if not rows:
        return ""
    return (
        '<table class="worst"><caption>Artikel mit den meisten Warnungen je 1.000 Wörter</caption><thead><tr>'
        '<th scope="col">Artikel</th><th scope="col">Warnungen und Fehler je 1.000 Wörter</th>'
        f'<th scope="col">Alle Befunde je 1.000 Wörter</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _article_table(summaries: list[ArticleSummary], categories: list[str]) -> str:
    head = ['<th scope="col" aria-sort="ascending"><button type="button" data-sort="text">Artikel</button></th>']
    head += [f'<th scope="col"><button type="button" data-sort="num">{label}</button></th>'
             for label in ("Wörter", "Befunde", "je 1.000 Wörter",
                           *(escape(category_label(c)) for c in categories), "Flesch (Amstad)", "Wörter je Satz")]
    rows = []
    for s in summaries:
        cells = [f'<td data-value="{escape(s.title)}"><a href="{escape(s.href)}">{escape(s.title)}</a>'
                 f'<span class="path">{escape(s.path)}</span></td>',
                 f'<td data-value="{s.words}">{s.words}</td>', f'<td data-value="{s.findings}">{s.findings}</td>',
                 f'<td data-value="{s.per_1000():.3f}">{num(s.per_1000())}</td>']
        cells += [f'<td data-value="{s.by_category.get(c, 0)}">{s.by_category.get(c, 0)}</td>' for c in categories]
        for key in ("flesch_amstad", "asl"):
            value = float(s.metrics.get(key, 0.0))
            cells.append(f'<td data-value="{value:.3f}">{num(value)}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        '<table class="articles sortable"><caption>Alle Artikel (Spaltenköpfe sortieren)</caption>'
        f'<thead><tr>{"".join(head)}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
