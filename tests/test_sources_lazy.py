"""The sources kinds read their word lists on first use, not when they are built."""

from __future__ import annotations

import pytest

from lint import check_text
from lint.model.config import load_config
from lint.engine.core import Engine, Selection
from lint.model.errors import ConfigError
from lint.plugins.registry import registry

TEXT = "Nvidia verlor 600 Milliarden Dollar.\n\nExperten warnen vor weiteren Verlusten.\n"
EXPECTED = [("SO001", "600 Milliarden Dollar"), ("SO002", "Experten")]


def _engine(tmp_path, config: str) -> Engine:
    (tmp_path / "broken").mkdir(exist_ok=True)
    cfg = tmp_path / "broken" / "newslint.toml"
    cfg.write_text(config, encoding="utf-8")
    return Engine(load_config(cfg, registry().settings), Selection.from_options("SO", None))


def _codes(text, found):
    return [(d.code, text[d.start : d.end]) for d in found]


@pytest.mark.parametrize("code, option", [("SO001", "cues"), ("SO002", "vague"), ("SO003", "records")])
def test_a_missing_word_list_is_a_config_error_when_the_rule_runs_not_when_it_is_built(tmp_path, code, option):
    engine = _engine(tmp_path, f'[rules.{code}]\n{option} = ["data/no-such-list.txt"]\n')  # builds the kinds: no error
    with pytest.raises(ConfigError, match="no-such-list"):
        engine.lint("a.txt", TEXT)


def test_a_broken_configuration_does_not_affect_a_later_run(tmp_path):
    broken = _engine(tmp_path, '[rules.SO002]\nvague = ["data/no-such-list.txt"]\n')
    with pytest.raises(ConfigError):
        broken.lint("a.txt", TEXT)
    _engine(tmp_path, '[rules.SO001]\nscales = ["data/no-such-list.txt"]\n')  # built, never run
    _engine(tmp_path, '[rules.SO002]\nvague = ["data/no-such-list.txt"]\n')  # built, never run
    assert _codes(TEXT, check_text(TEXT, tmp_path / "b.txt", select=["SO"])) == EXPECTED
