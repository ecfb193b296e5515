"""lint.language.negation: what is denied (table of cases through Analysis.negated)."""

from __future__ import annotations

import pytest

from lint.model.document import Block, Document, ReadResult


def negated(text: str, word: str) -> bool:
    doc = Document("t.txt", text, ReadResult(text, [Block(0, len(text))]))
    start = text.index(word)
    return doc.analysis.negated(start, start + len(word))


CASES = [
    ("Das ist keine Sensation.", "Sensation", True),
    ("Das war kein dramatischer Einbruch.", "dramatischer", True),
    ("Das war alles andere als spektakulär.", "spektakulär", True),
    ("Die Lage ist nicht dramatisch.", "dramatisch", True),
    ("Die Lage ist keineswegs ein Desaster.", "Desaster", True),
    ("Von einem Einbruch kann keine Rede sein.", "Einbruch", True),
    ("Dramatisch ist die Lage nicht.", "Dramatisch", True),
    ("Dramatisch ist die Lage nicht mehr.", "Dramatisch", True),
    ("Die Lage war nie dramatisch.", "dramatisch", True),
    # additive and stressing phrases deny nothing
    ("Das war nicht nur ein Erfolg, sondern eine Sensation.", "Sensation", False),
    ("Das war nicht nur eine Sensation.", "Sensation", False),
    ("Kein Wunder, dass die Aktie in den Sturzflug ging.", "Sturzflug", False),
    ("Die Kurse stiegen wie nie zuvor, eine Sensation.", "Sensation", False),
    ("Nvidia ist nicht mehr der unangefochtene Titan der Branche.", "Titan", False),
    # the scope ends at the clause, a contrast or a preposition, and within reach
    ("Der Kurs fiel nicht, sondern stürzte dramatisch ab.", "dramatisch", False),
    ("Der Kurs fiel nicht, er stürzte dramatisch ab.", "dramatisch", False),
    ("Innovation muss nicht zwangsläufig mit enormen Investitionen einhergehen.", "enormen", False),
    ("Das war nicht der Fall, obwohl die Lage seit Wochen dramatisch ist.", "dramatisch", False),
    ("Die Firma hat nicht ein einziges Mal in der langen Geschichte eine Sensation erlebt.", "Sensation", False),
    # the finite verb before the negator, and a negator inside a phrase that is not its own
    ("Der Kurs kollabierte nicht.", "kollabierte", True),
    ("Die Aktie rauschte keineswegs in den Keller.", "in den Keller", True),
    ("Nur die Monstersirenen der Polizei verstummten nicht.", "Monstersirenen", False),
    ("Sofern der Turbo-Staat nicht anderweitig kürzt, steigt die Leistung.", "Turbo-Staat", False),
    # no negator
    ("Die Lage ist dramatisch.", "dramatisch", False),
    # the negator's own words are not denied by it
    ("Das gab es noch nie.", "nie", False),
]


@pytest.mark.parametrize("text,word,expected", CASES, ids=[f"{'neg' if c[2] else 'pos'}-{i}" for i, c in enumerate(CASES)])
def test_negated(text, word, expected):
    assert negated(text, word) is expected


@pytest.mark.parametrize(
    "text,span,own,expected",
    [
        ("Sie werden nicht glauben, was passiert.", "Sie werden nicht glauben", "Sie werden nicht glauben", False),
        ("Die Firma brach keineswegs alle Rekorde.", "brach keineswegs alle Rekorde", "brechen … alle Rekorde", True),
    ],
)
def test_negator_inside_the_span(text, span, own, expected):
    doc = Document("t.txt", text, ReadResult(text, [Block(0, len(text))]))
    start = text.index(span)
    assert doc.analysis.negated(start, start + len(span), own=own) is expected


def test_scopes_carry_their_negator():
    text = "Das ist keine Sensation, aber ein Erfolg."
    doc = Document("t.txt", text, ReadResult(text, [Block(0, len(text))]))
    (scope,) = doc.analysis.negations
    assert (text[scope.start : scope.end], scope.cue) == ("ist keine Sensation", "keine")  # with its finite verb
