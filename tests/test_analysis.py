"""The per-document analysis: one splitter, quotations with speakers, metadata, zones."""

import pytest

from lint.language.analysis import Metadata
from lint.language.segment import sentence_window, split_region, split_sentences
from lint.model.document import Block, Document, ReadResult
from lint.readers.plain import read_plain

TEXT = (
    "Am 27. Januar fiel der Kurs. Z. B. so. Der Verlust betrug 3 Mrd. Euro.\n\n"
    "„Das ist falsch“, sagte Anna Müller. Sie ging.\n"
)


def document(text: str = TEXT, meta: dict | None = None) -> Document:
    read = read_plain(text)
    read.meta = meta or {}
    return Document("t.txt", text, read)


def test_sentences_are_the_splitters_block_by_block():
    doc = document()
    expected = [span for b in doc.blocks for span in split_sentences(doc.prose, b.start, b.end)]
    assert [(s.start, s.end) for s in doc.analysis.sentences] == expected
    assert doc.sentences is doc.analysis.sentences
    assert [doc.analysis.block_sentences(b) for b in range(len(doc.blocks))] == [
        [(s.start, s.end) for s in doc.sentences if s.block == b] for b in range(len(doc.blocks))
    ]


def test_sentence_at_and_blocks():
    doc = document()
    offset = TEXT.index("Verlust")
    assert doc.analysis.sentence_at(offset).text == "Der Verlust betrug 3 Mrd. Euro."
    assert doc.analysis.block_at(offset) == 0
    assert doc.analysis.block_at(TEXT.index("Sie ging")) == 1
    assert doc.analysis.sentence_at(TEXT.index("\n\n") + 1) is None


@pytest.mark.parametrize("reach", [5, 20, 40, 600])
def test_sentences_near_are_the_blocks_own(reach):
    doc = document()
    offset = TEXT.index("so.")
    near = doc.analysis.sentences_near(offset, offset + 3, reach)
    whole = split_sentences(doc.prose, doc.blocks[0].start, doc.blocks[0].end)
    assert near.block == 0
    assert set(near.spans) <= set(whole)
    assert near.spans[near.index] == (TEXT.index("Z. B."), TEXT.index("so.") + 3)


def test_split_region_drops_partial_edges():
    text = "Eins ist hier. Zwei ist da. Drei ist dort."
    spans, head, tail = split_region(text, 0, len(text), 5, 30)
    assert [text[s:e] for s, e in spans] == ["Zwei ist da."]
    assert (head, tail) == (False, False)


@pytest.mark.parametrize(
    "word, n, expected",
    [
        ("Verlust", 0, "Der Verlust betrug 3 Mrd. Euro."),
        ("27.", 0, "Am 27. Januar fiel der Kurs."),
        ("so.", 1, "Am 27. Januar fiel der Kurs. Z. B. so. Der Verlust betrug 3 Mrd. Euro."),
        ("Sie", 1, "„Das ist falsch“, sagte Anna Müller. Sie ging."),  # a line break ends the window
    ],
)
def test_sentence_window(word, n, expected):
    start = TEXT.index(word)
    lo, hi = sentence_window(TEXT, start, start + len(word), n)
    assert TEXT[lo:hi].strip() == expected


def test_quotes_and_speakers():
    doc = document()
    offset = TEXT.index("falsch")
    assert doc.analysis.speaker_of(offset, offset + 6).text == "Anna Müller"
    assert doc.analysis.quote_at(offset, offset + 6).span == doc.in_quote(offset, offset + 6)
    assert [q.span for q in doc.analysis.quotes] == doc.quotes
    assert doc.analysis.speaker_of(0, 2) is None


def test_metadata_is_typed():
    doc = document(meta={"title": "Kurs fällt", "genre": "Bericht", "author": "x"})
    assert doc.analysis.meta == Metadata(title="Kurs fällt", genre="Bericht")
    assert document().analysis.meta == Metadata()


def test_zone_of_a_block():
    text = "Titel\n\nText."
    doc = Document("t.txt", text, ReadResult(text, [Block(0, 5, "heading", "headline"), Block(7, 12)]))
    assert doc.analysis.zone_at(1) == "headline"
    assert doc.analysis.zone_at(8) == "lead"  # the first paragraph after the headline
    assert doc.analysis.zone_at(6) == "body"  # between blocks


def test_no_kind_keeps_private_results_on_the_document():
    """Shared results live on ``doc.analysis``: linting with every pack but LanguageTool
    adds no private key to the document (the readability analysis was one)."""
    from pathlib import Path

    from lint.api import _workspace

    text = (
        "Die Zahl der Pendler stieg um 40 Prozent auf 12.000, ein beispielloser Rekord. "
        "Experten sprechen von einem Erdbeben, das in Ty begann, und der Satz, der hier "
        "steht, weil er lang sein soll, damit die Lesbarkeit etwas zu messen hat, endet.\n"
    ) * 8
    doc = document(text)
    before = set(vars(doc))
    engine = _workspace(None, None, ["LT"]).engine_for(Path("t.txt").absolute())
    assert engine.lint_document(doc)
    assert {k for k in set(vars(doc)) - before if k.startswith("_")} == set()
    assert doc.analysis.readability.metrics.words > 100


@pytest.mark.parametrize(
    "path, source, kept",
    [
        ("a.txt", "Die Firma „Müller“ meldet – wie erwartet – 40 Prozent mehr.\n", True),
        ("a.md", "# Titel\n\nDie Firma meldet *viel* mehr.\n", False),  # the reader blanks the markup
        ("a.html", "<p>Die Firma &amp; ihr Chef.</p>\n", False),
        ("a.txt", "Cafe\u0301 und Ma\u0308rchen.\n", False),  # normalised to NFC: prose is not the source
    ],
)
def test_prose_utf8_from_the_bytes_as_read_only_where_the_prose_is_the_source(path, source, kept):
    """``Engine.documents`` keeps the bytes a file was read as for a document whose prose is
    the source unchanged; its analysis's ``prose_utf8`` is then what encoding the prose gives."""
    from lint.engine.core import Workspace
    from lint.language.words import utf8

    engine = Workspace().engine_for_file(path)
    encoded = source.encode("utf-8")
    [doc] = engine.documents(path, source, encoded)
    assert (doc.utf8_as_read is encoded) is kept and (doc.prose == source) is kept
    assert doc.analysis.prose_utf8 == utf8(doc.prose)
    [plain] = engine.documents(path, source)
    assert plain.utf8_as_read is None and plain.analysis.prose_utf8 == doc.analysis.prose_utf8


@pytest.mark.parametrize(
    "text",
    ["Der Euro-Kurs fiel, der Euro nicht. Ich-Erzähler und -Anhang; KI-Startup-Chef.", "Ohne Bindestrich im Text.", ""],
)
def test_word_firsts_are_the_words_and_the_first_part_of_each_hyphenated_one(text):
    a = document(text).analysis
    expected = set(a.word_counts) | {word.partition("-")[0] for word in a.word_counts if "-" in word}
    assert type(a.word_firsts) is frozenset and a.word_firsts == expected
