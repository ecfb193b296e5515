#!/usr/bin/env python3
"""Benchmark ``newslint audit``: words/s and peak memory per worker, locally and
on a Dask LocalCluster, over a JSON Lines export of the corpus repeated to
``--words`` words (default one million).

    python bench/audit.py [--words 1000000] [--workers 2]
    python bench/audit.py --gigabyte      # also: a 1 GB export, local, memory only

Needs the audit extra (Dask, pyarrow). The corpus is read from
../shared/corpus/gnad at run time.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "gnad"


def newslint() -> list[str]:
    exe = shutil.which("newslint")
    return [exe] if exe else [sys.executable, "-m", "lint"]


def write_export(path: Path, words_wanted: int, max_bytes: int | None = None) -> int:
    articles = []
    for f in sorted(CORPUS.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        first, _, rest = text.strip().partition(". ")
        articles.append((f.stem, len(text.split()), {"title": first + ".", "body": rest, "section": f.stem.split("-")[1]}))
    words = 0
    size = 0
    with path.open("w", encoding="utf-8") as out:
        round_ = 0
        while words < words_wanted and (max_bytes is None or size < max_bytes):
            for stem, n, record in articles:
                line = json.dumps({"id": f"{stem}-{round_}", "date": f"2016-{1 + round_ % 12:02d}-01", **record}, ensure_ascii=False) + "\n"
                out.write(line)
                words += n
                size += len(line.encode())
                if words >= words_wanted or (max_bytes is not None and size >= max_bytes):
                    break
            round_ += 1
    return words


def run_local(export: Path, out: Path, workers: int, extra: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([*newslint(), "audit", str(export), "--out", str(out), "-j", str(workers), "--quiet", *extra], check=True)
    elapsed = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return elapsed, peak


def run_cluster(export: Path, out: Path, workers: int) -> tuple[float, float]:
    from distributed import Client, LocalCluster

    def worker_peak() -> float:
        import resource as r

        return r.getrusage(r.RUSAGE_SELF).ru_maxrss / 1024

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        address = cluster.scheduler_address.replace("tcp://", "dask://")
        start = time.perf_counter()
        subprocess.run([*newslint(), "audit", str(export), "--out", str(out), "--scheduler", address, "--quiet"], check=True)
        elapsed = time.perf_counter() - start
        with Client(cluster) as client:
            peaks = client.run(worker_peak)
    return elapsed, max(peaks.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--gigabyte", action="store_true", help="also audit a 1 GB export (engine rules only) for memory")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        export = tmp_path / "export.jsonl"
        words = write_export(export, args.words)
        mb = export.stat().st_size / 1e6
        print(f"export: {words:,} words, {mb:.0f} MB")
        elapsed, peak = run_local(export, tmp_path / "local", args.workers, [])
        print(f"local, {args.workers} worker processes:   {elapsed:6.1f} s  {words / elapsed:9,.0f} words/s  peak memory per worker {peak:5.0f} MB")
        elapsed, peak = run_cluster(export, tmp_path / "dask", args.workers)
        print(f"Dask LocalCluster, {args.workers} workers: {elapsed:6.1f} s  {words / elapsed:9,.0f} words/s  peak memory per worker {peak:5.0f} MB")
        if args.gigabyte:
            export.unlink()
            big = tmp_path / "big.jsonl"
            words = write_export(big, 10**12, max_bytes=10**9)
            elapsed, peak = run_local(big, tmp_path / "big-out", args.workers, ["--select", "NL"])
            print(f"1 GB export ({words:,} words), engine rules only: {elapsed:6.1f} s, peak memory per process {peak:5.0f} MB")


if __name__ == "__main__":
    main()
