"""One partition of an archive: lint its articles, write its findings as one
Parquet file (atomically), and return a small summary.

The same function runs in a local worker process and on a Dask worker; each
process builds its engine once per set of settings (keyed by their
fingerprint, which holds the configuration's content and every rule file's
size and modification time, so an edited pack is never served stale).
"""

from __future__ import annotations

import hashlib
import json
import os
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from lint import __version__
from lint.audit.partitions import Partition
from lint.audit.summary import Summary
from lint.language.stamps import one_look
from lint.model.diagnostics import Diagnostic, Severity
from lint.model.document import Document
from lint.model.errors import InputError

#: The columns of the findings table, in order.
COLUMNS = (
    ("source", "string"), ("article_id", "string"), ("section", "string"), ("date", "string"),
    ("field", "string"), ("zone", "string"), ("start", "int64"), ("end", "int64"),
    ("line", "int64"), ("column", "int64"), ("code", "string"), ("rule", "string"),
    ("category", "string"), ("severity", "string"), ("message", "string"),
)


@dataclass(frozen=True)
class Settings:
    """What a run lints with; travels to the workers."""

    config: str | None = None
    select: str | None = None
    ignore: str | None = None

    def fingerprint(self) -> str:
        from lint.plugins.packs import builtin_rules_dir

        digest = hashlib.sha256(f"{__version__}|{self.select}|{self.ignore}".encode())
        if self.config:
            digest.update(Path(self.config).read_bytes())
        for path in sorted(builtin_rules_dir().rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
        return digest.hexdigest()


@dataclass
class PartitionResult:
    index: int
    key: str
    skipped: bool
    articles: int = 0
    words: int = 0
    findings: int = 0
    summary: Summary = field(default_factory=Summary)
    problems: list[str] = field(default_factory=list)


_workspaces: dict[str, object] = {}


def _workspace(settings: Settings, fingerprint: str):
    """The worker's workspace for these settings, built once per fingerprint."""
    workspace = _workspaces.get(fingerprint)
    if workspace is None:
        from lint.engine.core import Selection, Workspace

        _workspaces.clear()  # settings changed: the old engine is of no further use
        selection = Selection.from_options(settings.select, settings.ignore)
        workspace = _workspaces[fingerprint] = Workspace(Path(settings.config) if settings.config else None, selection)
    return workspace


def part_path(out: Path, key: str) -> Path:
    return out / f"part-{key}.parquet"


def summary_path(out: Path, key: str) -> Path:
    """A partition's summary beside its findings (a leading underscore: Parquet
    readers skip it when they read the folder as a dataset)."""
    return out / f"_part-{key}.summary.json"


def _written(out: Path, key: str) -> Summary | None:
    """The summary of a partition a previous run completed, or None (missing or damaged: redo it)."""
    try:
        data = json.loads(summary_path(out, key).read_text(encoding="utf-8"))
        return Summary.from_json(data) if part_path(out, key).is_file() else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def run_partition(partition: Partition, settings: Settings, fingerprint: str, out: str) -> PartitionResult:
    """Lint ``partition`` and write its findings to ``out/part-<key>.parquet``,
    unless that file exists already (a resumed run)."""
    out_dir = Path(out)
    key = partition.key(fingerprint)
    target = part_path(out_dir, key)
    done = _written(out_dir, key)
    if done is not None:
        return PartitionResult(partition.index, key, skipped=True, articles=done.articles, words=done.words, summary=done)
    result = PartitionResult(partition.index, key, skipped=False)
    rows: list[tuple] = []
    workspace = _workspace(settings, fingerprint)
    items = partition.items
    with one_look():  # the analysis vocabulary stat'ed once per partition (``lint.language.stamps``)
        for first in range(0, len(items), GROUP):
            for where, article in _lint_articles(workspace, partition, items[first : first + GROUP], result.problems):
                rows += article.rows
                result.articles += 1
                result.words += article.words
                meta = article.meta
                result.summary.add_article(meta.get("id", str(where)), meta.get("section", ""), meta.get("date", "")[:7],
                                           article.words, [r[12] for r in article.rows], [r[13] for r in article.rows])
    result.findings = len(rows)
    _write(target, rows)
    _atomic_text(summary_path(out_dir, key), json.dumps(result.summary.to_json(), ensure_ascii=False))
    return result


#: Articles read and linted together (``Engine.lint_documents``: kind by kind over the group).
GROUP = 32


def _atomic_text(target: Path, text: str) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)


