"""The archive audit: findings as a Parquet dataset, locally and on a real Dask
LocalCluster with two workers, resumable, from JSON Lines, CSV, Parquet and folders."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from conftest import SEEDS  # noqa: E402

ARTICLES = [
    {"id": "a1", "section": "wirtschaft", "date": "2025-01-06", "title": "Ein ruhiger Tag an der Börse",
     "body": "Die Aktie stieg um zwei Prozent. Das war ein beispielloser Kraftakt der Anleger."},
    {"id": "a2", "section": "sport", "date": "2025-02-03", "title": "Ein spektakulärer Sieg",
     "body": "<p>Der Verein gewann am Sonntag mit 3:1.</p><p>Ein &bdquo;Erdbeben&ldquo; in der Liga, sagte der Trainer.</p>"},
]
ARTICLES += [
    {"id": f"s{i}", "section": "web", "date": "2025-02-10", "title": seed.read_text(encoding="utf-8").split(". ")[0],
     "body": seed.read_text(encoding="utf-8").split(". ", 1)[1]}
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt")))
]
COLUMNS = ["source", "article_id", "section", "date", "field", "zone", "start", "end", "line", "column",
           "code", "rule", "category", "severity", "message"]


def audit(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "lint", "audit", *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def rows(out: Path, drop_source: bool = True) -> list[tuple]:
    table = pq.read_table(out)
    assert table.column_names == COLUMNS
    data = table.to_pylist()
    keys = [c for c in COLUMNS if not (drop_source and c == "source")]
    return sorted(tuple(r[k] for k in keys) for r in data)


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def test_local_audit_writes_one_row_per_finding_with_field_offsets(export, tmp_path):
    out = tmp_path / "findings.parquet"
    r = audit(str(export), "--out", str(out), "--partition-size", "2", "-j", "2")
    assert r.returncode == 0, r.stderr
    data = pq.read_table(out).to_pylist()
    assert len(data) > 10
    by_article = {a["id"]: a for a in ARTICLES}
    for row in data:
        article = by_article[row["article_id"]]
        field_text = article[row["field"]]
        # offsets and line/column are relative to the field's text as the CMS holds it
        assert 0 <= row["start"] <= row["end"] <= len(field_text)
        assert row["line"] == field_text.count("\n", 0, row["start"]) + 1
    hype = {(r["article_id"], r["field"], r["zone"], by_article[r["article_id"]][r["field"]][r["start"]:r["end"]])
            for r in data if r["code"] == "HY001"}
    assert ("a1", "body", "lead", "beispielloser") in hype
    assert ("a2", "title", "headline", "spektakulärer") in hype
    assert {r["section"] for r in data} >= {"wirtschaft", "web"}
    summary = (out / "_summary.txt").read_text(encoding="utf-8")
    assert "nach Ressort" in summary and "nach Monat" in summary and "2025-02" in summary
    assert "Partitionen (0 schon geschrieben" in r.stderr


def test_rerun_skips_written_partitions_and_keeps_the_summary(export, tmp_path):
    out = tmp_path / "f.parquet"
    first = audit(str(export), "--out", str(out), "--partition-size", "2", "-j", "1")
    before = rows(out)
    summary = (out / "_summary.txt").read_text(encoding="utf-8")
    # an interrupted run: one partition's files are missing
    parts = sorted(out.glob("part-*.parquet"))
    parts[0].unlink()
    second = audit(str(export), "--out", str(out), "--partition-size", "2", "-j", "1")
    assert first.returncode == second.returncode == 0, second.stderr
    assert f"{len(parts)} Partitionen ({len(parts) - 1} schon geschrieben, übersprungen)" in second.stderr
    assert rows(out) == before
    assert (out / "_summary.txt").read_text(encoding="utf-8") == summary


def test_csv_and_parquet_exports_give_the_same_rows(export, tmp_path):
    reference = tmp_path / "ref"
    audit(str(export), "--out", str(reference), "-j", "1")
    as_csv = tmp_path / "export.csv"
    with as_csv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ARTICLES[0]))
        writer.writeheader()
        writer.writerows(ARTICLES)
    as_parquet = tmp_path / "export.parquet"
    pq.write_table(pa.Table.from_pylist(ARTICLES), as_parquet)
    for source in (as_csv, as_parquet):
        out = tmp_path / f"out-{source.suffix[1:]}"
        r = audit(str(source), "--out", str(out), "-j", "1")
        assert r.returncode == 0, r.stderr
        assert rows(out) == rows(reference), source


def test_folder_audit_uses_file_offsets(tmp_path):
    folder = tmp_path / "archive"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "a.md").write_text("# Titel\n\nEin beispielloser Tag.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Ein ruhiger Tag.\n", encoding="utf-8")
    out = tmp_path / "out"
    r = audit(str(folder), "--out", str(out), "-j", "1")
    assert r.returncode == 0, r.stderr
    [row] = [x for x in pq.read_table(out).to_pylist() if x["code"] == "HY001"]
    assert row["article_id"] == "2025/a.md"
    assert (row["line"], row["column"]) == (3, 5)
    assert (folder / "2025" / "a.md").read_text(encoding="utf-8")[row["start"]:row["end"]] == "beispielloser"


@pytest.mark.parametrize(
    "args, message",
    [
        (["export.xlsx", "--out", "o"], "audit reads a folder"),
        (["missing.jsonl", "--out", "o"], "no such file"),
        (["export.jsonl", "--out", "o", "--scheduler", "10.0.0.1:8786"], "expected dask://HOST:PORT"),
        (["export.jsonl", "--out", "o", "--partition-size", "0"], "--partition-size"),
    ],
)
def test_bad_audit_arguments_are_usage_errors(tmp_path, args, message):
    (tmp_path / "export.jsonl").write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    (tmp_path / "export.xlsx").write_text("x", encoding="utf-8")
    r = audit(*args, cwd=tmp_path)
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr


def test_bad_lines_are_reported_and_the_rest_audited(tmp_path):
    source = tmp_path / "e.jsonl"
    source.write_text(json.dumps(ARTICLES[0]) + "\n{broken\n[1]\n", encoding="utf-8")
    r = audit(str(source), "--out", str(tmp_path / "o"), "-j", "1")
    assert r.returncode == 2
    assert "Zeile 2, Spalte 2: kein gültiges JSON" in r.stderr and "Zeile 3: kein Artikel" in r.stderr
    assert any(x["article_id"] == "a1" for x in pq.read_table(tmp_path / "o").to_pylist())


def test_summary_html_escapes_ids_and_sections():
    from lint.audit.report import render_html
    from lint.audit.summary import Summary

    summary = Summary()
    summary.add_article("<script>x</script>", "<b>", "2025-01", 200, ["hype", "hype"])
    page = render_html(summary)
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt;" in page and "&lt;b&gt;" in page


@pytest.mark.slow
def test_dask_local_cluster_gives_the_local_rows(export, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    assert audit(str(export), "--out", str(local), "-j", "1").returncode == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        address = cluster.scheduler_address.replace("tcp://", "dask://")
        on_dask = tmp_path / "dask"
        r = audit(str(export), "--out", str(on_dask), "--scheduler", address)
        assert r.returncode == 0, r.stderr
        assert rows(on_dask) == rows(local)
        again = audit(str(export), "--out", str(on_dask), "--scheduler", address)
        assert "schon geschrieben" in again.stderr and "0 neue Befunde" in again.stderr
        assert rows(on_dask) == rows(local)


@pytest.mark.parametrize("kind", ["records", "files"])
def test_a_partition_linted_in_groups_gives_what_one_article_at_a_time_gives(tmp_path, monkeypatch, kind):
    """Articles are read and linted in groups, kind by kind (``Engine.lint_documents``);
    rows, words and the summary are those of one article at a time, and an article
    that cannot be read is a problem, the others linted."""
    from lint.audit import job
    from lint.audit.partitions import Partition

    if kind == "records":
        items = tuple((i, a) for i, a in enumerate(ARTICLES)) + ((99, {"id": "leer"}),)
    else:
        folder = tmp_path / "artikel"
        folder.mkdir()
        for a in ARTICLES:
            (folder / f"{a['id']}.txt").write_text(a["title"] + "\n\n" + a["body"] + "\n", encoding="utf-8")
        (folder / "kaputt.txt").write_bytes(b"\xff\xfe\xfa kein UTF-8 \xc3")
        items = tuple((p.name, str(p)) for p in sorted(folder.iterdir()))
    partition = Partition(0, kind, str(tmp_path / "export.jsonl"), items)
    settings = job.Settings()
    outcomes = {}
    for group in (1, 3, 32):
        monkeypatch.setattr(job, "GROUP", group)
        out = tmp_path / f"out{group}"
        out.mkdir()
        result = job.run_partition(partition, settings, settings.fingerprint(), str(out))
        outcomes[group] = (rows(out / f"part-{result.key}.parquet"), result.articles, result.words, result.findings,
                           json.dumps(result.summary.to_json(), sort_keys=True), result.problems)
    assert outcomes[1] == outcomes[3] == outcomes[32]
    found, articles, words, findings, _, problems = outcomes[32]
    assert findings == len(found) > 10 and words > 500
    assert articles == len(ARTICLES) and len(problems) == 1 and articles + len(problems) == len(items)


@pytest.mark.parametrize("kind", ["records", "files"])
def test_a_rule_failing_on_an_article_is_a_problem_of_the_audit(tmp_path, monkeypatch, kind):
    """A rule that raises on one article is reported as a problem naming the source,
    the article and the rule (as ``check`` reports it); the article's other rules and
    the other articles are audited as always."""
    from lint.audit import job
    from lint.audit.partitions import Partition
    from lint.kinds.metaphor import Metaphor

    check = Metaphor.check

    def fragile(self, doc):
        if "Kraftakt" in doc.prose:
            raise KeyError("kaputt")
        return check(self, doc)

    monkeypatch.setattr(Metaphor, "check", fragile)
    if kind == "records":
        items = tuple((i, a) for i, a in enumerate(ARTICLES))
    else:
        folder = tmp_path / "artikel"
        folder.mkdir()
        for a in ARTICLES:
            (folder / f"{a['id']}.txt").write_text(a["title"] + "\n\n" + a["body"] + "\n", encoding="utf-8")
        items = tuple((p.name, str(p)) for p in sorted(folder.iterdir()))
    partition = Partition(0, kind, str(tmp_path / "export.jsonl"), items)
    settings = job.Settings()
    out = tmp_path / "out"
    out.mkdir()
    result = job.run_partition(partition, settings, settings.fingerprint(), str(out))
    failed = [p for p in result.problems if "KeyError" in p]
    assert failed and all(p.startswith(f"{partition.source}: ") and " rule HY" in p for p in failed)
    assert result.articles == len(ARTICLES)
    found = rows(out / f"part-{result.key}.parquet")
    assert any(r[0].startswith("a2") and r[-5] == "HY001" for r in found)  # the other articles keep their hype findings
