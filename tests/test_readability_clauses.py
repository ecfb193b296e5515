"""lint.language.clauses: clause depth of one sentence, a table of cases written by hand."""

from __future__ import annotations

import pytest

from lint.language import clauses
from lint.language.wordlist import load_wordlist
from lint.plugins.packs import builtin_rules_dir


def _words() -> clauses.Words:
    data = builtin_rules_dir() / "readability" / "data"

    def terms(name: str) -> frozenset[str]:
        return frozenset(e.term.lower() for e in load_wordlist(data / name).entries)

    return clauses.Words(
        terms("subordinators.txt"), terms("relative-pronouns.txt"), terms("infinitive-openers.txt"),
        terms("relative-prepositions.txt"), terms("reporting-words.txt"),
    )


W = _words()

# sentence, depth, clauses before the main verb, clauses in all
CASES = [
    # no subordinate clause at all
    ("Die Stadt baut eine neue Brücke.", 0, 0, 0),
    ("Im Kader stehen Müller, Meier, Schulz, Öztürk, Nowak und Weber.", 0, 0, 0),
    ("Die SPÖ kam auf 26,8 Prozent, die ÖVP auf 24,0, die FPÖ auf 20,5 und die Grünen auf 12,4 Prozent.", 0, 0, 0),
    ("Besprochen werden die Globalisierung, die Energie, den Iran und die Türkei.", 0, 0, 0),
    # one clause; elliptic phrases are none
    ("Er sagte, dass er geht.", 1, 0, 1),
    ("Die Kinder, soweit vorhanden, kamen, wenn auch spät, wie berichtet.", 0, 0, 0),
    ("Krebspatienten und deren Angehörige sahen das Mittel als Hoffnung.", 0, 0, 0),
    # a relative clause interrupting the main clause: the main verb waits
    ("Der Finalist, der das Endspiel erreicht hatte, war zufrieden.", 2, 1, 1),
    # a chain: each clause ends before the next begins
    ("Er sagte, dass er gehe, weil er ein Angebot habe, das er nicht ablehnen könne.", 1, 0, 3),
    # centre-embedding
    ("Der Mann, der die Frau, die das Kind, das weinte, trug, sah, lief weg.", 4, 3, 3),
    ("Weil der Plan, den die Stadt, die pleite ist, vorlegte, scheiterte, ging er.", 4, 3, 3),
    ("Er glaubt, dass der Minister, der gestern kam, recht hat.", 2, 0, 2),
    # stacked before the main verb
    ("Wenn stimmt, was andernorts festgestellt wurde, dass er sich nicht interessiert, dann widmet er sich dem Stil.", 2, 3, 3),
    # a question word or a preposition opening the sentence opens no clause
    # (the infinitive clause after it counts as a clause of its own)
    ("Was heißt es also, wenn er angibt, die Matura gemacht zu haben?", 1, 0, 2),
    ("Während einer Feier sollen die Ärzte laut ihren Witwen, die dort arbeiteten, getrunken haben.", 2, 1, 1),
    # a finite verb in second place makes the first word an adverb of the main clause
    ("Damit wird sie in der Rangliste, die am Montag erscheint, auf Platz 6 vorrücken.", 2, 1, 1),
    ("Damit die Stadt, die pleite ist, zahlen kann, verkauft sie Grund.", 3, 2, 2),
    # an article before a date or number after a comma is an apposition, no clause
    ("Das Turnier beginnt am Mittwoch, dem 19. März, in Miami.", 0, 0, 0),
    # brackets are left out; a colon starts a new part
    ("Er kam (weil er, wie er sagte, musste) und ging: Das war alles, was blieb.", 1, 0, 1),
]


@pytest.mark.parametrize("text,depth,before_main,count", CASES, ids=[c[0][:40] for c in CASES])
def test_profile(text, depth, before_main, count):
    p = clauses.profile(text, W)
    assert (p.depth, p.before_main, p.clauses) == (depth, before_main, count)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Wir haben so viel gelacht, sagte die Schauspielerin am Montag in Wien.", True),
        ("Das ist richtig, so der Minister.", True),
        ("Dem Magazin sagte die Professorin: Wir sprechen über ein extremes Umfeld.", True),
        ("Wir haben so viel gelacht, sagt sie über den Dreh, in dem die Watschen fliegen.", True),
        ("Der Minister kam, sah und ging.", False),
        ("Die Lage ist so: Alle warten.", False),
    ],
)
def test_reported(text, expected):
    assert clauses.reported(text, W) is expected


def test_profile_of_odd_input_is_empty():
    for text in ("", ",,,", "– – –", "()", ": ; :"):
        assert clauses.profile(text, W).load == 0


# ---------------------------------------------------------------------------
# Speech: direct quotations always; reported speech once the analysis offers speech_at.


def _doc(text: str):
    from lint.model.document import Document
    from lint.readers.plain import read_plain

    return Document("-", text, read_plain(text))


def test_spoken_without_speech_at_uses_quotations_only():
    from lint.kinds.readability import spoken

    doc = _doc("„Wir haben lange verhandelt“, sagte er. Wir haben lange verhandelt.")
    first, second = doc.sentences
    assert spoken(doc, first.start, first.end)
    if not hasattr(doc.analysis, "speech_at"):
        assert not spoken(doc, second.start, second.end)


