"""The HTML report's size and speed (issue 22's targets), measured, not tested.

    python bench/bench_html.py [CORPUS]   (default: ../shared/corpus/gnad)

1. The report for the whole corpus: time to write it and its size (target < 20 MB).
2. A 5,000-word article (corpus articles of the TUNE half joined at run time; no
   corpus text is stored): time to write its report, and the time headless
   Chromium takes to load and lay it out (target < 1 s). Needs Playwright and
   Debian's chromium; skipped with a note otherwise.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from lint.cli import main  # noqa: E402


def report(paths: list[str], out: Path) -> float:
    started = time.perf_counter()
    code = main(["check", *paths, "--format", "html", "--output-file", str(out), "--fail-on", "never"])
    assert code == 0, code
    return time.perf_counter() - started


def long_article(corpus: Path, words: int, out: Path) -> int:
    parts, count = [], 0
    for path in sorted(corpus.glob("*.txt")):
        if int(path.name.split("-")[0]) % 4 or count >= words:
            continue
        text = path.read_text(encoding="utf-8")
        parts.append(text.strip())
        count += len(text.split())
    out.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return count


def browser_load(html: Path) -> tuple[float, float] | None:
    try:
        from playwright.sync_api import sync_playwright

        from browser_support import LAUNCH_ARGS, VIEWPORT, find_chromium
    except ImportError:
        return None
    executable = find_chromium()
    if executable is None:
        return None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=True)
        page = browser.new_page(viewport=VIEWPORT)
        page.goto("about:blank")
        started = time.perf_counter()
        page.goto(html.as_uri(), wait_until="load")
        page.evaluate("document.body.getBoundingClientRect().height")  # layout done
        wall = time.perf_counter() - started
        load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
        browser.close()
    return wall, load


def run() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent.parent / "shared" / "corpus" / "gnad"
    if not corpus.is_dir():
        corpus = ROOT / ".." / "shared" / "corpus" / "gnad"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "corpus.html"
        seconds = report([str(corpus)], out)
        print(f"corpus report: {len(list(corpus.glob('*.txt')))} articles, {out.stat().st_size / 1e6:.2f} MB, written in {seconds:.2f} s")
        article = folder / "lang.txt"
        words = long_article(corpus, 5000, article)
        out = folder / "long.html"
        seconds = report([str(article)], out)
        print(f"{words}-word article: report {out.stat().st_size / 1e3:.0f} kB, written in {seconds:.2f} s")
        timing = browser_load(out)
        if timing is None:
            print("browser: no Playwright or Chromium, load time not measured")
        else:
            print(f"browser: loaded and laid out in {timing[0]:.3f} s (navigation load event at {timing[1]:.3f} s)")


if __name__ == "__main__":
    run()
