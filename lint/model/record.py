"""A light base for plain record classes (what ``@dataclass`` would make, cheaper to create).

``@dataclass`` writes and ``exec``s the source of ``__init__``, ``__repr__`` and
``__eq__`` for every class when its module is imported: about 4 million
instructions a class, paid on every start of ``newslint`` (and it imports
``inspect``). A record class lists its field names in ``_fields`` and writes
its own ``__init__``; this base gives it what the dataclass gave: equality
between instances of the same class (field by field), no hash (the records
are mutable), a ``repr`` naming every field, and ``replace`` (the counterpart
of ``dataclasses.replace``: a shallow copy with some fields changed).

Immutable records are named tuples; ``named_tuple`` makes one from a class
body as ``typing.NamedTuple`` does, without its costly check of each annotation.
"""

from __future__ import annotations

import collections


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


#: Entries of a class body that are the class's own machinery, not copied onto the named tuple.
_MACHINERY = frozenset(("__module__", "__qualname__", "__dict__", "__weakref__", "__annotations__"))


def named_tuple(cls: type) -> type:
    """The class ``cls`` as a named tuple: what ``class C(typing.NamedTuple)`` makes
    (its annotated names the fields, in order; their values the defaults; its
    docstring and methods kept), for a sixth of the cost of creating it.

    ``typing.NamedTuple`` checks each field's annotation, and in a module with
    ``from __future__ import annotations`` that compiles every annotation's text
    (a ``ForwardRef``): about 1.3 million instructions a class, at every start of
    ``newslint``. The annotations are kept as the module wrote them (strings).
    """
    own = cls.__dict__
    annotations = own.get("__annotations__", {})
    names = tuple(annotations)
    defaults = [own[name] for name in names if name in own]
    if any(name in own for name in names[: len(names) - len(defaults)]):
        raise TypeError(f"{cls.__qualname__}: a field without a default follows one with a default")
    made = collections.namedtuple(cls.__name__, names, defaults=defaults, module=cls.__module__)
    for key, value in own.items():
        if key not in _MACHINERY and key not in annotations and not (key == "__doc__" and value is None):
            setattr(made, key, value)
    made.__qualname__ = cls.__qualname__
    made.__annotations__ = dict(annotations)
    return made
