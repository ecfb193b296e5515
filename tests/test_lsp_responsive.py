"""The language server stays responsive: a small buffer is answered while a
large one is linted, and a newer version of a buffer stops the stale run."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import SEEDS
from test_lsp import Client, server_command

pytestmark = pytest.mark.slow

BIG = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) * 60  # about 170,000 words


@pytest.fixture
def client(tmp_path):
    (tmp_path / "newslint.toml").write_text('ignore = ["grammar"]\n', encoding="utf-8")
    c = Client(server_command(), tmp_path)
    c.initialize(tmp_path)
    yield c
    if c.proc.poll() is None:
        c.stop()


def test_small_buffer_answered_while_a_large_one_is_linted(client, tmp_path):
    warm = client.open(tmp_path / "vorher.md", "Ein beispielloser Tag.\n")
    client.diagnostics(warm, timeout=30)  # the packs' data is loaded: what follows measures waiting only
    big = client.open(tmp_path / "archiv.md", BIG)
    time.sleep(0.4)  # the large lint is under way
    start = time.monotonic()
    small = client.open(tmp_path / "kurz.md", "Ein beispielloser Erfolg.\n")
    params = client.diagnostics(small, timeout=10)
    waited = time.monotonic() - start
    assert [d["code"] for d in params["diagnostics"]] == ["HY001"]
    assert waited < 0.5, f"the small buffer waited {waited:.2f} s behind the large one"
    client.diagnostics(big, timeout=120)
    workers = _children(client.proc.pid)
    assert workers, "the large buffer was linted in a worker process"
    client.stop()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert [pid for pid in workers if _alive(pid)] == [], "the worker outlived the server"


def _alive(pid: int) -> bool:
    """A process that runs (a zombie waiting to be reaped has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_a_new_version_stops_the_stale_run(client, tmp_path):
    big = client.open(tmp_path / "archiv.md", BIG)
    time.sleep(0.4)
    client.change(big, 2, "Ein beispielloser Erfolg.\n")
    start = time.monotonic()
    params = client.diagnostics(big, timeout=60)
    assert params["version"] == 2  # version 1 was never published: its run stopped
    assert [d["code"] for d in params["diagnostics"]] == ["HY001"]
    assert time.monotonic() - start < 5


def test_cancel_request_is_honoured(client, tmp_path):
    """``$/cancelRequest`` for a long fix-all answers at once with RequestCancelled
    (-32800), and the server goes on serving."""
    big = client.open(tmp_path / "archiv.md", BIG)
    client.diagnostics(big, timeout=120)
    params = {"textDocument": {"uri": big}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
              "context": {"diagnostics": [], "only": ["source.fixAll.newslint"]}}
    i = client.send("textDocument/codeAction", params)
    start = time.monotonic()
    client.notify("$/cancelRequest", {"id": i})
    answer = client.wait(lambda m: m.get("id") == i and "method" not in m, timeout=60)
    assert answer.get("error", {}).get("code") == -32800, answer
    assert time.monotonic() - start < 2
    small = client.open(tmp_path / "kurz.md", "Ein beispielloser Erfolg.\n")
    assert [d["code"] for d in client.diagnostics(small, timeout=10)["diagnostics"]] == ["HY001"]
