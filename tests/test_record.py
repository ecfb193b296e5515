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
