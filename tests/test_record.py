"""``lint.model.record``: the light records that replaced dataclasses and typing.NamedTuple
on the start-up path keep what those gave (fields, equality, repr, copies, defaults)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing

import pytest

import lint
from lint.model.record import Record, named_tuple


class Point(Record):
    __slots__ = ("x", "y", "tags")
    _fields = ("x", "y", "tags")

    def __init__(self, x: int, y: int = 0, tags: list | None = None):
        self.x, self.y = x, y
        self.tags = [] if tags is None else tags


class Other(Point):
    __slots__ = ()


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        (Point(1, 2), Point(1, 2), True),
        (Point(1, 2), Point(1, 3), False),
        (Point(1, tags=["a"]), Point(1, tags=["a"]), True),
        (Point(1, 2), Other(1, 2), False),  # another class is never equal, as with dataclasses
        (Point(1, 2), (1, 2, []), False),
    ],
)
def test_equality_is_field_by_field_within_one_class(a, b, equal):
    assert (a == b) is equal


def test_repr_replace_and_no_hash():
    p = Point(1, 2, ["x"])
    assert repr(p) == "Point(x=1, y=2, tags=['x'])"
    q = p.replace(y=5)
    assert (q.x, q.y) == (1, 5) and q.tags is p.tags  # a shallow copy, as dataclasses.replace
    assert p.y == 2
    with pytest.raises(TypeError):
        hash(p)  # mutable records are unhashable, like a dataclass with eq and without frozen


def _records():
    for info in pkgutil.walk_packages(lint.__path__, "lint."):
        if info.name.endswith("__main__") or info.name.startswith(("lint.web", "lint.lsp", "lint.audit")):
            continue
        importlib.import_module(info.name)
    todo, found = [Record], []
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return [c for c in found if c.__module__.startswith("lint.")]


@pytest.mark.parametrize("cls", _records(), ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_every_record_lists_the_fields_its_constructor_takes(cls):
    """``_fields`` drives equality, repr and replace: a field left out of it would be
    ignored by all three, silently."""
    parameters = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
    assert list(cls._fields) == parameters


@named_tuple
class Span:
    """A span of text."""

    start: int
    end: int
    label: str = ""

    def length(self) -> int:
        return self.end - self.start


class TypedSpan(typing.NamedTuple):
    """A span of text."""

    start: int
    end: int
    label: str = ""

    def length(self) -> int:
        return self.end - self.start


def test_named_tuple_makes_what_typing_named_tuple_makes():
    made, typed = Span(1, 4), TypedSpan(1, 4)
    assert Span._fields == TypedSpan._fields and Span._field_defaults == TypedSpan._field_defaults
    assert tuple(made) == tuple(typed) and made.length() == typed.length() == 3
    assert repr(made) == "Span(start=1, end=4, label='')"
    assert made._replace(label="x") == (1, 4, "x") and hash(made) == hash((1, 4, ""))
    assert Span.__doc__ == "A span of text." and Span.__qualname__ == "Span"


def test_named_tuple_refuses_a_field_without_default_after_one_with_default():
    with pytest.raises(TypeError, match="without a default"):

        @named_tuple
        class Broken:
            a: int = 0
            b: int


@pytest.mark.parametrize(("names", "defaults"), [
    (("start",), None), (("start",), [0]), (("start", "end", "label"), []), (("start", "end", "label"), [""]),
    (("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"), [1, 2]),
])
def test_tuple_class_makes_what_collections_namedtuple_makes(names, defaults):
    import collections
    import copy
    import pickle

    from lint.model.record import tuple_class

    made = tuple_class("Probe", names, defaults=defaults, module=__name__)
    model = collections.namedtuple("Probe", names, defaults=defaults, module=__name__)
    for attribute in ("__doc__", "__slots__", "_fields", "_field_defaults", "__match_args__", "__module__", "__name__"):
        assert getattr(made, attribute) == getattr(model, attribute), attribute
    for method in ("__new__", "_replace", "__repr__", "_asdict", "__getnewargs__"):
        ours, theirs = getattr(made, method), getattr(model, method)
        assert (ours.__name__, ours.__qualname__, ours.__doc__, ours.__defaults__) == (
            theirs.__name__, theirs.__qualname__, theirs.__doc__, theirs.__defaults__), method
    assert made.__new__.__module__ == model.__new__.__module__  # the methods' own: lint.model.record, not collections
    assert made._make.__doc__ == model._make.__doc__ and made._make.__qualname__ == model._make.__qualname__
    assert inspect.signature(made) == inspect.signature(model)
    assert [made.__dict__[n].__doc__ for n in names] == [model.__dict__[n].__doc__ for n in names]
    values = list(range(len(names)))
    ours, theirs = made(*values), model(*values)
    assert ours == theirs and repr(ours) == repr(theirs) and ours._asdict() == theirs._asdict()
    assert [getattr(ours, n) for n in names] == values and made(**dict(zip(names, values))) == ours
    assert ours._replace(**{names[0]: "x"}) == theirs._replace(**{names[0]: "x"})
    assert copy.copy(ours) == ours and made._make(values) == ours
    globals()["Probe"] = made  # pickle finds the class by module and name
    assert pickle.loads(pickle.dumps(ours)) == ours
    for call in (lambda cls: cls(), lambda cls: cls(*values, 99), lambda cls: cls._make([]),
                 lambda cls: cls(*values)._replace(nope=1)):
        assert _outcome(call, made) == _outcome(call, model)


def _outcome(call, cls):
    """What ``call(cls)`` gives: its value's repr, or its exception's type and message."""
    try:
        return repr(call(cls))
    except Exception as exc:  # noqa: BLE001 - compared, not handled
        return type(exc), str(exc)


def test_tuple_class_refuses_what_collections_namedtuple_refuses():
    from lint.model.record import tuple_class

    with pytest.raises(ValueError):
        tuple_class("Probe", ("_hidden",))
    with pytest.raises(ValueError):
        tuple_class("Probe", ("a", "a"))
    with pytest.raises(TypeError):
        tuple_class("Probe", ("a",), defaults=[1, 2])


def test_new_code_is_compiled_with_the_module_up_to_twelve_fields(monkeypatch):
    """``__new__``'s code for 1 to 12 fields comes from ``_NEW_LAMBDAS`` (no ``eval`` at
    start) and is what ``eval`` of namedtuple's lambda gives; more fields still work."""
    from lint.model import record

    def refuse(*args):
        raise AssertionError("eval called")

    record._new_code.cache_clear()
    monkeypatch.setattr(record, "eval", refuse, raising=False)
    try:
        for n in range(1, 13):
            ours = record._new_code(n)
            arg_list = ", ".join(f"_{i}" for i in range(n)) + ("," if n == 1 else "")
            theirs = eval(f"lambda _cls, {arg_list}: _tuple_new(_cls, ({arg_list}))", {"_tuple_new": tuple.__new__}).__code__
            for attribute in ("co_code", "co_names", "co_consts", "co_varnames", "co_argcount", "co_filename",
                              "co_firstlineno", "co_name", "co_qualname", "co_stacksize"):
                assert getattr(ours, attribute) == getattr(theirs, attribute), (n, attribute)
        with pytest.raises(AssertionError, match="eval called"):
            record._new_code(13)
    finally:
        record._new_code.cache_clear()
    monkeypatch.undo()
    names = tuple(f"f{i}" for i in range(13))
    assert record.tuple_class("Wide", names)(*range(13)).f12 == 12
