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