def test_spoken_asks_speech_at_when_the_analysis_has_it():
    from lint.kinds.readability import spoken
    from lint.language.analysis import Analysis

    class WithSpeech(Analysis):
        def speech_at(self, start, end):
            return start < 30  # the first sentence is reported speech

    doc = _doc("Er habe lange verhandelt, sagte er. Die Stadt baut eine Brücke.")
    doc.__dict__["analysis"] = WithSpeech(doc)  # the cached property's slot, as the engine would fill it
    first, second = doc.sentences
    assert spoken(doc, first.start, first.end)
    assert not spoken(doc, second.start, second.end)


GATE = clauses.DepthGate(W)


@pytest.mark.parametrize("text,depth,before_main,count", CASES, ids=[c[0][:40] for c in CASES])
def test_depth_gate_passes_every_deep_sentence(text, depth, before_main, count):
    """The gate may let shallow sentences through, never hold a deep one back."""
    assert GATE.may_reach_three(text) or max(depth, before_main) < 3


@pytest.mark.parametrize(
    "text",
    [
        "Er sagte, dass er gehe, weil er ein Angebot habe, das er nicht ablehnen könne.",
        "Er kam, als sie ging, und sagte, dass es regne.",
        "Der Finalist, der das Endspiel erreicht hatte, war zufrieden.",
        # one resumption, and the sentence opens with the main clause: depth two
        "Das sei keine gefahrlose Strategie, weil die Menschen, die weniger verdienen, auch weniger ausgeben.",
    ],
)
def test_depth_gate_holds_back_shallow_sentences(text):
    """Two clauses without a waiting main clause and two resumptions cannot nest three deep."""
    assert clauses.profile(text, W).load < 3
    assert not GATE.may_reach_three(text)



_OPENERS = ["dass", "weil", "wenn", "obwohl", "nachdem", "als", "ob", "der", "die", "das", "welche", "deren"]
_FILLER = ["der Mann", "die Stadt", "das Geld", "sie", "er", "es", "heute", "in Berlin", "nicht", "mit dem Plan"]
_VERBS = ["sagte", "ging", "habe", "ist", "war", "kam", "hatte", "wurde", "gebaut"]


def _random_sentence(rng) -> str:
    """Clauses opened and closed at random (a comma, an opener, words, later a verb), sometimes
    "und" or a dash between: nested, chained and stacked clauses in every mix."""
    text, open_clauses = rng.choice(["Er sagte", "Die Stadt baut", "Weil es regnete"]), 0
    for _ in range(rng.randint(2, 9)):
        step = rng.random()
        if step < 0.5 or not open_clauses:
            text += f", {rng.choice(_OPENERS)} {rng.choice(_FILLER)}"
            open_clauses += 1
        elif step < 0.85:
            text += f" {rng.choice(_VERBS)}"
            open_clauses -= 1
            if open_clauses and rng.random() < 0.7:
                text += ","
        else:
            text += rng.choice([" und", " –", ","]) + f" {rng.choice(_FILLER)}"
    text += "".join(f" {rng.choice(_VERBS)}" for _ in range(open_clauses))
    return text.replace(",,", ",") + "."


def test_depth_gate_never_holds_back_a_deep_random_sentence():
    """Seeded random sentences of nested and chained clauses: whatever the gate holds back,
    the full analysis finds below depth three; and many are deep (the test is not vacuous)."""
    import random

    rng = random.Random(20261207)
    deep = 0
    for _ in range(4000):
        text = _random_sentence(rng)
        load = clauses.profile(text, W).load
        deep += load >= 3
        assert GATE.may_reach_three(text) or load < 3, text
    assert deep >= 400


def test_shape_statement_is_the_longest_part_between_colons_dashes_and_und():
    """``Shape.statement`` (counted when asked): the words of the longest part, a joining
    "und" left out; a sentence without such a break is one statement."""
    from lint.language.sentence_shape import shape

    joined = shape("Die Stadt baut eine neue Brücke, und der Bürgermeister freut sich: Sie kostet zwölf Millionen Euro.", W)
    assert (joined.words, joined.statement) == (16, 6)
    dashed = shape("Die Stadt baut eine sehr teure neue Brücke – sie kostet zwölf Millionen Euro.", W)
    assert (dashed.words, dashed.statement) == (13, 8)
    plain = shape("Die Stadt baut eine neue Brücke, die zwölf Millionen Euro kostet.", W)
    assert (plain.words, plain.statement) == (11, 11)


def test_clause_profile_is_made_once_and_shared_with_the_shape():
    """The nesting rule and the sentence length rule share one clause profile per sentence
    (``Analysis.clause_profile``): the shape made from the kept profile is the shape made
    from the text, and a second ask returns the kept profile, not a new one."""
    from lint.language.readability import measure_document
    from lint.language.sentence_shape import shape

    text = "Der Finalist, der das Endspiel, das er lange erwartet hatte, erreicht hatte, war zufrieden, sagte er."
    a = measure_document(text)
    sentence = a.sentences[0].text
    kept = a.clause_profile(sentence, W)
    assert kept[0] == clauses.profile(sentence, W)
    assert a.clause_profile(sentence, W) is kept
    assert a.shape(0, W) == shape(sentence, W)
    assert a.clause_profile(sentence, W) is kept  # the shape read the kept profile
    assert clauses.framed_profile(sentence, W, kept) == clauses.framed_profile(sentence, W)
