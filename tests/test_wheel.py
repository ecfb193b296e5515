"""The rule packs ship inside the wheel: build it, install it in a fresh virtual
environment and lint a seed there (no access to the source tree's rules/)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
import zipfile

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


def test_wheel_installs_and_lints_a_seed(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", "dist", "build", ".venv"))
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)], check=True, timeout=600)
    [wheel] = dist.glob("newslint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "lint/_packs/hype/HY001.toml" in names
    assert not any(n.startswith("rules/") for n in names), "no top-level 'rules' package in the wheel"

    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    py = env / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=600)
    seed = tmp_path / "seed.txt"
    shutil.copy(next(SEEDS.glob("000_*.txt")), seed)
    r = subprocess.run([str(env / "bin" / "newslint"), "check", "--format", "json", str(seed)],
                       capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert r.returncode in (0, 1), r.stderr
    found = json.loads(r.stdout)
    assert any(d["code"] == "HY001" and "beispiellosen" in d["message"] for d in found)
    where = subprocess.run([str(py), "-c", "import lint.plugins.packs as p; print(p.builtin_rules_dir())"],
                           capture_output=True, text=True, cwd=tmp_path).stdout
    assert "site-packages" in where and where.strip().endswith("_packs")
