"""Newsroom inputs: CMS exports (JSON, JSON Lines) and NewsML-G2 items.

Every finding's line and column must point at the flagged word in the source
file, through JSON escapes, XML entities and CDATA.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import SEEDS
from lint import check_text
from lint.readers.cms import read_json, read_json_lines
from lint.readers.jsonscan import decode, string_values
from lint.readers.newsml import read_newsml
from lint.readers.offsets import compose

CMS_ARTICLE = (
    '{\n'
    '  "id": "a-17",\n'
    '  "genre": "bericht",\n'
    '  "date": "2025-01-06",\n'
    '  "title": "Ein \\"beispielloser\\" Tag in M\\u00fcnchen",\n'
    '  "subtitle": "Börse \\u201eaußer Rand\\u201c",\n'
    '  "teaser": "Die Anleger\\nerlebten einen spektakulären Montag.",\n'
    '  "body": "<p>Nach dem Kurssturz sprach die B\\u00f6rse von einem \\u201eErdbeben\\u201c.</p>'
    '<p>Ein beispielloser Vorgang &amp; eine Sensation.</p>",\n'
    '  "images": [{"caption": "Ein spektakul\\u00e4rer Blick auf \\"\\u00d6l\\"", "credit": "APA"}],\n'
    '  "author": "Anna Muster"\n'
    '}\n'
)

NEWSML_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.org:20250106:1" version="1"
    standard="NewsML-G2" standardversion="2.29" conformance="power">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2025-01-07T10:00:00+01:00</versionCreated></itemMeta>
  <contentMeta>
    <contentCreated>2025-01-06T09:30:00+01:00</contentCreated>
    <located><name>Wien</name></located>
    <creditline>APA/dpa</creditline>
    <genre qcode="genre:Current"><name xml:lang="de">Aktuell</name></genre>
    <language tag="de"/>
    <headline>Beispiellose Einigung &amp; ein &#8222;Erdbeben&#8220; an der B&#246;rse</headline>
    <slugline>Wirtschaft/Börse</slugline>
    <description role="drol:summary"><![CDATA[Ein <spektakulärer> Tag für Anleger.]]></description>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Titel</title></head><body>
        <p>Die Aktie erlebte einen beispiellosen Absturz &#8211; „ein Beben“.</p>
        <p>Das ist eine Sensation f&#252;r die Anleger.</p>
      </body></html>
    </inlineXML>
  </contentSet>
</newsItem>
"""


def flagged(source: str, d) -> str:
    lines = source.split("\n")
    assert d.line == d.end_line, d
    return lines[d.line - 1][d.column - 1 : d.end_column - 1]


# ----- offset maps -----------------------------------------------------------

@pytest.mark.parametrize(
    "raw, text",
    [
        ("plain", "plain"),
        ("a\\nb", "a\nb"),
        ('\\"Zitat\\"', '"Zitat"'),
        ("M\\u00fcnchen", "München"),
        ("\\ud83d\\ude00 ok", "\U0001F600 ok"),
        ("\\u201eGro\\u00dfes\\u201c", "„Großes“"),
    ],
)
def test_decode_maps_every_character_back(raw, text):
    source = f'{{"x": "{raw}"}}'
    [s] = list(string_values(source))
    decoded, anchors = decode(source, s.start, s.end)
    assert decoded == text == json.loads(source)["x"]
    keys = [a[0] for a in anchors]
    from lint.readers.offsets import lookup

    for i, char in enumerate(decoded):
        at = lookup(anchors, keys, i)
        # the character, or the escape that stands for it, starts there
        assert source[at] == char or source[at] == "\\"


def test_string_values_paths_skip_keys_and_list_indices():
    source = '{"title": "T", "a": {"b": ["x", {"caption": "C"}]}, "n": 3, "k": "v"}'
    paths = [s.path for s in string_values(source)]
    assert paths == [("title",), ("a", "b"), ("a", "b", "caption"), ("k",)]


def test_compose_chains_two_maps():
    inner = [(0, 0), (5, 10)]  # text 5.. is middle 10..
    outer = [(0, 100), (12, 120)]  # middle 12.. is source 120..
    composed = compose(inner, outer)
    from lint.readers.offsets import lookup

    keys = [a[0] for a in composed]
    assert lookup(composed, keys, 0) == 100
    assert lookup(composed, keys, 5) == 110
    assert lookup(composed, keys, 7) == 120


# ----- CMS JSON --------------------------------------------------------------

