"""The benchmark scripts that read the engine's internals still run (a smoke run over
the seeds; the numbers they print are for people, not asserted)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_per_kind_times_every_kind_over_a_folder():
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "per_kind.py"), str(ROOT / "seeds"), "--top", "60"],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("warm pass:") and "shared analysis" in lines[1]
    named = {line.split()[0] for line in lines[2:]}
    assert {"SO001", "HY001", "TR001", "RD004", "analysis.sentences"} <= named


def test_paired_runs_alternates_two_checkouts_in_the_scorecards_mode(tmp_path):
    """Both checkouts run, each with its own result cache emptied first; the ratio is printed."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "paired_runs.py"), str(ROOT), str(ROOT), "--runs", "2", "--folder", str(ROOT / "seeds")],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("A: median") and lines[1].startswith("B: median")
    assert "B/A: median of the pairs' ratios" in lines[2] and "(2 pairs)" in lines[2]
