"""End-to-end tests of ``newslint lsp``: the real server process, driven over
stdio by a small stdlib LSP client (JSON-RPC with Content-Length framing).

Positions are checked against an independent UTF-16/UTF-8/UTF-32 computation
(``encode`` the prefix), with umlauts, „“ and emoji in front of the finding.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 15.0

# A house pack with a fixable rule (substitution), so the fix action can be tested.
HOUSE_RULE = """\
code = "HA001"
name = "house-phone"
kind = "substitution"
category = "style"
severity = "info"
summary = "Hausstil: „Mobiltelefon“ statt „Handy“"
message = "„{match}“: Im Hausstil heißt es „{suggestion}“."
why = "Der Hausstil schreibt „Mobiltelefon“."

[examples]
bad = ["Sie zückte ihr Handy."]
good = ["Sie zückte ihr Mobiltelefon."]

[options]
words = ["Handy => Mobiltelefon"]
"""
CONFIG = 'select = ["HY001", "NL001", "HA001"]\npacks = ["hauspack"]\n'


# ----- a small LSP client -------------------------------------------------
class Client:
    def __init__(self, args: list[str], cwd: Path, env: dict | None = None):
        self.proc = subprocess.Popen(
            args, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        self.messages: queue.Queue[dict] = queue.Queue()
        self.seen: list[dict] = []  # every notification read so far
        self.lock = threading.Lock()
        self.next_id = 0
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self.stderr += line

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, value = line.split(":", 1)
                headers[key.lower()] = value.strip()
            message = json.loads(out.read(int(headers["content-length"])).decode("utf-8"))
            if "method" in message and "id" in message:  # a request from the server
                self.send_raw(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": None}).encode())
            self.messages.put(message)

    def send_raw(self, body: bytes):
        with self.lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def send(self, method: str, params, *, notify: bool = False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if not notify:
            self.next_id += 1
            message["id"] = self.next_id
        self.send_raw(json.dumps(message).encode("utf-8"))
        return message.get("id")

    def notify(self, method: str, params):
        self.send(method, params, notify=True)

    def wait(self, predicate, timeout: float = TIMEOUT) -> dict:
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no matching message within {timeout} s; stderr:\n{self.stderr.decode()}")
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            self.seen.append(message)
            if predicate(message):
                return message

    def request(self, method: str, params, timeout: float = TIMEOUT) -> dict:
        i = self.send(method, params)
        return self.wait(lambda m: m.get("id") == i and "method" not in m, timeout)

    def diagnostics(self, uri: str, timeout: float = TIMEOUT) -> dict:
        """The next publishDiagnostics for ``uri`` (its params)."""
        return self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri, timeout
        )["params"]

    def initialize(self, root: Path, encodings: list[str] | None = None, watch: bool = True) -> dict:
        caps = {
            "textDocument": {
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
                "publishDiagnostics": {"versionSupport": True},
            },
            "workspace": {
                "workspaceEdit": {"documentChanges": True},
                "didChangeWatchedFiles": {"dynamicRegistration": watch},
            },
        }
        if encodings:
            caps["general"] = {"positionEncodings": encodings}
        result = self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": caps})
        self.notify("initialized", {})
        return result["result"]

    def open(self, path: Path, text: str, language: str = "markdown", version: int = 1) -> str:
        uri = path.as_uri() if isinstance(path, Path) else path
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}})
        return uri

    def change(self, uri: str, version: int, text: str | None = None, *, range_: dict | None = None, new: str = ""):
        change = {"text": text} if range_ is None else {"range": range_, "text": new}
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})

    def stop(self) -> int:
        try:
            self.request("shutdown", None, timeout=5)
            self.notify("exit", None)
            return self.proc.wait(5)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


def server_command() -> list[str]:
    return [sys.executable, "-m", "lint", "lsp"]


# ----- independent position arithmetic for the assertions -------------------
def units(text: str, encoding: str) -> int:
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text)


def offset_of(text: str, pos: dict, encoding: str = "utf-16") -> int:
    lines = text.splitlines(keepends=True)
    before = sum(len(l) for l in lines[: pos["line"]])
    line = lines[pos["line"]] if pos["line"] < len(lines) else ""
    for i in range(len(line) + 1):
        if units(line[:i], encoding) >= pos["character"]:
            return before + i
    return before + len(line)


def apply_edit(text: str, workspace_edit: dict, uri: str, encoding: str = "utf-16") -> str:
    if "documentChanges" in workspace_edit and workspace_edit["documentChanges"]:
        edits = [e for dc in workspace_edit["documentChanges"] if dc["textDocument"]["uri"] == uri for e in dc["edits"]]
    else:
        edits = workspace_edit["changes"][uri]
    spans = [(offset_of(text, e["range"]["start"], encoding), offset_of(text, e["range"]["end"], encoding), e["newText"]) for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def position_of(text: str, needle: str, encoding: str = "utf-16") -> dict:
    at = text.index(needle)
    line = text.count("\n", 0, at)
    line_start = text.rfind("\n", 0, at) + 1
    return {"line": line, "character": units(text[line_start:at], encoding)}


# ----- fixtures --------------------------------------------------------------
@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lsp")
    (root / "newslint.toml").write_text(CONFIG, encoding="utf-8")
    (root / "hauspack").mkdir()
    (root / "hauspack" / "HA001.toml").write_text(HOUSE_RULE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def client(workdir):
    c = Client(server_command(), workdir)
    result = c.initialize(workdir)
    assert result["capabilities"]["positionEncoding"] == "utf-16"
    assert result["serverInfo"]["name"] == "newslint"
    yield c
    assert c.stop() == 0


# ----- tests -------------------------------------------------------------------
TEXT = "# Entwurf\n\n„Größte 😀 Freude“ – ein beispielloser Erfolg für die Firma.\n"


def hype(params: dict) -> list[dict]:
    return [d for d in params["diagnostics"] if d["code"] == "HY001"]


def test_open_change_close_with_utf16_positions(client, workdir):
    uri = client.open(workdir / "entwurf.md", TEXT)
    params = client.diagnostics(uri)
    assert params["version"] == 1
    [d] = hype(params)
    start = position_of(TEXT, "beispielloser")
    # 24 code points before the word; the emoji is two UTF-16 units
    assert start == {"line": 2, "character": 25}
    assert d["range"]["start"] == start
    assert d["range"]["end"] == {"line": 2, "character": 25 + len("beispielloser")}
    assert d["source"] == "newslint"
    assert d["severity"] == 2  # warning
    assert "„beispielloser“" in d["message"]
    href = d["codeDescription"]["href"]
    assert href.startswith("file://") and href.endswith("/HY001.toml")

    # An incremental change addressed in UTF-16 units replaces the word.
    end = {"line": 2, "character": 25 + len("beispielloser")}
    client.change(uri, 2, range_={"start": start, "end": end}, new="großer")
    params = client.diagnostics(uri)
    assert params["version"] == 2 and params["diagnostics"] == []

    # A full change brings it back, after more emoji in front.
    text3 = TEXT.replace("Freude“", "Freude 🎉🎉“")
    client.change(uri, 3, text3)
    [d] = hype(client.diagnostics(uri))
    assert d["range"]["start"] == {"line": 2, "character": 25 + 5}

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri)["diagnostics"] == []


def test_debounce_publishes_once_for_a_burst_of_changes(client, workdir):
    uri = client.open(workdir / "burst.md", "Ein Satz.\n")
    assert client.diagnostics(uri)["diagnostics"] == []
    text = "Ein Satz."
    for version, word in enumerate([" Ein", " beispiel", "loser", " Erfolg."], start=2):
        text += word
        client.change(uri, version, text + "\n")
    params = client.diagnostics(uri)
    assert params["version"] == 5  # the intermediate versions were never linted
    assert len(hype(params)) == 1
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


def test_hover_shows_rule_docs(client, workdir):
    uri = client.open(workdir / "hover.md", TEXT)
    [d] = hype(client.diagnostics(uri))
    pos = dict(d["range"]["start"], character=d["range"]["start"]["character"] + 3)
    result = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})["result"]
    contents = result["contents"]
    assert contents["kind"] == "markdown"
    assert f"## HY001 `{d['data']['rule']}`" in contents["value"]  # rule.docs() heading
    assert "„beispielloser“" in contents["value"]
    assert "Schlecht:" in contents["value"] and "Besser:" in contents["value"]
    assert result["range"] == d["range"]
    # No diagnostic under the cursor: no hover.
    nothing = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}})
    assert nothing["result"] is None
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


def code_actions(client, uri, diagnostic):
    return client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}},
    )["result"]


def test_code_action_disable_for_line_markdown(client, workdir):
    text = "Zitat:\n\n  - „Größte 😀 Freude“ über den beispiellosen Erfolg.\n"
    uri = client.open(workdir / "disable.md", text)
    [d] = hype(client.diagnostics(uri))
    actions = code_actions(client, uri, d)
    [disable] = [a for a in actions if "unterdrücken" in a["title"]]
    assert disable["title"] == "HY001 für diese Zeile unterdrücken"
    assert disable["kind"] == "quickfix"
    assert disable["diagnostics"][0]["code"] == "HY001"
    assert disable["edit"]["documentChanges"][0]["textDocument"]["version"] == 1
    fixed = apply_edit(text, disable["edit"], uri)
    assert fixed == "Zitat:\n\n  <!-- newslint-disable-next-line HY001 -->\n  - „Größte 😀 Freude“ über den beispiellosen Erfolg.\n"
    client.change(uri, 2, fixed)
    assert client.diagnostics(uri)["diagnostics"] == []  # suppressed, and the directive is used (no NL001)
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


def test_code_action_disable_plain_text_and_existing_directive(client, workdir):
    text = "Erste Zeile.\n<!-- newslint-disable-next-line HA001 -->\nDas Handy war ein beispielloser Erfolg.\n"
    uri = client.open(workdir / "notiz.txt", text, language="plaintext")
    [d] = hype(client.diagnostics(uri))
    [disable] = [a for a in code_actions(client, uri, d) if "unterdrücken" in a["title"]]
    fixed = apply_edit(text, disable["edit"], uri)
    # The code joins the directive already standing above the line.
    assert fixed == "Erste Zeile.\n<!-- newslint-disable-next-line HA001 HY001 -->\nDas Handy war ein beispielloser Erfolg.\n"
    client.change(uri, 2, fixed)
    assert client.diagnostics(uri)["diagnostics"] == []

    plain = "Ein beispielloser Erfolg.\n"
    client.change(uri, 3, plain)
    [d] = hype(client.diagnostics(uri))
    [disable] = [a for a in code_actions(client, uri, d) if "unterdrücken" in a["title"]]
    fixed = apply_edit(plain, disable["edit"], uri)
    assert fixed == "<!-- newslint-disable-next-line HY001 -->\nEin beispielloser Erfolg.\n"
    client.change(uri, 4, fixed)
    assert client.diagnostics(uri)["diagnostics"] == []
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


def test_code_action_applies_rule_fix(client, workdir):
    text = "„Schön“, sagte sie 😀 und zückte ihr Handy.\n"
    uri = client.open(workdir / "fix.md", text)
    [d] = [x for x in client.diagnostics(uri)["diagnostics"] if x["code"] == "HA001"]
    assert d["severity"] == 3  # info
    assert d["range"]["start"] == position_of(text, "Handy")
    actions = code_actions(client, uri, d)
    [fix] = [a for a in actions if "Mobiltelefon" in a["title"]]
    assert fix["title"] == "HA001: Ersetzen durch „Mobiltelefon“"
    assert not fix.get("isPreferred")  # substitutions are unsafe fixes
    fixed = apply_edit(text, fix["edit"], uri)
    assert fixed == "„Schön“, sagte sie 😀 und zückte ihr Mobiltelefon.\n"
    client.change(uri, 2, fixed)
    assert client.diagnostics(uri)["diagnostics"] == []
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


def test_code_action_for_a_range_without_findings_is_empty(client, workdir):
    uri = client.open(workdir / "leer.md", "Der Bundestag tagte.\n")
    assert client.diagnostics(uri)["diagnostics"] == []
    rng = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}}
    result = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng, "context": {"diagnostics": []}})
    assert result["result"] == []
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


def test_html_plain_text_and_unknown_languages(client, workdir):
    html = "<p>„Größte 😀“ <b>beispiellose</b> Zahl.</p>\n"
    uri = client.open(workdir / "seite.html", html, language="html")
    [d] = hype(client.diagnostics(uri))
    assert d["range"]["start"] == position_of(html, "beispiellose")
    # An unsaved buffer: the languageId picks the reader.
    untitled = "untitled:Untitled-1"
    client.open(untitled, "Ein beispielloser Erfolg.\n", language="plaintext")
    assert len(hype(client.diagnostics(untitled))) == 1
    # A language newslint does not read: no findings.
    code = client.open(workdir / "skript.py", "x = 'beispiellos'\n", language="python")
    assert client.diagnostics(code)["diagnostics"] == []
    for u in (uri, untitled, code):
        client.notify("textDocument/didClose", {"textDocument": {"uri": u}})
        client.diagnostics(u)


def test_config_change_reloads(client, workdir):
    folder = workdir / "ressort"
    folder.mkdir()
    config = folder / "newslint.toml"
    config.write_text('select = ["HY001"]\n', encoding="utf-8")
    uri = client.open(folder / "text.md", "Ein beispielloser Erfolg.\n")
    [d] = hype(client.diagnostics(uri))
    assert d["severity"] == 2

    # The client reports the change (workspace/didChangeWatchedFiles).
    config.write_text('select = ["HY001"]\n[rules.HY001]\nseverity = "error"\n', encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    [d] = hype(client.diagnostics(uri))
    assert d["severity"] == 1

    # No notification: the mtime check notices on the next change.
    config.write_text('select = ["HY001"]\nignore = ["HY001"]\n', encoding="utf-8")
    stamp = time.time() + 5
    os.utime(config, (stamp, stamp))
    client.change(uri, 2, "Ein beispielloser Erfolg!\n")
    assert client.diagnostics(uri)["diagnostics"] == []

    # A broken configuration is one diagnostic in the buffer, and the server lives on.
    config.write_text("select = [\n", encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    [d] = client.diagnostics(uri)["diagnostics"]
    assert d["code"] == "config" and d["severity"] == 1 and "invalid TOML" in d["message"]

    # Deleting the configuration falls back to the one above it.
    config.unlink()
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 3}]})
    [d] = hype(client.diagnostics(uri))
    assert d["severity"] == 2
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


def test_an_edited_word_list_is_reported_after_the_reload(client, workdir):
    folder = workdir / "wortliste"
    (folder / "listpack" / "data").mkdir(parents=True)
    rule = HOUSE_RULE.replace('"HA001"', '"HB001"').replace("substitution", "existence")
    rule = rule.replace('words = ["Handy => Mobiltelefon"]', 'lists = ["data/woerter.txt"]')
    (folder / "listpack" / "HB001.toml").write_text(rule, encoding="utf-8")
    words = folder / "listpack" / "data" / "woerter.txt"
    words.write_text("# Hauswörter (Test)\nHandy\n", encoding="utf-8")
    (folder / "newslint.toml").write_text('select = ["HB001"]\npacks = ["listpack"]\n', encoding="utf-8")
    uri = client.open(folder / "text.md", "Das Handy und das Tablet.\n")
    assert [d["code"] for d in client.diagnostics(uri)["diagnostics"]] == ["HB001"]

    words.write_text("# Hauswörter (Test)\nHandy\nTablet\n", encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": words.as_uri(), "type": 2}]})
    found = client.diagnostics(uri)["diagnostics"]
    assert [d["range"]["start"]["character"] for d in found] == [4, 18]
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


def test_malformed_messages_do_not_kill_the_server(client, workdir):
    client.send_raw(b"{this is not json")
    bad = client.request("textDocument/hover", {"textDocument": {"uri": "file:///x.md"}})  # no position
    assert "error" in bad
    unknown = client.request("newslint/doesNotExist", {})
    assert unknown["error"]["code"] == -32601
    not_open = client.request(
        "textDocument/hover", {"textDocument": {"uri": (workdir / "zu.md").as_uri()}, "position": {"line": 0, "character": 0}}
    )
    assert not_open["result"] is None
    # Still serving.
    uri = client.open(workdir / "danach.md", "Ein beispielloser Erfolg.\n")
    assert len(hype(client.diagnostics(uri))) == 1
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-32"])
def test_negotiated_position_encoding(workdir, encoding):
    c = Client(server_command(), workdir)
    try:
        result = c.initialize(workdir, encodings=[encoding, "utf-16"])
        assert result["capabilities"]["positionEncoding"] == encoding
        uri = c.open(workdir / f"enc-{encoding}.md", TEXT)
        [d] = hype(c.diagnostics(uri))
        assert d["range"]["start"] == position_of(TEXT, "beispielloser", encoding)
        assert d["range"]["start"]["character"] != position_of(TEXT, "beispielloser", "utf-16")["character"]
        # Hover addresses the same units.
        pos = dict(d["range"]["start"], character=d["range"]["start"]["character"] + 1)
        hover = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})
        assert "HY001" in hover["result"]["contents"]["value"]
    finally:
        assert c.stop() == 0


RULE_ERROR = textwrap.dedent(
    """
    import sys
    from lint.engine.core import Engine
    init = Engine.__init__
    def patched(self, *args, **kwargs):
        init(self, *args, **kwargs)
        for kind in self.kinds:
            if kind.rule.code == "HY001":  # whatever its kind: make this one rule fail
                original = kind.check
                def check(doc, original=original):
                    if "KAPUTT" in doc.source:
                        raise RuntimeError("kaputte Regel")
                    return original(doc)
                kind.check = check
    Engine.__init__ = patched
    from lint.cli import main
    sys.exit(main(["lsp"]))
    """
)


def test_rule_error_is_logged_and_the_server_carries_on(workdir):
    c = Client([sys.executable, "-c", RULE_ERROR], workdir)
    try:
        c.initialize(workdir)
        uri = c.open(workdir / "kaputt.md", "KAPUTT: ein beispielloser Erfolg mit dem Handy.\n")
        params = c.diagnostics(uri)
        assert [d["code"] for d in params["diagnostics"]] == ["HA001"]  # the other rules still report
        log = [m for m in c.seen if m.get("method") == "window/logMessage" and "HY001" in m["params"]["message"]]
        assert log and "kaputte Regel" in log[0]["params"]["message"]
        ok = c.open(workdir / "heil.md", "Ein beispielloser Erfolg.\n")
        assert len(hype(c.diagnostics(ok))) == 1
    finally:
        assert c.stop() == 0


def test_exit_without_shutdown_exits_1(workdir):
    c = Client(server_command(), workdir)
    try:
        c.initialize(workdir, watch=False)
        c.notify("exit", None)
        assert c.proc.wait(5) == 1
    finally:
        if c.proc.poll() is None:
            c.proc.kill()


def test_newslint_lsp_help():
    out = subprocess.run([sys.executable, "-m", "lint", "lsp", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and "--debounce" in out.stdout
