"""A data file's stamp (size, modification time), read once per look.

The analysis vocabulary (speech verbs, negators, name types, semantic fields,
genre cues) is rebuilt when one of its files changes, and the only way to know
is to ``stat`` the file. Asked per document, that is a system call for every
list and every document: about eight per article, 2% of a corpus run.

A *look* is the span in which the files are taken as they are: the engine
opens one for a lint call (``Engine.lint``, one document in the language
server) and for a batch (``lint_batch``, one ``check`` run), and inside it each
file is stat'ed once. Outside a look every call stats again, as before. A look
nested in another shares the outer one: a batch is one look, whatever its
documents do. Nothing outlives a look, so an edited list is seen by the next
lint call, and the language server's next request after an edit reads it.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

#: The stamps read in the current look (None: no look open, every call stats).
_LOOK: ContextVar[dict | None] = ContextVar("newslint_stamps_look", default=None)


@contextmanager
def one_look() -> Iterator[None]:
    """Within the block, each file is stat'ed once (an open look is shared)."""
    if _LOOK.get() is not None:
        yield
        return
    token = _LOOK.set({})
    try:
        yield
    finally:
        _LOOK.reset(token)


def stat(path: "os.PathLike[str] | str") -> os.stat_result:
    """``os.stat(path)``, or what it said earlier in the current look. A failure is
    not kept: a missing file raises ``OSError`` at every call."""
    look = _LOOK.get()
    if look is None:
        return os.stat(path)
    found = look.get(path)
    if found is None:
        found = look[path] = os.stat(path)
    return found
