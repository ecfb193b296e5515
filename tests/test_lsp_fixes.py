"""The language server's fix-all (``source.fixAll.newslint``) and "add to the
house vocabulary", with the real server process and the stdlib LSP client."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_lsp import Client, apply_edit, server_command

CONFIG = 'select = ["TR", "HY001"]\nvocabulary = ["woerter/haus.txt"]\n'


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lsp-fixes")
    (root / "newslint.toml").write_text(CONFIG, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def client(workdir):
    c = Client(server_command(), workdir)
    c.initialize(workdir)
    yield c
    assert c.stop() == 0


def test_fix_all_applies_every_safe_fix_and_nothing_in_quotes(client, workdir):
    text = "# Bilanz\n\nDer Umsatz stieg um 11,1% auf $600 Milliarden. „Es waren 12%“, sagte sie.\n"
    uri = client.open(workdir / "bilanz.md", text)
    client.diagnostics(uri)
    result = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
         "context": {"diagnostics": [], "only": ["source.fixAll.newslint"]}},
    )["result"]
    [action] = result
    assert action["kind"] == "source.fixAll.newslint"
    fixed = apply_edit(text, action["edit"], uri)
    assert "11,1 Prozent" in fixed and "600 Milliarden Dollar" in fixed
    assert "„Es waren 12%“" in fixed  # a quotation is never changed
    client.change(uri, 2, fixed)
    client.diagnostics(uri)
    again = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
         "context": {"diagnostics": [], "only": ["source.fixAll"]}},
    )["result"]
    assert again == []  # nothing left to fix
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


def test_add_to_vocabulary_writes_the_word_and_silences_it(client, workdir):
    text = "Satya Nadella leitet Microsoft. Später sprach Nadela über KI.\n"
    uri = client.open(workdir / "namen.md", text)
    names = [d for d in client.diagnostics(uri)["diagnostics"] if d["code"].startswith("TR")]
    [d] = [x for x in names if text[x["range"]["start"]["character"]:x["range"]["end"]["character"]] == "Nadela"]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}},
    )["result"]
    [add] = [a for a in actions if "Hausvokabular" in a["title"]]
    assert add["title"] == "„Nadela“ ins Hausvokabular aufnehmen"
    command = add["command"]
    reply = client.request("workspace/executeCommand", {"command": command["command"], "arguments": command["arguments"]})
    assert "ins Hausvokabular aufgenommen" in reply["result"]
    vocabulary = workdir / "woerter" / "haus.txt"
    assert vocabulary.read_text(encoding="utf-8").splitlines()[-1] == "Nadela"
    after = client.diagnostics(uri)["diagnostics"]
    assert not [x for x in after if x["code"] == d["code"] and x["range"] == d["range"]]
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)
