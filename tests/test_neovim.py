"""The README's Neovim snippet for Neovim 0.7–0.10, run as it stands in a real
headless Neovim (Debian's 0.7.2, which ``.ci/run`` installs): the diagnostic
arrives, at the right line and byte column, with its rule code."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

COLLECT = """
local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local rows = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(rows, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code })
end
vim.fn.writefile({ vim.fn.json_encode({ ok = ok, diagnostics = rows }) }, os.getenv("NEWSLINT_TEST_OUT"))
vim.cmd("qa!")
"""


def nvim() -> str:
    found = shutil.which("nvim")
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("nvim is not installed (.ci/run installs Debian's neovim)")
        pytest.skip("nvim is not installed (apt-get install neovim)")
    return found


def readme_snippet() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- neovim-0\.7-snippet -->\n```lua\n(.*?)```", text, re.S)
    assert m, "the README lost its Neovim 0.7 snippet"
    return m.group(1)


def test_readme_snippet_in_headless_neovim(tmp_path):
    exe = nvim()
    (tmp_path / "init.lua").write_text(readme_snippet(), encoding="utf-8")
    (tmp_path / "collect.lua").write_text(COLLECT, encoding="utf-8")
    article = tmp_path / "artikel.md"
    article.write_text("# Entwurf\n\nÄrger über einen „beispiellosen“ Erfolg.\n", encoding="utf-8")
    env = dict(os.environ, NEWSLINT_TEST_OUT=str(tmp_path / "out.json"), HOME=str(tmp_path))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"  # this checkout's newslint
    subprocess.run([exe, "--headless", "-u", "init.lua", "-c", "luafile collect.lua", "artikel.md"],
                   cwd=tmp_path, env=env, timeout=90, capture_output=True)
    result = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert result["ok"], result
    [d] = [x for x in result["diagnostics"] if x["code"] == "HY001"]
    line = "Ärger über einen „beispiellosen“ Erfolg."
    start = len(line[: line.index("beispiellosen")].encode("utf-8"))  # Neovim counts bytes
    assert (d["lnum"], d["col"], d["end_col"]) == (2, start, start + len("beispiellosen"))
