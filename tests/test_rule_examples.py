"""Every documented example is a test: bad examples trigger their rule, good ones do not."""

from __future__ import annotations

import pytest

from lint import check_text
from lint.engine.core import Engine

RULES = Engine().all_rules


def _examples():
    for rule in RULES:
        for kind in ("bad", "good"):
            for i, text in enumerate(rule.examples[kind]):
                yield pytest.param(rule, kind, text, id=f"{rule.code}-{kind}-{i}")


@pytest.mark.parametrize("rule,kind,text", list(_examples()))
def test_documented_example(rule, kind, text, tmp_path):
    """Examples run with the rule's ``examples.configuration`` when it has one."""
    if rule.examples.get("configuration"):
        (tmp_path / "newslint.toml").write_text(rule.examples["configuration"], encoding="utf-8")
    codes = {d.code for d in check_text(text, tmp_path / f"example.{rule.example_format}")}
    if kind == "bad":
        assert rule.code in codes, f"{rule.code} bad example not reported: {text!r}"
    else:
        assert rule.code not in codes, f"{rule.code} good example reported: {text!r}"
