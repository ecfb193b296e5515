"""Readers: what is prose, and that offsets always point into the original file."""

import unicodedata

import pytest

from lint import check_text
from lint.model.document import Document
from lint.plugins.registry import registry
from lint.readers.html import read_html
from lint.readers.markdown import read_markdown
from lint.readers.plain import read_plain

HYPE = "beispiellos"


def test_markdown_keeps_offsets_and_blanks_markup():
    source = (
        "---\ntags: beispiellos\n---\n"
        "# Überschrift „Ä“\n\n"
        "Text mit `beispiellos` und [Link-Text](https://example.org/beispiellos) sowie ![Bild Öl](bild.png).\n"
        "<!-- beispiellos -->\n\n"
        "```\nbeispiellos\n```\n\n"
        "> Zitat über **Öl**\n\n"
        "- Punkt eins\n- Punkt zwei\n"
    )
    read = read_markdown(source)
    assert len(read.prose) == len(source)
    words = read.prose.split()
    assert "beispiellos" not in " ".join(words).lower().replace("link-text", "")
    for kept in ("Überschrift", "„Ä“", "Link-Text", "Bild", "Zitat", "Öl", "Punkt"):
        assert kept in read.prose
    for gone in ("tags:", "https://example.org", "bild.png", "```", "**", "#"):
        assert gone not in read.prose
    kinds = [b.kind for b in read.blocks]
    assert kinds == ["heading", "paragraph", "quote", "item", "item"]
    for i, char in enumerate(read.prose):  # prose offsets equal source offsets
        assert char.isspace() or char == source[i]


# (case, Markdown source): none of them may show "beispiellos" as prose; each
# keeps the words "Text" and "Ende" (the article around the construct).
NOT_PROSE = [
    ("fence in a block quote", "Text.\n\n> Zitat:\n> ```\n> beispiellos\n> ```\n\nEnde.\n"),
    ("fence in a list item", "Text.\n\n- Punkt\n\n  ```\n  beispiellos\n  ```\n\nEnde.\n"),
    ("tilde fence in a nested quote", "Text.\n\n> > ~~~\n> > beispiellos\n> > ~~~\n\nEnde.\n"),
    ("raw pre block", "Text.\n\n<pre>\nbeispiellos\n</pre>\n\nEnde.\n"),
    ("TOML front matter", "+++\ntags = [\"beispiellos\"]\ndate = 2024-05-01\n+++\nText.\n\nEnde.\n"),
    ("YAML front matter", "---\ntags: beispiellos\n---\nText.\n\nEnde.\n"),
    ("multi-line code span", "Text mit `Code\nbeispiellos` darin.\n\nEnde.\n"),
    ("double-backtick span", "Text mit `` a ` beispiellos `` darin. Ende.\n"),
    ("indented code", "Text.\n\n    beispiellos\n\nEnde.\n"),
    ("link target", "Text [hier](https://x.de/beispiellos). Ende.\n"),
    ("footnote marker", "Text[^beispiellos] und Ende.\n\n[^beispiellos]: Fußnote.\n"),
    ("HTML comment", "Text <!-- beispiellos --> und Ende.\n"),
]


@pytest.mark.parametrize("source", [s for _, s in NOT_PROSE], ids=[c for c, _ in NOT_PROSE])
def test_markdown_constructs_that_are_not_prose(source):
    read = read_markdown(source)
    assert len(read.prose) == len(source)
    assert HYPE not in read.prose
    assert "Text" in read.prose and "Ende" in read.prose


def test_markdown_footnote_text_is_prose(tmp_path):
    source = "Der Umsatz stieg.[^1]\n\n[^1]: Ein beispielloser Erfolg, sagt der Autor.\n"
    read = read_markdown(source)
    assert "Ein beispielloser Erfolg" in read.prose
    [d] = check_text(source, tmp_path / "a.md", select=["HY001"])
    assert (d.line, d.column) == (3, 11)


def test_markdown_front_matter_fields_go_into_meta():
    source = (
        "---\ntitle: \"Ärger über „Öl“\"\ndate: 2024-05-01\ngenre: Rezension\nlang: de\n"
        "description: >\n  Ein kurzer\n  Vorspann.\n---\nText.\n"
    )
    read = read_markdown(source)
    assert read.meta == {
        "title": "Ärger über „Öl“", "date": "2024-05-01", "genre": "Rezension", "language": "de",
        "teaser": "Ein kurzer Vorspann.",
    }
    [title, body] = read.blocks
    assert (read.prose[title.start : title.end], title.zone) == ("Ärger über „Öl“", "headline")
    assert source[title.start : title.end] == "Ärger über „Öl“"
    assert read.prose[body.start : body.end] == "Text."


