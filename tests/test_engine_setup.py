"""A kind gets its severity, configuration, selection and vocabulary in its
constructor (``KindSetup``); what travelled in ``Diagnostic.extra`` has typed fields."""

from lint.engine.core import Engine
from lint.kinds.base import Kind, KindSetup
from lint.model.config import load_config
from lint.model.diagnostics import Severity
from lint.plugins.hookspecs import hookimpl
from lint.plugins.registry import registry_with

RULE = """\
code = "{code}"
name = "{name}"
kind = "{kind}"
category = "style"
severity = "warning"
summary = "Test"
message = "„{{match}}“"
why = "Test."
[examples]
bad = ["Das Wort."]
good = ["Nichts."]
"""


class _Kinds:
    class Probe(Kind):
        """Reads its setup in the constructor, where it must already be there."""

        name = "setup-probe"

        def __init__(self, rule, options, setup=None):
            super().__init__(rule, options, setup)
            self.seen = (self.severity, self.config, self.selection, self.vocabulary)

        def check(self, doc):
            yield self.report(doc, 0, 3)

    class Legacy(Kind):
        """A third-party kind written before ``KindSetup`` (rule and options only)."""

        name = "legacy-kind"

        def __init__(self, rule, options):
            super().__init__(rule, options)

        def check(self, doc):
            d = self.report(doc, 4, 8)
            d.extra["scope"] = "document"  # the old way of saying it
            yield d

    @hookimpl
    def register_kinds(self):
        return [self.Probe, self.Legacy]


def engine(tmp_path):
    pack = tmp_path / "xpack"
    pack.mkdir()
    (pack / "XA001.toml").write_text(RULE.format(code="XA001", name="probe", kind="setup-probe"), encoding="utf-8")
    (pack / "XA002.toml").write_text(RULE.format(code="XA002", name="legacy", kind="legacy-kind"), encoding="utf-8")
    config = tmp_path / "newslint.toml"
    config.write_text('packs = ["xpack"]\nselect = ["XA"]\n[rules.XA001]\nseverity = "error"\n', encoding="utf-8")
    registry = registry_with(_Kinds())
    return Engine(load_config(config, registry.settings), registry=registry)


def test_setup_arrives_in_the_constructor(tmp_path):
    e = engine(tmp_path)
    probe = next(k for k in e.kinds if k.rule.code == "XA001")
    severity, config, selection, vocabulary = probe.seen
    assert severity == Severity.ERROR and config is e.config and vocabulary is e.vocabulary
    assert selection.select == ["XA"] and selection.ignore == []


def test_a_kind_built_alone_has_the_rules_severity(tmp_path):
    e = engine(tmp_path)
    probe = next(k for k in e.kinds if k.rule.code == "XA001")
    alone = _Kinds.Probe(probe.rule, probe.options)
    assert alone.severity == Severity.WARNING and alone.config is None and alone.selection.select is None
    assert _Kinds.Probe(probe.rule, probe.options, KindSetup(severity=Severity.INFO)).severity == Severity.INFO


def test_legacy_kind_and_extra_keys_still_work(tmp_path):
    e = engine(tmp_path)
    found = {d.code: d for d in e.lint("a.txt", "Das Wort steht hier.")}
    legacy = found["XA002"]
    assert legacy.severity == Severity.WARNING and legacy.scope == "document" and "scope" not in legacy.extra
    assert found["XA001"].severity == Severity.ERROR and found["XA001"].scope == "span"


def test_an_absolute_file_name_keeps_its_engine_until_the_configuration_changes(tmp_path, monkeypatch):
    from lint.engine.core import Workspace

    monkeypatch.chdir(tmp_path)
    workspace = Workspace()
    name = str(tmp_path / "a.txt")
    first = workspace.engine_for_file(name)
    assert workspace.engine_for_file(name) is first  # asked again in the same run: remembered
    assert workspace.engine_for_file("a.txt") is first  # a relative name: the same folder, the same engine
    (tmp_path / "newslint.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    workspace.forget(tmp_path / "newslint.toml")
    second = workspace.engine_for_file(name)
    assert second is not first and second.config.file == tmp_path / "newslint.toml"
