"""``lazy``: a cached property without ``functools.cached_property``'s lock.

Python 3.11's ``cached_property`` takes a re-entrant lock (one for the class,
not per instance) on every first access, and checks the instance dictionary
twice around it: several times the cost of the computation for the small
fields the per-document analysis keeps. A document and its analysis belong
to one lint call in one thread (the language server's workers each build
their own), so nothing needs the lock; Python 3.12 dropped it as well.

Like ``cached_property``, ``lazy`` is a non-data descriptor: once the value
is in the instance dictionary, attribute look-ups find it there without
calling the descriptor, and ``del``/``__dict__.pop`` make it compute again.
"""

from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar, overload

T = TypeVar("T")


class lazy(Generic[T]):  # noqa: N801 (named like the decorator it replaces)
    """``@lazy`` over a method: computed on first access, then kept in the instance's ``__dict__``."""

    def __init__(self, func: Callable[[Any], T]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> "lazy[T]": ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
