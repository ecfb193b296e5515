"""The audit's summary written beside its findings: ``_summary.txt`` and a
self-contained ``_summary.html`` (no network; all text escaped)."""

from __future__ import annotations

import html
import os
from pathlib import Path

from lint.audit.summary import MIN_WORDS, Summary


def write_summaries(out: Path, summary: Summary) -> str:
    text = summary.as_text()
    _atomic(out / "_summary.txt", text)
    _atomic(out / "_summary.html", render_html(summary))
    return text


def render_html(summary: Summary) -> str:
    """The report's index page (``lint.web.index.render_index``, the same code as
    ``check --format html`` for a folder), over one row per section and month —
    an archive's articles are too many for one row each — followed by the worst
    articles of the whole archive."""
    from lint.web.article import ArticleSummary
    from lint.web.index import render_index
    from lint.web.page import page

    rows = []
    for (section, month), words in sorted(summary.pair_words.items()):
        found = {k[2]: n for k, n in summary.pair_findings.items() if k[:2] == (section, month)}
        rows.append(ArticleSummary(
            path=f"{section or '–'} {month or '–'}", href="#worst", title=f"{section or 'ohne Ressort'} · {month or 'ohne Datum'}",
            words=words, sentences=0,
            by_category={k[2:]: n for k, n in found.items() if k.startswith("c:")},
            by_severity={k[2:]: n for k, n in found.items() if k.startswith("s:")},
            section=section, month=month,
        ))
    e = html.escape
    worst_rows = "".join(f"<tr><td>{e(a)}</td><td>{r:.2f}</td><td>{n}</td><td>{w}</td></tr>" for r, a, n, w in summary.worst_articles())
    worst = (f'<section id="worst" aria-labelledby="worst-h"><h2 id="worst-h">Artikel mit den meisten Befunden je 1.000 Wörter '
             f"(ab {MIN_WORDS} Wörtern)</h2><table><thead><tr><th scope=\"col\">Artikel</th><th scope=\"col\">je 1.000 Wörter</th>"
             f"<th scope=\"col\">Befunde</th><th scope=\"col\">Wörter</th></tr></thead><tbody>{worst_rows}</tbody></table></section>")
    body = render_index(rows, heading="Archiv-Prüfung: Ressort und Monat") + worst
    return page("newslint: Archiv-Prüfung", body)


def _atomic(target: Path, text: str) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)
