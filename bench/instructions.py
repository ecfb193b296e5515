#!/usr/bin/env python3
"""Instructions per document, counted by valgrind: a speed measure the VM's noise cannot move.

Usage (from the project root, with newslint installed and valgrind on PATH):

    python bench/instructions.py [FOLDER] [--commit REV ...]

Wall-clock figures on the shared build machine drift by a third from one hour
to the next (``bench/bench.py``), which hides a change of a few percent. This
counts the CPU instructions (cachegrind's ``I refs``) of linting every
second article after a warm-up pass (every eighth article: word lists,
matchers and frequency tables built and loaded), minus the same run over
every sixteenth article: start-up and warm-up cancel, what remains is the
per-document work. With a fixed hash seed the same code in the same folder
gives the same count to the instruction; the same code in another folder
(``--commit`` checks revisions out in temporary git worktrees) differs by up to
about half a percent, so smaller differences between revisions are noise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"

_RUN = """
import sys
from pathlib import Path
from lint.engine.core import Workspace
files = sorted(Path(sys.argv[1]).glob("*.txt"))
step = int(sys.argv[2])
texts = [(str(f), f.read_text(encoding="utf-8")) for f in files]
try:
    from lint.language.stamps import one_look
except ImportError:  # a revision from before looks: every document stats its lists
    from contextlib import nullcontext as one_look
engine = Workspace().engine_for(files[0])
with one_look():  # as a check run: the data files' stamps read once for the batch
    for path, source in texts[1::8] + texts[::step]:
        for doc in engine.documents(path, source):
            engine.lint_document(doc)
            getattr(doc, "release", lambda: None)()  # as a check run: the analysis freed with its document
"""


def instructions(tree: Path, folder: Path, step: int) -> int:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="newslint-bench-cache-") as cache:
        # a fixed hash seed: set and dict orders (and with them the work) repeat exactly;
        # a cache of its own, so that other runs cannot evict its entries in between
        env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0", "NEWSLINT_CACHE_DIR": cache}
        cmd = [sys.executable, "-c", _RUN, str(folder), str(step)]
        subprocess.run(cmd, cwd=tree, env=env, check=True, capture_output=True)  # fill the cache first
        out = subprocess.run(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *cmd],
            cwd=tree, env=env, check=True, capture_output=True, text=True,
        ).stderr
    m = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if m is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{out[-2000:]}")
    return int(m.group(1).replace(",", ""))


def per_document(tree: Path, folder: Path) -> tuple[int, int]:
    """Instructions for the documents of every second article beyond those of every sixteenth, and their words."""
    files = sorted(folder.glob("*.txt"))
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files[::2]) - sum(
        len(f.read_text(encoding="utf-8").split()) for f in files[::16]
    )
    return instructions(tree, folder, 2) - instructions(tree, folder, 16), words


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--commit", nargs="*", default=[], help="revisions to measure beside the working tree")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: this benchmark counts instructions with it")
    trees: list[tuple[str, Path]] = [("working tree", ROOT)]
    with tempfile.TemporaryDirectory() as tmp:
        for rev in args.commit:
            tree = Path(tmp) / rev
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), rev], check=True)
            trees.append((rev, tree))
        try:
            for name, tree in trees:
                count, words = per_document(tree, args.folder.resolve())
                print(f"{name:14} {count / 1e6:10,.0f} M instructions for {words:,} words = {count / words:,.0f} per word")
        finally:
            for name, tree in trees[1:]:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
