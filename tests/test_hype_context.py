"""The hype pack's context: the speaker in the message, genre, and engine-owned state."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint import check_text
from lint.api import _workspace
from lint.language.metaphor_context import genre_of
from lint.model.diagnostics import Severity
from lint.model.document import Block, Document, ReadResult


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Die Ministerin bezeichnete die Einigung als beispiellos.", "„Die Ministerin“"),
        ("„Das ist ein beispielloser Erfolg“, sagte Konzernchef Müller.", "„Konzernchef Müller“"),
        ("Laut Müller ist das ein beispielloser Erfolg.", "„Müller“"),
    ],
)
def test_speech_is_a_hint_that_names_the_speaker(text, speaker):
    (d,) = check_text(text, "a.txt", select=["HY001"])
    assert d.severity == Severity.INFO
    assert f"die Wertung von {speaker}" in d.message


def test_speech_without_a_known_speaker_says_so():
    (d,) = check_text("Der Erfolg sei beispiellos.", "a.txt", select=["HY001"])
    assert d.severity == Severity.INFO and "die Wertung einer Quelle" in d.message


class _WithGenre:
    def __init__(self, genre):
        self.genre = genre


class _Doc:
    def __init__(self, analysis, meta):
        self.analysis = analysis
        self.meta = meta


@pytest.mark.parametrize(
    "analysis,meta,expected",
    [
        (object(), {"genre": "Rezension"}, "rezension"),  # before the analysis knows genres: the metadata
        (object(), {}, ""),
        (_WithGenre("kommentar"), {"genre": "nachricht"}, "kommentar"),  # the analysis wins once it knows
        (_WithGenre(""), {"genre": "rezension"}, ""),
    ],
)
def test_genre_of(analysis, meta, expected):
    assert genre_of(_Doc(analysis, meta)) == expected


@pytest.mark.parametrize("genre", ["rezension", "kommentar", ""])
def test_evaluative_genre_is_no_hype_warning(genre):
    """In a review or a commentary evaluative words are at most a hint (the pack's
    profile turns them off); in a report they are warnings."""
    engine = _workspace(None, ["HY001"], None).engine_for(Path("a.txt").absolute())
    doc = engine.document("a.txt", "Ein beispielloser Roman über die Stadt.")
    if genre:
        doc.meta["genre"] = genre
    found = engine.lint_document(doc)
    if genre:
        assert all(d.severity < Severity.WARNING for d in found)
    else:
        assert [d.severity for d in found] == [Severity.WARNING]


def test_metaphor_kind_keeps_no_state_in_its_module():
    """Results travel through doc.analysis, never module globals or doc.__dict__ keys."""
    import lint.kinds.metaphor as metaphor

    mutable = {n: v for n, v in vars(metaphor).items() if isinstance(v, (dict, list, set)) and not n.isupper() and not n.startswith("__")}
    assert mutable == {}
    text = "Ein beispielloses Erdbeben erschütterte die Börse."
    doc = Document("t.txt", text, ReadResult(text, [Block(0, len(text))]))
    before = set(vars(doc))
    engine = _workspace(None, ["HY"], None).engine_for(Path("t.txt").absolute())
    engine.lint_document(doc)
    assert {k for k in set(vars(doc)) - before if k.startswith("_metaphor")} == set()


@pytest.mark.parametrize("genre", ["portraet", "reportage"])
def test_portraits_obituaries_and_features_may_evaluate(tmp_path, genre):
    text = f"---\ngenre: {genre}\n---\nSie war eine beispiellose Künstlerin.\n"
    found = check_text(text, tmp_path / "a.md", select=["HY001"])
    assert [str(d.severity) for d in found] == ["info"]


SENSE_CASES = [
    # (blocks, term at its first occurrence, doubtful?)
    (["Die Revolution an der Börse ließ die Aktien steigen."], "Revolution", False),
    (["Die Revolution kam über Nacht."], "Revolution", True),
    (["Soldaten und Panzer im Krieg", "Die Revolution an der Börse ließ die Aktien steigen."], "Revolution", True),
    (["Die Börsenrevolution kam über Nacht."], "Börsenrevolution", False),
    (["Soldaten und Panzer im Krieg", "Die Revolution kam über Nacht."], "Revolution", True),
]


@pytest.mark.parametrize("blocks, word, doubtful", SENSE_CASES)
def test_doubtful_sense(blocks, word, doubtful):
    """A sense term is doubtful when a literal field stands in its paragraph or the headline,
    or no figurative domain stands in its sentence or in the word: the same answer in
    whatever order the three questions are asked (``doubtful_sense`` asks the cheap ones first)."""
    from types import SimpleNamespace

    from lint.language.metaphor_context import MetaphorContext
    from lint.kinds.metaphor import Metaphor

    options = {**Metaphor.defaults, "figurative_fields": ["markets", "economy"], "literal_fields": {word: ["military", "history"]}}
    context = MetaphorContext.from_options(options)
    text = "\n\n".join(blocks)
    spans, at = [], 0
    for block in blocks:
        spans.append(Block(at, at + len(block)))
        at += len(block) + 2
    doc = Document("t.txt", text, ReadResult(text, spans))
    start = text.rindex(word)
    cand = SimpleNamespace(start=start, end=start + len(word), term=word)
    a = doc.analysis
    literal = bool(a.fields_in_blocks(start, ["military", "history"]))
    near = bool(a.fields_near(start, cand.end, 0, only=context.figurative_fields))
    own = bool(a.fields_in_span(start, cand.end, only=context.figurative_fields))
    assert (literal or not (near or own)) == doubtful
    assert context.doubtful_sense(doc, cand) is doubtful
