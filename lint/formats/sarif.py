"""``sarif``: a SARIF 2.1.0 log (one run) for code-scanning tools such as
GitHub code scanning.

- ``tool.driver.rules``: every active rule, with its German summary
  (``shortDescription``), reasoning (``fullDescription``) and documentation
  (``help``, Markdown as ``newslint rule CODE`` shows it).
- ``results``: ``ruleId``/``ruleIndex``, ``level`` (error, warning, note), the
  German message, a location with a region (1-based lines and columns, end
  column exclusive) and ``partialFingerprints`` that survive lines moving
  (see ``lint.engine.baseline``). The run declares ``columnKind`` as
  ``unicodeCodePoints``, which is how newslint counts columns.
- Paths below the working directory are relative URIs against
  ``%SRCROOT%``; others are absolute ``file://`` URIs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from lint import __version__
from lint.engine.baseline import fingerprints
from lint.formats import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/newslint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "newslintSentenceHash/v1"


def artifact_location(path: str, root: Path) -> dict:
    if path == "-":
        return {"uri": "stdin"}
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": "%SRCROOT%"}


def _rule_descriptor(rule) -> dict:
    docs = rule.docs()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(rule.why.split())},
        "help": {"text": docs, "markdown": docs},
        "defaultConfiguration": {"level": LEVELS.get(str(rule.severity), "warning")},
        "properties": {"category": rule.category, "pack": rule.pack, "tags": sorted({rule.category, rule.pack} - {""})},
    }


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    line, column = max(1, line), max(1, column)
    end_line = max(line, end_line)
    end_column = max(1, end_column)
    if end_line == line:
        end_column = max(column, end_column)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def sarif_log(report: Report, root: Path | None = None) -> dict:
    root = Path(os.path.abspath(root or os.getcwd()))
    rules = dict(report.rules)
    for d in report.diagnostics:  # a rule only known from its diagnostic (should not happen)
        if d.code not in rules:
            rules[d.code] = None
    codes = sorted(rules)
    index = {code: i for i, code in enumerate(codes)}
    descriptors = []
    for code in codes:
        rule = rules[code]
        if rule is None:
            sample = next(d for d in report.diagnostics if d.code == code)
            descriptors.append({"id": code, "name": sample.rule, "shortDescription": {"text": sample.rule}})
        else:
            descriptors.append(_rule_descriptor(rule))

    results = []
    for d, fp in zip(report.diagnostics, fingerprints(report.diagnostics, report.sources)):
        location = artifact_location(d.path, root)
        region = _region(d.line, d.column, d.end_line, d.end_column)
        source = report.sources.get(d.path)
        if source is not None and d.end > d.start:
            region["snippet"] = {"text": source[d.start : d.end]}
        result = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": LEVELS.get(str(d.severity), "warning"),
            "message": {"text": d.message + (f" {d.help}" if d.help else "")},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
            "partialFingerprints": {FINGERPRINT_KEY: fp},
            "properties": {"category": d.category, "rule": d.rule},
        }
        edits = [p.as_dict() for p in d.edit_positions] if d.fix is not None else None
        if edits:
            result["fixes"] = [
                {
                    "description": {"text": d.fix.title or d.message},
                    "artifactChanges": [
                        {
                            "artifactLocation": location,
                            "replacements": [
                                {
                                    "deletedRegion": _region(e["line"], e["column"], e["end_line"], e["end_column"]),
                                    "insertedContent": {"text": e["replacement"]},
                                }
                                for e in edits
                            ],
                        }
                    ],
                }
            ]
        results.append(result)

    run = {
        "tool": {
            "driver": {
                "name": "newslint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri().rstrip("/") + "/"}},
        "artifacts": [{"location": artifact_location(path, root)} for path in report.files],
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [{"level": "note", "message": {"text": n}} for n in report.notices],
            }
        ],
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report) -> str:
    # no indent: the C encoder is several times faster on a large run
    return json.dumps(sarif_log(report), ensure_ascii=False, separators=(",", ":")) + "\n"
