"""A light base for plain record classes (what ``@dataclass`` would make, cheaper to create).

``@dataclass`` writes and ``exec``s the source of ``__init__``, ``__repr__`` and
``__eq__`` for every class when its module is imported: about 4 million
instructions a class, paid on every start of ``newslint`` (and it imports
``inspect``). A record class lists its field names in ``_fields`` and writes
its own ``__init__``; this base gives it what the dataclass gave: equality
between instances of the same class (field by field), no hash (the records
are mutable), a ``repr`` naming every field, and ``replace`` (the counterpart
of ``dataclasses.replace``: a shallow copy with some fields changed).
"""

from __future__ import annotations


class Record:
    """Equality, ``repr`` and ``replace`` over the field names in ``_fields``."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    __hash__ = None  # mutable, like a dataclass with ``eq`` and without ``frozen``

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self._fields])

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{self.__class__.__qualname__}({shown})"

    def replace(self, **changes):
        """A copy with ``changes`` (field name to value); the other fields shared, as by ``dataclasses.replace``."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return self.__class__(**values)
