"""Rule files: parsed once, cached while unchanged, re-read when edited."""

import os

from lint.model.rulebook import load_pack

RULE = (
    'code = "HS001"\nname = "house-word"\nkind = "existence"\ncategory = "style"\nseverity = "{severity}"\n'
    'summary = "Hauswort"\nmessage = "„{{match}}“"\nwhy = "Hausstil."\n'
    '[examples]\nbad = ["Der Bundestag."]\ngood = ["Das Parlament."]\n'
)


def test_edited_rule_file_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "haus"
    pack.mkdir()
    rule = pack / "HS001.toml"
    rule.write_text(RULE.format(severity="info"), encoding="utf-8")
    assert str(load_pack(pack)[0].severity) == "info"
    assert str(load_pack(pack)[0].severity) == "info"  # from the cache
    rule.write_text(RULE.format(severity="error"), encoding="utf-8")
    stat = rule.stat()
    os.utime(rule, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert str(load_pack(pack)[0].severity) == "error"


def test_new_rule_file_is_seen(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "haus"
    pack.mkdir()
    (pack / "HS001.toml").write_text(RULE.format(severity="info"), encoding="utf-8")
    assert [r.code for r in load_pack(pack)] == ["HS001"]
    (pack / "HS002.toml").write_text(
        RULE.format(severity="info").replace("HS001", "HS002").replace("house-word", "house-word-two"), encoding="utf-8"
    )
    assert [r.code for r in load_pack(pack)] == ["HS001", "HS002"]
