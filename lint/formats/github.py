"""``github``: GitHub Actions workflow commands, one annotation per diagnostic.

    ::warning file=artikel.md,line=3,col=5,endLine=3,endColumn=18,title=HY001 hype-absolute::„beispiellos“ ist …

Escaping follows the Actions toolkit (``@actions/core`` ``command.ts``): in the
message ``%``, ``\\r`` and ``\\n`` become ``%25``, ``%0D`` and ``%0A``; in
properties additionally ``:`` and ``,`` become ``%3A`` and ``%2C``. Paths are
made relative to ``GITHUB_WORKSPACE`` when they lie below it, so the
annotations land on the files of the pull request.
"""

from __future__ import annotations

import os
from pathlib import Path

from lint.formats import Report

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(path: str, workspace: str | None = None) -> str:
    """``path`` relative to the GitHub workspace (posix), when it lies below it."""
    workspace = workspace if workspace is not None else os.environ.get("GITHUB_WORKSPACE", "")
    if workspace and path != "-":
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(workspace)).as_posix()
        except ValueError:
            pass
    return path


def render_github(report: Report) -> str:
    lines = []
    for d in report.diagnostics:
        props = [f"file={escape_property(workspace_path(d.path))}", f"line={d.line}", f"col={d.column}"]
        props += [f"endLine={d.end_line}", f"endColumn={d.end_column}"]
        props.append(f"title={escape_property(f'{d.code} {d.rule}')}")
        message = d.message + (f"\n{d.help}" if d.help else "")
        lines.append(f"::{LEVELS.get(str(d.severity), 'warning')} {','.join(props)}::{escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
