"""``lint.model.lazy``: computed once per instance, kept in ``__dict__``, recomputed after a pop."""

from lint.model.lazy import lazy


class _Counted:
    def __init__(self):
        self.calls = 0

    @lazy
    def value(self) -> int:
        """The number of computations so far."""
        self.calls += 1
        return self.calls


def test_computed_once_and_kept_in_the_instance():
    obj = _Counted()
    assert obj.value == 1 and obj.value == 1
    assert obj.__dict__["value"] == 1 and obj.calls == 1


def test_released_value_is_computed_again():
    obj = _Counted()
    assert obj.value == 1
    obj.__dict__.pop("value")
    assert obj.value == 2


def test_instances_are_apart_and_the_class_gets_the_descriptor():
    a, b = _Counted(), _Counted()
    a.value
    assert "value" not in b.__dict__
    assert isinstance(_Counted.value, lazy) and _Counted.value.__doc__ == "The number of computations so far."


def test_an_assigned_value_wins():
    obj = _Counted()
    obj.__dict__["value"] = 7
    assert obj.value == 7 and obj.calls == 0
