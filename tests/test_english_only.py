"""The list of English words German does not use (TR003's lone words): built from
wordfreq by scripts/build_english_only.py, and the shipped list is what it builds."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "build_english_only.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_english_only", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "word, english, german, kept",
    [
        ("cornerstone", 3.39, 1.66, True),  # German copy quotes it now and then
        ("growth", 5.03, 3.15, True),  # far more English than German
        ("fragile", 3.86, 2.91, False),  # German "fragil", inflected
        ("handle", 4.79, 3.73, False),  # German "ich handle"
        ("still", 5.92, 4.44, False),  # a German word first
        ("weeks", 2.9, 0.0, False),  # not common enough in English
        ("ceo", 4.0, 0.0, False),  # too short
        ("Dates", 4.0, 0.0, False),  # not lower case
    ],
)
def test_which_words_are_english_only(build, word, english, german, kept):
    assert (word in build.english_only({word: english}, {word: german} if german else {})) is kept


def test_the_shipped_list_is_what_the_script_builds(build):
    shipped = (ROOT / "rules" / "translation" / "data" / "english-only-words.txt").read_text(encoding="utf-8")
    words = [line for line in shipped.splitlines() if line and not line.startswith("#")]
    assert words == build.english_only(build._table("en", "small"), build._table("de", "large"))
    assert "cornerstone" in words and "fragile" not in words and len(words) > 10_000
