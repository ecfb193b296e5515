"""``concise``: one line per diagnostic, ``path:line:col: CODE [name] message``."""

from __future__ import annotations

from lint.formats import Format, Report, Style
from lint.plugins.hookspecs import hookimpl


def render_concise(report: Report) -> str:
    style = Style(report.color)
    lines = []
    for d in report.diagnostics:
        where = style(f"{d.path}:{d.line}:{d.column}:", "1")
        lines.append(f"{where} {style.severity(d.code, str(d.severity))} [{d.rule}] {d.message}")
    return "\n".join(lines) + ("\n" if lines else "")


@hookimpl
def register_formats():
    return [Format("concise", "one line per diagnostic", render_concise, terminal=True)]
