"""Running an audit: locally on worker processes, or on a Dask cluster.

Locally the archive is read partition by partition and at most two partitions
per worker are in flight, so a large export is never held whole. On Dask the
workers read their own blocks of the archive (``dask.bag.read_text`` for JSON
Lines, ``dask.dataframe.read_csv`` / ``read_parquet``, ``dask.bag`` over the
files of a folder) and Dask schedules the partitions; both write the same
partitioned Parquet dataset, one file per partition, named by its content key.
"""

from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lint.audit.job import PartitionResult, Settings, run_partition
from lint.audit.partitions import ARTICLE_EXTENSIONS, Partition, partitions, source_kind
from lint.audit.summary import Summary
from lint.readers.cms import json_line


@dataclass
class AuditResult:
    partitions: int = 0
    skipped: int = 0
    findings: int = 0
    summary: Summary = field(default_factory=Summary)
    problems: list[str] = field(default_factory=list)

    def add(self, result: PartitionResult) -> None:
        self.partitions += 1
        self.skipped += result.skipped
        self.findings += result.findings
        self.summary.merge(result.summary)
        self.problems += result.problems


def run_local(source: Path, out: Path, settings: Settings, jobs: int, size: int,
              progress: Callable[[AuditResult], None] = lambda r: None) -> AuditResult:
    fingerprint = settings.fingerprint()
    result = AuditResult()
    parts = partitions(source, size, result.problems)
    if jobs <= 1:
        for part in parts:
            result.add(run_partition(part, settings, fingerprint, str(out)))
            progress(result)
        return result
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = set()
        for part in parts:
            pending.add(pool.submit(run_partition, part, settings, fingerprint, str(out)))
            if len(pending) >= 2 * jobs:  # bounded: the archive is never read ahead of the workers
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    result.add(future.result())
                    progress(result)
        for future in pending:
            result.add(future.result())
            progress(result)
    return result


def run_dask(address: str, source: Path, out: Path, settings: Settings, size: int, blocksize: str = "4MB") -> AuditResult:
    """The same job on a Dask distributed cluster. Workers must see ``source``
    and ``out`` at the same paths (a shared file system or the same machine)."""
    import dask
    from distributed import Client

    fingerprint = settings.fingerprint()
    kind = source_kind(source)
    client = Client(address)
    try:
        if kind == "jsonl":
            import dask.bag as db

            chunks = db.read_text(str(source), blocksize=blocksize, encoding="utf-8").to_delayed()
            tasks = [dask.delayed(_lines_partition)(c, i, str(source), settings, fingerprint, str(out)) for i, c in enumerate(chunks)]
        elif kind in ("csv", "parquet"):
            import dask.dataframe as dd

            frame = dd.read_csv(str(source), blocksize=blocksize, dtype=str) if kind == "csv" else dd.read_parquet(str(source))
            tasks = [dask.delayed(_frame_partition)(c, i, str(source), settings, fingerprint, str(out))
                     for i, c in enumerate(frame.to_delayed())]
        else:
            import dask.bag as db

            files = [(str(p.relative_to(source)), str(p)) for p in sorted(source.rglob("*"))
                     if p.suffix.lower() in ARTICLE_EXTENSIONS and p.is_file()]
            bag = db.from_sequence(files, partition_size=size)
            tasks = [dask.delayed(_files_partition)(c, i, str(source), settings, fingerprint, str(out))
                     for i, c in enumerate(bag.to_delayed())]
        results = dask.compute(*tasks)
    finally:
        client.close()
    result = AuditResult()
    for partition_result in sorted(results, key=lambda r: r.index):
        result.add(partition_result)
    return result


def _lines_partition(lines, index, source, settings, fingerprint, out) -> PartitionResult:
    items = []
    problems = []
    for n, line in enumerate(lines):
        record, problem = json_line(line, f"Block {index}, Zeile {n + 1}")
        if problem:
            problems.append(f"{source}: {problem}")
        if record is not None:
            items.append((f"{index}:{n + 1}", record))
    result = run_partition(Partition(index, "records", source, tuple(items)), settings, fingerprint, out)
    result.problems[:0] = problems
    return result


def _frame_partition(frame, index, source, settings, fingerprint, out) -> PartitionResult:
    records = [{k: v for k, v in row.items() if isinstance(v, str) and v or isinstance(v, (int, float)) and v == v}
               for row in frame.to_dict(orient="records")]
    items = tuple((f"{index}:{n + 1}", r) for n, r in enumerate(records))
    return run_partition(Partition(index, "records", source, items), settings, fingerprint, out)


def _files_partition(files, index, source, settings, fingerprint, out) -> PartitionResult:
    return run_partition(Partition(index, "files", source, tuple(files)), settings, fingerprint, out)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
