#!/usr/bin/env python3
"""``--fix`` over the corpus: what the safe fixes change, and that a second run changes nothing.

Copies the corpus (default ../shared/corpus/gnad) to a temporary folder, runs
``newslint check --fix-only`` twice, and prints every changed line pair (or
``--sample N`` of them) so a reader can judge the changes as an editor would.

    python bench/fix_corpus.py [FOLDER] [--sample 50]
"""

from __future__ import annotations

import argparse
import difflib
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"


def newslint() -> list[str]:
    exe = shutil.which("newslint")
    return [exe] if exe else [sys.executable, "-m", "lint"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--sample", type=int, default=0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "corpus"
        shutil.copytree(args.folder, copy)
        before = {p.name: p.read_text(encoding="utf-8") for p in copy.glob("*.txt")}
        first = subprocess.run([*newslint(), "check", "--fix-only", str(copy)], capture_output=True, text=True)
        after = {p.name: p.read_text(encoding="utf-8") for p in copy.glob("*.txt")}
        second = subprocess.run([*newslint(), "check", "--fix-only", str(copy)], capture_output=True, text=True)
        again = {p.name: p.read_text(encoding="utf-8") for p in copy.glob("*.txt")}
    changes = []
    for name in sorted(before):
        if before[name] == after[name]:
            continue
        a, b = before[name].split(), after[name].split()
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if op != "equal":
                context = " ".join(a[max(i1 - 4, 0) : i1])
                changes.append((name, f"…{context} [{' '.join(a[i1:i2])}] → [{' '.join(b[j1:j2])}]"))
    print(first.stderr.strip().splitlines()[-1] if first.stderr.strip() else "")
    print(f"files changed: {sum(before[n] != after[n] for n in before)}, changes: {len(changes)}")
    print(f"second run: {second.stderr.strip().splitlines()[-1] if second.stderr.strip() else ''}; "
          f"files changed by it: {sum(after[n] != again[n] for n in after)}")
    shown = random.Random(0).sample(changes, min(args.sample, len(changes))) if args.sample else changes
    for name, change in shown:
        print(f"  {name}: {change}")


if __name__ == "__main__":
    main()
