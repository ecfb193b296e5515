"""Latency of the language server: time from a didChange notification to the
publishDiagnostics for it, on a ~2,000-word draft (a benchmark, not a test).

    python bench/lsp_latency.py [--corpus ../shared/corpus/gnad] [--words 2000] [--runs 20]

Starts the real server (``python -m lint lsp``, every rule except the
LanguageTool backend) twice: once with the default debounce, once with
``--debounce 0`` to show the work after the debounce (lint + position
conversion + JSON over the pipe). The draft is read from the corpus at run
time; no corpus text is stored in the repository. Each change appends a
sentence, as typing does, so every run lints the whole buffer anew.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Client:
    def __init__(self, args: list[str], cwd: str):
        self.proc = subprocess.Popen(args, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = 0
            while True:
                line = out.readline()
                if not line:
                    return
                if not line.strip():
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.messages.put((time.perf_counter(), json.loads(out.read(length))))

    def send(self, method, params, notify=False):
        body = {"jsonrpc": "2.0", "method": method, "params": params}
        if not notify:
            self.next_id += 1
            body["id"] = self.next_id
        data = json.dumps(body).encode()
        sent = time.perf_counter()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()
        return body.get("id"), sent

    def wait(self, predicate, timeout=30.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                at, message = self.messages.get(timeout=max(0.01, end - time.monotonic()))
            except queue.Empty:
                break
            if predicate(message):
                return at, message
        raise SystemExit("no answer from the server")


def draft_from(corpus: Path, words: int) -> str:
    text = ""
    for f in sorted(corpus.glob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            text += line + "\n\n"
            if len(text.split()) >= words:
                return text
    return text


def measure(draft: str, debounce_ms: int | None, runs: int, workdir: str) -> list[float]:
    args = [sys.executable, "-m", "lint", "lsp", "--ignore", "LT"]
    if debounce_ms is not None:
        args += ["--debounce", str(debounce_ms)]
    c = Client(args, workdir)
    try:
        i, _ = c.send("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
        c.wait(lambda m: m.get("id") == i)
        c.send("initialized", {}, notify=True)
        uri = Path(workdir, "entwurf.md").as_uri()
        publish = lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        c.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": draft}}, notify=True)
        c.wait(publish)
        times = []
        text = draft
        for v in range(2, runs + 3):
            text += f"Nachtrag {v}: ein beispielloser Vorgang.\n"
            _, sent = c.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"text": text}]}, notify=True)
            at, _ = c.wait(publish)
            if v > 2:  # the first change is a warm-up
                times.append(at - sent)
        i, _ = c.send("shutdown", None)
        c.wait(lambda m: m.get("id") == i)
        c.send("exit", None, notify=True)
        c.proc.wait(5)
        return times
    finally:
        if c.proc.poll() is None:
            c.proc.kill()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "gnad")
    p.add_argument("--words", type=int, default=2000)
    p.add_argument("--runs", type=int, default=20)
    args = p.parse_args()
    draft = draft_from(args.corpus, args.words)
    print(f"draft: {len(draft.split())} words, {len(draft)} characters")
    with tempfile.TemporaryDirectory() as workdir:  # no project configuration: the default rules
        for label, debounce in (("default debounce (75 ms)", None), ("debounce 0", 0)):
            times = [t * 1000 for t in measure(draft, debounce, args.runs, workdir)]
            q = statistics.quantiles(times, n=10)
            print(f"{label:26} median {statistics.median(times):6.1f} ms  p90 {q[-1]:6.1f} ms  max {max(times):6.1f} ms  ({len(times)} changes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
