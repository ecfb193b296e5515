"""Large buffers are linted in a process of their own.

A lint holds Python's global interpreter lock for long stretches (a regular
expression over a whole 5 MB buffer releases it only when done), so in the
server's threads a large buffer would still hold up a small one. Buffers of
``LARGE`` characters or more go to one worker process (started on first use,
with the server's configuration and selection); when a newer version of the
buffer arrives the stale run is stopped by ending that process, and the next
large buffer starts a fresh one.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor, wait
from pathlib import Path
from typing import Callable

from lint.model.errors import Cancelled

#: Characters from which a buffer is linted in the worker process.
LARGE = 200_000
#: How often (seconds) a running large lint asks whether it is still wanted.
POLL = 0.05

_linter = None


def _start(config, selection) -> None:
    global _linter  # the worker process's own linter (this module is the process's entry point)
    from lint.lsp.linting import Linter

    _linter = Linter(config, selection)


def _lint(path: Path, display: str, text: str):
    return _linter.lint(path, display, text)


class IsolatedLinter:
    def __init__(self, config: Path | None, selection) -> None:
        self.config, self.selection = config, selection
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_start, initargs=(self.config, self.selection))
            return self._pool

    def lint(self, path: Path, display: str, text: str, cancelled: Callable[[], bool]):
        """The ``LintResult`` of the buffer, or ``Cancelled`` as soon as it is stale."""
        future = self._executor().submit(_lint, path, display, text)
        while True:
            done, _ = wait([future], timeout=POLL)
            if done:
                return future.result()
            if cancelled():
                self.stop()
                raise Cancelled(display)

    def stop(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