def test_cms_json_findings_point_at_the_word_in_the_file():
    found = check_text(CMS_ARTICLE, "export.json", select=["HY001", "HY002"])
    words = sorted(flagged(CMS_ARTICLE, d) for d in found)
    assert "beispielloser" in words  # in the title, between escaped quotes
    assert "spektakulären" in words  # teaser, after an escaped line break
    assert "spektakul\\u00e4rer" in words  # caption: the span covers the escape
    assert "Sensation" in words  # HTML body
    assert all(d.article == "a-17" for d in found)
    fields = {flagged(CMS_ARTICLE, d): d.field for d in found}
    assert fields["spektakulären"] == "teaser"
    assert fields["Sensation"] == "body"
    assert fields["spektakul\\u00e4rer"] == "images.caption"


def test_cms_json_zones_and_metadata():
    read = read_json(CMS_ARTICLE)
    zones = [b.zone for b in read.blocks]
    assert zones[:3] == ["headline", "subheadline", "teaser"]
    assert "lead" in zones and "caption" in zones and "credit" in zones and "byline" in zones
    assert read.meta == {"id": "a-17", "genre": "bericht", "date": "2025-01-06"}
    headline = read.blocks[0]
    assert read.prose[headline.start : headline.end] == 'Ein "beispielloser" Tag in München'


def test_cms_mapping_from_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint.cms]\nfields = { "data.headline" = "headline", "data.copy" = "body" }\n'
        'meta = { "data.uuid" = "id" }\nbody-format = "plain"\n',
        encoding="utf-8",
    )
    source = '{"data": {"uuid": "x9", "headline": "Ruhig", "copy": "Ein beispielloser Tag <p>."}}'
    [d] = check_text(source, tmp_path / "item.json", select=["HY001"])
    assert flagged(source, d) == "beispielloser"
    assert d.article == "x9" and d.field == "data.copy"


def test_cms_mapping_is_validated(tmp_path):
    from lint.model.errors import ConfigError

    (tmp_path / "pyproject.toml").write_text('[tool.newslint.cms]\nfields = { "x" = "nowhere" }\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="cms"):
        check_text('{"x": "y"}', tmp_path / "item.json")


def test_json_lines_one_document_per_article_with_id():
    lines = [
        {"id": "1", "title": "Ruhiger Tag", "body": "Ein beispielloser Vorgang."},
        {"id": "2", "title": "Noch ein Tag", "body": "Der 54-Jährige sprach. Ein spektakulärer Tag."},
    ]
    source = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    found = check_text(source, "export.jsonl", select=["HY001"])
    assert [(d.article, flagged(source, d)) for d in found] == [("1", "beispielloser"), ("2", "spektakulärer")]
    assert [d.line for d in found] == [1, 2]


def test_json_lines_bad_line_is_reported_and_the_rest_linted(isolated):
    (isolated / "e.jsonl").write_text(
        '{"id": "1", "body": "Ein beispielloser Vorgang."}\n{"id": 2, "body": \n[1, 2]\n', encoding="utf-8"
    )
    r = run_cli("check", "--format", "json", "--select", "HY001", "e.jsonl")
    assert r.returncode == 2
    assert len(json.loads(r.stdout)) == 1
    assert "e.jsonl: Zeile 2, Spalte" in r.stderr and "kein gültiges JSON" in r.stderr
    assert "Zeile 3: kein Artikel" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("package.json", '{"name": "x", "version": "1.0.0", "dependencies": {"a": "^1"}}', "kein Artikel-Export"),
        ("numbers.json", "[1, 2, 3]", "kein Artikel-Export"),
        ("broken.json", '{"title": "x",\n  "body": }', "kein gültiges JSON: Zeile 2, Spalte 11"),
        ("not-newsml.xml", "<rss><channel/></rss>", "kein NewsML-G2"),
        ("broken.xml", "<newsItem>\n<headline>x</newsItem>", "kein wohlgeformtes XML: Zeile 2"),
        (
            "bomb.xml",
            '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
            "<newsItem><headline>&lol2;</headline></newsItem>",
            "XML abgelehnt",
        ),
    ],
)
def test_inputs_that_are_no_article_are_refused_once(isolated, name, content, message):
    (isolated / name).write_text(content, encoding="utf-8")
    r = run_cli("check", "--format", "json", name)
    assert r.returncode == 2
    assert r.stdout.strip() == "[]"
    assert r.stderr.count(message) == 1, r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr


def test_folders_do_not_pick_up_json_or_xml(isolated):
    (isolated / "package.json").write_text('{"name": "x"}', encoding="utf-8")
    (isolated / "a.txt").write_text("Ein ruhiger Tag.\n", encoding="utf-8")
    r = run_cli("check", "--format", "json", ".")
    assert r.returncode == 0, r.stderr
    assert "1 Datei geprüft" in r.stderr


# ----- NewsML-G2 -------------------------------------------------------------

