"""No silent no-ops, files newslint does not own, and what users see without colour."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lint import check_text
from lint.formats import display_width

HYPE = "Ein beispielloser Erfolg für die Firma.\n"


def run(*args, cwd=None, env=None, stdin=None):
    return subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env=env, input=stdin)


@pytest.mark.parametrize(
    "selector, hint",
    [("SOO1", "meinten Sie SO001?"), ("SO1O", "meinten Sie SO010?"), ("so1", "meinten Sie SO001?"), ("HYPE", "meinten Sie"), ("hype-absolut", "meinten Sie hype-absolute?"), ("ZZ9", "")],
)
def test_unknown_selector_is_a_usage_error_with_the_nearest_code(isolated, selector, hint):
    (isolated / "a.txt").write_text(HYPE, encoding="utf-8")
    r = run("check", "--select", selector, "a.txt")
    assert r.returncode == 2
    assert f"entry {selector!r} names no rule" in r.stderr
    assert hint in r.stderr and "Traceback" not in r.stderr


def test_languagetool_ids_need_their_prefix_or_languagetool_on(isolated):
    (isolated / "a.txt").write_text(HYPE, encoding="utf-8")
    assert run("check", "--select", "DE_CASE", "a.txt").returncode == 2  # LanguageTool is off
    r = run("check", "--select", "LT:DE_CASE", "a.txt")
    assert r.returncode == 0, r.stderr  # accepted; LanguageTool is off, so nothing is found


def test_a_named_file_excluded_by_the_configuration_is_said(isolated):
    (isolated / "newslint.toml").write_text('exclude = ["entwurf.txt"]\n', encoding="utf-8")
    (isolated / "entwurf.txt").write_text(HYPE, encoding="utf-8")
    r = run("check", "entwurf.txt")
    assert "entwurf.txt: excluded by the configuration" in r.stderr


@pytest.mark.parametrize(
    "table, message",
    [("[rules.SO001]\nwindow = -5\n", "rules.SO001.window has value -5"),
     ("[rules.RD004]\nmax_words = nan\n", "rules.RD004.max_words has value nan"),
     ("[rules.RD004]\nmax_words = -3\n", "a number of 0 or more")],
)
def test_bad_option_values_name_their_key(isolated, table, message):
    from lint.engine.core import Engine

    option = table.split("\n")[1].split(" = ")[0]
    rule = table.split(".")[1].split("]")[0]
    if option not in Engine().registry.kinds[next(r.kind for r in Engine().all_rules if r.code == rule)].defaults:
        pytest.skip(f"{rule} has no option {option} any more")
    (isolated / "newslint.toml").write_text(table, encoding="utf-8")
    (isolated / "a.txt").write_text(HYPE, encoding="utf-8")
    r = run("check", "a.txt")
    assert r.returncode == 2 and message in r.stderr, r.stderr


def test_a_configuration_with_a_byte_order_mark_is_read(isolated):
    (isolated / "newslint.toml").write_bytes(b"\xef\xbb\xbf" + b'select = ["HY001"]\n')
    (isolated / "a.txt").write_text(HYPE, encoding="utf-8")
    r = run("check", "--format", "json", "a.txt")
    assert r.returncode == 1, r.stderr
    assert {d["code"] for d in json.loads(r.stdout)} == {"HY001"}


def test_python_api_takes_a_string_of_selectors_or_refuses_the_wrong_type():
    assert {d.code for d in check_text(HYPE, select="HY001")} == {"HY001"}
    assert {d.code for d in check_text(HYPE, select="HY001, SO")} == {"HY001"}
    with pytest.raises(TypeError):
        check_text(HYPE, select=5)
    with pytest.raises(TypeError):
        check_text(b"bytes")


def test_lone_surrogates_give_json_serialisable_results():
    found = check_text("Ein beispielloser \ud800 Erfolg.\n", select=["HY001"])
    assert found
    json.dumps([d.as_dict() for d in found], ensure_ascii=False).encode("utf-8")


# ----- --output-file -----------------------------------------------------------

def test_output_file_refuses_what_is_not_a_regular_file(isolated):
    (isolated / "a.txt").write_text(HYPE, encoding="utf-8")
    os.mkfifo(isolated / "pipe")
    r = run("check", "--output-file", "pipe", "a.txt")
    assert r.returncode == 2 and "not a regular file" in r.stderr
    assert stat.S_ISFIFO((isolated / "pipe").stat().st_mode)
    (isolated / "folder").mkdir()
    assert run("check", "--output-file", "folder", "a.txt").returncode == 2


def test_output_file_writes_through_a_link_and_keeps_the_mode(isolated):
    (isolated / "a.txt").write_text(HYPE, encoding="utf-8")
    target = isolated / "bericht.json"
    target.write_text("alt", encoding="utf-8")
    os.chmod(target, 0o640)
    (isolated / "link.json").symlink_to(target)
    run("check", "--format", "json", "--output-file", "link.json", "a.txt")
    assert (isolated / "link.json").is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))[0]["code"] == "HY001"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_output_file_gets_the_mode_the_umask_allows(isolated):
    (isolated / "a.txt").write_text(HYPE, encoding="utf-8")
    old = os.umask(0o027)
    try:
        run("check", "--format", "json", "--output-file", "neu.json", "a.txt")
    finally:
        os.umask(old)
    assert stat.S_IMODE((isolated / "neu.json").stat().st_mode) == 0o640


# ----- what users see ----------------------------------------------------------

@pytest.mark.parametrize("fmt", ["concise", "full"])
def test_severity_is_a_word_without_colour(isolated, fmt):
    (isolated / "a.txt").write_text(HYPE, encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1")
    r = run("check", "--format", fmt, "--show-hints", "a.txt", env=env)
    assert "HY001 [hype-absolute] warning: „beispielloser“" in r.stdout
    assert "\x1b[" not in r.stdout


def test_a_float_option_must_be_finite():
    from lint.model.config import check_option
    from lint.model.errors import ConfigError

    for value in (float("nan"), float("inf")):
        with pytest.raises(ConfigError, match="a finite number"):
            check_option(Path("x.toml"), "rules.X.threshold", 1.5, value)


@pytest.mark.parametrize(
    "prefix, width",
    [("abc", 3), ("\tab", 3), ("日本語", 6), ("😀 ", 3), ("Cafe\u0301 ", 5), ("„Zitat“ ", 8)],
)
def test_display_width(prefix, width):
    assert display_width(prefix.replace("\t", " ")) == width


@pytest.mark.parametrize("prefix", ["\t", "日本語で ", "😀😀 ", "Cafe\u0301 "])
def test_caret_sits_under_the_word_in_display_columns(isolated, prefix):
    (isolated / "a.txt").write_text(prefix + "ein beispielloser Erfolg.\n", encoding="utf-8")
    r = run("check", "--format", "full", "--no-color", "a.txt")
    lines = r.stdout.splitlines()
    source = next(l for l in lines if "beispielloser" in l and "|" in l and "HY001" not in l)
    caret = lines[lines.index(source) + 1]
    shown = source.split("| ", 1)[1]
    carets = caret.split("| ", 1)[1]
    start = display_width(shown[: shown.index("beispielloser")])
    assert carets.index("^") == start
    assert carets.count("^") == len("beispielloser")


# ----- the size limit ----------------------------------------------------------

def test_a_file_over_the_size_limit_is_refused_with_a_message(isolated):
    (isolated / "gross.txt").write_text(HYPE * 30_000, encoding="utf-8")  # 1.2 MB
    (isolated / "klein.txt").write_text(HYPE, encoding="utf-8")
    r = run("check", "--max-file-size", "1", "--format", "json", "gross.txt", "klein.txt")
    assert r.returncode == 2
    assert "gross.txt: 1.2 MB, größer als die Grenze von 1 MB" in r.stderr and "size limit" in r.stderr
    assert {d["path"] for d in json.loads(r.stdout)} == {"klein.txt"}  # the others are linted
    (isolated / "newslint.toml").write_text("max-file-size = 0.5\n", encoding="utf-8")
    assert "Grenze von 0.5 MB" in run("check", "gross.txt").stderr
    assert run("check", "--max-file-size", "0", "gross.txt").returncode == 1  # 0: no limit
    r = run("check", "--max-file-size", "1", "-", stdin=HYPE * 30_000)
    assert r.returncode == 2 and "Grenze von 1 MB" in r.stderr


@pytest.mark.parametrize("value", ["-1", "nan", "'groß'"])
def test_the_size_limit_must_be_a_number_of_megabytes(isolated, value):
    (isolated / "newslint.toml").write_text(f"max-file-size = {value}\n", encoding="utf-8")
    (isolated / "a.txt").write_text(HYPE, encoding="utf-8")
    r = run("check", "a.txt")
    assert r.returncode == 2 and "max-file-size" in r.stderr and "megabytes" in r.stderr


# ----- very long texts: windows ------------------------------------------------

@pytest.mark.parametrize("joiner", [" ", "\n\n", "\n"])
def test_a_very_long_text_is_linted_in_windows_with_the_files_offsets(joiner):
    from lint.engine.windows import WINDOW_CHARS

    article = "Ein beispielloser Erfolg für die Firma. Der Umsatz stieg um 11,1 Prozent, sagte die Ministerin."
    count = WINDOW_CHARS * 3 // len(article) + 7
    text = joiner.join(f"{article} Zeile {i}." for i in range(count))
    found = check_text(text, "export.txt", select=["HY001"])
    assert len(found) == count  # every window linted, nothing found twice at a cut
    lines = text.split("\n")
    for d in found:
        assert text[d.start : d.end] == "beispielloser"
        assert lines[d.line - 1][d.column - 1 : d.end_column - 1] == "beispielloser"
