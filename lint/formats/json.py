"""``json``: the machine contract, a JSON array of diagnostic objects.

Keys: path, line, column, end_line, end_column (1-based, code points, end
exclusive), code, rule, category, severity, message, help, fix (null or
{applicability, title, edits: [{line, column, end_line, end_column, replacement}]}).
"""

from __future__ import annotations

import json

from lint.formats import Format, Report
from lint.hookspecs import hookimpl


def render_json(report: Report) -> str:
    return json.dumps([d.as_dict() for d in report.diagnostics], ensure_ascii=False, indent=2) + "\n"


@hookimpl
def register_formats():
    return [Format("json", "JSON array of diagnostics (stable contract)", render_json)]
