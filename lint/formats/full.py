"""``full``: each diagnostic with its source line, carets under the span and a
help line, like ruff's default output. News paragraphs are often one long
line, so a long line is cut to a window around the span, marked with "…"."""

from __future__ import annotations

from lint.formats import Report, Style, display_width

WIDTH = 100  # columns of source shown around a span
CONTEXT = 30  # columns shown before the span when the line is cut


def excerpt(text: str, column: int, width: int) -> tuple[str, int, int]:
    """The part of ``text`` to show for a span at ``column`` (1-based) of ``width``
    code points: (shown text, caret offset, caret width)."""
    width = max(1, width)
    if len(text) <= WIDTH:
        return text, column - 1, min(width, max(1, len(text) - column + 1))
    start = max(0, column - 1 - CONTEXT)
    end = min(len(text), start + WIDTH)
    shown = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    offset = column - 1 - start + (1 if start else 0)
    return shown, offset, max(1, min(width, end - (column - 1)))


def render_full(report: Report) -> str:
    style = Style(report.color)
    blocks = []
    line_cache: dict[str, list[str]] = {}
    for d in report.diagnostics:
        sev = str(d.severity)
        head = f"{style(f'{d.path}:{d.line}:{d.column}:', '1')} {style.severity(d.code, sev)} [{d.rule}] {style.label(sev)} {d.message}"
        # split like the line numbers count: at "\n" only ("\r" of CRLF dropped)
        lines = line_cache.setdefault(d.path, [l.removesuffix("\r") for l in report.sources.get(d.path, "").split("\n")])
        text = (lines[d.line - 1] if 0 < d.line <= len(lines) else "").replace("\t", " ")  # a tab shown as one column
        gutter = str(d.line)
        pad = " " * len(gutter)
        width = (d.end_column - d.column) if d.end_line == d.line else len(text) - d.column + 1
        shown, offset, width = excerpt(text, d.column, width)
        body = [head]
        if d.scope != "document":  # a finding about the whole article has no place to point at
            body += [
                f"{pad} {style('|', '34')}",
                f"{style(gutter, '34')} {style('|', '34')} {shown}",
                # carets in display columns: wide characters take two, combining marks none
                f"{pad} {style('|', '34')} {' ' * display_width(shown[:offset])}"
                f"{style.severity('^' * max(1, display_width(shown[offset:offset + width])), sev)}",
            ]
        if d.help:
            body.append(f"{pad} {style('=', '34')} {style('Hinweis', '1')}: {d.help}")
        if d.zone not in ("", "body", "lead"):  # running text goes unnamed; headline, teaser, caption ... are named
            body.append(f"{pad} {style('=', '34')} {style('Zone', '1')}: {d.zone}")
        if d.fix is not None:
            body.append(f"{pad} {style('=', '34')} {style('Korrektur', '1')} ({d.fix.applicability}): {d.fix.title}")
        blocks.append("\n".join(body))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
