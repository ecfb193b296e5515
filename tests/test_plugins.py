"""Third-party plugins enter through the same entry points and hooks as the built-ins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind
from lint.plugins.registry import registry, registry_with

PLUGIN = '''
from pathlib import Path
from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind
from lint.formats import Format
from lint.readers import Reader
from lint.readers.plain import read_plain


class Shouting(Kind):
    """Reports words written in capitals only."""
    name = "shouting"
    defaults = {"min_length": 4}

    def check(self, doc):
        import re
        for m in re.finditer(r"\\b[A-ZÄÖÜ]{%d,}\\b" % self.options["min_length"], doc.prose):
            yield self.report(doc, m.start(), m.end())


@hookimpl
def register_kinds():
    return [Shouting]


@hookimpl
def register_packs():
    return [Path(__file__).parent / "shout_pack"]


@hookimpl
def register_formats():
    return [Format("codes", "codes only", lambda report: " ".join(d.code for d in report.diagnostics) + "\\n")]


@hookimpl
def register_readers():
    return [Reader("article", (".artikel",), read_plain)]
'''

RULE = '''
code = "SH001"
name = "shouting"
kind = "shouting"
category = "style"
severity = "error"
summary = "Großbuchstaben"
message = "„{match}“ ist in Großbuchstaben geschrieben."
why = "Großbuchstaben wirken wie Schreien."
[examples]
bad = ["Das ist WICHTIG."]
good = ["Das ist wichtig."]
'''


@pytest.fixture
def plugin_path(tmp_path):
    """An installed-looking distribution: a module plus dist-info with an entry point."""
    site = tmp_path / "site"
    (site / "shout_pack").mkdir(parents=True)
    (site / "newslint_shout.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    (site / "shout_pack" / "SH001.toml").write_text(RULE, encoding="utf-8")
    info = site / "newslint_shout-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newslint-shout\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[newslint]\nshout = newslint_shout\n", encoding="utf-8")
    return site


def run(plugin_path, *args, cwd):
    env = {**os.environ, "PYTHONPATH": str(plugin_path)}
    return subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_entry_point_plugin_end_to_end(plugin_path, tmp_path):
    (tmp_path / "a.artikel").write_text("Das ist WICHTIG und beispiellos.\n", encoding="utf-8")
    r = run(plugin_path, "check", "--format", "codes", "--select", "SH001,HY001", "a.artikel", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert r.stdout.split() == ["SH001", "HY001"]
    rules = run(plugin_path, "rules", cwd=tmp_path).stdout
    assert "SH001  shouting" in rules


def test_plugin_options_from_config(plugin_path, tmp_path):
    (tmp_path / "a.txt").write_text("Das ist WICHTIG.\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text("[rules.SH001]\nmin_length = 10\n", encoding="utf-8")
    r = run(plugin_path, "check", "--format", "json", "--select", "SH", "a.txt", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout) == []


def test_broken_plugin_is_one_error_line(tmp_path):
    site = tmp_path / "site"
    info = site / "broken-1.0.dist-info"
    info.mkdir(parents=True)
    (site / "newslint_broken.py").write_text("raise ImportError('kaputt')\n", encoding="utf-8")
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[newslint]\nbroken = newslint_broken\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ein beispielloser Erfolg.\n", encoding="utf-8")
    r = run(site, "check", "--format", "json", "--select", "HY001", "a.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "plugin 'broken' (newslint_broken) could not be loaded: kaputt" in r.stderr
    assert "Traceback" not in r.stderr
    assert [d["code"] for d in json.loads(r.stdout)] == ["HY001"]  # the other plugins still ran


class _Counter:
    """A plugin object registered on the plugin manager directly (embedding, tests)."""

    class Long(Kind):
        name = "long-word"
        defaults = {"length": 20}

        def check(self, doc):
            for t in doc.tokens:
                if len(t.text) >= self.options["length"]:
                    yield self.report(doc, t.start, t.end)

    @hookimpl
    def register_kinds(self):
        return [self.Long]


def test_registered_plugin_object_adds_a_kind():
    reg = registry_with(_Counter())
    assert "long-word" in reg.kinds
    assert set(registry().kinds) <= set(reg.kinds)


def test_builtins_are_registered_in_code_not_by_entry_point():
    from lint.plugins import builtin
    from lint.plugins.registry import installed_entry_points

    assert not [value for _, value in installed_entry_points() if value.startswith("lint.")]
    reg = registry()
    assert {"plain", "markdown", "html"} <= {r.name for r in reg.readers}
    assert {"full", "concise", "json"} <= set(reg.formats)
    assert set(builtin.MODULES) <= {reg.manager.get_name(p) for p in reg.manager.get_plugins()}


def _read_shouting(source):
    from lint.readers.plain import read_plain

    return read_plain(source.upper())


class _MarkdownReader:
    """A third-party reader for .md files."""

    def __init__(self, **marks):
        self.marks = marks

    def plugin(self):
        from lint.readers import Reader

        reader = Reader("my-markdown", (".md",), _read_shouting)

        class Plugin:
            @hookimpl(**self.marks)
            def register_readers(self):
                return [reader]

        return Plugin()


@pytest.mark.parametrize("marks,winner", [({"tryfirst": True}, "my-markdown"), ({}, "markdown"), ({"trylast": True}, "markdown")])
def test_tryfirst_reader_wins_its_extension(marks, winner):
    reg = registry_with(_MarkdownReader(**marks).plugin())
    assert reg.reader_for("artikel.md").name == winner
    assert reg.reader_for("artikel.txt").name == "plain"


def test_tryfirst_reader_is_used_by_the_engine():
    from lint.engine.core import Engine

    reg = registry_with(_MarkdownReader(tryfirst=True).plugin())
    doc = Engine(registry=reg).document("a.md", "Ein beispielloser Erfolg.\n")
    assert doc.prose.startswith("EIN BEISPIELLOSER")


class _Broken:
    @hookimpl
    def register_formats(self):
        raise RuntimeError("kaputt")


def test_a_hook_that_raises_is_one_error_and_the_rest_answer():
    reg = registry_with(_Broken())
    assert "json" in reg.formats
    [error] = reg.errors
    assert error.startswith("plugin ") and error.endswith(" failed in register_formats: kaputt")


class _Misspelt:
    @hookimpl
    def register_kindz(self):
        return []


def test_misspelt_hook_is_reported():
    reg = registry_with(_Misspelt())
    assert any("register_kindz" in e for e in reg.errors)


def test_plugin_installed_after_a_cached_run_is_found(plugin_path, tmp_path):
    """Nothing about the installed plugins is cached: a newly installed one is seen."""
    site = tmp_path / "later"
    site.mkdir()
    (tmp_path / "a.artikel").write_text("Das ist WICHTIG.\n", encoding="utf-8")
    env_run = lambda: run(site, "rules", cwd=tmp_path).stdout  # noqa: E731
    assert "SH001" not in env_run()
    for item in plugin_path.iterdir():  # "install" the plugin into the same folder
        item.rename(site / item.name)
    assert "SH001  shouting" in env_run()


class _WrongKinds:
    @hookimpl
    def register_kinds(self):
        return [42]


class _WrongReaders:
    @hookimpl
    def register_readers(self):
        return "kein Leser"


class _WrongFormats:
    @hookimpl
    def register_formats(self):
        return [None]


@pytest.mark.parametrize("plugin, hook, part", [
    (_WrongKinds, "register_kinds", "kinds"), (_WrongReaders, "register_readers", "readers"),
    (_WrongFormats, "register_formats", "formats"),
])
def test_a_hook_answering_the_wrong_type_is_one_error_and_the_rest_answer(plugin, hook, part):
    reg = registry_with(plugin())
    assert getattr(reg, part)  # the built-ins still answer
    [error] = reg.errors
    assert f"failed in {hook}: it must return a list of" in error


def test_a_plugin_failing_at_run_time_is_one_error_line_and_the_rest_run(plugin_path, tmp_path):
    module = plugin_path / "newslint_shout.py"
    code = module.read_text(encoding="utf-8")
    code = code.replace('return [Reader("article", (".artikel",), read_plain)]', 'return [Reader("article", (".artikel",), lambda s: 1 / 0)]')
    code = code.replace("yield self.report(doc, m.start(), m.end())", 'yield self.report(doc, m.start(), m.end())\n            raise KeyError("kaputt")')
    code = code.replace('lambda report: " ".join(d.code for d in report.diagnostics) + "\\n"', "lambda report: 1 / 0")
    module.write_text(code, encoding="utf-8")
    (tmp_path / "a.artikel").write_text("Das ist WICHTIG.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Das ist WICHTIG und beispiellos.\n", encoding="utf-8")
    r = run(plugin_path, "check", "--format", "json", "a.artikel", "b.txt", cwd=tmp_path)
    assert r.returncode == 2 and "internal error" not in r.stderr
    assert "a.artikel: reader 'article' (newslint_shout) failed: ZeroDivisionError" in r.stderr
    assert "rule SH001 (shouting, kind 'shouting' from newslint_shout) failed: KeyError" in r.stderr
    assert {d["code"] for d in json.loads(r.stdout)} >= {"HY001", "SH001"}  # b.txt linted by the rest
    r = run(plugin_path, "check", "--format", "codes", "b.txt", cwd=tmp_path)
    assert r.returncode == 2 and "format 'codes' (newslint_shout) failed: ZeroDivisionError" in r.stderr