def test_toml_front_matter_fields():
    source = '+++\ntitle = "Ein Titel"\ngenre = "kommentar"\ndate = 2024-05-01\n+++\nText.\n'
    read = read_markdown(source)
    assert read.meta == {"title": "Ein Titel", "genre": "kommentar", "date": "2024-05-01"}
    assert read.prose.split() == ["Ein", "Titel", "Text."]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_unclosed_front_matter_is_reported_once_and_the_article_linted(tmp_path, suffix):
    source = "---\ntitle: Titel\ndate: 2024-05-01\n\nEin beispielloser Erfolg für die Stadt.\n"
    found = check_text(source, tmp_path / f"a{suffix}", select=["NL003", "HY001"])
    assert [(d.code, d.line, d.column) for d in found] == [("NL003", 1, 1), ("HY001", 5, 5)]


def test_plain_text_rule_line_is_no_front_matter():
    source = "---\nWien: Der Bundestag tagte.\n---\n"
    read = read_plain(source)
    assert "Wien: Der Bundestag tagte." in read.prose and read.meta == {} and read.problems == []


def test_markdown_diagnostic_columns_with_umlauts(tmp_path):
    text = "# Über „Öl“\n\nÄrger über einen **beispiellosen** Verlust.\n"
    [d] = check_text(text, tmp_path / "a.md", select=["HY001"])
    assert (d.line, d.column, d.end_line, d.end_column) == (3, 20, 3, 33)
    assert text.splitlines()[2][d.column - 1 : d.end_column - 1] == "beispiellosen"


def test_markdown_code_and_links_are_not_linted(tmp_path):
    text = "Siehe `beispiellos` und [hier](https://x.de/beispiellos).\n\n    beispiellos\n"
    assert check_text(text, tmp_path / "a.md", select=["HY001"]) == []


def test_markdown_image_alt_and_caption_line():
    source = "![Ein Bild von „Öl“](bild.png)\n*Die Ölpumpe. Foto: dpa*\n\nText.\n"
    read = read_markdown(source)
    assert [(read.prose[b.start : b.end], b.zone) for b in read.blocks] == [
        ("Ein Bild von „Öl“", "caption"),
        ("Die Ölpumpe. Foto: dpa", "caption"),
        ("Text.", ""),
    ]


def test_markdown_table_cells_are_blocks():
    source = "| Stadt | Einwohner |\n|---|---|\n| Köln | eine Million |\n"
    read = read_markdown(source)
    assert [read.prose[b.start : b.end] for b in read.blocks] == ["Stadt", "Einwohner", "Köln", "eine Million"]


def test_html_entities_and_tags_map_back(tmp_path):
    source = "<html><head><title>x</title><style>p{}</style></head><body>\n<p>M&auml;rz &amp; April: ein <b>beispielloser</b> Verlust.</p>\n<pre>beispiellos</pre><script>beispiellos</script></body></html>"
    read = read_html(source)
    assert "März & April" in read.prose
    assert "<b>" not in read.prose and "script" not in read.prose
    [d] = check_text(source, tmp_path / "a.html", select=["HY001"])
    assert source[d.start : d.end] == "beispielloser"
    assert (d.line, d.column) == (2, source.splitlines()[1].index("beispielloser") + 1)


def test_html_blocks():
    read = read_html("<h1>Titel</h1><p>Erster Absatz.</p><ul><li>Punkt</li></ul><img alt='Ein Bild' src='x.png'>")
    doc = Document("a.html", "", read)
    assert [(read.prose[b.start : b.end], b.kind) for b in read.blocks] == [
        ("Titel", "heading"),
        ("Erster Absatz.", "paragraph"),
        ("Punkt", "item"),
        ("Ein Bild", "caption"),
    ]
    assert len(doc.sentences) == 4


@pytest.mark.parametrize(
    "element",
    ["nav", "noscript", "textarea", "template", "svg", "button", "select", "pre", "code", "script", "style"],
)
def test_html_elements_without_prose(element):
    source = f"<p>Text.</p><{element} class='x'><span>beispiellos</span></{element}><p>Ende.</p>"
    read = read_html(source)
    assert HYPE not in read.prose
    assert [read.prose[b.start : b.end] for b in read.blocks] == ["Text.", "Ende."]


