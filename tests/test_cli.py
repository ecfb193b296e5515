"""The command line: exit codes, formats, stdin, bad input and configuration errors."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, house_pack

HYPE = "Ein beispielloser Erfolg für die Firma.\n"
CLEAN = "Der Bundestag hat am Freitag das Gesetz beschlossen.\n"


def run(*args, stdin=None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "lint", *args], input=stdin, capture_output=True, cwd=cwd, timeout=120,
        text=not isinstance(stdin, bytes),
    )


@pytest.fixture
def art(isolated):
    (isolated / "hype.txt").write_text(HYPE, encoding="utf-8")
    (isolated / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return isolated


HINT_ONLY = "Die rasante Entwicklung der Preise.\n"  # HY004, a hint (info)


@pytest.mark.parametrize(
    "args,code",
    [
        (["clean.txt"], 0),
        (["hype.txt"], 1),  # warnings fail by default
        (["--fail-on", "warning", "hype.txt"], 1),
        (["--fail-on", "error", "hype.txt"], 0),
        (["--fail-on", "never", "hype.txt"], 0),
        (["--select", "HY004", "hint.txt"], 0),  # hints never fail a run
        (["--select", "HY004", "--fail-on", "warning", "hint.txt"], 0),
        (["--fail-on", "info", "hint.txt"], 2),  # not a threshold: hints never fail
    ],
)
def test_exit_codes_follow_fail_on(art, args, code):
    (art / "hint.txt").write_text(HINT_ONLY, encoding="utf-8")
    assert run("check", *args, cwd=art).returncode == code


@pytest.mark.parametrize("setting,code", [("warning", 1), ("error", 0), ("never", 0)])
def test_fail_on_from_config(art, setting, code):
    (art / "newslint.toml").write_text(f'fail-on = "{setting}"\n', encoding="utf-8")
    assert run("check", "hype.txt", cwd=art).returncode == code


def test_seeds_fail_a_default_check_and_a_clean_article_passes(art):
    seeds = run("check", str(ROOT / "seeds"), cwd=art)
    assert seeds.returncode == 1 and "Warnung" in seeds.stderr
    assert run("check", "clean.txt", cwd=art).returncode == 0


@pytest.mark.parametrize(
    "fmt,shows_hint_by_default",
    [("concise", False), ("full", False), ("json", True), ("sarif", True), ("github", True), ("gitlab", True)],
)
def test_hints_show_in_the_terminal_only_when_asked(art, fmt, shows_hint_by_default):
    (art / "hint.txt").write_text(HINT_ONLY, encoding="utf-8")
    plain = run("check", "--select", "HY004", "--format", fmt, "hint.txt", cwd=art)
    asked = run("check", "--select", "HY004", "--format", fmt, "--show-hints", "hint.txt", cwd=art)
    assert ("HY004" in plain.stdout) == shows_hint_by_default
    assert "HY004" in asked.stdout
    if not shows_hint_by_default:
        assert "1 Hinweis ausgeblendet (--show-hints zeigt sie)" in plain.stderr


def test_json_contract(art):
    r = run("check", "--format", "json", "hype.txt", cwd=art)
    [d] = [x for x in json.loads(r.stdout) if x["code"] == "HY001"]
    assert d["path"] == "hype.txt"
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (1, 5, 1, 18)
    assert d["category"] == "hype" and d["severity"] == "warning" and d["rule"] == "hype-absolute"
    assert "„beispielloser“" in d["message"]
    assert set(d) >= {"path", "line", "column", "end_line", "end_column", "code", "rule", "category", "severity", "message", "fix"}


def test_concise_and_full(art):
    concise = run("check", "--format", "concise", "--select", "HY001", "hype.txt", cwd=art).stdout
    assert concise.startswith("hype.txt:1:5: HY001 [hype-absolute] warning: „beispielloser“")
    full = run("check", "--format", "full", "--select", "HY001", "hype.txt", cwd=art).stdout.splitlines()
    assert full[2].endswith("| Ein beispielloser Erfolg für die Firma.")
    assert full[3].endswith("|     ^^^^^^^^^^^^^")
    assert "\x1b[" not in "".join(full)  # no colour when not a terminal


def test_stdin_with_filename(art):
    r = run("check", "--format", "json", "--stdin-filename", "entwurf.md", "-", stdin="# Titel\n\n" + HYPE)
    [d] = [x for x in json.loads(r.stdout) if x["code"] == "HY001"]
    assert d["path"] == "entwurf.md" and d["line"] == 3


def test_select_and_ignore(art):
    assert json.loads(run("check", "--format", "json", "--ignore", "hype", "hype.txt", cwd=art).stdout) == []
    out = json.loads(run("check", "--format", "json", "--select", "hype-absolute", "hype.txt", cwd=art).stdout)
    assert {d["code"] for d in out} == {"HY001"}


def test_folder_recursion_and_extensions(art):
    sub = art / "ressort" / "wirtschaft"
    sub.mkdir(parents=True)
    (sub / "a.md").write_text(HYPE, encoding="utf-8")
    (sub / "b.html").write_text(f"<p>{HYPE}</p>", encoding="utf-8")
    (sub / "c.csv").write_text(HYPE, encoding="utf-8")
    out = json.loads(run("check", "--format", "json", "--select", "HY001", "ressort", cwd=art).stdout)
    assert sorted(Path(d["path"]).name for d in out) == ["a.md", "b.html"]


def test_missing_path_is_reported_and_others_still_linted(art):
    r = run("check", "--format", "json", "--select", "HY001", "fehlt.txt", "hype.txt", cwd=art)
    assert r.returncode == 2
    assert "fehlt.txt: no such file or folder" in r.stderr and "Traceback" not in r.stderr
    assert len(json.loads(r.stdout)) == 1


def test_empty_folder(art):
    (art / "leer").mkdir()
    r = run("check", "leer", cwd=art)
    assert r.returncode == 2 and "holds no file to lint" in r.stderr


def test_invalid_utf8_names_file_and_byte(art):
    (art / "kaputt.txt").write_bytes("Ein Text mit Ärger \xff und mehr.\n".encode("latin-1"))
    r = run("check", "kaputt.txt", cwd=art)
    assert r.returncode == 2
    assert "kaputt.txt: not valid UTF-8 at byte 13" in r.stderr and "Traceback" not in r.stderr


def test_bom_is_accepted(art):
    (art / "bom.txt").write_bytes(b"\xef\xbb\xbf" + HYPE.encode())
    out = json.loads(run("check", "--format", "json", "--select", "HY001", "bom.txt", cwd=art).stdout)
    assert out[0]["column"] == 5


def test_binary_file_skipped_with_notice(art):
    (art / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    r = run("check", "bild.txt", cwd=art)
    assert r.returncode == 0 and "skipped, looks like a binary file" in r.stderr


def test_empty_file(art):
    (art / "leer.txt").write_text("", encoding="utf-8")
    r = run("check", "--format", "json", "leer.txt", cwd=art)
    assert r.returncode == 0 and json.loads(r.stdout) == []


@pytest.mark.parametrize(
    "config, expected",
    [
        ("select = 5\n", "key 'select' has value 5; allowed: a string or a list of strings"),
        ("bogus_key = true\n", "key 'bogus_key' is unknown; allowed keys:"),
        ('fail-on = "sometimes"\n', "key 'fail-on' has value 'sometimes'; allowed: one of 'error'"),
        ("[rules.HY001]\nseverity = \"laut\"\n", "rules.HY001.severity has value 'laut'"),
        ("[rules.HY001]\nlists = 3\n", "rules.HY001.lists has value 3; allowed: a list"),
        ("[rules.HY001]\ncolour = 3\n", "rules.HY001 has unknown option 'colour'"),
        ("[rules.XX999]\nseverity = \"info\"\n", "rules.XX999 names no rule"),
        ("select = [\n", "invalid TOML"),
        ('packs = ["fehlt"]\n', "rule pack folder not found"),
    ],
)
def test_config_errors_name_file_and_key(art, config, expected):
    (art / "newslint.toml").write_text(config, encoding="utf-8")
    r = run("check", "clean.txt", cwd=art)
    assert r.returncode == 2, r.stderr
    assert "newslint.toml" in r.stderr and expected in r.stderr and "Traceback" not in r.stderr


def test_config_in_pyproject_found_upwards(art):
    (art / "pyproject.toml").write_text('[tool.newslint]\nignore = ["HY001"]\n', encoding="utf-8")
    sub = art / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "x.txt").write_text(HYPE, encoding="utf-8")
    out = json.loads(run("check", "--format", "json", "a/b/x.txt", cwd=art).stdout)
    assert [d for d in out if d["code"] == "HY001"] == []


def test_explicit_config_overrides(art):
    (art / "newslint.toml").write_text('ignore = ["HY001"]\n', encoding="utf-8")
    (art / "other.toml").write_text('[rules.HY001]\nseverity = "error"\n', encoding="utf-8")
    r = run("check", "--format", "json", "--config", "other.toml", "hype.txt", cwd=art)
    assert r.returncode == 1 and json.loads(r.stdout)[0]["severity"] == "error"
    r = run("check", "--config", "fehlt.toml", "hype.txt", cwd=art)
    assert r.returncode == 2 and "configuration file not found" in r.stderr


def test_rule_options_and_severity_off(art):
    (art / "newslint.toml").write_text('[rules.hype-absolute]\nseverity = "off"\n', encoding="utf-8")
    out = json.loads(run("check", "--format", "json", "hype.txt", cwd=art).stdout)
    assert [d for d in out if d["code"] == "HY001"] == []


def test_extra_pack_folder_from_config(art):
    house_pack(art)
    r = run("check", "--format", "json", "--select", "hausstil", "clean.txt", cwd=art)
    assert r.returncode == 1 and json.loads(r.stdout)[0]["code"] == "HS001"


def test_include_exclude(art):
    (art / "entwuerfe").mkdir()
    (art / "entwuerfe" / "x.txt").write_text(HYPE, encoding="utf-8")
    (art / "newslint.toml").write_text('exclude = ["entwuerfe/*"]\n', encoding="utf-8")
    out = json.loads(run("check", "--format", "json", "--select", "HY001", ".", cwd=art).stdout)
    assert sorted(Path(d["path"]).name for d in out) == ["hype.txt"]
    # files named explicitly (as pre-commit passes them) are excluded too
    out = json.loads(run("check", "--format", "json", "--select", "HY001", "entwuerfe/x.txt", "hype.txt", cwd=art).stdout)
    assert [d["path"] for d in out] == ["hype.txt"]


def test_suppression_in_plain_text(art):
    (art / "s.txt").write_text("newslint-disable-next-line HY001\n" + HYPE, encoding="utf-8")
    out = json.loads(run("check", "--format", "json", "--select", "HY001,NL001", "s.txt", cwd=art).stdout)
    assert out == []


def test_suppression_range_in_markdown(art):
    text = "<!-- newslint-disable hype-absolute -->\n" + HYPE + "<!-- newslint-enable -->\n" + HYPE
    (art / "s.md").write_text(text, encoding="utf-8")
    out = json.loads(run("check", "--format", "json", "--select", "HY001,NL001", "s.md", cwd=art).stdout)
    assert [(d["code"], d["line"]) for d in out] == [("HY001", 4)]


def test_unknown_format_and_usage_errors(art):
    r = run("check", "--format", "yaml", "hype.txt", cwd=art)
    assert r.returncode == 2 and "unknown format 'yaml'" in r.stderr
    assert run("check", cwd=art).returncode == 2
    assert run("frobnicate", cwd=art).returncode == 2


def test_rules_and_rule_docs():
    r = run("rules")
    assert r.returncode == 0 and any(line.startswith("HY001  hype-absolute") for line in r.stdout.splitlines())
    doc = run("rule", "HY001").stdout
    assert "Schlecht:" in doc and "Besser:" in doc and "beispiellosen Erfolg" in doc
    assert run("rule", "hype-absolute").stdout == doc
    r = run("rule", "XX000")
    assert r.returncode == 2 and "no rule 'XX000'" in r.stderr


@pytest.mark.parametrize(
    "no_bytecode, modules",
    [
        ("", "['lint']"),
        ("1", "['lint', 'lint.code_cache', 'lint.private_files']"),  # the code cache's two small modules
    ],
)
def test_version_and_import_are_light(no_bytecode, modules):
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("newslint ")
    code = "import sys, lint; print(sorted(m for m in sys.modules if m.split('.')[0] in ('pluggy','textstat','wordfreq','pyphen','language_tool_python','pygls','lint')))"
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if no_bytecode:
        environ["PYTHONDONTWRITEBYTECODE"] = no_bytecode
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environ).stdout
    assert loaded.strip() == modules


def test_large_file(tmp_path):
    big = tmp_path / "gross.txt"
    big.write_text(("Der Rat tagte am Montag in Berlin. " * 12 + "\n\n") * 20000, encoding="utf-8")  # ~8.5 MB
    r = run("check", "--format", "json", "--fail-on", "never", str(big))
    assert r.returncode == 0 and "Traceback" not in r.stderr and "error" not in r.stderr
    assert isinstance(json.loads(r.stdout), list)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 400, f"peak memory {peak_mb:.0f} MB for an 8.5 MB file"


def test_output_file_is_written_atomically(art):
    r = run("check", "--format", "json", "--output-file", "bericht.json", "hype.txt", cwd=art)
    assert r.returncode == 1  # a warning
    assert json.loads((art / "bericht.json").read_text(encoding="utf-8"))[0]["code"]
    assert [p.name for p in art.iterdir() if p.name.startswith(".bericht")] == []


def test_select_naming_no_rule_is_an_error(art):
    r = run("check", "--select", "hype-absolut", "hype.txt", cwd=art)
    assert r.returncode == 2 and "--select entry 'hype-absolut' names no rule" in r.stderr
    (art / "newslint.toml").write_text('ignore = ["hype-absolutely"]\n', encoding="utf-8")
    r = run("check", "hype.txt", cwd=art)
    assert r.returncode == 2 and "newslint.toml: ignore entry 'hype-absolutely' names no rule" in r.stderr


def test_stdin_given_twice_or_filename_without_stdin(art):
    r = run("check", "-", "-", stdin=HYPE)
    assert r.returncode == 2 and "only once" in r.stderr
    r = run("check", "--stdin-filename", "a.md", "hype.txt", cwd=art)
    assert r.returncode == 2 and "give '-'" in r.stderr


def test_fail_on_is_read_per_file(art):
    strict = art / "strikt"
    strict.mkdir()
    (art / "newslint.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    (strict / "newslint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    (strict / "a.txt").write_text(HYPE, encoding="utf-8")
    # the first file's folder never fails; the second's says warnings fail
    assert run("check", "hype.txt", "strikt/a.txt", cwd=art).returncode == 1
    assert run("check", "hype.txt", cwd=art).returncode == 0


def test_late_rules_can_be_suppressed(art):
    text = "newslint-disable HY006\n" + "Ein beispielloser, sensationeller, revolutionärer Erfolg. " * 10 + "\n"
    (art / "dicht.txt").write_text(text, encoding="utf-8")
    out = json.loads(run("check", "--format", "json", "--select", "HY,NL", "dicht.txt", cwd=art).stdout)
    codes = [d["code"] for d in out]
    assert "HY006" not in codes and "NL001" not in codes and "HY001" in codes
    (art / "dicht.txt").write_text(text.replace("HY006", "HY005"), encoding="utf-8")
    out = json.loads(run("check", "--format", "json", "--select", "HY,NL", "dicht.txt", cwd=art).stdout)
    assert {"HY006", "NL001"} <= {d["code"] for d in out}


@pytest.mark.parametrize(
    "config, expected",
    [
        ("[rules.HY001]\nlists = [1]\n", "rules.HY001.lists has value [1]; allowed: a list of str values"),
        ("[rules.HY006]\nthreshold = \"hoch\"\n", "rules.HY006.threshold has value 'hoch'; allowed: a float"),
    ],
)
def test_rule_option_items_are_checked(art, config, expected):
    (art / "newslint.toml").write_text(config, encoding="utf-8")
    r = run("check", "hype.txt", cwd=art)
    assert r.returncode == 2 and expected in r.stderr and "Traceback" not in r.stderr


def test_broken_rule_file_in_house_pack(art):
    pack = art / "haus"
    pack.mkdir()
    (pack / "HS001.toml").write_text('code = "HS001"\noptions = "abc"\n', encoding="utf-8")
    (art / "newslint.toml").write_text('packs = ["haus"]\n', encoding="utf-8")
    r = run("check", "hype.txt", cwd=art)
    assert r.returncode == 2 and "HS001.toml" in r.stderr and "Traceback" not in r.stderr


def test_rules_lists_house_pack_rules(art):
    house_pack(art, "haus", "info")
    assert "HS001  house-word" in run("rules", cwd=art).stdout
    assert "Hausstil." in run("rule", "HS001", cwd=art).stdout


def test_full_format_shows_the_right_line_after_unusual_line_breaks(art):
    (art / "u.txt").write_text("Erste\u2028Zeile.\nEin beispielloser Erfolg.\n", encoding="utf-8")
    out = run("check", "--format", "full", "--select", "HY001", "u.txt", cwd=art).stdout.splitlines()
    assert out[2].endswith("| Ein beispielloser Erfolg.")


def test_help_line_with_an_empty_field_is_left_out(art):
    (art / "newslint.toml").write_text('[rules.HY001]\nwords = ["kolossal"]\n', encoding="utf-8")
    (art / "k.txt").write_text("Ein kolossaler Erfolg.\n", encoding="utf-8")
    [d] = json.loads(run("check", "--format", "json", "--select", "HY001", "k.txt", cwd=art).stdout)
    assert d["help"] == "" or "etwa: " not in d["help"] or not d["help"].rstrip().endswith(":")


def test_full_format_cuts_long_lines_around_the_span(art):
    line = "Der Ausschuss tagte. " * 20 + "Ein beispielloser Erfolg. " + "Danach tagte er weiter. " * 10
    (art / "lang.txt").write_text(line + "\n", encoding="utf-8")
    out = run("check", "--format", "full", "--select", "HY001", "lang.txt", cwd=art).stdout.splitlines()
    shown, carets = out[2].split("| ", 1)[1], out[3].split("| ", 1)[1]
    assert shown.startswith("…") and shown.endswith("…") and len(shown) <= 102
    assert shown[len(carets) - len(carets.lstrip()) :].startswith("beispielloser")
    assert carets.strip() == "^" * len("beispielloser")


def test_a_command_given_first_builds_only_its_parser():
    """The other commands appear only in the main parser's help and errors: with the
    command first, only its parser is built; otherwise (an option first) all are."""
    from lint.cli import COMMANDS, build_parser

    def commands(argv):
        [action] = [a for a in build_parser(argv)._actions if a.dest == "command"]
        return set(action.choices)

    assert commands(["check", "a.txt"]) == {"check"}
    assert commands(["--help", "check"]) == commands([]) == set(COMMANDS)
    assert build_parser(["check", "--format", "json", "a.txt"]).parse_args(["check", "--format", "json", "a.txt"]).format == "json"


def test_a_check_run_imports_no_module_it_does_not_need(tmp_path):
    """A check run imports neither string, nor datetime where the text
    has no date (``dates.make_date`` imports it with the first date), nor the
    LanguageTool client while no LanguageTool backend is configured."""
    (tmp_path / "a.txt").write_text("Ein beispielloser Erfolg.\n", encoding="utf-8")
    code = ("import sys; from lint.cli import main; main(['check', '--format', 'json', '--no-cache', sys.argv[1]]); "
            "print(sorted(m for m in sys.modules if m in ('string', 'datetime', 'lint.kinds.languagetool_client')), file=sys.stderr)")
    for _ in range(2):  # the second run with the cache the first filled (a miss parses TOML with tomllib, which imports both)
        r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.txt")], capture_output=True, text=True)
    assert r.stderr.strip().splitlines()[-1] == "[]", r.stderr


def test_help_follows_the_terminal_width():
    """Help has the terminal's width."""
    import os

    def help_at(columns):
        env = {**os.environ, "COLUMNS": str(columns)}
        return subprocess.run([sys.executable, "-m", "lint", "check", "--help"], capture_output=True, text=True, env=env).stdout

    narrow, wide = help_at(50), help_at(200)
    assert narrow != wide and max(len(line) for line in wide.splitlines()) > 120
    assert len(narrow.splitlines()) > len(wide.splitlines())
