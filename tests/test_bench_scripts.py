"""The benchmark scripts that read the engine's internals still run (a smoke run over
the seeds; the numbers they print are for people, not asserted)."""

from __future__ import annotations

import os
import shutil
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


def test_paired_runs_without_bytecode_leaves_python_none_to_use(tmp_path):
    """--no-bytecode: the checkouts' __pycache__ is removed first and runs keep none."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "lint", checkout / "lint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", checkout / "rules")
    planted = checkout / "lint" / "engine" / "__pycache__"
    planted.mkdir()
    (planted / "core.cpython-311.pyc").write_bytes(b"stale")
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "paired_runs.py"), str(checkout), str(checkout), "--runs", "1",
         "--folder", str(ROOT / "seeds"), "--no-bytecode"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert run.returncode == 0, run.stderr
    assert "(1 pairs)" in run.stdout.splitlines()[2]
    assert not list((checkout / "lint").rglob("__pycache__"))
    assert list((tmp_path / "cache" / "code").glob("*/lint.engine.core.pyc"))  # newslint kept its code instead


def test_after_update_compares_a_run_over_the_old_cache_with_a_warm_one(tmp_path):
    """One checkout as both versions: the corpus run finds nothing stale and the ratio is printed."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "after_update.py"), str(ROOT), str(ROOT), "--runs", "2",
         "--seeds", str(ROOT / "seeds"), "--corpus", str(ROOT / "seeds")],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "entries the corpus run rebuilt after the seeds run: none"
    assert lines[1].startswith("after the update: median") and lines[2].startswith("warm: median")
    assert "after/warm: median of the pairs' ratios" in lines[3] and "(2 pairs)" in lines[3]
