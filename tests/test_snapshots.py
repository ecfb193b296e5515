"""Reviewed snapshots of ``newslint check --select <pack> --format full`` over seeds/.

A difference is a change of behaviour: review it like code, then regenerate
with ``NEWSLINT_UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots.py``.
"""

from __future__ import annotations

import io
import os
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from conftest import ROOT
from lint.cli import main

SNAPSHOTS = Path(__file__).parent / "snapshots"


def render(pack: str) -> str:
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with redirect_stdout(out):
            main(["check", "--select", pack, "--format", "full", "--no-color", "--show-hints", "--fail-on", "never", "seeds"])
    finally:
        os.chdir(cwd)
    return out.getvalue()


@pytest.mark.parametrize("snapshot", sorted(SNAPSHOTS.glob("seeds-*.txt")), ids=lambda p: p.stem)
def test_seeds_snapshot(snapshot):
    pack = snapshot.stem.removeprefix("seeds-")
    actual = render(pack)
    if os.environ.get("NEWSLINT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(actual, encoding="utf-8")
        pytest.skip("snapshot rewritten: review `git diff tests/snapshots`")
    assert actual == snapshot.read_text(encoding="utf-8")
