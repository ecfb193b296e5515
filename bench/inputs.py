#!/usr/bin/env python3
"""Newsroom inputs on the corpus: the same articles as Markdown and as a CMS export.

Writes, into a temporary folder, every article of the corpus (default
../shared/corpus/gnad) twice: as Markdown with its first sentence as a ``#``
heading, and as one line of a JSON Lines export (``title`` = first sentence,
``body`` = the rest). Then it compares what newslint finds in both (code and
flagged text; zone-dependent rules listed apart) and times reading: the
export against the same text as plain files.

    python bench/inputs.py [FOLDER] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"


def newslint() -> list[str]:
    exe = shutil.which("newslint")
    return [exe] if exe else [sys.executable, "-m", "lint"]


def split_title(text: str) -> tuple[str, str]:
    first, _, rest = text.strip().partition(". ")
    return first + ".", rest


def run(cmd: list[str]) -> tuple[float, list[dict]]:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode == 2:
        sys.exit(f"failed: {done.stderr[-2000:]}")
    return elapsed, json.loads(done.stdout)


def flagged(sources: dict[str, list[str]], d: dict) -> str:
    if d["line"] != d["end_line"]:
        return ""
    return sources[d["path"]][d["line"] - 1][d["column"] - 1 : d["end_column"] - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(args.folder.glob("*.txt"))
    check = [*newslint(), "check", "--format", "json", "--fail-on", "never", "--ignore", "grammar"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "md").mkdir()
        (tmp_path / "plain").mkdir()
        lines = []
        for f in files:
            title, body = split_title(f.read_text(encoding="utf-8"))
            (tmp_path / "md" / (f.stem + ".md")).write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
            (tmp_path / "plain" / (f.stem + ".txt")).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
            lines.append(json.dumps({"id": f.stem, "title": title, "body": body}, ensure_ascii=False))
        export = tmp_path / "export.jsonl"
        export.write_text("\n".join(lines) + "\n", encoding="utf-8")

        _, md = run([*check, str(tmp_path / "md")])
        _, js = run([*check, str(export)])
        md_src = {str(p): p.read_text(encoding="utf-8").split("\n") for p in (tmp_path / "md").glob("*.md")}
        js_src = {str(export): export.read_text(encoding="utf-8").split("\n")}
        md_keys = Counter((Path(d["path"]).stem, d["code"], flagged(md_src, d)) for d in md)
        js_keys = Counter((d.get("article", ""), d["code"], flagged(js_src, d)) for d in js)
        only_md, only_js = md_keys - js_keys, js_keys - md_keys
        print(f"{len(files)} articles; findings as Markdown: {len(md)}, as JSON Lines: {len(js)}")
        print(f"  same finding in both: {sum((md_keys & js_keys).values())}")
        for name, diff in (("only in Markdown", only_md), ("only in JSON Lines", only_js)):
            by_code = Counter(code for (_, code, _), n in diff.items() for _ in range(n))
            print(f"  {name}: {sum(diff.values())}  by rule: {dict(sorted(by_code.items()))}")

        plain = min(run([*check, str(tmp_path / "plain")])[0] for _ in range(args.repeat))
        jsonl = min(run([*check, str(export)])[0] for _ in range(args.repeat))
        print(f"reading cost: plain files {plain:.2f} s, one JSON Lines export {jsonl:.2f} s "
              f"({(jsonl - plain) / plain * 100:+.0f}%)")


if __name__ == "__main__":
    main()
