"""lint.language.names: names and titles (table of cases through Analysis.name_at)."""

from __future__ import annotations

import pytest

from lint.model.document import Block, Document, ReadResult


def name_of(text: str, word: str):
    doc = Document("t.txt", text, ReadResult(text, [Block(0, len(text))]))
    start = text.index(word)
    return doc.analysis.name_at(start, start + len(word))


CASES = [
    # quotation marks as title marks after a name-type word
    ("Das Album ‚Totale Sensation‘ erschien im Mai.", "Sensation", "title"),
    ("Die Operation „Donnerschlag“ begann im Morgengrauen.", "Donnerschlag", "title"),
    ("Die Netflix-Serie »Sturm der Liebe« läuft weiter.", "Sturm", "title"),
    ("Sein Debütalbum „Erdbeben“ verkaufte sich gut.", "Erdbeben", "title"),
    ("Die Demonstration stand unter dem Motto „Revolution jetzt“.", "Revolution", "title"),
    ("Der Film „Einfach beispiellos“ lief am Abend.", "beispiellos", "title"),
    # capitalised words after a name-type word
    ("Die Band Tornado spielte am Abend.", "Tornado", "typed"),
    ("Das Schiff Titan lief aus.", "Titan", "typed"),
    ("Der Verein Sturm Graz gewann.", "Sturm", "typed"),
    # capitalised runs that are names
    ("Gegen Tornado Zürich fehlt der Kapitän.", "Tornado", "sequence"),
    ("Sturm Graz gewann das Spiel.", "Sturm", "sequence"),
    ("Der Trainer des SK Sturm ist zufrieden.", "Sturm", "sequence"),
    ("Am Montag sagte Marjan Sturm, der Kurs sei stabil.", "Sturm", "sequence"),
    ("Er traf auf Benficas Erzrivalen FC Porto.", "Porto", "sequence"),
    # appositions, declined openers and scare quotes are no names
    ("Er traf auf Benficas Erzrivalen FC Porto.", "Erzrivalen", ""),
    ("Der Chip-Titan Nvidia verlor.", "Titan", ""),
    ("Die mächtigen Titanen Apple und Google verloren.", "Titanen", ""),
    ("Dramatische Verluste meldete Nvidia.", "Dramatische", ""),
    ("Die Börse erlebte ein „Erdbeben“.", "Erdbeben", ""),
    ("Der Sturm deckte Dächer ab.", "Sturm", ""),
    ("Gegen Tornado Zürich war das beispiellos.", "beispiellos", ""),
    ("Das Beispiel Sensation zeigt es.", "Sensation", ""),
]


@pytest.mark.parametrize("text,word,kind", CASES, ids=[f"{c[2] or 'none'}-{i}" for i, c in enumerate(CASES)])
def test_name_at(text, word, kind):
    span = name_of(text, word)
    assert (span.kind if span else "") == kind, span


def test_names_lists_every_name_once():
    text = "Gegen Tornado Zürich spielte die Band Tornado."
    doc = Document("t.txt", text, ReadResult(text, [Block(0, len(text))]))
    assert [(text[n.start : n.end], n.kind) for n in doc.analysis.names] == [("Tornado Zürich", "sequence"), ("Tornado", "typed")]


def test_quick_test_misses_no_name():
    """``could_be_named`` may say no only where no name or title holds the word: random
    sentences of names, numbers, abbreviations, spaces, no-break spaces, quotes and punctuation."""
    import random

    from lint.language import names as nm

    lex = nm.load_lexicon()
    words = ["war", "der", "und", "Band", "Album", "Tornado", "Zürich", "Sensation", "FC", "1.", "U.S.", "O’Neil", "Mega-Deal", "É", "Ⅻ", "²", "_A"]
    seps = [" ", "  ", "\u00a0", " \u00a0 ", "", ",", "-", ".", "\n", " „", "“ ", "\t", "’", " - "]
    rng = random.Random(5)
    for _ in range(3000):
        prose = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 7)))
        s = rng.randint(0, len(prose) - 1)
        e = rng.randint(s + 1, len(prose))
        spans = nm.name_spans(prose, s, e, lex)
        for start in range(s, e):
            if prose[start].isupper() and not nm.could_be_named(prose, start, s, e):
                assert all(nm.in_name(spans, start, end) is None for end in range(start + 1, e + 1)), (prose, start)
