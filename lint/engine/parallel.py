"""Spreading documents over worker processes, in order, only when it pays.

``run_ordered(task, items, jobs)`` returns ``[task(item) for item in items]``
— the same values in the same order as one process would compute them —
using up to ``jobs`` worker processes. Workers are forked from the parent
after it has built its engines, so a worker starts with everything loaded
(no second start-up), and each keeps its engines for all the documents it
is given.

The crossover is automatic: a worker is worth its start (forking, warming
its caches) only for about ``CHARS_PER_WORKER`` characters of text, so a
handful of small files is linted in the parent process whatever ``--jobs``
says. ``NEWSLINT_CHARS_PER_WORKER`` overrides the figure (tests, benchmarks).
Where ``fork`` is not available, everything runs in the parent.
"""

from __future__ import annotations

import gc
import os
from typing import Any, Callable, Sequence

#: Text (characters) one worker must have to do before starting it pays; measured
#: with bench/bench_jobs.py (see the README, "Many files").
CHARS_PER_WORKER = 1_500_000

_task: Callable | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def workers_for(total_chars: int, jobs: int) -> int:
    """How many worker processes ``total_chars`` of text are worth (1: none, stay in-process)."""
    per_worker = int(os.environ.get("NEWSLINT_CHARS_PER_WORKER") or CHARS_PER_WORKER)
    wanted = min(jobs, total_chars // max(1, per_worker))
    if wanted <= 1:
        return 1  # decided before multiprocessing is imported: most runs never need it
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return wanted


def _call(index_and_item):
    index, item = index_and_item
    return index, _task(item)


def run_ordered(
    task: Callable, items: Sequence, workers: int, on_done: Callable[[int], None] | None = None,
    size: Callable[[Any], int] | None = None,
) -> list:
    """``[task(item) for item in items]`` over ``workers`` forked processes (1: in this one).

    ``on_done(n)`` is called in this process as results arrive (progress): ``n`` is
    ``size(item)`` (default 1) for each item done.
    """
    global _task
    if workers <= 1 or len(items) <= 1:
        results = []
        for item in items:
            results.append(task(item))
            if on_done is not None:
                on_done(size(item) if size is not None else 1)
        return results
    _task = task
    # what the parent built (engines, word lists, matchers) stays out of the workers'
    # garbage collections, so their pages stay shared instead of being copied
    gc.freeze()
    results: list = [None] * len(items)
    chunk = max(1, min(16, len(items) // (workers * 8)))
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        for index, value in pool.imap_unordered(_call, enumerate(items), chunksize=chunk):
            results[index] = value
            if on_done is not None:
                on_done(size(items[index]) if size is not None else 1)
    _task = None
    gc.unfreeze()
    return results
