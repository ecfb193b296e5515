"""``full``: each diagnostic with its source line, carets under the span and a
help line, like ruff's default output."""

from __future__ import annotations

from lint.formats import Format, Report, Style
from lint.hookspecs import hookimpl


def render_full(report: Report) -> str:
    style = Style(report.color)
    blocks = []
    line_cache: dict[str, list[str]] = {}
    for d in report.diagnostics:
        sev = str(d.severity)
        head = f"{style(f'{d.path}:{d.line}:{d.column}:', '1')} {style.severity(d.code, sev)} [{d.rule}] {d.message}"
        # split like the line numbers count: at "\n" only ("\r" of CRLF dropped)
        lines = line_cache.setdefault(d.path, [l.removesuffix("\r") for l in report.sources.get(d.path, "").split("\n")])
        text = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
        gutter = str(d.line)
        pad = " " * len(gutter)
        width = (d.end_column - d.column) if d.end_line == d.line else len(text) - d.column + 1
        carets = "^" * max(1, width)
        body = [
            head,
            f"{pad} {style('|', '34')}",
            f"{style(gutter, '34')} {style('|', '34')} {text}",
            f"{pad} {style('|', '34')} {' ' * (d.column - 1)}{style.severity(carets, sev)}",
        ]
        if d.help:
            body.append(f"{pad} {style('=', '34')} {style('Hinweis', '1')}: {d.help}")
        if d.fix is not None:
            body.append(f"{pad} {style('=', '34')} {style('Korrektur', '1')} ({d.fix.applicability}): {d.fix.title}")
        blocks.append("\n".join(body))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


@hookimpl
def register_formats():
    return [Format("full", "source line, carets under the span and help (default on a terminal)", render_full)]
