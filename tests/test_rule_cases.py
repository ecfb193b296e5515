"""Table-driven cases per rule: ``tests/rules/<CODE>.toml`` (see README, Development).

Each ``[[invalid]]`` case lists the spans this rule must report (and only
those); each ``[[valid]]`` case must give no diagnostic of this rule.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from conftest import apply_fixes, span_of
from lint import check_text

CASES = Path(__file__).parent / "rules"


def _cases():
    for file in sorted(CASES.glob("*.toml")):
        code = file.stem
        data = tomllib.loads(file.read_text(encoding="utf-8"))
        for kind in ("invalid", "valid"):
            for i, case in enumerate(data.get(kind, [])):
                yield pytest.param(code, kind, case, id=f"{code}-{kind}-{i}")


def _lint(code: str, case: dict, tmp_path: Path):
    """A case may give a configuration (``config``, TOML) for the folder it is linted in."""
    path = tmp_path / case.get("path", "case.txt")
    if "config" in case:
        (tmp_path / "newslint.toml").write_text(case["config"], encoding="utf-8")
    return [
        d
        for d in check_text(case["text"], path, select=case.get("select", [code]))
        if d.code == code
    ]


@pytest.mark.parametrize("code,kind,case", list(_cases()))
def test_rule_case(code, kind, case, tmp_path):
    found = _lint(code, case, tmp_path)
    if kind == "valid":
        assert found == [], [(span_of(d), d.message) for d in found]
        return
    assert [span_of(d) for d in found] == case["spans"], [(span_of(d), d.message) for d in found]
    if "severity" in case:
        assert {str(d.severity) for d in found} == {case["severity"]}
    if "messages" in case:
        assert [d.message for d in found] == case["messages"]
    if "fixed" in case:
        assert apply_fixes(case["text"], found) == case["fixed"]
        _check_fix_engine(code, case, tmp_path)


def _check_fix_engine(code: str, case: dict, tmp_path: Path) -> None:
    """``check --fix --unsafe-fixes`` (the real fixing, in rounds) gives the case's
    fixed text for this rule, and a second run changes nothing."""
    from lint.engine.core import Selection, Workspace
    from lint.engine.fixes import fix_document

    path = tmp_path / case.get("path", "case.txt")
    engine = Workspace(None, Selection(select=case.get("select", [code]))).engine_for(path)
    once = fix_document(engine, str(path), case["text"], unsafe=True)
    assert once.text == case["fixed"]
    assert fix_document(engine, str(path), once.text, unsafe=True).applied == 0


def test_every_rule_has_cases():
    from lint.engine.core import Engine

    missing = [r.code for r in Engine().all_rules if not (CASES / f"{r.code}.toml").is_file()]
    assert missing == [], f"rules without tests/rules/<CODE>.toml: {missing}"
