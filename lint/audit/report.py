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
    cats = summary.categories()
    e = html.escape

    def table(caption: str, head: list[str], rows: list[list[str]]) -> str:
        th = "".join(f'<th scope="col">{e(h)}</th>' for h in head)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table><caption>{e(caption)}</caption><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"

    parts = [
        f"<p>{summary.articles} Artikel, {summary.words:,} Wörter</p>".replace(",", "."),
        table("Befunde je 1.000 Wörter nach Kategorie", ["Kategorie", "je 1.000 Wörter", "Befunde"],
              [[e(c), f"{summary.rate(summary.by_category[c], summary.words):.2f}", str(summary.by_category[c])] for c in cats]),
    ]
    for group, title in (("section", "Ressort"), ("month", "Monat")):
        rows = summary.groups(group)
        if rows:
            parts.append(table(f"Befunde je 1.000 Wörter nach {title}", [title, "Wörter", *cats],
                               [[e(v), str(w), *(f"{r[c]:.2f}" for c in cats)] for v, w, r in rows]))
    if summary.worst:
        parts.append(table(f"Artikel mit den meisten Befunden je 1.000 Wörter (ab {MIN_WORDS} Wörtern)",
                           ["Artikel", "je 1.000 Wörter", "Befunde", "Wörter"],
                           [[e(a), f"{r:.2f}", str(n), str(w)] for r, a, n, w in summary.worst_articles()]))
    style = ("body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;margin:1.5rem 0}"
             "caption{text-align:left;font-weight:600;padding:.4rem 0}th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:right}"
             "th:first-child,td:first-child{text-align:left}")
    return (f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>newslint: Archiv-Prüfung</title>'
            f"<style>{style}</style></head><body><main><h1>newslint: Archiv-Prüfung</h1>{''.join(parts)}</main></body></html>\n")


def _atomic(target: Path, text: str) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)
