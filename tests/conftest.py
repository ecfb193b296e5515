"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def pytest_configure(config):
    """The test run gets a cache folder of its own (inherited by the commands the
    tests start): it starts cold, so the cold path is tested too, and the
    temporary packs and plugins of the tests never crowd the user's cache."""
    import os
    import tempfile

    if "NEWSLINT_CACHE_DIR" not in os.environ:
        os.environ["NEWSLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="newslint-test-cache-")
    _hypothesis_profiles()


def _hypothesis_profiles() -> None:
    """Property tests try a few examples in the normal run; ``HYPOTHESIS_PROFILE=fuzz``
    tries 10,000 per property (tests/test_fuzz.py, see the README)."""
    import os

    from hypothesis import settings

    settings.register_profile("newslint", max_examples=10)
    settings.register_profile("fuzz", max_examples=10_000)
    settings.register_profile("fuzz-short", max_examples=200)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "newslint"))


def house_pack(folder, name="hausstil", severity="error", words=("Bundestag",)):
    """A newsroom's own pack: one existence rule (HS001) that flags the words of ``data/verboten.txt``."""
    pack = folder / name
    (pack / "data").mkdir(parents=True, exist_ok=True)
    write_house_words(pack, words)
    (pack / "HS001.toml").write_text(
        f'code = "HS001"\nname = "house-word"\nkind = "existence"\ncategory = "style"\nseverity = "{severity}"\n'
        'summary = "Hauswort"\nmessage = "„{match}“ vermeiden."\nwhy = "Hausstil."\n'
        '[examples]\nbad = ["Der Bundestag."]\ngood = ["Das Parlament."]\n[options]\nlists = ["data/verboten.txt"]\n',
        encoding="utf-8",
    )
    (folder / "newslint.toml").write_text(f'packs = ["{name}"]\n', encoding="utf-8")
    return pack


def write_house_words(pack, words) -> None:
    """(Re)write the house pack's word list with a new modification time, even on coarse file systems."""
    import os

    path = pack / "data" / "verboten.txt"
    path.write_text("# Hauswörter, die wir nicht mögen\n" + "".join(w + "\n" for w in words), encoding="utf-8")
    stamp = path.stat().st_mtime + 2
    os.utime(path, (stamp, stamp))


def copy_of_vocabulary(folder):
    """A copy of the analysis vocabulary (the hype pack's data and the shared lists beside
    it, in the packs' layout) under ``folder``; returns its data folder, to edit."""
    import shutil

    from lint.language import lexicon

    data = folder / "hype" / "data"
    data.mkdir(parents=True)
    for path in lexicon.data_folder().glob("*.txt"):
        shutil.copy(path, data / path.name)
    shutil.copytree(lexicon.data_folder().parent.parent / "_shared", folder / "_shared")
    return data


def span_of(d) -> str:
    """A diagnostic's span as ``line:col-line:col`` (end exclusive)."""
    return f"{d.line}:{d.column}-{d.end_line}:{d.end_column}"


def apply_fixes(text: str, diagnostics) -> str:
    """Apply every fix's edits (source offsets), last first; overlapping edits are skipped."""
    edits = sorted((e for d in diagnostics if d.fix for e in d.fix.edits), key=lambda e: e.start, reverse=True)
    limit = len(text) + 1
    for e in edits:
        if e.end <= limit:
            text = text[: e.start] + e.replacement + text[e.end :]
            limit = e.start
    return text


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """Run in an empty folder so no project configuration is picked up."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


_standin = None


@pytest.fixture(autouse=True)
def _languagetool_for_lt_tests(request, monkeypatch):
    """LT001's documented examples and rule cases run against the stand-in
    LanguageTool server (tests/languagetool_standin.py); all other tests run
    with LanguageTool off, as a default configuration does."""
    global _standin
    if "LT001" not in request.node.name:
        monkeypatch.delenv("NEWSLINT_LANGUAGETOOL", raising=False)
        yield None
        return
    if _standin is None:
        from languagetool_standin import StandIn

        _standin = StandIn()
        _standin.thread.start()
    _standin.reset()
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL", _standin.url)
    yield _standin
