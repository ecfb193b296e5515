"""``newslint check --format html``: the page's structure, escaping and index
(unit tests), then the real thing in headless Chromium (browser_support)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser_support import axe_violations, browser, page, save_screenshot  # noqa: F401 (fixtures)
from conftest import SEEDS
from lint.cli import main
from lint.web.article import ArticleSummary, section_of
from lint.web.highlight import Span, highlight
from lint.web.index import render_index, worst


def offset_of(text: str, line: int, column: int) -> int:
    """A JSON position (1-based line and column, code points) as an offset into ``text``."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + column - 1


def json_span(text: str, d: dict) -> str:
    return text[offset_of(text, d["line"], d["column"]):offset_of(text, d["end_line"], d["end_column"])]


class _Marks(HTMLParser):
    """Collects the text of each finding id (``data-ids``) and all text, as a browser would."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[list[str]] = []
        self.by_id: dict[str, str] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        ids = dict(attrs).get("data-ids")
        self.stack.append(ids.split() if ids else [])

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for ids in self.stack:
            for i in ids:
                self.by_id[i] = self.by_id.get(i, "") + data


def parse_marks(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    return parser


HIGHLIGHT_CASES = [
    # (text, spans (start, end, id), anchors, expected text per id)
    ("Ein beispielloser Erfolg.", [(4, 17, "x")], {}, {"x": "beispielloser"}),
    ("Größte „Übertreibung“ überhaupt", [(0, 6, "a"), (7, 21, "b"), (0, 21, "c")], {}, {"a": "Größte", "b": "„Übertreibung“", "c": "Größte „Übertreibung“"}),
    ("a <b> & c", [(2, 5, "t")], {2: "s0"}, {"t": "<b>"}),
    ("Satz eins. Satz zwei.", [(11, 21, "z"), (5, 5, "pin")], {0: "s0", 11: "s1"}, {"z": "Satz zwei.", "pin": ""}),
    ("kurz", [(2, 99, "end")], {}, {"end": "rz"}),
]


@pytest.mark.parametrize("text,spans,anchors,expected", HIGHLIGHT_CASES)
def test_highlight_marks_exact_spans_and_keeps_the_text(text, spans, anchors, expected):
    html = highlight(text, [Span(s, e, i, "hype", 2) for s, e, i in spans], anchors)
    marks = parse_marks(html)
    assert "".join(marks.text) == text
    assert {i: marks.by_id.get(i, "") for i in expected} == expected
    for offset, anchor in anchors.items():
        assert f'id="{anchor}"' in html


def test_highlight_escapes_markup_and_notes():
    html = highlight('<script>alert("x")</script>', [Span(0, 8, "s", "hype", 2, 'HY001: „<b>“ "x"')])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'title="HY001: „&lt;b&gt;“ &quot;x&quot;"' in html


@pytest.mark.parametrize("path,meta,section", [
    ("corpus/0004-international.txt", {}, "international"),
    ("0010-web.txt", {"section": "Kultur"}, "Kultur"),
    ("seeds/000_e6de1ff470927a21.txt", {}, ""),
    ("entwurf.md", {}, ""),
])
def test_section_from_metadata_or_numbered_file_name(path, meta, section):
    assert section_of(path, meta) == section


def _summary(path, words, hype=0, sources=0, warnings=0, section="", month=""):
    return ArticleSummary(path, f"#{path}", f"Titel {path}", words, words // 10,
                          {k: v for k, v in (("hype", hype), ("sources", sources)) if v},
                          {"warning": warnings, "info": hype + sources - warnings}, {"flesch_amstad": 50.0, "asl": 12.0},
                          section, month)


def test_index_rates_per_section_and_month_and_worst_articles():
    rows = [
        _summary("a.txt", 1000, hype=4, warnings=4, section="sport", month="2024-01"),
        _summary("b.txt", 500, sources=1, warnings=0, section="sport", month="2024-02"),
        _summary("c.txt", 2000, hype=2, sources=2, warnings=1, section="web", month="2024-02"),
        _summary("d.txt", 100),
    ]
    html = render_index(rows)
    assert "nach Ressort" in html and "nach Monat" in html
    assert '<th scope="row">sport</th><td>2</td><td>1500</td><td>0,7</td><td>2,7</td><td>3,3</td>' in html
    assert [s.path for s in worst(rows)] == ["a.txt", "c.txt", "b.txt"]
    assert html.count('<a href="#a.txt">') == 2  # the worst table and the article table


def test_index_without_sections_or_months_leaves_those_tables_out():
    html = render_index([_summary("a.txt", 300, hype=1, warnings=1)])
    assert "nach Ressort" not in html and "nach Monat" not in html and "Befunde je 1.000 Wörter nach Kategorie" in html


def write_report(tmp_path: Path, *paths: str, fmt: str = "html") -> Path:
    out = tmp_path / f"report.{fmt}"
    code = main(["check", *paths, "--format", fmt, "--output-file", str(out), "--fail-on", "never"])
    assert code == 0
    return out


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds-report")
    return write_report(folder, str(SEEDS)), write_report(folder, str(SEEDS), fmt="json")


def test_report_for_seeds_marks_every_json_diagnostic_on_its_span(seeds_report):
    html_file, json_file = seeds_report
    html = html_file.read_text(encoding="utf-8")
    diagnostics = json.loads(json_file.read_text(encoding="utf-8"))
    marks = parse_marks(html)
    paths = list(dict.fromkeys(d["path"] for d in diagnostics))
    for n, path in enumerate(sorted(str(p) for p in SEEDS.iterdir())):
        source = Path(path).read_text(encoding="utf-8")
        found = [d for d in diagnostics if d["path"] == path]
        for i, d in enumerate(found):
            assert marks.by_id.get(f"a{n}-{i}", "") == json_span(source, d), (path, d)
            assert f'id="f-a{n}-{i}" data-id="a{n}-{i}" data-code="{d["code"]}"' in html
    assert paths and set(paths) <= {str(p) for p in SEEDS.iterdir()}


def test_report_is_self_contained(seeds_report):
    html = seeds_report[0].read_text(encoding="utf-8")
    assert not re.search(r"<(link|img|iframe|object)\b|\ssrc=", html)
    assert "default-src 'none'" in html and "connect-src 'none'" in html
    assert html.count("<script>") == 1  # the page's own script, inline


def test_draft_with_markup_shows_as_text(tmp_path):
    draft = tmp_path / "entwurf.txt"
    draft.write_text('Ein <script>window.pwned = 1</script> beispielloser Erfolg <img src=x onerror="alert(1)">.\n', encoding="utf-8")
    html = write_report(tmp_path, str(draft)).read_text(encoding="utf-8")
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html and "<img" not in html
    assert html.count("<script>") == 1


def test_single_article_has_no_index_and_a_folder_has_one(tmp_path):
    one = write_report(tmp_path, str(sorted(SEEDS.iterdir())[0])).read_text(encoding="utf-8")
    assert 'class="article only"' in one and 'class="index"' not in one
    many = write_report(tmp_path, str(SEEDS)).read_text(encoding="utf-8")
    assert many.count('class="article"') == len(list(SEEDS.iterdir())) and 'class="index"' in many


# ----- in the browser -------------------------------------------------------

SPANS_JS = """() => {
  const out = {};
  for (const el of document.querySelectorAll('[data-ids]')) {
    for (const id of el.dataset.ids.split(' ')) out[id] = (out[id] || '') + el.textContent;
  }
  return out;
}"""


def test_browser_highlights_equal_json_spans(page, seeds_report):
    html_file, json_file = seeds_report
    diagnostics = json.loads(json_file.read_text(encoding="utf-8"))
    page.goto(html_file.as_uri())
    shown = page.evaluate(SPANS_JS)
    checked = 0
    for n, path in enumerate(sorted(str(p) for p in SEEDS.iterdir())):
        source = Path(path).read_text(encoding="utf-8")
        for i, d in enumerate(x for x in diagnostics if x["path"] == path):
            assert shown.get(f"a{n}-{i}", "") == json_span(source, d), (path, d)
            checked += 1
    assert checked == len(diagnostics) > 0


def test_browser_index_sorts_and_links_to_articles(page, seeds_report):
    page.goto(seeds_report[0].as_uri())
    save_screenshot(page, "report-index")
    page.click("table.articles th >> text=Wörter")
    words = [int(v) for v in page.eval_on_selector_all("table.articles tbody tr td:nth-child(2)", "tds => tds.map(t => t.dataset.value)")]
    assert words == sorted(words)
    page.click("table.articles th >> text=Wörter")
    words = [int(v) for v in page.eval_on_selector_all("table.articles tbody tr td:nth-child(2)", "tds => tds.map(t => t.dataset.value)")]
    assert words == sorted(words, reverse=True)
    page.click("table.articles tbody tr:first-child a")
    assert page.is_visible(".article:target .src") and not page.is_visible("#index")


def test_browser_click_finding_shows_rule_documentation(page, seeds_report):
    from lint.engine.core import Engine

    rules = {r.code: r for r in Engine().all_rules}
    page.goto(seeds_report[0].as_uri() + "#a0")
    item = page.locator("#a0 .finding").first
    code = item.get_attribute("data-code")
    item.locator("button.f").click()
    detail = item.locator(".detail")
    assert detail.is_visible()
    assert rules[code].summary in detail.inner_text()
    assert "Schlecht:" in detail.inner_text() and item.locator("button.f").get_attribute("aria-expanded") == "true"
    assert page.locator("#a0 mark.current").count() >= 1
    save_screenshot(page, "report-article")
    # a click on a marked word opens its finding in the list
    page.locator("#a0 mark").nth(3).click()
    assert page.locator("#a0 .finding.open").count() >= 1


def test_browser_keyboard_reaches_and_opens_findings(page, seeds_report):
    page.goto(seeds_report[0].as_uri() + "#a1")
    first, second = page.eval_on_selector_all("#a1 .finding", "items => items.slice(0, 2).map(i => i.dataset.id)")
    focused = "document.activeElement.closest('.finding') && document.activeElement.closest('.finding').dataset.id"
    page.keyboard.press("j")
    assert page.evaluate(focused) == first
    page.keyboard.press("j")
    assert page.evaluate(focused) == second
    page.keyboard.press("Enter")
    assert page.locator(f"#d-{second}").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(f"#d-{second}").is_visible() and page.evaluate(focused) == second


def test_browser_category_filter_hides_marks_and_list(page, seeds_report):
    page.goto(seeds_report[0].as_uri() + "#a0")
    box = page.locator('#a0 input[data-filter="hype"]')
    box.uncheck()
    assert not page.locator('#a0 .group[data-category="hype"]').is_visible()
    background = page.eval_on_selector("#a0 mark.c-hype", "m => getComputedStyle(m).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent")


@pytest.mark.parametrize("fragment", ["", "#a0"])
def test_browser_accessibility_has_no_serious_violations(page, seeds_report, fragment):
    page.goto(seeds_report[0].as_uri() + fragment)
    if fragment:
        page.locator(f"{fragment} .finding button.f").first.click()
    assert axe_violations(page) == []


def test_browser_script_in_draft_does_not_run(page, tmp_path):
    draft = tmp_path / "entwurf.md"
    draft.write_text("Ein <script>window.pwned = 1</script> beispielloser Erfolg.\n", encoding="utf-8")
    page.goto(write_report(tmp_path, str(draft)).as_uri())
    assert page.evaluate("window.pwned === undefined")
    assert "<script>window.pwned = 1</script>" in page.inner_text(".src")


@pytest.mark.parametrize("ci,outcome", [("true", pytest.fail.Exception), ("", pytest.skip.Exception), ("1", pytest.skip.Exception)])
def test_missing_browser_skips_except_under_ci(monkeypatch, ci, outcome):
    import browser_support

    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="no Chromium"):
        browser_support._missing("no Chromium found")