class _Article:
    """One item of a partition: its engine and documents, and its rows, words and
    metadata as its documents are linted (``add``); ``rows_of(doc, diagnostics)``
    turns a document's diagnostics into rows."""

    def __init__(self, engine, docs: list[Document], rows_of, meta_of):
        self.engine, self.docs, self.rows_of, self.meta_of = engine, docs, rows_of, meta_of
        self.rows: list[tuple] = []
        self.words = 0
        self.meta: dict[str, str] = {}

    def add(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        self.words += doc.word_count
        self.rows += self.rows_of(doc, diagnostics)
        self.meta = self.meta_of(doc)


def _lint_articles(workspace, partition: Partition, items, problems: list[str]):
    """``(where, _Article)`` for each of ``items`` that could be read, in order: read
    first, then linted engine by engine in groups (``Engine.lint_documents``), each
    document released as soon as its rows are made. A rule that fails on an article
    is a problem of the audit ("SOURCE: WHERE: rule … failed: …"), as it is an error
    of ``check``: its findings are missing from that article's rows."""
    articles = []
    for where, payload in items:
        try:
            if partition.kind == "files":
                article = _file_article(workspace, where, payload)
            else:
                article = _record_article(workspace, partition.source, where, payload)
        except (InputError, OSError, UnicodeDecodeError) as exc:
            problems.append(f"{partition.source}: {where}: {exc}")
            continue
        articles.append((where, article))
    by_engine: dict[object, list[tuple[_Article, Document]]] = {}
    for _, article in articles:
        by_engine.setdefault(article.engine, []).extend((article, doc) for doc in article.docs)
    for engine, pairs in by_engine.items():
        for first in range(0, len(pairs), GROUP):
            group = pairs[first : first + GROUP]
            failures: list[list[str]] = []
            found = engine.lint_documents([doc for _, doc in group], failures=failures)
            for (article, doc), diagnostics, failed in zip(group, found, failures):
                article.add(doc, diagnostics)
                problems += [f"{partition.source}: {failure}" for failure in failed]
                doc.release()  # the analysis refers back to the document: freed now, not by the cycle collector
    return articles


def _file_article(workspace, where: str, path: str) -> _Article:
    from lint.engine.fileio import read_text

    text = read_text(Path(path))
    engine = workspace.engine_for_file(path)

    def rows_of(doc: Document, found: list[Diagnostic]) -> list[tuple]:
        zone_of = _zones_by_source(doc)
        article_id = doc.meta.get("id", where)
        return [_row(where, article_id, doc.meta, d.field, zone_of(d.start), d.start, d.end, d.line, d.column, d) for d in found]

    return _Article(engine, engine.documents(where, text), rows_of, lambda doc: {**doc.meta, "id": doc.meta.get("id", where)})


def _record_article(workspace, source: str, where: int, record: dict) -> _Article:
    from lint.readers.cms import read_record

    engine = workspace.engine_for_file(source)
    raw, read, raw_fields = read_record(record, engine.config.setting("cms"))
    doc = Document(source, raw, read, "cms-record")
    article_id = doc.meta.get("id") or str(where)
    starts = [f.start for f in raw_fields]

    def rows_of(doc: Document, found: list[Diagnostic]) -> list[tuple]:
        zone_of = _zones_by_source(doc)
        out = []
        for d in found:
            i = max(bisect_right(starts, d.start) - 1, 0)
            raw_field = raw_fields[i]
            # relative to the field; a finding about more than the field (a document score) ends with it
            start = min(d.start, raw_field.end) - raw_field.start
            end = min(max(d.end, d.start), raw_field.end) - raw_field.start
            text = raw[raw_field.start : raw_field.end]
            line = text.count("\n", 0, start) + 1
            column = start - (text.rfind("\n", 0, start) + 1) + 1
            out.append(_row(source, article_id, doc.meta, raw_field.name, zone_of(d.start) or raw_field.zone,
                            start, end, line, column, d))
        return out

    return _Article(engine, [doc], rows_of, lambda doc: {**doc.meta, "id": article_id})


def _zones_by_source(doc: Document):
    """The zone of the block holding a *source* offset (findings are placed in source offsets)."""
    spans = [(doc.to_source(b.start), doc.to_source(b.end), b.zone) for b in doc.blocks]
    starts = [s for s, _, _ in spans]

    def zone_at(offset: int) -> str:
        i = bisect_right(starts, offset) - 1
        return spans[i][2] if i >= 0 and offset <= spans[i][1] else ""

    return zone_at


def _row(source: str, article_id: str, meta: dict, field_name: str, zone: str, start: int, end: int,
         line: int, column: int, d: Diagnostic) -> tuple:
    return (source, str(article_id), meta.get("section", ""), meta.get("date", ""), field_name or "", zone,
            start, end, line, column, d.code, d.rule, d.category, str(d.severity), d.message)


def schema():
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])


def _write(target: Path, rows: list[tuple]) -> None:
    """Write the rows as one Parquet file: to a temporary name, then renamed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(zip(*rows)) if rows else [[] for _ in COLUMNS]
    table = pa.Table.from_arrays([pa.array(list(c), type=t) for c, t in zip(columns, schema().types)], schema=schema())
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, target)


def severity_rank(name: str) -> int:
    return int(Severity.parse(name))
