"""The closing summary ``newslint check`` prints on the terminal (standard
error, so that standard output stays a clean report in every format).

Not a format itself: it is the short human line(s) that accompany any report,
including one written with ``--output-file``.
"""

from __future__ import annotations

from collections import Counter

from lint.formats import Report

_SEVERITY = (("error", "Fehler", "Fehler"), ("warning", "Warnung", "Warnungen"), ("info", "Hinweis", "Hinweise"))


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summarise(
    report: Report,
    known: int = 0,
    output_file: str | None = None,
    baseline_written: tuple[str, int] | None = None,
    hidden_hints: int = 0,
) -> str:
    """German summary: files checked, findings by severity and by category.

    ``known``: findings hidden because the baseline lists them; ``output_file``:
    where the report went; ``baseline_written``: (file, count) after ``--write-baseline``;
    ``hidden_hints``: hints a terminal format left out (``--show-hints`` shows them).
    """
    diagnostics = report.diagnostics
    files = len(report.files)
    with_findings = len({d.path for d in diagnostics})
    head = f"newslint: {_plural(files, 'Datei', 'Dateien')} geprüft, "
    if not diagnostics:
        head += "keine Befunde"
    else:
        by_severity = Counter(str(d.severity) for d in diagnostics)
        parts = [_plural(by_severity[key], one, many) for key, one, many in _SEVERITY if by_severity[key]]
        head += f"{_plural(len(diagnostics), 'Befund', 'Befunde')} in {_plural(with_findings, 'Datei', 'Dateien')}"
        head += f" ({', '.join(parts)})"
    if hidden_hints:
        head += f"; {_plural(hidden_hints, 'Hinweis', 'Hinweise')} ausgeblendet (--show-hints zeigt sie)"
    if known:
        head += f"; {_plural(known, 'bekannter Befund', 'bekannte Befunde')} aus der Baseline ausgeblendet"
    lines = [head]
    if diagnostics:
        by_category = Counter(d.category for d in diagnostics)
        lines.append("  nach Kategorie: " + ", ".join(f"{c} {n}" for c, n in sorted(by_category.items(), key=lambda i: (-i[1], i[0]))))
    if output_file:
        lines.append(f"  Bericht geschrieben: {output_file}")
    if baseline_written:
        lines.append(f"  Baseline geschrieben: {baseline_written[0]} ({_plural(baseline_written[1], 'Befund', 'Befunde')})")
    return "\n".join(lines) + "\n"
