"""Linting documents in groups, kind by kind (``Engine.lint_documents``): the same
findings and the same failures, each on its own document, as one document at a time."""

from __future__ import annotations

import pytest

from conftest import ROOT
from lint.engine import batch
from lint.engine.core import Workspace
from lint.language.analysis import Analysis

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TEXTS = [
    ("kurz.txt", "Ein beispielloser Erfolg: Die Firma meldet 40 Prozent mehr Umsatz.\n"),
    ("leer.txt", ""),
    ("zitat.md", "# Börse\n\n„Ein Rekord“, sagte sie. Laut Experten steigt der Kurs.\n"),
    *((p.name, p.read_text(encoding="utf-8")) for p in SEEDS),
    # a suppression comment applies in its own document only
    ("still.md", "<!-- newslint-disable HY001 -->\nEin beispielloser Erfolg.\n"),
]


def _rows(found):
    return [d.as_dict() for d in found]


@pytest.fixture(scope="module")
def engine():
    return Workspace(None).engine_for_file("artikel.txt")


def _documents(engine, texts=TEXTS):
    return [doc for path, text in texts for doc in engine.documents(path, text)]


def test_a_group_gives_what_each_document_gives_alone(engine):
    alone = []
    for doc in _documents(engine):
        alone.append(_rows(engine.lint_document(doc)))
        doc.release()
    grouped = engine.lint_documents(_documents(engine))
    assert [_rows(found) for found in grouped] == alone
    assert sum(map(len, alone)) > 50 and any(alone) and not all(alone)


def test_each_kind_runs_over_the_whole_group_before_the_next(engine, monkeypatch):
    seen = []
    first, second = [k for k in engine.kinds if k.stage == 0][:2]  # two kinds of the first stage
    for kind in (first, second):
        check = kind.check
        monkeypatch.setattr(kind, "check", lambda doc, kind=kind, check=check: seen.append((kind, doc.path)) or check(doc))
    docs = _documents(engine, TEXTS[:3])
    engine.lint_documents(docs)
    assert seen == [(first, d.path) for d in docs] + [(second, d.path) for d in docs]


@pytest.mark.parametrize("failing", [0, 2, 4])
def test_a_rule_failing_on_one_document_is_that_documents_error(engine, monkeypatch, failing):
    kind = engine.kinds[3]
    check = kind.check

    def fragile(doc):
        if doc.path == TEXTS[failing][0]:
            raise KeyError("kaputt")
        return check(doc)

    monkeypatch.setattr(kind, "check", fragile)
    failures: list[list[str]] = []
    found = engine.lint_documents(_documents(engine), failures=failures)
    assert [bool(f) for f in failures] == [i == failing for i in range(len(TEXTS))]
    [error] = failures[failing]
    assert error.startswith(f"{TEXTS[failing][0]}: rule {kind.rule.code}") and "KeyError" in error
    assert not engine.errors  # given to the caller, not left on the engine
    assert found[3]  # the others (a seed here) are linted by every rule

    engine.lint_documents(_documents(engine, [TEXTS[failing]]))  # without ``failures``: on the engine, as always
    assert len(engine.errors) == 1 and engine.errors[0].startswith(TEXTS[failing][0])
    engine.errors.clear()


def test_a_batch_attributes_failures_and_findings_to_their_files(monkeypatch):
    workspace = Workspace(None)
    engine = workspace.engine_for_file("artikel.txt")
    kind = engine.kinds[3]
    check = kind.check
    monkeypatch.setattr(kind, "check", lambda doc: (_ for _ in ()).throw(KeyError("kaputt")) if "Rekord" in doc.prose else check(doc))
    items = [batch.Item(path, "artikel.txt", text) for path, text in TEXTS] * 12  # more than one group
    results = batch.lint_batch(workspace, items, jobs=1)
    assert len(results) == len(items) > engine.GROUP
    assert [bool(r.errors) for r in results] == [path == "zitat.md" for path, _ in TEXTS] * 12
    assert results[0].diagnostics and results[0].diagnostics == results[len(TEXTS)].diagnostics
    assert all(d.path == item.display for r, item in zip(results, items) for d in r.diagnostics)