def test_newsml_findings_point_at_the_word_through_entities_and_cdata():
    found = check_text(NEWSML_ITEM, "item.xml", select=["HY001", "HY002"])
    words = {flagged(NEWSML_ITEM, d): d.field for d in found}
    assert words["Beispiellose"] == "headline"
    assert words["Erdbeben"] == "headline"  # after &amp; and &#8222;
    assert words["spektakulärer"] == "description"  # inside CDATA
    assert words["beispiellosen"] == "inlineXML"
    assert words["Sensation"] == "inlineXML"
    assert all(d.article == "urn:newsml:example.org:20250106:1" for d in found)


def test_newsml_zones_and_metadata():
    read = read_newsml(NEWSML_ITEM)
    zones = [b.zone for b in read.blocks]
    assert zones == ["headline", "subheadline", "teaser", "dateline", "lead", "body", "credit"]
    texts = [read.prose[b.start : b.end] for b in read.blocks]
    assert texts[0] == "Beispiellose Einigung & ein „Erdbeben“ an der Börse"
    assert texts[3] == "Wien"
    assert texts[-1] == "APA/dpa"
    assert "Titel" not in read.prose  # the XHTML head is no prose
    assert read.meta == {"id": "urn:newsml:example.org:20250106:1", "genre": "bericht", "date": "2025-01-06", "language": "de"}


def test_newsml_message_with_two_items_gives_two_documents():
    item = NEWSML_ITEM.split("\n", 1)[1]
    message = (
        '<?xml version="1.0"?>\n<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/><itemSet>\n'
        + item + item.replace("20250106:1", "20250106:2") + "</itemSet></newsMessage>\n"
    )
    found = check_text(message, "message.xml", select=["HY001"])
    ids = [d.article for d in found]
    assert ids.count("urn:newsml:example.org:20250106:1") == ids.count("urn:newsml:example.org:20250106:2") > 0
    for d in found:
        assert flagged(message, d).lower().startswith(("beispiellos", "spektakul", "sensation"))


# ----- the same article as Markdown and as an export -------------------------

def _as_export(text: str) -> tuple[str, str]:
    """(Markdown with the first sentence as a heading, JSON Lines record of the same).
    The first sentence ends at its line's end at the latest: a Markdown heading is one line."""
    first, rest = re.split(r"\. |\n", text.strip(), maxsplit=1)
    return f"# {first}.\n\n{rest}\n", json.dumps({"id": "x", "title": first + ".", "body": rest}, ensure_ascii=False) + "\n"


ZONE_FREE = ["HY001", "HY002", "SO001", "SO002", "TR"]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:8])
def test_seed_as_json_lines_finds_what_markdown_finds(seed, tmp_path):
    """The body read as Markdown (as the seed's Markdown file is): the same findings
    at the same words, through the JSON string's escapes."""
    (tmp_path / "pyproject.toml").write_text('[tool.newslint.cms]\nbody-format = "markdown"\n', encoding="utf-8")
    markdown, jsonl = _as_export(seed.read_text(encoding="utf-8"))
    as_md = check_text(markdown, tmp_path / "a.md", select=ZONE_FREE)
    as_jsonl = check_text(jsonl, tmp_path / "a.jsonl", select=ZONE_FREE)

    def key(source, d):
        return d.code, flagged(source, d) if d.line == d.end_line else d.code

    assert sorted(key(markdown, d) for d in as_md) == sorted(key(jsonl, d) for d in as_jsonl)


@pytest.mark.parametrize(
    "text",
    ["Eins zwei.\nDrei.\n\n\n Vier.\n  \nFünf", "Ein Absatz.", "  Eingerückt.\n\nUnd weiter.\n", "\n\nNach Leerzeilen."],
)
def test_markup_free_body_reads_as_markdown_paragraphs(text):
    from lint.readers.cms import read_paragraphs
    from lint.readers.markdown import read_markdown

    ours, theirs = read_paragraphs(text), read_markdown(text)
    assert [ours.prose[b.start : b.end] for b in ours.blocks] == [theirs.prose[b.start : b.end] for b in theirs.blocks]


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True, text=True, timeout=120)


def test_newsml_genre_feeds_the_profiles():
    """An agency's opinion piece (genre:Opinion) is a commentary: its evaluative words are no hype."""
    opinion = NEWSML_ITEM.replace('<genre qcode="genre:Current"><name xml:lang="de">Aktuell</name></genre>',
                                  '<genre qcode="genre:Opinion"><name xml:lang="de">Kommentar</name></genre>')
    assert read_newsml(opinion).meta["genre"] == "kommentar"
    assert [d for d in check_text(opinion, "item.xml", select=["HY001"]) if str(d.severity) == "warning"] == []
    assert [d for d in check_text(NEWSML_ITEM, "item.xml", select=["HY001"]) if str(d.severity) == "warning"]
