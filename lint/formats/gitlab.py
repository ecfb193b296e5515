"""``gitlab``: a GitLab Code Quality report (the Code Climate subset GitLab
reads from ``artifacts:reports:codequality``).

Each diagnostic becomes an object with ``description`` (the German message),
``check_name`` (the rule code), ``fingerprint`` (unique in the report, stable
when lines move), ``severity`` (error: major, warning: minor, info: info) and
``location`` (``path`` relative to the project, ``lines.begin``/``end``).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from lint.engine.baseline import fingerprints
from lint.formats import Report

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def project_path(path: str) -> str:
    """``path`` relative to the project (``CI_PROJECT_DIR`` or the working directory), posix."""
    if path == "-":
        return path
    root = os.environ.get("CI_PROJECT_DIR") or os.getcwd()
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return absolute.as_posix()


def render_gitlab(report: Report) -> str:
    issues = []
    for d, fp in zip(report.diagnostics, fingerprints(report.diagnostics, report.sources)):
        path = project_path(d.path)
        issue = {
            "type": "issue",
            "description": d.message,
            "check_name": d.code,
            "fingerprint": hashlib.sha256(f"{path}\x1f{d.code}\x1f{fp}".encode("utf-8")).hexdigest()[:32],
            "severity": SEVERITIES.get(str(d.severity), "minor"),
            "categories": ["Style"],
            "location": {"path": path, "lines": {"begin": max(1, d.line), "end": max(1, d.line, d.end_line)}},
            "engine_name": "newslint",
        }
        if d.help:
            issue["content"] = {"body": d.help}
        issues.append(issue)
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
