"""``rows``: many ``NamedTuple`` instances made at C level.

A ``NamedTuple`` class's generated ``__new__`` is a Python function: calling the
class once per sentence or token costs a Python call each. ``tuple.__new__``
with the class makes the same instance (what that ``__new__`` does itself),
and ``map`` calls it without a Python frame.
"""

from __future__ import annotations

from itertools import repeat
from typing import Iterable, TypeVar

R = TypeVar("R", bound=tuple)


def rows(cls: "type[R]", values: "Iterable[tuple]") -> "list[R]":
    """``[cls(*row) for row in values]`` for a ``NamedTuple`` class ``cls`` whose rows
    hold every field (no defaults are filled in)."""
    return list(map(tuple.__new__, repeat(cls), values))
