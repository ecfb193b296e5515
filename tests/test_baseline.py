"""Baselines: fingerprints that follow the sentence, not the line, and the
--write-baseline / --baseline workflow of the check command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lint.api import check_text
from lint.baseline import Baseline, fingerprints, normalise, sentence_context, write

HYPE = "Ein beispielloser Erfolg für die Firma."
OTHER = "Der Bundestag hat am Freitag das Gesetz beschlossen."


def prints(text: str, path: str = "artikel.md") -> list[str]:
    found = [d for d in check_text(text, path=path, select=["HY001"])]
    for d in found:
        d.path = path
    return fingerprints(found, {path: text})


def test_normalise_ignores_spacing_markup_and_wrapping():
    assert normalise("Ein  **beispielloser**\nErfolg – für  „die“ Firma.") == "Ein beispielloser Erfolg für die Firma"
    assert normalise("U\u0308berblick") == normalise("Überblick") == "Überblick"  # decomposed umlauts: NFC


def test_context_is_the_sentence_not_the_paragraph():
    text = f"{OTHER} {HYPE} Die Zahlen folgen im März."
    start = text.index("beispielloser")
    assert sentence_context(text, start, start + 13) == normalise(HYPE)


def test_fingerprint_survives_moved_lines_and_rewrapping():
    base = prints(f"{HYPE}\n")
    assert prints(f"Ein neuer Absatz.\n\n{OTHER}\n\n{HYPE}\n") == base
    assert prints(f"{OTHER} {HYPE}\n") == base  # an unrelated sentence added in the same paragraph
    assert prints("Ein beispielloser\nErfolg für die   Firma.\n") == base  # re-wrapped
    assert prints(f"{HYPE}\n", path="anderer/ort.md") == base  # independent of the path


def test_fingerprint_changes_with_the_sentence():
    assert prints("Ein beispielloser Erfolg für den Verein.\n") != prints(f"{HYPE}\n")


def test_identical_findings_are_numbered():
    first, second = prints(f"{HYPE}\n\n{HYPE}\n")
    assert first != second and first.rpartition(":")[0] == second.rpartition(":")[0]


def test_empty_and_out_of_range_sources():
    assert sentence_context("", 0, 0) == ""
    assert sentence_context("Kurz.", 10, 20) == "Kurz"


# ----- the command ---------------------------------------------------------------

def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "lint", "check", "--select", "HY001", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def archive(isolated):
    folder = isolated / "archiv mit leerzeichen"
    folder.mkdir()
    (folder / "älter.md").write_text(f"# Bilanz\n\n{HYPE}\n", encoding="utf-8")
    (folder / "sauber.txt").write_text(f"{OTHER}\n", encoding="utf-8")
    return isolated


def test_write_then_check_against_baseline(archive):
    folder = "archiv mit leerzeichen"
    written = run("--write-baseline", "baseline.json", "--fail-on", "warning", folder, cwd=archive)
    assert written.returncode == 0  # recording findings is not a failure
    assert "Baseline geschrieben: baseline.json (1 Befund)" in written.stderr
    data = json.loads((archive / "baseline.json").read_text(encoding="utf-8"))
    assert data["tool"] == "newslint" and data["version"] == 1
    [entry] = data["findings"]
    assert entry["path"] == f"{folder}/älter.md" and entry["code"] == "HY001"

    # lines move: still known
    article = archive / folder / "älter.md"
    article.write_text(f"# Bilanz\n\nEin Absatz ohne Befund.\n\n{HYPE}\n", encoding="utf-8")
    moved = run("--baseline", "baseline.json", "--fail-on", "warning", "--format", "json", folder, cwd=archive)
    assert moved.returncode == 0 and json.loads(moved.stdout) == []
    assert "1 bekannter Befund aus der Baseline ausgeblendet" in moved.stderr

    # a new finding is reported alone and fails
    article.write_text(article.read_text(encoding="utf-8") + "\nEine bahnbrechende Idee.\n", encoding="utf-8")
    new = run("--baseline", "baseline.json", "--fail-on", "warning", "--format", "json", folder, cwd=archive)
    assert new.returncode == 1
    [d] = json.loads(new.stdout)
    assert d["line"] == 7 and "bahnbrechende" in d["message"]


def test_baseline_paths_work_from_another_folder(archive):
    folder = archive / "archiv mit leerzeichen"
    run("--write-baseline", "baseline.json", "archiv mit leerzeichen", cwd=archive)
    # from inside the folder the display path is different; the baseline file's folder anchors it
    r = run("--baseline", str(archive / "baseline.json"), "--fail-on", "warning", ".", cwd=folder)
    assert r.returncode == 0, r.stdout + r.stderr


def test_a_second_identical_finding_is_new(archive):
    run("--write-baseline", "b.json", "archiv mit leerzeichen", cwd=archive)
    article = archive / "archiv mit leerzeichen" / "älter.md"
    article.write_text(article.read_text(encoding="utf-8") + f"\n{HYPE}\n", encoding="utf-8")
    r = run("--baseline", "b.json", "--format", "json", "archiv mit leerzeichen", cwd=archive)
    assert len(json.loads(r.stdout)) == 1


@pytest.mark.parametrize(
    "content, expected",
    [
        (None, "baseline file not found"),
        ("{nope", "invalid JSON"),
        ('{"tool": "other", "findings": []}', "not a newslint baseline"),
        ('{"tool": "newslint", "version": 99, "findings": []}', "version 99"),
        ('{"tool": "newslint", "version": 1, "findings": [{"path": "x"}]}', "finding 1 needs"),
    ],
)
def test_bad_baseline_files_exit_2(archive, content, expected):
    if content is not None:
        (archive / "b.json").write_text(content, encoding="utf-8")
    r = run("--baseline", "b.json", "archiv mit leerzeichen", cwd=archive)
    assert r.returncode == 2 and expected in r.stderr and "Traceback" not in r.stderr


def test_write_is_atomic_and_roundtrips(tmp_path):
    found = [d for d in check_text(f"{HYPE}\n", path="a.md", select=["HY001"])]
    for d in found:
        d.path = str(tmp_path / "a.md")
    assert write(tmp_path / "b.json", found, {d.path: f"{HYPE}\n" for d in found}) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]
    new, known = Baseline.load(tmp_path / "b.json").filter(found, {found[0].path: f"{HYPE}\n"})
    assert (new, known) == ([], 1)