def test_html_figcaption_is_prose_in_the_caption_zone():
    source = "<figure><img src='a.jpg'><figcaption>Die Ölpumpe in „Köln“. Foto: dpa</figcaption></figure>"
    read = read_html(source)
    [block] = read.blocks
    assert (read.prose[block.start : block.end], block.zone) == ("Die Ölpumpe in „Köln“. Foto: dpa", "caption")


def test_html_zones_from_markup_and_meta():
    source = (
        '<html lang="de"><head><meta name="genre" content="kommentar">'
        '<meta name="description" content="Kurz gesagt."></head><body>'
        '<header><p class="kicker">Dachzeile</p><h1>Schlagzeile</h1><p class="article-teaser">Vorspann.</p></header>'
        '<p><span class="byline">Von Anna Ölberg</span></p><p itemprop="articleBody">Text.</p>'
        "<h2>Zwischentitel</h2><aside>Kasten.</aside><blockquote>Zitat.</blockquote></body></html>"
    )
    read = read_html(source)
    assert read.meta == {"genre": "kommentar", "teaser": "Kurz gesagt.", "language": "de"}
    assert [(read.prose[b.start : b.end], b.zone) for b in read.blocks] == [
        ("Dachzeile", "subheadline"),
        ("Schlagzeile", "headline"),
        ("Vorspann.", "teaser"),
        ("Von Anna Ölberg", "byline"),
        ("Text.", "body"),
        ("Zwischentitel", "subheading"),
        ("Kasten.", "info-box"),
        ("Zitat.", "quote-box"),
    ]


def test_html_comment_inside_code_is_no_directive(tmp_path):
    source = "<pre><!-- newslint-disable --></pre><p>Ein beispielloser Erfolg.</p>"
    assert [d.code for d in check_text(source, tmp_path / "a.html", select=["HY001"])] == ["HY001"]


def test_markdown_directive_inside_code_is_not_obeyed(tmp_path):
    source = "```\n<!-- newslint-disable -->\n```\n\nEin beispielloser Erfolg.\n"
    assert [d.code for d in check_text(source, tmp_path / "a.md", select=["HY001"])] == ["HY001"]


@pytest.mark.parametrize(
    "directive",
    ["newslint-disable-lin HY001", "newslint-disable-line HY001", "newslint-disabel", "newslint-enable-all"],
)
def test_misspelt_directive_is_reported_and_disables_nothing(tmp_path, directive):
    source = f"<!-- {directive} -->\nEin beispielloser Erfolg.\n\nNoch ein beispielloser Tag.\n"
    found = check_text(source, tmp_path / "a.md", select=["HY001", "NL002"])
    assert [(d.code, d.line) for d in found] == [("NL002", 1), ("HY001", 2), ("HY001", 4)]


def test_plain_text_blocks_one_paragraph_per_line():
    source = "Schlagzeile ohne Punkt\nErster Absatz. Mit zwei Sätzen.\n\nZweiter Absatz.\n"
    read = read_plain(source)
    assert [(source[b.start : b.end], b.kind) for b in read.blocks] == [
        ("Schlagzeile ohne Punkt", "heading"),
        ("Erster Absatz. Mit zwei Sätzen.", "paragraph"),
        ("Zweiter Absatz.", "paragraph"),
    ]


def test_plain_text_hard_wrapped_paragraph_is_one_block():
    source = (
        "Der Bundestag hat am Freitag nach langer Debatte ein\n"
        "neues Gesetz beschlossen, das im kommenden Jahr in\n"
        "Kraft treten soll.\n"
    )
    read = read_plain(source)
    assert len(read.blocks) == 1
    assert len(Document("a.txt", source, read).sentences) == 1


