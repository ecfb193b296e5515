"""``newslint serve``: the API through Starlette's test client, then the real
command in headless Chromium (browser_support)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from browser_support import axe_violations, browser, page, save_screenshot  # noqa: F401 (fixtures)

pytest.importorskip("starlette", reason="the web extra is not installed (pip install -e '.[web]')")
from starlette.testclient import TestClient  # noqa: E402

from lint.api import check_text  # noqa: E402
from lint.cli import main  # noqa: E402
from lint.web.app import create_app  # noqa: E402

# Sentences written for these tests: a hype word (no fix), a misspelt name (unsafe fix)
# and an English decimal point (safe fix).
HYPE = "Ein beispielloser Erfolg für die Stadt."
FIXABLE = "Der Chiphersteller Nvida verlor an einem Tag viel Geld, ein Minus von 11.1%."


@pytest.fixture
def client(isolated):
    return TestClient(create_app(max_bytes=2000))


def contract(diagnostics) -> list[dict]:
    return [{k: v for k, v in d.items() if k != "path"} for d in diagnostics]


@pytest.mark.parametrize("text", [HYPE, FIXABLE, f"# Titel\n\n{HYPE}\n\n{FIXABLE}\n"])
def test_check_returns_the_json_formats_diagnostics(client, text):
    data = client.post("/api/check", json={"text": text}).json()
    expected = [d.as_dict() for d in check_text(text, path="entwurf.md")]
    assert contract(data["diagnostics"]) == contract(expected) != []
    assert 'class="article only"' in data["html"] and "<template id=\"rule-" in data["docs"]


@pytest.mark.parametrize("text", [f"{HYPE}\n\n{FIXABLE}\n", f"---\ntitle: Test\n---\n{HYPE} {FIXABLE}\n"])
def test_genre_is_given_and_the_draft_linted_as_typed(client, text):
    """The genre works as --genre does: a commentary may evaluate (no hype warnings),
    every other finding stays where it was in the draft as typed."""
    plain = client.post("/api/check", json={"text": text}).json()
    with_genre = client.post("/api/check", json={"text": text, "genre": "kommentar"}).json()
    assert [d for d in plain["diagnostics"] if d["category"] == "hype" and d["severity"] == "warning"]
    assert not [d for d in with_genre["diagnostics"] if d["category"] == "hype" and d["severity"] == "warning"]
    others = [d for d in plain["diagnostics"] if d["category"] != "hype"]
    assert others and others == [d for d in with_genre["diagnostics"] if d["category"] != "hype"]
    assert "Genre: kommentar" in with_genre["html"]


def test_check_escapes_the_draft(client):
    data = client.post("/api/check", json={"text": f"<script>alert(1)</script> {HYPE}"}).json()
    assert "&lt;script&gt;" in data["html"] and "&lt;/script&gt;" in data["html"] and "<script" not in data["html"]


@pytest.mark.parametrize("name,linted_as", [
    ("bericht.html", "entwurf.html"), ("notiz.txt", "entwurf.txt"), ("../../etc/passwd", "entwurf.md"), ("C:\\x\\y.HTM", "entwurf.html"),
])
def test_name_only_picks_the_reader(client, name, linted_as):
    text = f"<p>{HYPE}</p>"
    data = client.post("/api/check", json={"text": text, "name": name}).json()
    hype = [d for d in data["diagnostics"] if d["code"] == "HY001"]
    assert [(d["line"], d["column"], d["path"]) for d in hype] == [(1, 8, linted_as)]  # never a path the browser sent
    assert "&lt;p&gt;" in data["html"]  # the source is shown as typed


@pytest.mark.parametrize("body,status,message", [
    ({"text": "x" * 2001}, 413, "zu lang"),
    ({"text": "ä" * 1001}, 413, "zu lang"),  # bytes, not characters
    ({"text": HYPE, "genre": "kommentar\nevil: 1"}, 400, "Genre"),
    ({"texts": HYPE}, 400, "text"),
    ({"text": HYPE, "name": 5}, 400, "Zeichenketten"),
])
def test_bad_requests_get_a_clear_answer(client, body, status, message):
    response = client.post("/api/check", json=body)
    assert response.status_code == status and message in response.json()["error"]


def test_oversized_body_is_refused_before_reading(client):
    response = client.post("/api/check", content=b"{" + b" " * 40_000 + b"}", headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert client.post("/api/check", content=b"not json").status_code == 400


def test_apply_one_fix_and_all_safe_fixes(client):
    found = client.post("/api/check", json={"text": FIXABLE}).json()
    keys = re.findall(r'data-apply="([^"]+)"', found["html"])
    name_key = next(k for k in keys if k.startswith("TR001"))
    one = client.post("/api/fix", json={"text": FIXABLE, "key": name_key}).json()
    assert one["text"] == FIXABLE.replace("Nvida", "Nvidia")
    safe = client.post("/api/fix", json={"text": FIXABLE, "safe": True}).json()
    assert safe == {"text": FIXABLE.replace("11.1%", "11,1 Prozent"), "applied": 1}  # the unsafe name fix is left
    stale = client.post("/api/fix", json={"text": HYPE, "key": name_key})
    assert stale.status_code == 400 and "nicht mehr aktuell" in stale.json()["error"]


def test_home_page_is_self_contained_and_talks_only_to_itself(client):
    html = client.get("/").text
    assert "connect-src 'self'" in html and "default-src 'none'" in html
    assert not re.search(r"<(link|img|iframe)\b|\ssrc=", html)


def test_serve_without_the_web_extra_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    assert main(["serve"]) == 2
    assert "pip install 'newslint[web]'" in capsys.readouterr().err


# ----- in the browser, against the real command ------------------------------

@pytest.fixture
def server(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "lint", "serve", "--port", "0"], cwd=tmp_path,
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    line = process.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if not match:
        process.kill()
        pytest.fail(f"newslint serve did not start: {line}{process.stderr.read()}")
    yield match.group()
    process.terminate()
    process.wait(timeout=10)


def test_browser_highlights_while_typing_and_applies_a_fix(page, server):
    page.goto(server)
    page.wait_for_selector("#status:has-text('Befunde')")
    draft = page.locator("#draft")
    draft.press_sequentially(HYPE, delay=5)
    mark = page.wait_for_selector("#preview mark.c-hype", timeout=1000)  # the bound: within 1 s
    assert mark.text_content() == "beispielloser"
    draft.press("End")
    draft.press_sequentially(" " + FIXABLE, delay=2)
    page.wait_for_selector("#preview .finding[data-code='TR005']", timeout=1000)
    save_screenshot(page, "serve-findings")
    item = page.locator("#preview .finding[data-code='TR005']")
    item.locator("button.f").click()
    item.locator("button.apply").click()
    page.wait_for_function("document.getElementById('draft').value.includes('11,1 Prozent')", timeout=2000)
    assert "11.1%" not in draft.input_value()
    page.wait_for_function("!document.querySelector(\"#preview .finding[data-code='TR005']\")", timeout=2000)
    assert page.locator("#preview .finding[data-code='TR001']").count() == 1
    save_screenshot(page, "serve-after-fix")


def test_browser_filters_and_safe_fixes_and_accessibility(page, server):
    page.goto(server)
    page.locator("#draft").fill(f"{HYPE} {FIXABLE}")
    page.wait_for_selector("#preview .finding[data-code='TR005']")
    page.locator('#preview input[data-filter="hype"]').uncheck()
    assert not page.locator('#preview .group[data-category="hype"]').is_visible()
    page.click("#fix-all")
    page.wait_for_function("document.getElementById('draft').value.includes('11,1 Prozent')")
    page.wait_for_selector("#preview .finding[data-code='TR001']")
    assert not page.locator('#preview input[data-filter="hype"]').is_checked()  # the filter survives re-rendering
    assert "Nvida" in page.locator("#draft").input_value()  # the unsafe fix waits for the editor
    assert axe_violations(page) == []


def test_browser_opened_file_is_read_by_its_extension(page, server):
    page.goto(server)
    page.wait_for_selector("#status:has-text('Befunde')")
    html = f"<html><body><h1>Titel</h1><p>{HYPE}</p><script>window.pwned = 1</script></body></html>".encode()
    page.set_input_files("#file", files=[{"name": "bericht.html", "mimeType": "text/html", "buffer": html}])
    page.wait_for_selector("#preview mark.c-hype")
    assert page.locator("#draft").get_attribute("data-name") == "bericht.html"
    assert "entwurf.html" in page.inner_text("#preview .path")
    assert page.evaluate("window.pwned === undefined")
    page.set_input_files("#file", files=[{"name": "bild.png", "mimeType": "image/png", "buffer": b"\x89PNG"}])
    page.wait_for_selector("#status:has-text('Nur .md-, .html- und .txt-Dateien')")
