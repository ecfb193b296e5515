"""An archive read in partitions, never whole: a folder of articles, a JSON
Lines or CSV export of a CMS, or Parquet.

Each partition holds at most ``size`` articles and has a content key (the
hash of what it holds and of the settings the run lints with), so a re-run
finds the partitions it has already written.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lint.model.errors import UserError
from lint.readers.cms import json_line

ARTICLE_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class Partition:
    """A slice of the archive. ``items`` are ``(where, payload)`` pairs:
    for ``records`` the payload is a decoded record (a dict) and ``where`` its
    line or row number; for ``files`` the payload is a file's path."""

    index: int
    kind: str  # "records" | "files"
    source: str
    items: tuple

    def key(self, fingerprint: str) -> str:
        digest = hashlib.sha256(fingerprint.encode())
        digest.update(self.kind.encode())
        for where, payload in self.items:
            digest.update(repr(where).encode())
            if self.kind == "files":
                digest.update(Path(payload).read_bytes())
            else:
                digest.update(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode())
        return digest.hexdigest()[:32]


def source_kind(source: Path) -> str:
    if source.is_dir():
        return "folder"
    suffix = source.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    raise UserError(f"{source}: audit reads a folder, a JSON Lines (.jsonl), CSV (.csv) or Parquet (.parquet) export")


def partitions(source: Path, size: int, problems: list[str]) -> Iterator[Partition]:
    """The archive's partitions in order, read lazily."""
    kind = source_kind(source)
    items = {"folder": _files, "jsonl": _json_lines, "csv": _csv_rows, "parquet": _parquet_rows}[kind](source, problems)
    batch: list = []
    index = 0
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield Partition(index, "files" if kind == "folder" else "records", str(source), tuple(batch))
            index += 1
            batch = []
    if batch:
        yield Partition(index, "files" if kind == "folder" else "records", str(source), tuple(batch))


def _files(source: Path, problems: list[str]) -> Iterator[tuple[str, str]]:
    for path in sorted(source.rglob("*")):
        if path.suffix.lower() in ARTICLE_EXTENSIONS and path.is_file():
            yield str(path.relative_to(source)), str(path)


def _json_lines(source: Path, problems: list[str]) -> Iterator[tuple[int, dict]]:
    with source.open(encoding="utf-8-sig", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            record, problem = json_line(line, f"Zeile {number}")
            if problem:
                problems.append(f"{source}: {problem}")
            if record is not None:
                yield number, record


def _csv_rows(source: Path, problems: list[str]) -> Iterator[tuple[int, dict]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with source.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), 2):
            yield number, {k: v for k, v in row.items() if k is not None and v not in (None, "")}


def _parquet_rows(source: Path, problems: list[str]) -> Iterator[tuple[int, dict]]:
    import pyarrow.parquet as pq

    number = 0
    for batch in pq.ParquetFile(source).iter_batches(batch_size=1000):
        for row in batch.to_pylist():
            number += 1
            yield number, {k: v for k, v in row.items() if v is not None}
