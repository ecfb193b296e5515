"""The sourcing practice of a document (``SourceSearch.sourcing_practice``): once enough
sentences name a source, only the sentences that hold one of the vocabulary's
``vague_needles`` are scanned for a vague one. The needles must be found in every
sentence whose status is vague, or the answer would change."""

from __future__ import annotations

import random
from pathlib import Path

from lint.language.attribution import VAGUE, Attribution
from lint.language.figure_context import SourceSearch, _holds_place, _practice_decided, needle_places, word_like_split
from lint.language.wordlist import Entry, load_wordlist
from lint.model.document import Document
from lint.readers.plain import read_plain

DATA = Path(__file__).resolve().parents[1] / "rules" / "sources" / "data"


def _entries(*names: str) -> list[Entry]:
    return [entry for name in names for entry in load_wordlist(DATA / name).entries]


def _entry(term: str, *tags: str, variants: tuple[str, ...] = ()) -> Entry:
    return Entry(term, frozenset(tags), "", 0, variants)


def _attribution(cues: list[Entry] | None = None, vague: list[Entry] | None = None) -> Attribution:
    return Attribution(
        _entries("cues.txt", "konjunktiv.txt") if cues is None else cues,
        _entries("vague-sources.txt") if vague is None else vague,
        _entries("opinion-verbs.txt"),
        _entries("name-determiners.txt"),
        _entries("source-before.txt"),
        _entries("vague-domains.txt"),
    )


def _document(text: str) -> Document:
    return Document("t.txt", text, read_plain(text))


#: The words and phrases random texts are made of: vague sources and their forms, and
#: cues, names, filler and sentence ends.
VAGUE_PIECES = (
    "Experten|Experte|Expertinnen|Kritiker|warnen|Analysten|Insider|Insidern|berichten|Berichten zufolge|"
    "laut Medienberichten|Gerüchten|wie es heißt|hieß es|Es heißt,|aus Koalitionskreisen|Wie aus Kreisen|zu hören war|"
    "aus dem Umfeld|wie man hört|gilt als sicher|galten als wahrscheinlich|Fachleute|Beobachter|Studien|Umfragen"
).split("|")
PLAIN_PIECES = (
    "sagte|teilte|mit|erklärte|laut|Polizei|Müller|Behörde|so der Sprecher|der Regierung|die Zahl stieg um 5 Prozent|"
    "und|Haus|Preisen|,|.|.|.|:|„|“|–"
).split("|")


def _random_text(rng: random.Random, words: int) -> str:
    """A text of ``words`` pieces, a random share of them vague (from none to most)."""
    vague = rng.choice((0.0, 0.02, 0.1, 0.5))
    return " ".join(rng.choice(VAGUE_PIECES if rng.random() < vague else PLAIN_PIECES) for _ in range(words))


def _brute_practice(doc: Document, attribution: Attribution, share: float, min_named: int) -> bool:
    """The practice counted over every sentence's status."""
    search = SourceSearch(doc, attribution)
    statuses = [search.status(i) for i in range(len(doc.analysis.sentences))]
    named = statuses.count("named")
    return _practice_decided(named, statuses.count(VAGUE), 0, len(statuses), share, min_named)


def test_every_vague_sentence_holds_a_needle():
    attribution = _attribution()
    needles = attribution.vague_needles
    assert needles is not None
    rng = random.Random(37)
    vague = 0
    for _ in range(600):
        text = _random_text(rng, rng.randint(3, 40))
        doc = _document(text)
        search = SourceSearch(doc, attribution)
        places = needle_places(doc.prose, *word_like_split(needles), doc.analysis.word_lines)
        for i, sentence in enumerate(doc.analysis.sentences):
            if search.status(i) == VAGUE:
                vague += 1
                assert _holds_place(places, sentence.start, sentence.end), (text, sentence)
    assert vague > 100  # the texts hold vague sentences, not only near misses


def test_practice_is_that_of_every_status():
    attribution = _attribution()
    rng = random.Random(38)
    answers = []
    for _ in range(400):
        text = _random_text(rng, rng.randint(10, 80))
        doc = _document(text)
        for share, min_named in ((0.2, 3), (0.0, 2), (0.5, 0), (0.9, 1)):
            expected = _brute_practice(doc, attribution, share, min_named)
            assert SourceSearch(doc, attribution).sourcing_practice(share, min_named) == expected, (text, share, min_named)
            # In another order: statuses known already and the carrying sentences first.
            search = SourceSearch(doc, attribution)
            search._candidates()
            for i in rng.sample(range(len(doc.analysis.sentences)), len(doc.analysis.sentences) // 3):
                search.status(i)
            assert search.sourcing_practice(share, min_named) == expected, (text, share, min_named)
            answers.append(expected)
    assert 100 < sum(answers) < len(answers) - 100  # both answers, many times


def test_needles_of_the_forms_and_of_a_cue_with_a_vague_term():
    attribution = _attribution()
    needles = attribution.vague_needles
    # "Berichten zufolge" by its longest word; "Experten" by "Experte", which it holds.
    assert "Berichten" in needles and "Experte" in needles and "Experten" not in needles
    assert {"reisen", "Umfeld", "heißt", "hört", "gilt"} <= set(needles)  # the literals of ``vague_forms``
    # A cue entry whose term is a vague source's is found as a vague source: its forms are needles.
    cues = [_entry("Quellenlage", "exact", variants=("Quellenlage", "Hörensagen"))]
    vague = [_entry("Quellenlage", "exact")]
    assert "Hörensagen" in _attribution(cues, vague).vague_needles


def test_no_needles_where_a_vague_entry_matches_otherwise():
    # A compound's head ("Wirtschaftsexperten"), a modifier, a gap: every sentence is read.
    for entry in (
        _entry("Experte", "n", "compound"),
        _entry("Pseudo-"),
        _entry("wie … hört", "phrase", "exact"),
    ):
        assert _attribution(vague=[*_entries("vague-sources.txt"), entry]).vague_needles is None
