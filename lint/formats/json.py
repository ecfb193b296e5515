"""``json``: the machine contract, a JSON array of diagnostic objects.

Keys: path, line, column, end_line, end_column (1-based, code points, end
exclusive), code, rule, category, severity, message, help, fix (null or
{applicability, title, edits: [{line, column, end_line, end_column, replacement}]}).
"""

from __future__ import annotations

import json

from lint.formats import Report


#: What ``json.dumps(value, ensure_ascii=False)`` makes an encoder for on every call (its
#: options set, then checked): made once, its ``encode`` gives the same text.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def render_json(report: Report) -> str:
    """One diagnostic per line: readable, diff-friendly, and fast (the C encoder)."""
    if not report.diagnostics:
        return "[]\n"
    encode = _ENCODER.encode
    items = ",\n  ".join([encode(d.as_dict()) for d in report.diagnostics])
    return "[\n  " + items + "\n]\n"
