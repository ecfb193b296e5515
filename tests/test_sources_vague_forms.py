"""The vague forms of a whole document (``document_vague_forms``): the same as a search of
its prose, though the words each form needs are looked up among the document's words first."""

from __future__ import annotations

import random

import pytest

from lint.language.attribution import _ALWAYS_FORMS, document_vague_forms, vague_forms
from lint.model.document import Document
from lint.readers.plain import read_plain


def _document(text: str) -> Document:
    return Document("t.txt", text, read_plain(text))


CASES = [
    "Wie aus Koalitionskreisen zu hören war, steigt der Etat.",
    "Aus gut informierten Regierungs-Kreisen verlautete, der Etat steige.",
    "Aus Kreisen der Organisation für das Verbot von Chemiewaffen hieß es, man prüfe.",
    "Zu Preisen aus dem Handel: Reisen bleibt teuer.",
    "Aus dem engeren Umfeld des Ministers hieß es, er trete zurück.",
    "Das Firmen-Umfeld aus dem Haus dem Umfeld nach.",
    "Wie man hört, steigt der Etat. Man hört, er sinke. Wie man hörte, fällt er.",
    "Es heißt, der Etat steige. Er heißt Max. Es heißt nicht viel.",
    ".xEs heißt, das sei so.",
    "Der Sieg gilt als sicher, die Wahl galten als ausgemacht, und vergilt als wahrscheinlich.",
    "Die Gelder gelten als sicher. Er galt als Favorit. Als sicher gilt nichts.",
    "aus Kreisen",
    "",
]

#: The words and pieces random texts are made of: the forms' words and near misses.
PIECES = (
    "aus Aus Haus dem Umfeld Umfelds Firmen-Umfeld engeren Koalitionskreisen Kreisen kreisen Preisen reisen "
    "wie Wie man hört hörte heißt Es xEs gilt gelten galt galten vergilt als sicher wahrscheinlich ausgemacht "
    "der des Ministers Organisation zu hören verlautete , . – „ “"
).split()


def test_every_literal_of_the_forms_is_gated():
    # The gate (``_form_literals``) names each literal ``vague_forms`` searches for.
    literals = {"reisen", "Umfeld"} | {needle for needle, _pattern in _ALWAYS_FORMS}
    text = " ".join(CASES)
    from lint.language.attribution import _form_literals

    assert set(_form_literals(_document(text).analysis).split("\n")) == literals


@pytest.mark.parametrize("text", CASES)
def test_document_forms_are_those_of_the_prose(text):
    doc = _document(text)
    assert document_vague_forms(doc.prose, doc.analysis) == vague_forms(doc.prose)


def test_document_forms_of_random_texts_are_those_of_the_prose():
    rng = random.Random(37)
    found = 0
    for _ in range(3000):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        doc = _document(text)
        expected = vague_forms(doc.prose)
        assert document_vague_forms(doc.prose, doc.analysis) == expected, text
        found += bool(expected)
    assert found > 100  # the texts hold forms, not only near misses
