"""The CI formats against their consumers' contracts: SARIF 2.1.0 (official
schema), GitHub workflow commands (the Actions toolkit's syntax and escaping),
GitLab Code Quality, JUnit XML; plus --format auto, --output-file, the closing
summary and the exit codes. Umlauts, „“ and paths with spaces throughout."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import ROOT

from lint.model.diagnostics import Diagnostic, Severity
from lint.formats import Report
from lint.formats.github import escape_data, escape_property, render_github
from lint.formats.gitlab import render_gitlab
from lint.formats.junit import render_junit
from lint.formats.sarif import FINGERPRINT_KEY, sarif_log

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
HYPE = "Über „Müller“ hieß es: Ein beispielloser Erfolg für die Firma.\n"
CLEAN = "Der Bundestag hat am Freitag das Gesetz beschlossen.\n"
FOLDER = "ordner mit leerzeichen"
NAME = "Überblick, 100%: neu.md"  # space, umlaut, comma, percent and colon in one path


def run(*args, cwd, env=None, **kw):
    return subprocess.run(
        [sys.executable, "-m", "lint", *args], capture_output=True, text=True, cwd=cwd, timeout=120,
        env={**os.environ, **(env or {})}, **kw,
    )


@pytest.fixture
def art(isolated):
    folder = isolated / FOLDER
    folder.mkdir()
    (folder / NAME).write_text("# Titel\n\n" + HYPE, encoding="utf-8")
    (folder / "sauber.txt").write_text(CLEAN, encoding="utf-8")
    return isolated


def rel(name=NAME):
    return f"{FOLDER}/{name}"


def diag(path, message, severity=Severity.WARNING, line=1, column=1, end_column=5, code="HY001", start=0, end=4):
    return Diagnostic(
        start=start, end=end, code=code, rule="hype-absolute", category="hype", severity=severity,
        message=message, help="Sachlich „beschreiben“.", path=path,
        line=line, column=column, end_line=line, end_column=end_column,
    )


# ----- GitHub workflow commands ---------------------------------------------

_COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    # the inverse of the toolkit's escaping, as the runner applies it
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse_command(line: str) -> tuple[str, dict, str]:
    m = _COMMAND.match(line)
    assert m, line
    props = {}
    for item in m.group("props").split(","):
        key, _, value = item.partition("=")
        props[key] = unescape(value)
    return m.group(1), props, unescape(m.group("message"))


def test_github_escaping_follows_the_toolkit():
    assert escape_data("100% \r\nneu: a, b") == "100%25 %0D%0Aneu: a, b"
    assert escape_property("100% \r\nneu: a, b") == "100%25 %0D%0Aneu%3A a%2C b"
    # % first, so an escape sequence already in the text survives a round trip
    assert unescape(escape_property("%0A,:")) == "%0A,:"


def test_github_round_trips_awkward_messages_and_paths():
    message = "„Müller“: 100 % mehr,\r\nzweite Zeile"
    path = "ordner mit leerzeichen/Über, 100%: neu.md"
    out = render_github(Report([diag(path, message, Severity.INFO, line=3, column=7, end_column=12)]))
    [line] = out.splitlines()  # a newline in the message never breaks the command
    level, props, text = parse_command(line)
    assert level == "notice"
    assert props == {"file": path, "line": "3", "col": "7", "endLine": "3", "endColumn": "12", "title": "HY001 hype-absolute"}
    assert text == message + "\nSachlich „beschreiben“."


def test_github_end_to_end(art):
    r = run("check", "--format", "github", "--select", "HY001", FOLDER, cwd=art)
    lines = r.stdout.splitlines()
    assert len(lines) == 1
    level, props, text = parse_command(lines[0])
    assert level == "warning"
    assert props["file"] == rel()
    # "# Titel", blank line, then the sentence: „beispielloser“ starts at code point 28
    assert (props["line"], props["col"], props["endLine"], props["endColumn"]) == ("3", "28", "3", "41")
    assert props["title"] == "HY001 hype-absolute"
    assert text.startswith("„beispielloser“ ist eine Wertung")
    # the acceptance pattern: property order file, line, col, endLine, endColumn, title
    assert re.match(r"^::warning file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+", lines[0])


def test_github_paths_relative_to_workspace(art):
    absolute = str(art / FOLDER / NAME)
    r = run("check", "--format", "github", "--select", "HY001", absolute, cwd=art, env={"GITHUB_WORKSPACE": str(art)})
    assert parse_command(r.stdout.splitlines()[0])[1]["file"] == rel()


# ----- --format auto ---------------------------------------------------------

def test_auto_is_github_under_actions(art):
    r = run("check", "--select", "HY001", FOLDER, cwd=art, env={"GITHUB_ACTIONS": "true"})
    assert r.stdout.startswith("::warning file=")


def test_auto_is_concise_when_piped(art):
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    r = subprocess.run([sys.executable, "-m", "lint", "check", "--select", "HY001", FOLDER], capture_output=True,
                       text=True, cwd=art, env=env, timeout=120)
    assert r.stdout.startswith(f"{rel()}:3:28: HY001 [hype-absolute] warning: „beispielloser“")


def test_auto_is_full_on_a_terminal(art):
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["NO_COLOR"] = "1"
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "lint", "check", "--select", "HY001", FOLDER], cwd=art,
                                env=env, stdout=slave, stderr=subprocess.DEVNULL)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=120)
    finally:
        os.close(master)
    out = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    assert "3 | Über „Müller“ hieß es: Ein beispielloser Erfolg" in out
    assert "^" * len("beispielloser") in out  # carets: the full format


# ----- SARIF ------------------------------------------------------------------

def sarif(art, *args):
    r = run("check", "--format", "sarif", "--select", "HY001", "--fail-on", "never", *args, cwd=art)
    assert r.returncode == 0, r.stderr
    log = json.loads(r.stdout)
    jsonschema.validate(log, SCHEMA)
    return log


def test_sarif_is_valid_and_complete(art):
    log = sarif(art, FOLDER)
    assert log["version"] == "2.1.0"
    [run_] = log["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "newslint"
    rule = next(r for r in driver["rules"] if r["id"] == "HY001")
    assert rule["name"] == "hype-absolute"
    assert "„beispiellos“" in rule["shortDescription"]["text"]
    assert rule["fullDescription"]["text"].startswith("Wörter wie")
    assert rule["help"]["markdown"].startswith("## HY001")
    [result] = run_["results"]
    assert result["ruleId"] == "HY001" and driver["rules"][result["ruleIndex"]]["id"] == "HY001"
    assert result["level"] == "warning"
    assert "„beispielloser“" in result["message"]["text"]
    location = result["locations"][0]["physicalLocation"]
    assert unquote(location["artifactLocation"]["uri"]) == rel()
    assert " " not in location["artifactLocation"]["uri"]  # a URI, percent-encoded
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    region = location["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (3, 28, 3, 41)
    assert region["snippet"]["text"] == "beispielloser"
    assert result["partialFingerprints"][FINGERPRINT_KEY]
    artifacts = {unquote(a["location"]["uri"]) for a in run_["artifacts"]}
    assert artifacts == {rel(), rel("sauber.txt")}


def test_sarif_fingerprints_survive_moved_lines(art):
    before = sarif(art, FOLDER)["runs"][0]["results"][0]
    path = art / FOLDER / NAME
    path.write_text("# Titel\n\nEin neuer Absatz davor.\n\nNoch einer.\n\n" + HYPE, encoding="utf-8")
    after = sarif(art, FOLDER)["runs"][0]["results"][0]
    assert after["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert after["partialFingerprints"] == before["partialFingerprints"]


def test_sarif_with_no_findings_and_awkward_messages_is_valid(art):
    log = sarif(art, str(Path(FOLDER) / "sauber.txt"))
    assert log["runs"][0]["results"] == []
    report = Report([diag("a b/Ä.md", "„x“ %\r\n\"y\"", Severity.INFO), diag("-", "stdin", Severity.ERROR)],
                    files=["a b/Ä.md", "-"], sources={"a b/Ä.md": "Äbcd efg"})
    log = sarif_log(report)
    jsonschema.validate(log, SCHEMA)
    assert [r["level"] for r in log["runs"][0]["results"]] == ["note", "error"]


def test_sarif_output_file_is_written_atomically_with_summary_on_terminal(art):
    out = art / "berichte mit leerzeichen"
    out.mkdir()
    r = run("check", "--format", "sarif", "--select", "HY001", "--output-file", str(out / "newslint.sarif"), FOLDER, cwd=art)
    assert r.returncode == 1 and r.stdout == ""  # warnings: the job fails, the report is complete
    jsonschema.validate(json.loads((out / "newslint.sarif").read_text(encoding="utf-8")), SCHEMA)
    assert sorted(p.name for p in out.iterdir()) == ["newslint.sarif"]  # no temporary file left behind
    assert "2 Dateien geprüft, 1 Befund" in r.stderr and "Bericht geschrieben" in r.stderr


# ----- GitLab Code Quality ------------------------------------------------------

def test_gitlab_code_quality_fields(art):
    (art / FOLDER / "zwei.md").write_text(HYPE + "\n" + HYPE, encoding="utf-8")  # the same finding twice
    r = run("check", "--format", "gitlab", "--select", "HY001", FOLDER, cwd=art)
    items = json.loads(r.stdout)
    assert len(items) == 3
    for item in items:
        assert item["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert item["check_name"] == "HY001" and "„beispielloser“" in item["description"]
        assert re.fullmatch(r"[0-9a-f]{32}", item["fingerprint"])
        assert item["location"]["lines"]["begin"] >= 1
        assert not item["location"]["path"].startswith(("/", "./"))
    assert len({i["fingerprint"] for i in items}) == 3  # unique in the report
    assert {i["location"]["path"] for i in items} == {rel(), rel("zwei.md")}
    severities = json.loads(render_gitlab(Report([diag("a.md", "x", s) for s in Severity])))
    assert [i["severity"] for i in severities] == ["info", "minor", "major"]


# ----- JUnit ----------------------------------------------------------------------

def test_junit_one_case_per_file(art):
    r = run("check", "--format", "junit", "--select", "HY001", FOLDER, cwd=art)
    root = ET.fromstring(r.stdout)
    assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "1"
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert set(cases) == {rel(), rel("sauber.txt")}
    assert cases[rel("sauber.txt")].find("failure") is None
    failure = cases[rel()].find("failure")
    assert failure.get("type") == "warning"
    assert failure.text.startswith("3:28 HY001 [hype-absolute] warning: „beispielloser“")


def test_junit_survives_control_characters():
    xml = render_junit(Report([diag("x.txt", "Steuerzeichen \x0b und „ü“")], files=["x.txt"]))
    assert "„ü“" in ET.fromstring(xml).find(".//failure").text


# ----- summary and exit codes -------------------------------------------------

def test_summary_counts_by_severity_and_category(art):
    (art / FOLDER / "unterdrückt.md").write_text("<!-- newslint-disable-next-line HY001 -->\nDer Bundestag tagte.\n", encoding="utf-8")
    r = run("check", "--format", "json", "--select", "HY001,NL001", FOLDER, cwd=art)
    json.loads(r.stdout)  # standard output stays a clean report
    assert "3 Dateien geprüft, 2 Befunde in 2 Dateien (1 Warnung, 1 Hinweis)" in r.stderr
    assert "nach Kategorie: hype 1, style 1" in r.stderr
    clean = run("check", "--select", "HY001", str(Path(FOLDER) / "sauber.txt"), cwd=art)
    assert "1 Datei geprüft, keine Befunde" in clean.stderr


def test_exit_codes(art):
    target = str(Path(FOLDER) / NAME)
    assert run("check", target, "--select", "HY001", cwd=art).returncode == 1  # a warning; default fail-on warning
    (art / "newslint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    # the configuration wins over the default, the command line over both
    assert run("check", target, "--select", "HY001", cwd=art).returncode == 0
    assert run("check", target, "--select", "HY001", "--fail-on", "warning", cwd=art).returncode == 1
    assert run("check", "nicht-da.md", cwd=art).returncode == 2
    assert run("check", target, "--format", "nope", cwd=art).returncode == 2


def test_formats_are_builtin_plugins():
    from lint.plugins import builtin
    from lint.plugins.registry import registry

    assert "lint.formats.catalogue" in builtin.MODULES
    for name in ("github", "sarif", "gitlab", "junit"):
        render = registry().formats[name].render  # declared; the module is imported on the first call
        assert (render.__module__, render.__name__) == (f"lint.formats.{name}", f"render_{name}")


def test_json_lines_are_what_json_dumps_makes():
    """``render_json`` encodes with one encoder made once: each line is what
    ``json.dumps(..., ensure_ascii=False)`` gives (umlauts, „“, control characters,
    backslashes, a lone surrogate, an article and a field)."""
    from lint.formats.json import render_json

    texts = ["Ümlaut „zitiert“ – fertig", 'Tab\tund "Anführung" \\ Rückstrich\n', "lone \ud800 surrogate", ""]
    diagnostics = []
    for i, text in enumerate(texts):
        d = Diagnostic(code="ST001", rule="regel", category="style", severity=Severity.WARNING, message=text,
                       start=i, end=i + 1, path=f"pfad mit {text}.txt", line=1, column=i + 1, end_line=1, end_column=i + 2)
        d.help, d.article, d.field = text, text, text
        diagnostics.append(d)
    expected = "[\n  " + ",\n  ".join(json.dumps(d.as_dict(), ensure_ascii=False) for d in diagnostics) + "\n]\n"
    assert render_json(Report(diagnostics, [], {}, {}, False, [])) == expected
    assert json.loads(expected)[1]["message"] == texts[1]
