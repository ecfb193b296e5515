"""CPU time of a newsroom's big house lists on first use (cold cache).

    .venv/bin/python bench/house_list.py [--entries 200000]

Writes an accepted-words list (``vocabulary``) and a reject list (``reject``,
lines ``Wort => Hausform``) of ``--entries`` made-up German words each into a
temporary project, then lints one article there in a fresh process with an
empty cache folder and prints the CPU seconds of the first and a second lint,
beside the same article in a project without house lists (the difference is
the lists' cost).
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SYLLABLES = "ber bun de dom fal gan hau kel lin mar nor pol rei sam tor wel zug ach eis ost".split()

CHILD = """
import sys, time
from lint import check_text
text = open(sys.argv[1], encoding="utf-8").read()
for label in ("first", "second"):
    t = time.process_time()
    found = check_text(text, sys.argv[1])
    print(f"{label} lint: {time.process_time() - t:.2f} s CPU, {len(found)} findings")
"""


def words(n: int):
    for parts in itertools.islice(itertools.product(SYLLABLES, repeat=5), n):
        w = "".join(parts)
        yield w[:1].upper() + w[1:]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=200_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        listed = list(words(args.entries))
        (root / "akzeptiert.txt").write_text("# Hausvokabular (erfunden)\n" + "\n".join(listed) + "\n", encoding="utf-8")
        (root / "abgelehnt.txt").write_text(
            "# abgelehnte Wörter (erfunden)\n" + "\n".join(f"{w}x => {w}" for w in listed) + "\n", encoding="utf-8")
        (root / "newslint.toml").write_text('vocabulary = ["akzeptiert.txt"]\nreject = ["abgelehnt.txt"]\n', encoding="utf-8")
        article = root / "a.txt"
        article.write_text(f"Der {listed[7]} und der {listed[-1]}x trafen sich. Ein beispielloser Erfolg.\n" * 50, encoding="utf-8")
        bare = root / "ohne"
        bare.mkdir()
        (bare / "newslint.toml").write_text("", encoding="utf-8")
        (bare / "a.txt").write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
        for label, where in (("without house lists", bare), (f"{args.entries} entries in each list", root)):
            print(label)
            env = dict(os.environ, NEWSLINT_CACHE_DIR=str(where / "cache"))
            subprocess.run([sys.executable, "-c", CHILD, str(where / "a.txt")], cwd=where, env=env, check=True)


if __name__ == "__main__":
    main()
