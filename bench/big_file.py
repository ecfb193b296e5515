"""Big single files: plain-text exports of 20 MB and 100 MB, with and without
paragraph breaks, against the corpus' own words per second.

    .venv/bin/python bench/big_file.py [--corpus ../shared/corpus/gnad] [--sizes 20 100] [--out /tmp/newslint-big]

Builds the inputs in ``--out`` from the TUNE half of the corpus (files whose
number NNNN % 4 == 0; never commit them): ``flat-<N>mb.txt`` is the articles
one after another with no line break at all (an export that lost its
paragraphs), ``paragraphs-<N>mb.txt`` keeps a blank line between paragraphs.
Each run is ``newslint check --max-file-size 0 --fail-on never --no-cache`` (every pack but
LanguageTool, no size limit) under ``/usr/bin/time -v``, niced; it prints wall
and CPU seconds, words per CPU second (start-up, measured on a one-sentence
file, taken off) and peak memory (maximum resident set), with the same figures
for the tune half linted as separate files first.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tune_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("*.txt") if p.name[:4].isdigit() and int(p.name[:4]) % 4 == 0)


def build(corpus: Path, out: Path, megabytes: int) -> dict[str, Path]:
    texts = [p.read_text(encoding="utf-8").strip() for p in tune_files(corpus)]
    made = {}
    for shape, joiner in (("flat", " "), ("paragraphs", "\n\n")):
        path = out / f"{shape}-{megabytes}mb.txt"
        made[shape] = path
        if path.exists() and path.stat().st_size >= megabytes * 1_000_000:
            continue
        unit = joiner.join(re.sub(r"\s+", " ", t) if shape == "flat" else t for t in texts) + joiner
        data = unit.encode("utf-8")
        with open(path, "wb") as handle:
            for _ in range(megabytes * 1_000_000 // len(data) + 1):
                handle.write(data)
    return made


def measure(label: str, files: list[Path], words: int, out: Path, startup: float = 0.0) -> float:
    cmd = ["nice", "-n", "10", "/usr/bin/time", "-v", sys.executable, "-m", "lint", "check", "--max-file-size", "0",
           "--fail-on", "never", "--no-cache", "--format", "concise", "--output-file", str(out / "report.txt"), *map(str, files)]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    stats = dict(line.strip().split(": ", 1) for line in r.stderr.splitlines() if ": " in line and line.startswith("\t"))
    cpu = float(stats["User time (seconds)"]) + float(stats["System time (seconds)"])
    wall = stats["Elapsed (wall clock) time (h:mm:ss or m:ss)"]
    rss = int(stats["Maximum resident set size (kbytes)"]) / 1024
    status = "" if r.returncode == 0 else f"  exit {r.returncode}: {r.stderr.splitlines()[0] if r.stderr else ''}"
    rate = words / max(cpu - startup, 0.01)
    print(f"{label:24} {words:>11,} words  wall {wall:>8}  CPU {cpu:7.1f} s  {rate:>9,.0f} words/CPU s  peak {rss:6.0f} MB{status}",
          flush=True)
    return cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=next(
        (p / "shared" / "corpus" / "gnad" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "corpus" / "gnad").is_dir()),
        ROOT.parent / "shared" / "corpus" / "gnad"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[20, 100])
    ap.add_argument("--out", type=Path, default=Path("/tmp/newslint-big"))
    ap.add_argument("--shapes", nargs="+", default=["flat", "paragraphs"])
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tune = tune_files(args.corpus)
    if not tune:
        sys.exit(f"no corpus files in {args.corpus}")
    short = args.out / "kurz.txt"
    short.write_text("Ein kurzer Satz.\n", encoding="utf-8")
    startup = measure("start-up (one sentence)", [short], 3, args.out)
    measure("tune half, one per file", tune, sum(len(p.read_text(encoding="utf-8").split()) for p in tune), args.out, startup)
    for megabytes in args.sizes:
        for shape, path in build(args.corpus, args.out, megabytes).items():
            if shape in args.shapes:
                with open(path, encoding="utf-8") as handle:
                    words = sum(len(line.split()) for line in handle)
                measure(f"{shape} {megabytes} MB", [path], words, args.out, startup)


if __name__ == "__main__":
    main()
