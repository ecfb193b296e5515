"""The text-pattern kind's first use: patterns compiled when a document first needs them."""

import pytest

from conftest import SEEDS


def test_patterns_compiled_on_first_need_and_a_bad_one_said_on_first_use():
    """With the lines' needs stored, a pattern is compiled only for a document that meets
    its needs; without them (a cold cache) every pattern is compiled on first use, so
    that a bad line is the rule's configuration error as before."""
    from lint.engine.core import Workspace
    from lint.kinds.text_pattern import TextPattern
    from lint.model.errors import ConfigError

    engine = Workspace().engine_for(SEEDS / "any.txt")
    rule = next(k.rule for k in engine.kinds if isinstance(k, TextPattern))
    lines = [r"(?#words:erinnere)[Ii]ch erinnere (?:das|den)(?![\w-])", r"Die Kommentare sind geschlossen\."]
    options = {**TextPattern.defaults, "patterns": lines}
    TextPattern(rule, options).index  # noqa: B018 - stores the needs (or finds them stored)
    kind = TextPattern(rule, options)
    doc = engine.document("a.txt", "Ich erinnere das gut.")
    assert [doc.prose[d.start : d.end] for d in kind.check(doc)] == ["Ich erinnere das"]
    assert kind._patterns[0] is not None and kind._patterns[1] is None  # the second line's needs are not met
    bad = TextPattern(rule, {**TextPattern.defaults, "patterns": [r"kaputt (?:offen"]})
    with pytest.raises(ConfigError, match="bad pattern"):
        list(bad.check(doc))


def test_the_shape_of_stored_needs_is_checked():
    """A stored value of another shape is no value: read afresh instead."""
    from lint.kinds.text_pattern import _stored_needs

    ok = [[(("abc",), ("w",), None), (("x", "y"), None, (" in",))], []]
    assert _stored_needs(ok, 2) and _stored_needs([], 0) and _stored_needs([[]], 1)
    bad = [
        (ok[:1], 2), ("x", 1), ([[("abc",), None, None]], 1), ([[(("abc",), None)]], 1), ([[(("abc",), "w", None)]], 1),
        ([[(("abc",), None, [" in"])]], 1), ([[((1,), None, None)]], 1), ([[(("a",), (None,), None)]], 1),
        ([(("a",), None, None)], 1), ([[[("a",), None, None]]], 1), ([[("abc", None, None)]], 1),
    ]
    for value, lines in bad:
        assert not _stored_needs(value, lines), value