def test_a_file_of_many_articles_is_linted_in_groups(monkeypatch):
    """A JSON Lines export of more articles than a group: all linted, each released after its group."""
    import json

    workspace = Workspace(None)
    engine = workspace.engine_for_file("export.jsonl")
    monkeypatch.setattr(type(engine), "GROUP", 4)
    lines = [json.dumps({"id": str(i), "title": "Titel", "body": TEXTS[0][1]}) for i in range(10)]
    [result] = batch.lint_batch(workspace, [batch.Item("export.jsonl", "export.jsonl", "\n".join(lines) + "\n")], jobs=1)
    articles = {d.article for d in result.diagnostics if d.code == "HY001"}
    assert articles == {str(i) for i in range(10)} and not result.errors
    assert result.diagnostics == sorted(result.diagnostics, key=type(result.diagnostics[0]).sort_key)


def test_the_shared_analysis_is_made_for_the_whole_group_before_the_first_kind(engine, monkeypatch):
    """Every rule's parts (``Analysis.EVERY_RULE``) and those a kind names (``Kind.reads``:
    the readability rules) exist for every document of the group when the first kind runs."""
    names = engine._primed()
    assert set(Analysis.EVERY_RULE) <= set(names) and "readability" in names
    docs = _documents(engine, TEXTS[:3])
    first = engine._stages()[0][0]
    check = first.check
    made = []
    monkeypatch.setattr(first, "check", lambda doc: made.append([n in d.analysis.__dict__ for d in docs for n in names]) or check(doc))
    engine.lint_documents(docs)
    assert made and all(all(row) for row in made)


def test_a_failing_part_of_the_analysis_is_the_reading_kinds_error(engine, monkeypatch):
    """A part that fails while primed is left unmade: each kind that reads it reports the
    failure on its own document, and the other documents are linted as always."""
    from lint.language import analysis

    sentences = analysis.Analysis.sentences.func

    def fragile(self):
        if self.doc.path == "kurz.txt":
            raise KeyError("kaputt")
        return sentences(self)

    monkeypatch.setattr(analysis.Analysis.sentences, "func", fragile)
    failures: list[list[str]] = []
    found = engine.lint_documents(_documents(engine, TEXTS[:3]), failures=failures)
    assert failures[0] and all(e.startswith("kurz.txt: rule ") and "KeyError" in e for e in failures[0])
    assert not failures[1] and not failures[2] and found[2]


FREEZE_PROBE = """
import gc, sys
from lint.engine import batch
from lint.engine.core import Workspace
items = [batch.Item(n, n, t) for n, t in ((f"a{i}.txt", "Ein beispielloser Erfolg: 40 Prozent mehr.\\n") for i in range(3))]
batch.lint_batch(Workspace(None), items, jobs=1)  # as the API calls it: the caller's heap is its own
before = gc.get_freeze_count()
batch.lint_batch(Workspace(None), items, jobs=1, freeze=True)  # as the command line calls it
after = gc.get_freeze_count()
batch.lint_batch(Workspace(None), items, jobs=1, freeze=True)
print(before, after, gc.get_freeze_count())
"""


def test_what_the_first_documents_loaded_is_frozen_out_of_collections_once(tmp_path):
    # a fresh process: only the command line's batches freeze, once per process (a second batch leaves it as it is)
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT), NEWSLINT_CACHE_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", FREEZE_PROBE], capture_output=True, text=True, env=env, check=True)
    before, after, again = map(int, out.stdout.split())
    assert before == 0
    assert after > 10_000  # modules, engine, word lists and tables
    assert again <= after  # freed by reference counting since, never frozen again
