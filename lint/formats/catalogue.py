"""The built-in output formats, declared without importing them: a format's
module is imported when a report is rendered in it, so a run loads only the
one it writes."""

from __future__ import annotations

from lint.formats import Format
from lint.plugins.builtin import deferred
from lint.plugins.hookspecs import hookimpl


def _render(name: str):
    return deferred(f"lint.formats.{name}", f"render_{name}")


@hookimpl
def register_formats():
    # the order pluggy gave when each format's module registered itself (last registered, first called)
    return [
        Format("html", "one self-contained HTML page for editors (findings in the text, readability)", _render("html")),
        Format("junit", "JUnit XML, one test case per file (CI test reports)", _render("junit")),
        Format("gitlab", "GitLab Code Quality report (artifacts:reports:codequality)", _render("gitlab"), fingerprints=True),
        Format("sarif", "SARIF 2.1.0 log for code scanning (GitHub code scanning, IDEs)", _render("sarif"), fingerprints=True),
        Format("github", "GitHub Actions annotations (default under GitHub Actions)", _render("github")),
        Format("json", "JSON array of diagnostics (stable contract)", _render("json")),
        Format("concise", "one line per diagnostic", _render("concise"), terminal=True),
        Format("full", "source line, carets under the span and help (default on a terminal)", _render("full"), terminal=True),
    ]
