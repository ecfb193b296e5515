"""Baselines: fingerprints that follow the sentence, not the line, and the
--write-baseline / --baseline workflow of the check command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lint.api import check_text
from lint.engine.baseline import Baseline, fingerprints, normalise, sentence_context, write

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


def test_document_level_findings_are_keyed_by_rule_only():
    from lint.model.diagnostics import Diagnostic, Severity

    def finding(start, end, code="HY006", **fields):
        return Diagnostic(start, end, code, "hype-density", "hype", Severity.INFO, "m", path="b.md", **fields)

    # a kind with scope "document": where it is shown does not matter
    [one] = fingerprints([finding(0, 9, scope="document")], {"b.md": "Ein Satz. Noch ein Satz."})
    [two] = fingerprints([finding(0, 12, scope="document")], {"b.md": "Ganz anders."})
    assert one == two
    # a finding on exactly the first sentence may be a whole-text one: it gets a document key too
    first = finding(0, 9, code="RD001")
    fingerprints([first], {"b.md": "Ein Satz. Noch ein Satz."})
    moved = finding(11, 20, code="RD001")
    fingerprints([moved], {"b.md": "Vorweg da. Ein Satz. Noch ein Satz."})
    assert first.fingerprint == moved.fingerprint  # the same sentence, moved
    assert first.document_fingerprint and not moved.document_fingerprint


def test_readability_and_density_kinds_are_document_level():
    from lint.kinds.density import Density
    from lint.kinds.readability import ReadabilityTarget, SentenceLength

    assert Density.scope == ReadabilityTarget.scope == "document" and SentenceLength.scope == "span"


def test_first_sentence_finding_falls_back_to_the_document_key(tmp_path):
    from lint.model.diagnostics import Diagnostic, Severity

    before_text, after_text = "Ein Satz. Zwei.\n", "Neu vorweg.\n\nEin Satz. Zwei.\n"
    before = Diagnostic(0, 9, "RD009", "x", "readability", Severity.INFO, "m", path=str(tmp_path / "a.md"))
    write(tmp_path / "b.json", [before], {before.path: before_text})
    # now shown on the new first sentence (a whole-text finding anchored there): known
    after = Diagnostic(0, 11, "RD009", "x", "readability", Severity.INFO, "m", path=before.path)
    assert Baseline.load(tmp_path / "b.json").filter([after], {after.path: after_text}) == ([], 1)
    # a sentence finding that stayed on the old sentence is known by its sentence key
    same = Diagnostic(13, 22, "RD009", "x", "readability", Severity.INFO, "m", path=before.path)
    assert Baseline.load(tmp_path / "b.json").filter([same], {same.path: after_text}) == ([], 1)
    # but only once: the entry is used up
    again = [Diagnostic(0, 11, "RD009", "x", "readability", Severity.INFO, "m", path=before.path),
             Diagnostic(13, 22, "RD009", "x", "readability", Severity.INFO, "m", path=before.path)]
    new, known = Baseline.load(tmp_path / "b.json").filter(again, {before.path: after_text})
    assert known == 1 and len(new) == 1


def test_findings_in_comments_use_the_source(tmp_path):
    text = "<!-- newslint-disable-next-line HY001 -->\nDer Bundestag tagte.\n"
    found = check_text(text, path="a.md", select=["NL001"])
    assert found and all(fp for fp in fingerprints(found, {found[0].path: text}))


@pytest.mark.slow
def test_seeds_with_every_pack_survive_a_paragraph_added_on_top(isolated):
    import shutil

    from conftest import SEEDS

    shutil.copytree(SEEDS, isolated / "seeds")
    cmd = [sys.executable, "-m", "lint", "check", "--fail-on", "warning"]
    subprocess.run([*cmd, "--write-baseline", "b.json", "seeds"], cwd=isolated, capture_output=True, timeout=300)
    for f in sorted((isolated / "seeds").iterdir()):
        f.write_text("Ein neuer Absatz ohne Befund.\n\n" + f.read_text(encoding="utf-8"), encoding="utf-8")
    r = subprocess.run([*cmd, "--baseline", "b.json", "--format", "json", "seeds"], cwd=isolated,
                       capture_output=True, text=True, timeout=300)
    assert json.loads(r.stdout) == [] and r.returncode == 0, r.stdout[:2000]


@pytest.mark.parametrize(
    "path, text",
    [
        ("a.md", "# Titel\n\nVorweg. Ein **beispielloser** Erfolg für die Firma.\n"),
        ("a.html", "<p>Vorweg &amp; mehr. Ein <b>beispielloser</b> Erfolg f&uuml;r die Firma.</p>\n"),
        ("a.txt", "Vorweg.\n\nEin beispielloser Erfolg für die Firma.\n"),
    ],
)
def test_fingerprints_from_the_linted_document_equal_a_fresh_read(path, text):
    from lint.engine.core import Engine, Selection

    engine = Engine(selection=Selection(select=["HY001"]))
    doc = engine.document(path, text)
    given = engine.lint_document(doc)
    fresh = engine.lint(path, text)
    assert given and len(given) == len(fresh)
    assert fingerprints(given, {path: text}, documents={path: doc}) == fingerprints(fresh, {path: text})
    assert normalise(text[given[0].start : given[0].end]) == "beispielloser"
