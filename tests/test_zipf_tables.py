"""The word-frequency tables the translation pack ships (``rules/translation/data/zipf-*.tsv``):
built from wordfreq by scripts/build_zipf_tables.py, and read as wordfreq's own files are."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT
from lint.language import word_frequency

SCRIPT = ROOT / "scripts" / "build_zipf_tables.py"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_shipped_tables_are_what_the_script_builds_and_read_as_wordfreqs(lang):
    pytest.importorskip("wordfreq")
    spec = importlib.util.spec_from_file_location("build_zipf_tables", SCRIPT)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = word_frequency._shipped_file(lang)
    assert shipped is not None and shipped.read_text(encoding="utf-8") == build.table_text(lang)
    table = word_frequency._load_shipped(shipped)
    assert table == word_frequency._load(word_frequency._table_file(lang))
    assert len(table) > 25_000 and table.get("haus" if lang == "de" else "house", 0) > 4


def test_a_shipped_line_gives_its_words_their_zipf_value(tmp_path):
    path = tmp_path / "zipf-xx.tsv"
    path.write_text("# header\n150\tder die\n301\tmaus\n", encoding="utf-8")
    assert word_frequency._load_shipped(path) == {"der": 7.5, "die": 7.5, "maus": 9.0 - 3.01}
