"""Linting many documents at once: engines built once, the result cache, worker processes.

``lint_batch`` is what ``newslint check`` runs and what ``lint.api.check_many``
offers to a newsroom's own pipelines: documents in, one ``FileResult`` per
document out, in the same order, identical whether they came from the cache,
from this process or from workers (``lint.engine.parallel``).
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Sequence

from lint.cache import results as result_cache
from lint.cache import store
from lint.engine import parallel
from lint.language.stamps import one_look
from lint.model.diagnostics import Diagnostic
from lint.model.document import Document
from lint.model.errors import InputError
from lint.model.record import Record, named_tuple


class FileResult(Record):
    """One document's findings; ``errors``: rules that failed on it (one line
    each; the run exits 2); ``cached``: the findings came from the result cache."""

    _fields = ("diagnostics", "errors", "cached")
    __slots__ = _fields

    def __init__(self, diagnostics: list[Diagnostic], errors: list[str] | None = None, cached: bool = False):
        self.diagnostics = diagnostics
        self.errors = [] if errors is None else errors
        self.cached = cached


@named_tuple
class Item:
    """A document to lint: ``display`` names it in reports, ``lookup`` picks reader and configuration."""

    display: str
    lookup: str
    text: str


def result_cache_for(select, ignore, config: Path | None, enabled: bool = True) -> result_cache.ResultCache:
    """The result cache of a run with this command-line selection (``enabled`` False: none)."""
    where = result_cache.result_store() if enabled else store.Store(None)
    return result_cache.ResultCache(where, repr((select, ignore, str(config) if config else None)))


def lint_batch(
    workspace,
    items: Sequence,
    *,
    jobs: int | None = None,
    cache: result_cache.ResultCache | None = None,
    fingerprints: bool = False,
    show_progress: bool = False,
    freeze: bool = False,
) -> list[FileResult]:
    """Lint ``items`` (objects with ``display``, ``lookup`` and ``text``), in order.

    Engines come from ``workspace`` (one per configuration, built once, before
    any worker starts); ``jobs`` caps the worker processes (default: the CPUs;
    a small batch stays in this process); ``cache`` keeps results between runs.
    Backend notices (e.g. LanguageTool unreachable) land in each engine's
    ``notices`` as with a single document. ``freeze``: the command line's own
    process (not a program calling the API) keeps what its first documents
    loaded out of the cycle collector's walks (``keep_loaded_out_of_collections``).
    """
    engines = [workspace.engine_for_file(item.lookup) for item in items]
    # (an item read from a file brings the text's UTF-8 as read: ``Input.encoded``)
    keys = [
        cache.key(e, i.display, i.text, fingerprints, i.lookup, getattr(i, "encoded", None)) if cache else None
        for e, i in zip(engines, items)
    ]
    out: list = [None] * len(items)
    todo = []
    for index, key in enumerate(keys):
        found = cache.get(key) if cache else None
        if found is None:
            todo.append(index)
        else:
            out[index] = FileResult(found, [], cached=True)

    if fingerprints:  # only a run that writes a baseline needs them
        from lint.engine.baseline import fingerprints as add_fingerprints

    def lint_group(group: list[int]) -> list[tuple[list[Diagnostic], list[str], list[str]]]:
        """``(findings, errors, notices)`` of each item of ``group`` (items of one engine):
        their documents are linted ``Engine.GROUP`` at a time, kind by kind
        (``Engine.lint_documents``), and released as soon as they are done."""
        engine = engines[group[0]]
        seen = len(engine.notices)
        found: dict[int, list[Diagnostic]] = {index: [] for index in group}
        errors: dict[int, list[str]] = {index: [] for index in group}
        errors[group[0]] += engine.errors  # anything the engine noted before (as one document's run took it)
        engine.errors.clear()
        several: list[int] = []  # items of more than one document
        pending: list[tuple[int, Document]] = []

        def run(pending: list[tuple[int, Document]]) -> None:
            failures: list[list[str]] = []
            results = engine.lint_documents([doc for _, doc in pending], failures=failures)
            for (index, doc), diagnostics, failed in zip(pending, results, failures):
                found[index] += diagnostics
                errors[index] += failed
                if fingerprints and index not in several:  # cheap while the document's sentences are at hand
                    item = items[index]
                    add_fingerprints(diagnostics, {item.display: item.text}, documents={item.display: doc})
                # the analysis and its document refer to each other: released, they are freed
                # at once instead of piling up for the cycle collector (which then walks them
                # all: about 4% of a corpus run's time, and 13 MB)
                doc.release()
            if freeze:
                keep_loaded_out_of_collections()

        for index in group:
            item = items[index]
            try:  # one document per article: a JSON Lines export or a NewsML message holds several
                docs = engine.documents(item.display, item.text, getattr(item, "encoded", None))
            except InputError as exc:
                errors[index].append(f"{item.display}: {exc}")
                continue
            errors[index] += engine.errors  # what reading it reported
            engine.errors.clear()
            if len(docs) > 1:
                several.append(index)
            for doc in docs:
                pending.append((index, doc))
                if len(pending) == engine.GROUP:
                    run(pending)
                    pending = []
        if pending:
            run(pending)
        for index in several:
            found[index].sort(key=Diagnostic.sort_key)
            if fingerprints:
                item = items[index]
                add_fingerprints(found[index], {item.display: item.text})
        notices = engine.notices[seen:]
        return [(found[index], errors[index], notices if index == group[0] else []) for index in group]

    workers = parallel.workers_for(sum(len(items[i].text) for i in todo), jobs or parallel.default_jobs())
    # one look for the batch: the analysis vocabulary's files are stat'ed once per run,
    # not once per document (``lint.language.stamps``); forked workers inherit it
    with one_look(), Progress(len(items), len(items) - len(todo), enabled=show_progress) as advance:
        first = []
        if workers > 1:
            # each engine's first document in this process: what the kinds load on first
            # use (word lists, matchers, tables) is then inherited by every forked worker
            first = [todo[[engines[i] for i in todo].index(engine)] for engine in dict.fromkeys(engines[i] for i in todo)]
        linted = {}
        for index in first:
            linted.update(zip([index], lint_group([index])))
        if advance is not None and first:
            advance(len(first))
        done_here = set(first)
        groups = _groups([i for i in todo if i not in done_here], engines)
        for group, results in zip(groups, parallel.run_ordered(lint_group, groups, workers, advance, size=len)):
            linted.update(zip(group, results))
    for index in todo:
        found, errors, notices = linted[index]
        engine = engines[index]
        engine.notices.extend(n for n in notices if n not in engine.notices)  # from a worker
        out[index] = FileResult(found, errors)
        if cache and not errors:  # a document whose linting failed somewhere is not kept
            cache.put(keys[index], found)
    if cache:
        cache.save()
    return out


def keep_loaded_out_of_collections() -> None:
    """Move everything alive into the cycle collector's permanent generation
    (``gc.freeze``), once per process, after its first documents are linted.

    By then the modules, the engines and what the kinds load on first use (word
    lists, matchers, tables: some 40,000 objects) are in place for the rest of
    the run. Left young, the next collection walks all of them: over the corpus
    one collection near the end took 20 ms, 2.5% of the run. Frozen objects are
    still freed by reference counting when dropped (a table rebuilt after an
    edit); only cycles alive at that moment stay unfreed, and the documents'
    analyses are released before (``Document.release``). A process that froze
    already (a forked worker, a second batch) leaves it as it is.
    """
    global _frozen
    if not _frozen:  # a flag, not gc.get_freeze_count(): that walks every frozen object
        _frozen = True
        gc.freeze()


#: Whether this process froze what it had loaded (``keep_loaded_out_of_collections``).
_frozen = False


def _groups(indices: list[int], engines: list) -> list[list[int]]:
    """``indices`` cut into groups of consecutive items of one engine, at most
    ``GROUP`` of the engine's each (``Engine.lint_documents``)."""
    groups: list[list[int]] = []
    for index in indices:
        engine = engines[index]
        if groups and engines[groups[-1][0]] is engine and len(groups[-1]) < engine.GROUP:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


class Progress:
    """A progress bar on standard error (tqdm) once a run takes longer than
    ``DELAY`` seconds, only when standard error is a terminal: never part of a report."""

    DELAY = 2.0

    def __init__(self, total: int, done: int, enabled: bool = True):
        self.total, self.done, self.enabled, self.bar = total, done, enabled, None

    def __enter__(self):
        if self.enabled and self.total - self.done > 1 and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, initial=self.done, delay=self.DELAY, file=sys.stderr,
                            unit=" Dateien", leave=False, dynamic_ncols=True)
        return self.bar.update if self.bar is not None else None

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()
