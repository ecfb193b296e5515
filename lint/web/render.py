"""HTML of one article: the text with findings marked, the side list grouped by
category and severity (message, help, suggested fix, the rule's documentation)
and the readability panel. Every text is escaped."""

from __future__ import annotations

from html import escape

from lint.model.diagnostics import Diagnostic
from lint.model.rulebook import Rule
from lint.web.drafts import fix_key
from lint.web.article import CATEGORY_LABELS, SEVERITY_LABELS, ArticleView, ordered_categories
from lint.web.highlight import Span, highlight


def num(value: float, digits: int = 1) -> str:
    """A number the German way (decimal comma)."""
    return f"{value:.{digits}f}".replace(".", ",")


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)


def render_article(view: ArticleView, *, standalone: bool = False) -> str:
    """The ``<article>`` element of one article (``standalone``: always shown, no link back)."""
    spans = [Span(d.start, d.end, view.finding_id(i), d.category, int(d.severity), f"{d.code}: {d.message}")
             for i, d in enumerate(view.diagnostics)]
    anchors = {offset: f"{view.key}-s{n}" for n, (offset, _) in enumerate(view.sentences)}
    text = highlight(view.source, spans, anchors)
    back = "" if standalone else '<a class="back" href="#index">← Zur Übersicht</a>'
    genre = f" · Genre: {escape(view.genre)}" if view.genre else ""
    return (
        f'<article class="article{" only" if standalone else ""}" id="{view.key}" aria-labelledby="{view.key}-h">'
        f'<header class="article-head">{back}<h2 id="{view.key}-h">{escape(view.summary.title)}</h2>'
        f'<p class="path">{escape(view.path)} · {view.summary.words} Wörter · {len(view.diagnostics)} Befunde{genre}</p></header>'
        f'<div class="layout"><section class="text" tabindex="0" aria-label="Text mit markierten Befunden">'
        f'<div class="src" lang="de">{text}</div></section>'
        f'<aside class="side" aria-label="Befunde und Lesbarkeit">{render_filters(view)}{render_readability(view)}'
        f'{render_findings(view)}</aside></div></article>'
    )


def render_filters(view: ArticleView) -> str:
    categories = ordered_categories(d.category for d in view.diagnostics)
    if not categories:
        return ""
    counts = view.summary.by_category
    boxes = "".join(
        f'<label class="filter c-{escape(c)}"><input type="checkbox" checked data-filter="{escape(c)}"> '
        f'{escape(category_label(c))} ({counts.get(c, 0)})</label>'
        for c in categories
    )
    return f'<fieldset class="filters"><legend>Kategorien zeigen</legend>{boxes}</fieldset>'


def render_findings(view: ArticleView) -> str:
    if not view.diagnostics:
        return '<section class="findings"><h3>Befunde</h3><p>Keine Befunde.</p></section>'
    groups: dict[str, dict[str, list[int]]] = {}
    for i, d in enumerate(view.diagnostics):
        groups.setdefault(d.category, {}).setdefault(str(d.severity), []).append(i)
    parts = ['<section class="findings"><h3>Befunde</h3>']
    for category in ordered_categories(groups):
        by_severity = groups[category]
        total = sum(len(v) for v in by_severity.values())
        parts.append(f'<section class="group" data-category="{escape(category)}">'
                     f'<h4><span class="dot c-{escape(category)}" aria-hidden="true"></span>'
                     f'{escape(category_label(category))} ({total})</h4>')
        for severity in ("error", "warning", "info"):
            indices = by_severity.get(severity)
            if not indices:
                continue
            parts.append(f'<h5>{SEVERITY_LABELS[severity]} ({len(indices)})</h5><ol>')
            parts += [render_finding(view, i) for i in indices]
            parts.append("</ol>")
        parts.append("</section>")
    parts.append("</section>")
    return "".join(parts)


def render_finding(view: ArticleView, index: int) -> str:
    d = view.diagnostics[index]
    fid = view.finding_id(index)
    help_text = f'<p class="help">{escape(d.help)}</p>' if d.help else ""
    return (
        f'<li class="finding c-{escape(d.category)} sev-{d.severity}" id="f-{fid}" data-id="{fid}" data-code="{escape(d.code)}">'
        f'<button type="button" class="f" aria-expanded="false" aria-controls="d-{fid}">'
        f'<span class="code">{escape(d.code)}</span> <span class="msg">{escape(d.message)}</span> '
        f'<span class="pos">Z. {d.line}:{d.column}</span></button>'
        f'<div class="detail" id="d-{fid}" hidden>{help_text}{render_fix(view.source, d)}'
        f'<div class="doc" data-rule="{escape(d.code)}"></div></div></li>'
    )


