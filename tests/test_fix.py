"""``check --fix``, ``--diff``, ``--fix-only``, ``--unsafe-fixes`` and the house vocabulary."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS
from lint.commands.fixing import write_back
from lint.engine.core import Selection, Workspace
from lint.engine.fixes import apply_edits, fix_document
from lint.engine.house import HouseVocabulary, add_word
from lint.model.diagnostics import Edit

FIXABLE = "Der Umsatz stieg um 11,1% auf $600 Milliarden.\n"
FIXED = "Der Umsatz stieg um 11,1 Prozent auf 600 Milliarden Dollar.\n"


def run(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "lint", "check", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def engine(path: Path, select=None):
    return Workspace(None, Selection(select=select)).engine_for(path)


# ----- the fixing mechanism ----------------------------------------------------

def test_apply_edits_in_any_order():
    assert apply_edits("abcdef", [Edit(4, 5, "E"), Edit(0, 1, "A")]) == "AbcdEf"


@pytest.mark.parametrize(
    "name, text, fixed",
    [
        ("plain.txt", FIXABLE, FIXED),
        ("quote.txt", "„Es waren 11,1%“, sagte sie. Es waren 11,1%.\n", "„Es waren 11,1%“, sagte sie. Es waren 11,1 Prozent.\n"),
        ("markup.md", "Der Wert: **11,1%** und `11,1%` und 11,1%.\n", "Der Wert: **11,1 Prozent** und `11,1%` und 11,1 Prozent.\n"),
        ("tag.html", "<p>Der Wert: 11,1<b>%</b> und 11,1%.</p>\n", "<p>Der Wert: 11,1<b>%</b> und 11,1 Prozent.</p>\n"),
        ("crlf.txt", "Erste Zeile.\r\nDer Wert stieg um 11,1%.\r\n", "Erste Zeile.\r\nDer Wert stieg um 11,1 Prozent.\r\n"),
    ],
)
def test_fix_document_cases(tmp_path, name, text, fixed):
    eng = engine(tmp_path / name, ["TR"])
    once = fix_document(eng, str(tmp_path / name), text)
    assert once.text == fixed
    assert fix_document(eng, str(tmp_path / name), once.text).applied == 0  # a second run changes nothing


def test_unsafe_fixes_only_when_asked(tmp_path):
    text = "Das AI-Modell und die KI-Forschung.\n"  # AI/KI: an alternative wording (unsafe)
    eng = engine(tmp_path / "a.txt", ["TR"])
    assert fix_document(eng, "a.txt", text).text == text
    assert "KI-Modell" in fix_document(eng, "a.txt", text, unsafe=True).text


def test_fixing_the_seeds_twice_equals_once(tmp_path):
    for seed in sorted(SEEDS.glob("*.txt")):
        eng = engine(tmp_path / seed.name)
        text = seed.read_text(encoding="utf-8")
        once = fix_document(eng, seed.name, text, unsafe=True)
        assert fix_document(eng, seed.name, once.text, unsafe=True).text == once.text, seed.name


# ----- the command line ----------------------------------------------------------

def test_diff_writes_nothing_and_exits_1(isolated):
    (isolated / "a.txt").write_text(FIXABLE, encoding="utf-8")
    r = run("--diff", "a.txt")
    assert r.returncode == 1, r.stderr
    assert r.stdout.startswith("--- a/a.txt\n+++ b/a.txt\n")
    assert "+Der Umsatz stieg um 11,1 Prozent auf 600 Milliarden Dollar." in r.stdout
    assert (isolated / "a.txt").read_text(encoding="utf-8") == FIXABLE
    assert "2 Korrekturen in 1 Datei würden angewendet" in r.stderr
    (isolated / "a.txt").write_text(FIXED, encoding="utf-8")
    clean = run("--diff", "a.txt")
    assert clean.returncode == 0 and clean.stdout == ""


def test_fix_writes_and_reports_what_is_left(isolated):
    (isolated / "a.md").write_text("# Bilanz\n\nEin beispielloser Tag: " + FIXABLE, encoding="utf-8")
    r = run("--fix", "--format", "concise", "--fail-on", "warning", "a.md")
    assert (isolated / "a.md").read_text(encoding="utf-8") == "# Bilanz\n\nEin beispielloser Tag: " + FIXED
    assert "HY001" in r.stdout and "TR0" not in r.stdout  # the rest, against the fixed text
    assert "2 Korrekturen in 1 Datei wurden angewendet" in r.stderr
    assert r.returncode == 1  # the hype warning is left
    again = run("--fix-only", "a.md")
    assert again.returncode == 0 and "0 Korrekturen" in again.stderr and again.stdout == ""


def test_fix_keeps_bom_line_endings_and_mode_and_writes_through_links(isolated):
    target = isolated / "a.txt"
    target.write_bytes(b"\xef\xbb\xbf" + "Erste Zeile.\r\n".encode() + FIXABLE.replace("\n", "\r\n").encode())
    os.chmod(target, 0o640)
    link = isolated / "link.txt"
    link.symlink_to(target)
    r = run("--fix-only", "link.txt")
    assert r.returncode == 0, r.stderr
    assert link.is_symlink()
    data = target.read_bytes()
    assert data == b"\xef\xbb\xbf" + "Erste Zeile.\r\n".encode() + FIXED.replace("\n", "\r\n").encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert not [p for p in isolated.iterdir() if p.name.endswith(".tmp")]


def test_fix_on_standard_input_prints_the_fixed_text(isolated):
    r = run("--fix", "-", "--stdin-filename", "entwurf.txt", stdin=FIXABLE)
    assert r.stdout == FIXED
    assert r.returncode == 0, r.stderr


def test_a_file_changed_meanwhile_is_left_alone(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Neu geschrieben.\n", encoding="utf-8")
    error = write_back(path, FIXABLE, FIXED)
    assert "changed on disk" in error
    assert path.read_text(encoding="utf-8") == "Neu geschrieben.\n"


@pytest.mark.parametrize("args", [["--unsafe-fixes"], ["--diff", "--fix"]])
def test_fix_option_misuse_is_a_usage_error(isolated, args):
    (isolated / "a.txt").write_text(FIXABLE, encoding="utf-8")
    r = run(*args, "a.txt")
    assert r.returncode == 2 and "Traceback" not in r.stderr


# ----- house vocabulary -------------------------------------------------------------

def test_vocabulary_and_reject_files(isolated):
    (isolated / "woerter").mkdir()
    (isolated / "woerter" / "ja.txt").write_text("# akzeptiert\nbeispiellos\nNadela\n", encoding="utf-8")
    (isolated / "woerter" / "nein.txt").write_text("# abgelehnt\nDeal => Vereinbarung\n", encoding="utf-8")
    (isolated / "newslint.toml").write_text(
        'vocabulary = ["woerter/ja.txt"]\nreject = ["woerter/nein.txt"]\n[rules.HY001]\naccept = ["spektakulär"]\n',
        encoding="utf-8")
    (isolated / "a.txt").write_text("Ein beispielloser Deal. Ein spektakulärer Tag. Eine sensationelle Wende.\n", encoding="utf-8")
    r = run("--format", "concise", "a.txt")
    assert "beispiellos" not in r.stdout and "spektakulär" not in r.stdout
    assert "NL004 [house-reject] warning: „Deal“" in r.stdout and "sensationelle" in r.stdout
    fixed = run("--fix-only", "--unsafe-fixes", "a.txt")
    assert fixed.returncode == 0
    assert "Ein beispielloser Vereinbarung." in (isolated / "a.txt").read_text(encoding="utf-8")


def test_vocabulary_is_read_again_when_it_changes(tmp_path):
    (tmp_path / "newslint.toml").write_text('vocabulary = ["haus.txt"]\n', encoding="utf-8")
    eng = Workspace().engine_for(tmp_path / "a.txt")
    assert isinstance(eng.house, HouseVocabulary)
    text = "Ein beispielloser Tag.\n"
    assert [d.code for d in eng.lint(str(tmp_path / "a.txt"), text) if d.code == "HY001"] == ["HY001"]
    assert add_word(tmp_path / "haus.txt", "beispiellos")
    assert not add_word(tmp_path / "haus.txt", "beispiellos")  # already there
    assert [d.code for d in eng.lint(str(tmp_path / "a.txt"), text) if d.code == "HY001"] == []


@pytest.mark.parametrize(
    "accepted, span, expected",
    [("Nadela", "Nadela", True), ("Nadela", "Nadelas", True), ("beispiellos", "beispiellosen", True),
     ("Nadela", "Nadel", False), ("Deal", "Ideal", False), ("Satya Nadela", "Satya  Nadela", True)],
)
def test_accepts_forms_of_accepted_words(tmp_path, accepted, span, expected):
    (tmp_path / "haus.txt").write_text(accepted + "\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('vocabulary = ["haus.txt"]\n', encoding="utf-8")
    eng = Workspace().engine_for(tmp_path / "a.txt")
    assert eng.house.accepts(span, "TR001") is expected
