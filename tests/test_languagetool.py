"""LT001 against the stand-in LanguageTool server: protocol, offsets (UTF-16,
Markdown, HTML), settings, selection, cache, dedupe and the failure paths."""

from __future__ import annotations

import json
import shutil
import sys
import time
import types

import pytest

from languagetool_standin import serve
from lint.cli import main
from lint.kinds import languagetool, languagetool_client


@pytest.fixture
def lt(isolated):
    languagetool.reset()
    with serve() as standin:
        yield standin
    languagetool.reset()


def configure(folder, url, extra="", select='["LT", "HY001"]'):
    """A configuration with LanguageTool at ``url``; only LT and one hype rule run
    (independent of the other packs), unless ``--select`` overrides it."""
    (folder / "newslint.toml").write_text(f'languagetool = "{url}"\nselect = {select}\n{extra}', encoding="utf-8")


def run(capsys, *args):
    code = main(["check", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out or "[]"), err


def lt_findings(found):
    return [d for d in found if d["code"] == "LT001"]


def test_markdown_emoji_and_umlauts_map_to_the_file(lt, isolated, capsys):
    configure(isolated, lt.url)
    (isolated / "a.md").write_text(
        "# Über „Erfolge“\n\n😀 Er glaubt, das das **Projekt** ein beispielloser Erfolg wird.\n\n"
        "- Punkt 👍🏽: Rechtschreibfeler hier\n",
        encoding="utf-8",
    )
    code, found, err = run(capsys, "a.md")
    got = {(d["rule"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in lt_findings(found)}
    assert got == {("DASS_DAS_TEST", 3, 14, 3, 21), ("GERMAN_SPELLER_RULE", 5, 13, 5, 30)}
    dass = next(d for d in found if d["rule"] == "DASS_DAS_TEST")
    assert dass["category"] == "grammar" and dass["severity"] == "warning"
    assert dass["message"] == "„das das“: Möglicherweise fehlt ein Komma oder „dass“."
    assert "DASS_DAS_TEST" in dass["help"] and "„dass das“" in dass["help"]
    assert dass["fix"]["applicability"] == "unsafe"
    assert dass["fix"]["edits"] == [{"line": 3, "column": 14, "end_line": 3, "end_column": 21, "replacement": "dass das"}]
    assert any(d["category"] == "hype" for d in found)
    assert "note" not in err


def test_sends_annotated_text_in_one_request(lt, isolated, capsys):
    configure(isolated, lt.url)
    (isolated / "a.md").write_text(
        "Ein [Link](https://example.org) und **fett**.\n\nZweiter `code` Absatz.\n", encoding="utf-8"
    )
    run(capsys, "a.md")
    assert len(lt.requests) == 1
    form = lt.requests[0]
    assert form["language"] == "de-DE" and "text" not in form
    annotation = json.loads(form["data"])["annotation"]
    assert {"markup": "**"} in annotation and {"markup": "[", } in annotation
    assert {"markup": "](https://example.org)"} in annotation
    assert {"markup": "`code`", "interpretAs": "X"} in annotation
    assert lt.texts() == ["Ein Link und fett.\n\nZweiter X Absatz."]


def test_html_entities_before_a_match(lt, isolated, capsys):
    configure(isolated, lt.url)
    (isolated / "a.html").write_text(
        "<p>Gewinn &amp; Verlust: Er glaubt, das das stimmt.</p>\n", encoding="utf-8"
    )
    code, found, err = run(capsys, "a.html")
    d = lt_findings(found)
    assert [(x["line"], x["column"], x["end_column"]) for x in d] == [(1, 37, 44)]
    assert d[0]["fix"]["edits"][0]["column"] == 37


def test_settings_are_sent(lt, isolated, capsys):
    configure(
        isolated,
        lt.url,
        'languagetool-language = "de-CH"\nlanguagetool-picky = true\n'
        'languagetool-disabled-rules = ["GERMAN_SPELLER_RULE"]\nlanguagetool-disabled-categories = ["TYPOGRAPHY"]\n'
        'languagetool-enabled-rules = ["DE_AGREEMENT"]\n',
    )
    (isolated / "a.txt").write_text("Das ist ein Rechtschreibfeler... Er glaubt, das das stimmt.\n", encoding="utf-8")
    code, found, err = run(capsys, "a.txt")
    form = lt.requests[0]
    assert form["language"] == "de-CH" and form["level"] == "picky"
    assert form["disabledRules"] == "GERMAN_SPELLER_RULE" and form["disabledCategories"] == "TYPOGRAPHY"
    assert form["enabledRules"] == "DE_AGREEMENT"
    assert [d["rule"] for d in lt_findings(found)] == ["DASS_DAS_TEST"]


@pytest.mark.parametrize("value", ['"on"', '"ftp://x"', "true"])
def test_bad_setting_is_a_config_error(isolated, capsys, value):
    (isolated / "newslint.toml").write_text(f"languagetool = {value}\n", encoding="utf-8")
    (isolated / "a.txt").write_text("Text.\n", encoding="utf-8")
    assert main(["check", "a.txt"]) == 2
    assert "languagetool" in capsys.readouterr().err


TEXT = "Er glaubt, das das stimmt. Ein Rechtschreibfeler... Das ist wohl bemerkt gut.\n"


@pytest.mark.parametrize(
    "args,extra,expected",
    [
        ((), "", {"DASS_DAS_TEST", "GERMAN_SPELLER_RULE", "ELLIPSIS", "ZUSAMMENSCHREIBUNG"}),
        (("--ignore", "DASS_DAS_TEST"), "", {"GERMAN_SPELLER_RULE", "ELLIPSIS", "ZUSAMMENSCHREIBUNG"}),
        (("--ignore", "TYPOS,style"), "", {"DASS_DAS_TEST", "ELLIPSIS"}),
        (("--select", "DASS_DAS_TEST"), "", {"DASS_DAS_TEST"}),
        (("--select", "typography"), "", {"ELLIPSIS"}),
        (("--select", "LT001"), "", {"DASS_DAS_TEST", "GERMAN_SPELLER_RULE", "ELLIPSIS", "ZUSAMMENSCHREIBUNG"}),
        # "grammar" is the pack's name too: all of LanguageTool
        (("--select", "grammar"), "", {"DASS_DAS_TEST", "GERMAN_SPELLER_RULE", "ELLIPSIS", "ZUSAMMENSCHREIBUNG"}),
        (("--ignore", "LT"), "", set()),
        ((), 'ignore = ["GERMAN_SPELLER_RULE"]\n', {"DASS_DAS_TEST", "ELLIPSIS", "ZUSAMMENSCHREIBUNG"}),
        ((), '[rules.ELLIPSIS]\nseverity = "off"\n', {"DASS_DAS_TEST", "GERMAN_SPELLER_RULE", "ZUSAMMENSCHREIBUNG"}),
    ],
)
def test_languagetool_ids_select_and_ignore(lt, isolated, capsys, args, extra, expected):
    configure(isolated, lt.url, extra)
    (isolated / "a.txt").write_text(TEXT, encoding="utf-8")
    code, found, err = run(capsys, *args, "a.txt")
    assert "error" not in err
    assert {d["rule"] for d in lt_findings(found)} == expected


def test_severity_per_languagetool_rule(lt, isolated, capsys):
    configure(isolated, lt.url, '[rules.DASS_DAS_TEST]\nseverity = "error"\n')
    (isolated / "a.txt").write_text(TEXT, encoding="utf-8")
    code, found, err = run(capsys, "a.txt")
    severities = {d["rule"]: d["severity"] for d in lt_findings(found)}
    assert severities == {"DASS_DAS_TEST": "error", "GERMAN_SPELLER_RULE": "warning", "ELLIPSIS": "info",
                          "ZUSAMMENSCHREIBUNG": "info"}
    assert code == 1


def test_suppression_comment_with_languagetool_id(lt, isolated, capsys):
    configure(isolated, lt.url)
    (isolated / "a.md").write_text(
        "<!-- newslint-disable-next-line DASS_DAS_TEST -->\nEr glaubt, das das stimmt... sagt er.\n", encoding="utf-8"
    )
    code, found, err = run(capsys, "a.md")
    assert {d["rule"] for d in found} == {"ELLIPSIS"}


def test_cache_sends_only_changed_paragraphs(lt, isolated, capsys):
    configure(isolated, lt.url)
    a = isolated / "a.md"
    a.write_text("Erster Absatz, das das stimmt.\n\nZweiter Absatz.\n", encoding="utf-8")
    first = run(capsys, "a.md")[1]
    assert len(lt.requests) == 1
    assert run(capsys, "a.md")[1] == first
    assert len(lt.requests) == 1  # nothing changed: nothing sent
    a.write_text("Erster Absatz, das das stimmt.\n\nZweiter Absatz, geändert.\n", encoding="utf-8")
    again = run(capsys, "a.md")[1]
    assert lt.texts()[1:] == ["Zweiter Absatz, geändert."]
    assert [d["rule"] for d in lt_findings(again)] == ["DASS_DAS_TEST"]
    configure(isolated, lt.url, 'languagetool-language = "de-AT"\n')
    run(capsys, "a.md")
    assert len(lt.requests) == 3  # other settings, other cache entries


def test_server_down_one_notice_exit_code_unaffected(isolated, capsys):
    languagetool.reset()
    with serve() as standin:
        url = standin.url
    configure(isolated, url)
    for name in ("a.txt", "b.txt", "c.txt"):
        (isolated / name).write_text("Ein beispielloser Erfolg, das das stimmt.\n", encoding="utf-8")
    t0 = time.perf_counter()
    code, found, err = run(capsys, ".")
    assert time.perf_counter() - t0 < 5
    assert code == 1  # the HY001 warning fails, as without LanguageTool
    assert [d["code"] for d in found] == ["HY001"] * 3
    notes = [line for line in err.splitlines() if "languagetool" in line.lower()]
    assert len(notes) == 1, err
    assert notes[0].startswith("newslint: note: languagetool: cannot reach") and url in notes[0]
    assert "Traceback" not in err and "error" not in err.replace("Errno", "")
    languagetool.reset()


def test_timeout_is_bounded(lt, isolated, capsys):
    lt.delay = 4
    configure(isolated, lt.url, "languagetool-timeout = 1\n")
    (isolated / "a.txt").write_text("Ein beispielloser Erfolg.\n", encoding="utf-8")
    (isolated / "b.txt").write_text("Noch ein Text.\n", encoding="utf-8")
    t0 = time.perf_counter()
    code, found, err = run(capsys, "a.txt", "b.txt")
    assert time.perf_counter() - t0 < 3  # one timeout, no retry for the second file
    assert len(lt.requests) == 1
    assert "did not answer within 1 s" in err and err.count("newslint: note:") == 1
    assert [d["code"] for d in found] == ["HY001"]


def test_http_error_is_a_notice(lt, isolated, capsys):
    lt.status = 500
    configure(isolated, lt.url)
    (isolated / "a.txt").write_text("Ein beispielloser Erfolg.\n", encoding="utf-8")
    code, found, err = run(capsys, "a.txt")
    assert code == 1 and "answered HTTP 500" in err and "newslint: note:" in err


def test_off_by_default_sends_nothing(lt, isolated, capsys):
    (isolated / "a.txt").write_text("Er glaubt, das das stimmt.\n", encoding="utf-8")
    code, found, err = run(capsys, "a.txt")
    assert found == [] and lt.requests == [] and "note" not in err


def test_environment_variable_when_not_configured(lt, isolated, capsys, monkeypatch):
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL", lt.url)
    (isolated / "a.txt").write_text("Er glaubt, das das stimmt.\n", encoding="utf-8")
    assert [d["rule"] for d in run(capsys, "a.txt")[1]] == ["DASS_DAS_TEST"]
    (isolated / "newslint.toml").write_text('languagetool = "off"\n', encoding="utf-8")
    assert run(capsys, "a.txt")[1] == []


def test_local_without_java(isolated, capsys, monkeypatch):
    languagetool.reset()
    monkeypatch.setattr(languagetool_client, "_local", {})
    monkeypatch.setattr(shutil, "which", lambda name: None)  # languagetool imports shutil when a local server is wanted
    (isolated / "newslint.toml").write_text('languagetool = "local"\n', encoding="utf-8")
    (isolated / "a.txt").write_text("Ein beispielloser Erfolg.\n", encoding="utf-8")
    code, found, err = run(capsys, "a.txt")
    assert code == 1 and [d["code"] for d in found] == ["HY001"]
    assert "needs Java 17" in err and err.count("newslint: note:") == 1
    languagetool.reset()


def test_local_download_impossible(isolated, capsys, monkeypatch):
    languagetool.reset()
    monkeypatch.setattr(languagetool_client, "_local", {})
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/java")
    fake = types.ModuleType("language_tool_python")

    def refuse(language):
        raise ConnectionError("Failed to resolve 'github.com'")

    fake.LanguageTool = refuse
    monkeypatch.setitem(sys.modules, "language_tool_python", fake)
    (isolated / "newslint.toml").write_text('languagetool = "local"\n', encoding="utf-8")
    (isolated / "a.txt").write_text("Ein beispielloser Erfolg.\n", encoding="utf-8")
    code, found, err = run(capsys, "a.txt")
    assert code == 1 and [d["code"] for d in found] == ["HY001"]
    assert "could not start a local LanguageTool server" in err and "github.com" in err
    languagetool.reset()


def test_own_rule_wins_over_languagetool(lt, isolated, capsys):
    pack = isolated / "house"
    (pack / "data").mkdir(parents=True)
    (pack / "data" / "typos.txt").write_text("# house list of typos\nRechtschreibfeler\n", encoding="utf-8")
    (pack / "XX001.toml").write_text(
        'code = "XX001"\nname = "house-typo"\nkind = "existence"\ncategory = "grammar"\nseverity = "warning"\n'
        'summary = "Tippfehler"\nmessage = "„{match}“ ist falsch geschrieben."\nwhy = "Rechtschreibung."\n'
        '[examples]\nbad = ["Ein Rechtschreibfeler."]\ngood = ["Ein Rechtschreibfehler."]\n'
        '[options]\nlists = ["data/typos.txt"]\n',
        encoding="utf-8",
    )
    configure(isolated, lt.url, 'packs = ["house"]\n', select='["LT", "HY001", "XX"]')
    (isolated / "a.txt").write_text("Ein Rechtschreibfeler... das das war's.\n", encoding="utf-8")
    code, found, err = run(capsys, "a.txt")
    by_span = sorted((d["column"], d["code"], d["rule"]) for d in found)
    # same span, same category: newslint's own rule only; other categories and spans stay
    assert by_span == [(5, "XX001", "house-typo"), (22, "LT001", "ELLIPSIS"), (26, "LT001", "DASS_DAS_TEST")]


def test_utf16_mapping():
    to_cp = languagetool_client._utf16_to_code_points("a😀b👍🏽c")
    assert [to_cp(u) for u in (0, 1, 3, 4, 6, 8, 9)] == [0, 1, 2, 3, 4, 5, 6]