def test_crlf_columns(tmp_path):
    text = "Überschrift „Ä“\r\nDie Öffentlichkeit erlebte einen beispiellosen Kraftakt.\r\n"
    [d] = check_text(text, tmp_path / "a.txt", select=["HY001"])
    assert (d.line, d.column, d.end_column) == (2, 34, 47)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_cr_only_line_endings(tmp_path, suffix):
    text = "Überschrift „Ä“\r\rDie Öffentlichkeit erlebte einen beispiellosen Kraftakt.\r"
    [d] = check_text(text, tmp_path / f"a{suffix}", select=["HY001"])
    assert (d.line, d.column, d.end_column) == (3, 34, 47)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_decomposed_umlauts_are_analysed_composed(tmp_path, suffix):
    composed = "Überschrift\n\nDie Stadt erlebte einen atemberaubenden Aufschwung, sagte Jürgen Müller.\n"
    text = unicodedata.normalize("NFD", composed)
    assert len(text) > len(composed)
    found = check_text(text, tmp_path / f"a{suffix}", select=["HY001"])
    assert [text[d.start : d.end] for d in found] == ["atemberaubenden"]
    [d] = found
    line = text.split("\n")[d.line - 1]
    assert line[d.column - 1 : d.end_column - 1] == "atemberaubenden"
    doc = Document("a", text, registry().reader_for(f"a{suffix}").read(text))
    assert "Müller" in doc.prose and "Überschrift" in doc.prose
    for t in doc.tokens:  # every token maps back onto the same (decomposed) source text
        assert unicodedata.normalize("NFC", text[doc.to_source(t.start) : doc.to_source(t.end)]) == t.text


def test_decomposed_umlaut_inside_a_finding(tmp_path):
    text = unicodedata.normalize("NFD", "Ein Erfolg. Ein außergewöhnliches Ergebnis für Köln.\n")
    found = check_text(text, tmp_path / "a.txt", select=["HY"])
    assert [unicodedata.normalize("NFC", text[d.start : d.end]) for d in found] == ["außergewöhnliches"]


def test_a_heading_has_at_most_twelve_words_counted_as_split_counts_them():
    from lint.readers import looks_like_heading

    twelve = " ".join(["Wort"] * 12)
    assert looks_like_heading(twelve) and looks_like_heading(f"  {twelve} \t")
    assert looks_like_heading(twelve.replace(" ", " \t\u00a0 "))  # any white space between words
    assert not looks_like_heading(twelve + " Wort")
    assert not looks_like_heading(" ".join(["Wort"] * 400))
    assert not looks_like_heading(twelve + ".") and not looks_like_heading("   ")


def _text_blocks_by_line_copies(prose: str):
    """The plain reader's blocks as worked out before they were read off spans of the
    prose: with a copy of each line (the reference ``text_blocks`` must equal)."""
    from lint.model.document import Block
    from lint.readers import lines_with_offsets, looks_like_heading

    blocks, group = [], []

    def lead(line):
        return len(line) - len(line.lstrip())

    def flush():
        if not group:
            return
        wrapped = (
            len(group) >= 2
            and all(len(l.strip()) <= 100 for _, l in group)
            and all(len(l.strip()) >= 50 for _, l in group[:-1])
            and (len(group) >= 3 or any(l.lstrip()[:1].islower() for _, l in group[1:]))
        )
        if wrapped:
            start, first = group[0]
            end_start, last = group[-1]
            blocks.append(Block(start + lead(first), end_start + len(last.rstrip()), "paragraph"))
        else:
            for start, line in group:
                kind = "heading" if looks_like_heading(line) else "paragraph"
                blocks.append(Block(start + lead(line), start + len(line.rstrip()), kind))
        group.clear()

    for start, line in lines_with_offsets(prose):
        if line.strip():
            group.append((start, line))
        else:
            flush()
    flush()
    return blocks


def test_text_blocks_are_those_of_the_lines_copied():
    import random

    from lint.readers import text_blocks

    rng = random.Random(7)
    pieces = ["Wort", "wort", " ", "  ", "\t", "\u00a0", "\n", "\n\n", "\r\n", "\r", ".", "!", "“", "Ä", "ä",
              "x" * 60, "y " * 30, "Eine Zeile von gut fünfzig Zeichen, hart umbrochen wie\n"]
    for _ in range(3000):
        prose = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert text_blocks(prose) == _text_blocks_by_line_copies(prose), repr(prose)


@pytest.mark.parametrize(
    "text, lines",
    [
        ("a\nbb\n", [(0, "a"), (2, "bb")]),
        ("a\r\nbb", [(0, "a"), (3, "bb")]),
        ("a\rbb\r\n\nc", [(0, "a"), (2, "bb"), (6, ""), (7, "c")]),
        ("one line", [(0, "one line")]),
        ("a\fb\n", [(0, "a\fb")]),  # a form feed ends no line
    ],
)
def test_line_spans_and_lines_agree(text, lines):
    from lint.readers import line_spans, lines_with_offsets

    assert list(lines_with_offsets(text)) == lines
    assert list(line_spans(text)) == [(start, start + len(line)) for start, line in lines]
