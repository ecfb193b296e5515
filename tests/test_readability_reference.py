"""textstat as the reference: the measured bound between its values and newslint's, and lazy loading."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SEEDS
from lint.language.readability import measure_document

textstat = pytest.importorskip("textstat")

from lint.language.reference import textstat_metrics  # noqa: E402

# The bound measured on the corpus (bench/textstat_reference.py; README, Readability):
# at most 12.4 Flesch points and 1.9 WSTF 1 school years apart on any article of 150+ words.
FLESCH_BOUND = 13.0
WSTF_BOUND = 2.0


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_textstat_and_newslint_agree_within_the_documented_bound(path):
    a = measure_document(path.read_text(encoding="utf-8"))
    ref = textstat_metrics(a)
    assert abs(ref["textstat_flesch_amstad"] - a.metrics.flesch_amstad) <= FLESCH_BOUND
    assert abs(ref["textstat_wstf1"] - a.metrics.wstf1) <= WSTF_BOUND


def test_textstat_splits_german_ordinals_and_abbreviations():
    """Why the two differ: textstat cuts sentences at "27." and "Dr."; newslint does not."""
    text = "Am 27. Januar kam Dr. Meier mit dem Zug. Er blieb bis zum 3. Februar in der Stadt."
    body = "\n".join(s.text for s in measure_document(text).sentences)
    assert measure_document(text).metrics.sentences == 2
    assert textstat.sentence_count(body) > 2


def test_stats_reference_shows_both(capsys):
    from lint.cli import main

    seed = str(sorted(SEEDS.glob("*.txt"))[0])
    assert main(["stats", "--reference", "--format", "json", seed]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert abs(row["textstat_flesch_amstad"] - row["flesch_amstad"]) <= FLESCH_BOUND
    assert main(["stats", "--reference", seed]) == 0
    out = capsys.readouterr().out
    assert "textstat: Flesch (Amstad)" in out and "Newsroom-Index" in out


def test_textstat_is_imported_only_for_the_reference():
    code = (
        "import sys; from lint.cli import main; "
        f"main(['stats', {str(sorted(SEEDS.glob('*.txt'))[0])!r}]); "
        f"main(['check', '--fail-on', 'never', {str(SEEDS)!r}]); "
        "sys.exit(3 if 'textstat' in sys.modules or 'pyphen' in sys.modules else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-500:]
