"""The newsroom index: scaling, ordering of easier and harder versions, the seeds, genre targets."""

from __future__ import annotations

import pytest

from conftest import SEEDS
from lint.language import newsroom_index
from lint.language.readability import index_components, measure_document, newsroom_index as index_of

# The same news, once written plainly and once the hard way (each at least 150 words
# would not matter here: the index itself has no minimum length, only the rule).
PAIRS = {
    "bridge": (
        "Die Stadt baut eine neue Brücke. Sie kostet zwölf Millionen Euro. Die Arbeiten beginnen im März. "
        "Der Verkehr läuft so lange über eine Umleitung. Im Herbst soll die Brücke fertig sein.",
        "Die Stadtverwaltung hat nach einer längeren Sitzung des Gemeinderats bekannt gegeben, dass die "
        "marode Brücke im kommenden Frühjahr für rund zwölf Millionen Euro neu errichtet werden soll, wobei "
        "der gesamte Durchgangsverkehr während der voraussichtlich bis zum Herbst andauernden Bauarbeiten "
        "über eine Umleitung durch das nördliche Gewerbegebiet geführt wird.",
    ),
    "court": (
        "Das Gericht hat den Mann verurteilt. Er muss drei Jahre ins Gefängnis. Er hatte eine Bank überfallen. "
        "Sein Anwalt will in Berufung gehen.",
        "Das Landesgericht verhängte über den Angeklagten, dem die Staatsanwaltschaft die Durchführung eines "
        "bewaffneten Raubüberfalls auf eine Bankfiliale zur Last gelegt hatte, eine dreijährige "
        "Freiheitsstrafe, gegen deren Rechtmäßigkeit die Verteidigung Rechtsmittel anzukündigen beabsichtigt.",
    ),
    "words only": (
        "Die Firma baut Stellen ab. Der Chef sagt, das Geld fehlt. Die Leute sind wütend.",
        "Die Unternehmensführung kündigte Personalreduktionen an. Der Vorstandsvorsitzende verweist auf "
        "Finanzierungsengpässe. Die Belegschaftsvertretung reagierte empört.",
    ),
    "sentences only": (
        "Der Bürgermeister kam. Er sprach mit den Leuten. Dann ging er wieder. Sie waren zufrieden.",
        "Der Bürgermeister kam und sprach mit den Leuten, die schon seit dem Morgen gewartet hatten, weil "
        "sie wissen wollten, was mit der Schule passiert, und ging dann wieder, worauf sie zufrieden waren.",
    ),
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_index_orders_easier_and_harder_versions(name):
    easy, hard = (index_of(measure_document(t)).value for t in PAIRS[name])
    assert easy > hard, (easy, hard)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_score_below_the_corpus_median(path):
    value = index_of(measure_document(path.read_text(encoding="utf-8"))).value
    assert value < newsroom_index.CORPUS_MEDIAN


@pytest.mark.parametrize(
    "name,value,expected",
    [
        ("flesch_amstad", 100.0, 20.0),  # easier than the 10 % easiest: clipped
        ("flesch_amstad", -50.0, 0.0),
        ("asl", 5.0, 20.0),  # lower is easier
        ("asl", 40.0, 0.0),
    ],
)
def test_scale_clips_at_the_percentiles(name, value, expected):
    assert newsroom_index.scale(name, value) == expected


def test_scale_is_linear_between_the_percentiles():
    low, high, _ = newsroom_index.CALIBRATION["asl"]
    assert newsroom_index.scale("asl", (low + high) / 2) == pytest.approx(10.0)
    low, high, _ = newsroom_index.CALIBRATION["flesch_amstad"]
    assert newsroom_index.scale("flesch_amstad", low + (high - low) / 4) == pytest.approx(5.0)


def test_components_counted_by_hand():
    # 2 sentences of 4 and 21 words; clauses (cut at commas and sentence ends) of 4, 8 and 13 words.
    text = (
        "Die Stadt baut heute. "
        "Am Montag kam der Bürgermeister in die Stadt, sprach lange mit den Leuten am Markt "
        "und ging dann wieder nach Hause."
    )
    c = index_components(measure_document(text))
    assert c["asl"] == 12.5
    assert c["long_sentences"] == 50.0
    assert c["clause_length"] == pytest.approx((4 + 8 + 13) / 3)
    assert c["long_clauses"] == pytest.approx(100 / 3)


def test_weights_are_documented_and_cover_every_component():
    assert set(newsroom_index.WEIGHTS) == set(newsroom_index.CALIBRATION)
    assert all(w > 0 for w in newsroom_index.WEIGHTS.values())
    for name in newsroom_index.CALIBRATION:
        assert name in newsroom_index.__doc__


# ---------------------------------------------------------------------------
# Article targets by genre and length


def _target_findings(text: str, code: str, genre: str) -> list:
    from lint.engine.core import Selection, Workspace

    engine = Workspace(None, Selection(select=[code])).engine_for_file(SEEDS / "x.txt")
    doc = engine.document("x.txt", text)
    if genre:
        doc.meta["genre"] = genre
    (kind,) = engine.kinds
    return list(kind.check(doc))


@pytest.mark.parametrize(
    "genre,expected",
    [("", ["RD001"]), ("bericht", ["RD001"]), ("kommentar", []), ("rezension", []), ("service", ["RD001"])],
)
def test_flesch_target_depends_on_genre(genre, expected):
    # Flesch about 28: under the default 30, above a commentary's 25.
    text = (SEEDS / "001_5351c7133574aea6.txt").read_text(encoding="utf-8")
    assert [d.code for d in _target_findings(text, "RD001", genre)] == expected


def test_genre_read_from_the_analysis_first():
    from lint.kinds.readability import article_genre

    class Analysis:
        genre = "kommentar"

    class Doc:
        analysis = Analysis()
        meta = {"genre": "bericht"}

    class Unknown:
        analysis = object()
        meta = {"genre": "service"}

    assert article_genre(Doc()) == "kommentar"
    assert article_genre(Unknown()) == "service"


def test_score_findings_name_the_costliest_sentences():
    text = (SEEDS / "000_e6de1ff470927a21.txt").read_text(encoding="utf-8")
    (finding,) = _target_findings(text, "RD003", "")
    assert finding.message.count("Wörter)") == 3
    assert "Zeile 1, Spalte 207 („Mit einer Investition" in finding.message


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_lower_bound_never_exceeds_the_index(path):
    from lint.language.readability import _cheap_components

    a = measure_document(path.read_text(encoding="utf-8"))
    full = index_of(a).value
    assert newsroom_index.lower_bound(_cheap_components(a)) <= full
    assert index_of(a, at_least=full + 0.01) is not None  # not reached: measured in full
    assert index_of(a, at_least=0.0) is None  # reached by the cheap part alone


def test_longer_counts_as_before():
    """The C-level count of long sentences and clauses give
    what the per-call sum and the generator gave."""
    from lint.language.readability import _longer

    counts = [0, 12, 13, 20, 21, 40]
    for limit in (0, 12, 20, 40):
        assert _longer(counts, limit) == sum(1 for w in counts if w > limit)
    assert _longer([], 12) == 0


@pytest.mark.parametrize(
    "body",
    [
        "Er kam – und ging, sagte sie.\nDann fiel sie — kaum, wie erwartet.",
        "Er kam – und ging, sagte sie.\nDie Zahl stieg auf 3,5 Prozent, dann fiel sie — kaum.",
        "Kein Strich, kein Raum: nur Wörter; und Kommas,„Zitat“ danach.",
        "Ein\u00a0breiter Raum, ein\u2009schmaler – und ein Strich.\nZweite Zeile, 12,5 Punkte.",
        "Nur ASCII, ganz schlicht.\n\nLeere Zeile davor.",
        "Ein Surrogat \udc80 hier, und 1,5 dort – fertig.",
    ],
)
def test_clause_words_from_kept_utf8_as_from_text(body):
    """``clause_words`` given the body's UTF-8 and the characters beyond ASCII of a text
    holding it (``Analysis.body_lines_utf8``) counts as from the text alone: dashes,
    wide spaces, commas before digits, a lone surrogate."""
    from lint.language.readability import clause_words

    encoded = body.encode("utf-8", "surrogatepass")
    beyond = frozenset(c for c in body + "„“Ä" if ord(c) > 127)  # a superset, as the prose's
    assert clause_words(body, encoded, beyond) == clause_words(body)


def test_measure_keeps_the_body_utf8_for_the_clauses():
    a = measure_document("Er kam – und ging, sagte sie. Die Zahl stieg auf 3,5 Prozent, dann fiel sie.")
    encoded, beyond = a.body_lines_utf8()
    assert encoded == a.body_lines().encode("utf-8")
    assert "–" in beyond
