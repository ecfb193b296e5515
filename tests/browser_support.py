"""A real headless Chromium for the browser tests: Debian's ``chromium`` driven by
Playwright (``executable_path``: Playwright never downloads a browser here).

Without a browser (or without Playwright, or axe-core for the accessibility
check) the tests skip and say why; with ``CI=true`` a missing piece fails
instead. ``.ci/run`` installs all of them. Screenshots go to
``$NEWSLINT_SCREENSHOTS`` (default: ``<tmp>/newslint-screenshots``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
AXE = HERE / "browser" / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}


def _missing(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run; .ci/run installs what they need)")
    pytest.skip(reason)


def find_chromium() -> str | None:
    for candidate in (os.environ.get("NEWSLINT_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def screenshot_dir() -> Path:
    folder = Path(os.environ.get("NEWSLINT_SCREENSHOTS") or Path(tempfile.gettempdir()) / "newslint-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_screenshot(page, name: str) -> Path:
    path = screenshot_dir() / f"{name}.png"
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    return path


@pytest.fixture(scope="module")  # one per test module: a module imports the fixture for itself
def browser():
    executable = find_chromium()
    if executable is None:
        _missing("no Chromium found (apt-get install chromium, or set NEWSLINT_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright is not installed (pip install -e '.[test,web]')")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    # bypass_csp: the test inlines axe-core into pages whose policy allows only their own scripts
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core in ``page``; the violations of the given impacts."""
    if not AXE.is_file():
        _missing(f"axe-core not installed at {AXE} (npm install --prefix tests/browser)")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["html"][:120] for n in v["nodes"][:3]]}
        for v in result["violations"] if v["impact"] in impacts
    ]