def render_fix(source: str, d: Diagnostic) -> str:
    if d.fix is None or not d.fix.edits:
        return ""
    safe = d.fix.applicability == "safe"
    edits = "".join(
        f'<li><del>{escape(source[e.start:e.end]) or "∅"}</del> → <ins>{escape(e.replacement) or "∅"}</ins></li>'
        for e in d.fix.edits
    )
    title = f" {escape(d.fix.title)}" if d.fix.title else ""
    label = "sicher" if safe else "unsicher: Sinn prüfen"
    return (f'<div class="fix"><p>Vorschlag ({label}):{title}</p><ul>{edits}</ul>'
            f'<button type="button" class="apply" data-apply="{fix_key(d)}" hidden>Vorschlag übernehmen</button></div>')


def render_readability(view: ArticleView) -> str:
    rows = []
    for t in view.targets:
        if t.low is None and t.high is None:
            goal, state = "–", ""
        else:
            goal = " bis ".join(x for x in (f"≥ {num(t.low)}" if t.low is not None else "",
                                            f"≤ {num(t.high)}" if t.high is not None else "") if x)
            state = ' class="met"' if t.met else ' class="missed"'
            goal += " ✓" if t.met else " ✗"
        rows.append(f"<tr{state}><th scope=\"row\">{escape(t.label)}</th><td>{num(t.value)}</td><td>{goal}</td></tr>")
    return (
        '<section class="readability"><h3>Lesbarkeit</h3>'
        '<table><thead><tr><th scope="col">Kennzahl</th><th scope="col">Wert</th><th scope="col">Ziel</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>{render_strip(view)}</section>'
    )


def render_strip(view: ArticleView) -> str:
    """One bar per sentence, as tall as the sentence is long; long ones are buttons to jump to."""
    if not view.sentences:
        return ""
    long_n = sum(1 for _, w in view.sentences if w > view.long_words)
    too_long_n = sum(1 for _, w in view.sentences if w > view.too_long_words)
    top = max(max(w for _, w in view.sentences), view.too_long_words)
    bars = []
    for n, (_, words) in enumerate(view.sentences):
        height = max(2, round(40 * min(words, top) / top))
        state = "over" if words > view.too_long_words else "long" if words > view.long_words else "ok"
        label = f"Satz {n + 1}: {words} Wörter"
        if state == "ok":
            bars.append(f'<span class="bar ok" style="height:{height}px" title="{label}"></span>')
        else:
            bars.append(f'<button type="button" class="bar {state}" style="height:{height}px" '
                        f'data-jump="{view.key}-s{n}" title="{label}" aria-label="{label}"></button>')
    return (
        f'<h4>Satzlängen</h4><p class="strip-note">{len(view.sentences)} Sätze, {long_n} über {view.long_words} '
        f'Wörter, davon {too_long_n} über {view.too_long_words}.</p>'
        f'<div class="strip" role="group" aria-label="Satzlängen im Verlauf des Textes">{"".join(bars)}</div>'
    )


def render_rule_docs(rules: list[Rule]) -> str:
    """One ``<template>`` per rule with its German documentation (cloned into a finding on click)."""
    return "".join(f'<template id="rule-{escape(r.code)}">{rule_doc_html(r)}</template>' for r in rules)


def rule_doc_html(rule: Rule) -> str:
    """The rule's documentation (``Rule.docs``) as HTML: summary, why, examples."""
    why = "".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in rule.why.strip().split("\n\n") if p.strip())
    bad = "".join(f"<blockquote class=\"bad\">{escape(e)}</blockquote>" for e in rule.examples.get("bad", []))
    good = "".join(f"<blockquote class=\"good\">{escape(e)}</blockquote>" for e in rule.examples.get("good", []))
    return (
        f'<div class="ruledoc"><p class="rule-title"><strong>{escape(rule.code)}</strong> '
        f'<code>{escape(rule.name)}</code>: {escape(rule.summary)}</p>{why}'
        f'<p class="rule-meta">Paket: {escape(rule.pack)} · Kategorie: {escape(category_label(rule.category))} · '
        f'Schweregrad: {SEVERITY_LABELS.get(str(rule.severity), str(rule.severity))}</p>'
        f'<p class="ex-label">Schlecht:</p>{bad}<p class="ex-label">Besser:</p>{good}</div>'
    )
