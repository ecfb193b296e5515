"""Readers: what is prose, and that offsets always point into the original file."""

from lint import check_text
from lint.model.document import Document
from lint.readers.html import read_html
from lint.readers.markdown import read_markdown
from lint.readers.plain import read_plain


def prose_words(read, source):
    return read(source).prose.split()


def test_markdown_keeps_offsets_and_blanks_markup():
    source = (
        "---\ntitle: Beispiellos\n---\n"
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
    for gone in ("title:", "https://example.org", "bild.png", "```", "**", "#"):
        assert gone not in read.prose
    kinds = [b.kind for b in read.blocks]
    assert kinds == ["heading", "paragraph", "quote", "item", "item"]
    for b in read.blocks:  # prose offsets equal source offsets
        assert read.prose[b.start : b.end].split()[0] in source[b.start : b.end]


def test_markdown_diagnostic_columns_with_umlauts(tmp_path):
    text = "# Über „Öl“\n\nÄrger über einen **beispiellosen** Verlust.\n"
    [d] = check_text(text, tmp_path / "a.md", select=["HY001"])
    assert (d.line, d.column, d.end_line, d.end_column) == (3, 20, 3, 33)
    assert text.splitlines()[2][d.column - 1 : d.end_column - 1] == "beispiellosen"


def test_markdown_code_and_links_are_not_linted(tmp_path):
    text = "Siehe `beispiellos` und [hier](https://x.de/beispiellos).\n\n    beispiellos\n"
    assert check_text(text, tmp_path / "a.md", select=["HY001"]) == []


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
