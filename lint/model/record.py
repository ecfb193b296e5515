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
body as ``typing.NamedTuple`` does, without its costly check of each annotation,
and builds the class as ``collections.namedtuple`` does without compiling source
for each one (``tuple_class``).
"""

from __future__ import annotations

import sys
import types
from collections import _tuplegetter  # the C field accessor collections.namedtuple uses (or its fallback)
from functools import cache


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
    made = tuple_class(cls.__name__, names, defaults=defaults, module=cls.__module__)
    for key, value in own.items():
        if key not in _MACHINERY and key not in annotations and not (key == "__doc__" and value is None):
            setattr(made, key, value)
    made.__qualname__ = cls.__qualname__
    made.__annotations__ = dict(annotations)
    return made


def tuple_class(typename: str, field_names: tuple[str, ...], *, defaults=None, module: str | None = None) -> type:
    """``collections.namedtuple(typename, field_names, defaults=defaults, module=module)``
    (field names that are identifiers, not keywords), made the same way but for
    ``__new__``: ``namedtuple`` compiles the source of a lambda for each class
    (``eval``: more than half of its cost, 0.24 million instructions, paid for each
    of the 50-odd record types imported at every start of ``newslint``); here the
    lambda of the same number of fields is compiled once and its code object given
    the field names (``_new_code``). ``tests/test_record.py`` compares the two."""
    typename = sys.intern(str(typename))
    field_names = tuple(map(sys.intern, field_names))
    for name in field_names:
        if name.startswith("_"):
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
    if len(set(field_names)) != len(field_names):
        raise ValueError(f"Encountered duplicate field name in {field_names!r}")
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(field_names[len(field_names) - len(defaults):], defaults))
    num_fields = len(field_names)
    arg_list = ", ".join(field_names) + ("," if num_fields == 1 else "")
    repr_fmt = "(" + ", ".join(f"{name}=%r" for name in field_names) + ")"
    tuple_new = tuple.__new__
    _dict, _tuple, _len, _map, _zip = dict, tuple, len, map, zip

    new_globals = {"_tuple_new": tuple_new, "__builtins__": {}, "__name__": f"namedtuple_{typename}"}
    __new__ = types.FunctionType(_new_code(num_fields).replace(co_varnames=("_cls", *field_names)), new_globals, "__new__", defaults)
    __new__.__doc__ = f"Create new instance of {typename}({arg_list})"

    @classmethod
    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if _len(result) != num_fields:
            raise TypeError(f"Expected {num_fields} arguments, got {len(result)}")
        return result

    _make.__func__.__doc__ = f"Make a new {typename} object from a sequence or iterable"

    def _replace(self, /, **kwds):
        result = self._make(_map(kwds.pop, field_names, self))
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return result

    _replace.__doc__ = f"Return a new {typename} object replacing specified fields with new values"

    def __repr__(self):
        "Return a nicely formatted representation string"
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        "Return a new dict which maps field names to their values."
        return _dict(_zip(self._fields, self))

    def __getnewargs__(self):
        "Return self as a plain tuple.  Used by copy and pickle."
        return _tuple(self)

    for method in (__new__, _make.__func__, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = f"{typename}.{method.__name__}"
    class_namespace = {
        "__doc__": f"{typename}({arg_list})",
        "__slots__": (),
        "_fields": field_names,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": field_names,
    }
    for index, name in enumerate(field_names):
        class_namespace[name] = _tuplegetter(index, sys.intern(f"Alias for field number {index}"))
    result = type(typename, (tuple,), class_namespace)
    if module is None:
        module = sys._getframe(1).f_globals.get("__name__", "__main__")
    result.__module__ = module
    return result


#: The name ``__new__``'s code calls (``tuple_class`` gives each ``__new__`` its own
#: globals, as ``namedtuple`` does); defined here for the lambdas below.
_tuple_new = tuple.__new__

#: ``namedtuple``'s ``__new__`` lambda for 1 to 12 fields, compiled with this module: its
#: ``eval`` compiled one for each number of fields at start (about 0.27 million
#: instructions each, six of them on every run), where unmarshalling these costs little.
_NEW_LAMBDAS = (
    lambda _cls, _0: _tuple_new(_cls, (_0,)),
    lambda _cls, _0, _1: _tuple_new(_cls, (_0, _1)),
    lambda _cls, _0, _1, _2: _tuple_new(_cls, (_0, _1, _2)),
    lambda _cls, _0, _1, _2, _3: _tuple_new(_cls, (_0, _1, _2, _3)),
    lambda _cls, _0, _1, _2, _3, _4: _tuple_new(_cls, (_0, _1, _2, _3, _4)),
    lambda _cls, _0, _1, _2, _3, _4, _5: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5)),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6)),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6, _7)),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8)),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9)),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10)),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11)),
)


@cache
def _new_code(num_fields: int) -> types.CodeType:
    """The code of ``collections.namedtuple``'s ``__new__`` for ``num_fields`` fields,
    with placeholder parameter names (``tuple_class`` puts the field names in): the
    lambda of ``_NEW_LAMBDAS`` as ``eval`` would have made it (``<string>``, line 1),
    or compiled by ``eval`` for more fields."""
    if 1 <= num_fields <= len(_NEW_LAMBDAS):
        return _NEW_LAMBDAS[num_fields - 1].__code__.replace(co_filename="<string>", co_firstlineno=1)
    arg_list = ", ".join(f"_{i}" for i in range(num_fields)) + ("," if num_fields == 1 else "")
    return eval(f"lambda _cls, {arg_list}: _tuple_new(_cls, ({arg_list}))", {"_tuple_new": tuple.__new__}).__code__
