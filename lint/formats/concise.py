"""``concise``: one line per diagnostic, ``path:line:col: CODE [name] severity: message``."""

from __future__ import annotations

from lint.formats import Report, Style


def render_concise(report: Report) -> str:
    style = Style(report.color)
    lines = []
    for d in report.diagnostics:
        where = style(f"{d.path}:{d.line}:{d.column}:", "1")
        sev = str(d.severity)
        lines.append(f"{where} {style.severity(d.code, sev)} [{d.rule}] {style.label(sev)} {d.message}")
    return "\n".join(lines) + ("\n" if lines else "")
