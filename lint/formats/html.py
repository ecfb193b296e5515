"""``html``: one self-contained HTML page for editors (no network, all inline).

Each article shows its text with the findings marked by category colour, a side
list grouped by category and severity (message, help, suggested fix, the rule's
German documentation on click) and a readability panel (scores against the
readability rules' targets, a strip of sentence lengths). For several files an
index page comes first (``lint.web.index``, also the archive audit's summary).
The diagnostics are the ones the ``json`` format writes.
"""

from __future__ import annotations

from lint.formats import Report


def render_html(report: Report) -> str:
    from lint.model.document import Document
    from lint.plugins.registry import registry
    from lint.web.article import build_article
    from lint.web.index import render_index
    from lint.web.page import page
    from lint.web.render import render_article, render_rule_docs

    by_path: dict[str, list] = {path: [] for path in report.files}
    for d in report.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    readers = registry()
    views = []
    for n, path in enumerate(by_path):
        source = report.sources.get(path, "")
        reader = readers.reader_for(path)
        doc = Document(path, source, reader.read(source), reader.name)
        views.append(build_article(f"a{n}", doc, by_path[path], report.rules))
    single = len(views) == 1
    articles = "".join(render_article(v, standalone=single) for v in views)
    used = sorted({d.code for d in report.diagnostics})
    docs = render_rule_docs([report.rules[c] for c in used if c in report.rules])
    total = len(report.diagnostics)
    intro = f'<header class="report-head"><h1>newslint-Bericht</h1><p>{len(views)} Artikel · {total} Befunde</p></header>'
    index = "" if single else render_index([v.summary for v in views])
    return page("newslint-Bericht", intro + index + articles + docs)
