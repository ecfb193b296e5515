"""Readability metrics: counts by hand, the published formulas, the seeds' sentence count."""

from __future__ import annotations

import json
import re

import pytest

from conftest import SEEDS
from lint.cli import main
from lint.language.readability import from_counts, measure_text, syllables, words

# ---------------------------------------------------------------------------
# Syllables, counted by hand (Duden syllabification).
HAND_SYLLABLES = {
    "Über": 2, "Öl": 1, "Ofen": 2, "Idee": 2, "Radio": 3, "Medien": 3, "Wien": 1, "Feier": 2,
    "neue": 2, "Quelle": 2, "Nation": 3, "Bauer": 2, "Häuser": 2, "Bayern": 2, "Straße": 2,
    "Familien": 4, "Situation": 5, "Januar": 3, "Energie": 3, "Regierung": 3, "aktuell": 3,
    "Theater": 3, "Staat": 1, "Boot": 1, "Tour": 1, "Niveau": 2, "aber": 2, "oder": 2,
    "Millionen": 4, "Euro": 2, "Initiative": 6, "BMW": 1, "2025": 1,
}


@pytest.mark.parametrize("word,expected", sorted(HAND_SYLLABLES.items()))
def test_syllables_match_hand_count(word, expected):
    assert syllables(word) == expected


def test_words_count_umlaut_initial_words_and_keep_numbers_whole():
    assert words("Über Öl – 5,6 Prozent, „KI-Start-ups“ … z. B. 1.000") == [
        "über", "öl", "56", "prozent", "kistartups", "z", "b", "1000",
    ]


def test_no_break_space_and_guillemets_are_not_letters():
    assert words("»Öl«\u00a0und\u00a0Gas") == ["öl", "und", "gas"]


def test_syllable_counter_agrees_with_pyphen_on_most_words():
    """pyphen (textstat's backend) never splits off one letter ("aber", "Ofen"), so it
    is not the truth; but the two must agree on the bulk of ordinary words."""
    pyphen = pytest.importorskip("pyphen")
    dic = pyphen.Pyphen(lang="de_DE")
    sample = (
        "Bundesregierung Verhandlungen Bürgermeisterin Wirtschaftsminister Finanzierung Gemeinderat "
        "Polizei Feuerwehr Krankenhaus Arbeitslosigkeit Sozialdemokraten Koalition Abstimmung "
        "Verkehrsminister Landeshauptmann Klimaschutz Energiewende Verbraucher Unternehmen Gewerkschaft "
        "Pressekonferenz Staatsanwaltschaft Gericht Urteil Berufung Ermittlungen Verdächtige Festnahme "
        "Wahlkampf Kandidatin Umfrage Mehrheit Parlament Ausschuss Gesetzentwurf Novelle Budget Steuern "
        "Schule Lehrer Kinder Eltern Wohnung Mieten Preise Inflation Zinsen Banken Börse Aktien Kurs "
        "Spiel Mannschaft Trainer Tor Saison Meisterschaft Niederlage Sieg Fußball Stadion Zuschauer"
    ).split()
    agree = sum(syllables(w) == len(dic.positions(w)) + 1 for w in sample)
    assert agree / len(sample) >= 0.85, [(w, syllables(w), len(dic.positions(w)) + 1) for w in sample]


# ---------------------------------------------------------------------------
# Three texts counted by hand; every metric computed by hand from the counts.
#
# A: "Die Stadt baut eine neue Brücke. Sie kostet zwölf Millionen Euro."
#    2 sentences, 11 words; syllables 1+1+1+2+2+2 + 1+2+1+4+2 = 19;
#    one syllable: Die Stadt baut Sie zwölf = 5; three or more: Millionen = 1;
#    more than six letters: Millionen = 1.
# B: "Über Öl wird gestritten. Die Regierung verhandelt."
#    2 sentences, 7 words; syllables 2+1+1+3 + 1+3+3 = 14; one syllable: Öl wird
#    Die = 3; three or more: gestritten Regierung verhandelt = 3; long: the same 3.
# C: "Am 27. Januar fiel der Kurs um 5,6 Prozent. „Das ist bitter“, sagte Dr. Meier.
#     KI-Start-ups wachsen."
#    3 sentences ("27." before a month and "Dr." end none); 17 words ("5,6" and
#    "KI-Start-ups" are one word each); syllables 1+1+3+1+1+1+1+1+2 + 1+1+2+2+1+2
#    + 3+2 = 26; one syllable: Am 27 fiel der Kurs um 5,6 Das ist Dr = 10; three or
#    more: Januar KI-Start-ups = 2; long: Prozent KI-Start-ups wachsen = 3.
TEXTS = {
    "A": ("Die Stadt baut eine neue Brücke. Sie kostet zwölf Millionen Euro.", (2, 11, 19, 5, 1, 1)),
    "B": ("Über Öl wird gestritten. Die Regierung verhandelt.", (2, 7, 14, 3, 3, 3)),
    "C": (
        "Am 27. Januar fiel der Kurs um 5,6 Prozent. „Das ist bitter“, sagte Dr. Meier. KI-Start-ups wachsen.",
        (3, 17, 26, 10, 2, 3),
    ),
}

# By hand (pocket-calculator arithmetic, rounded to 0.01), with
# ASL = words/sentences, ASW = syllables/words, MS/ES/IW in percent:
# A: ASL 5.5, ASW 1.7273, MS 9.0909, ES 45.4545, IW 9.0909
#    Flesch-Amstad 180 - 5.5 - 58.5*1.7273 = 73.45
#    WSTF1 0.1935*9.0909 + 0.1672*5.5 + 0.1297*9.0909 - 0.0327*45.4545 - 0.875
#          = 1.7591 + 0.9196 + 1.1791 - 1.4864 - 0.875 = 1.50
#    WSTF2 1.8245 + 0.9251 + 1.2482 - 2.779 = 1.22
#    WSTF3 2.6936 + 1.0478 - 1.1144 = 2.63
#    WSTF4 2.4945 + 1.4608 - 1.693 = 2.26
#    LIX   5.5 + 9.0909 = 14.59
# B: ASL 3.5, ASW 2.0, MS 42.8571, ES 42.8571, IW 42.8571
#    Flesch-Amstad 180 - 3.5 - 117 = 59.50
#    WSTF1 8.2929 + 0.5852 + 5.5586 - 1.4014 - 0.875 = 12.16
#    WSTF2 8.6014 + 0.5887 + 5.8843 - 2.779 = 12.30
#    WSTF3 12.6986 + 0.6668 - 1.1144 = 12.25
#    WSTF4 11.76 + 0.9296 - 1.693 = 11.00
#    LIX   3.5 + 42.8571 = 46.36
# C: ASL 5.6667, ASW 1.5294, MS 11.7647, ES 58.8235, IW 17.6471
#    Flesch-Amstad 180 - 5.6667 - 89.4706 = 84.86
#    WSTF1 2.2765 + 0.9475 + 2.2888 - 1.9235 - 0.875 = 2.71
#    WSTF2 2.3612 + 0.9531 + 2.4229 - 2.779 = 2.96
#    WSTF3 3.4859 + 1.0795 - 1.1144 = 3.45
#    WSTF4 3.2282 + 1.5051 - 1.693 = 3.04
#    LIX   5.6667 + 17.6471 = 23.31
HAND_METRICS = {
    "A": {"asl": 5.5, "asw": 1.73, "flesch_amstad": 73.45, "wstf1": 1.50, "wstf2": 1.22, "wstf3": 2.63,
          "wstf4": 2.26, "lix": 14.59, "long_word_share": 9.09},
    "B": {"asl": 3.5, "asw": 2.0, "flesch_amstad": 59.50, "wstf1": 12.16, "wstf2": 12.30, "wstf3": 12.25,
          "wstf4": 11.00, "lix": 46.36, "long_word_share": 42.86},
    "C": {"asl": 5.67, "asw": 1.53, "flesch_amstad": 84.86, "wstf1": 2.71, "wstf2": 2.96, "wstf3": 3.45,
          "wstf4": 3.04, "lix": 23.31, "long_word_share": 17.65},
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_counts_match_hand_count(name):
    text, (sentences, n_words, n_syllables, mono, poly, long_words) = TEXTS[name]
    m = measure_text(text)
    assert (m.sentences, m.words, m.syllables, m.monosyllables, m.polysyllables, m.long_words) == (
        sentences, n_words, n_syllables, mono, poly, long_words,
    )


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_formulas_match_hand_computation(name):
    _text, counts = TEXTS[name]
    m = from_counts(*counts)
    for key, expected in HAND_METRICS[name].items():
        assert getattr(m, key) == pytest.approx(expected, abs=0.006), key


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_text_metrics_match_hand_computation(name):
    m = measure_text(TEXTS[name][0])
    for key, expected in HAND_METRICS[name].items():
        assert getattr(m, key) == pytest.approx(expected, abs=0.006), key


def test_empty_and_wordless_texts_give_zero_metrics():
    for text in ("", "   \n\n", "– … –", "!!!"):
        m = measure_text(text)
        assert (m.sentences, m.words, m.flesch_amstad, m.wstf1, m.lix) == (0, 0, 0.0, 0.0, 0.0)


def test_headings_and_wordless_lines_are_not_sentences():
    m = measure_text("Zwischentitel ohne Punkt\n\nDie Stadt baut eine Brücke.\n-\nSie kostet Geld.\n")
    assert (m.sentences, m.words) == (2, 8)


# ---------------------------------------------------------------------------
# The seeds' sentences, counted by hand (body text: headings, image file names,
# captions and bullet dashes left out; a question counts as a sentence; the
# "…" in 001 line 7 does not end the sentence, as the text goes on in lower case):
#   000: 7 + 3 + 3 + 2 + 1 + 2 + 1 + 2 + 2 + 3 + 2 + 2 + 3 = 33
#   001: 1+1+1+1+1+1+1+2+2+1 + 1+1+1+1+2+1+4+1+1+1+3+3 = 32
#   002: 3 (lines 6-7) + 2+3+2+3+2+3+2+3+2+3+4 + 1 = 33
#   003: 1+3+3+1+2+2+2+2+2+3+1+1+2+1+2 = 28
SEED_SENTENCES = {"000": 33, "001": 32, "002": 33, "003": 28}


@pytest.mark.parametrize("prefix", sorted(SEED_SENTENCES))
def test_seed_sentence_count_matches_manual_count(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    assert measure_text(path.read_text(encoding="utf-8")).sentences == SEED_SENTENCES[prefix]


# ---------------------------------------------------------------------------
# newslint stats


def test_stats_table_and_json(tmp_path, capsys):
    file = tmp_path / "a.txt"
    file.write_text(TEXTS["B"][0], encoding="utf-8")
    assert main(["stats", str(file)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"Flesch \(Amstad\)\s+59,5\s+mittelschwer", out), out
    assert re.search(r"Wörter\s+7\n", out), out
    assert main(["stats", "--format", "json", str(file), str(SEEDS)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["path"] for d in data][0] == str(file)
    assert len(data) == 5
    assert data[0]["words"] == 7 and data[0]["flesch_amstad"] == 59.5


def test_stats_summary_for_several_files(capsys):
    assert main(["stats", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "Zusammenfassung über 4 Texte" in out


def test_stats_errors(tmp_path, capsys):
    assert main(["stats"]) == 2
    assert main(["stats", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# Options through the configuration


def _check(tmp_path, text, table):
    from lint import check_text

    # check_text caches one engine per configuration file: a new file for each table.
    config = tmp_path / f"newslint-{abs(hash(table))}.toml"
    config.write_text(table, encoding="utf-8")
    return check_text(text, tmp_path / "a.txt", config=config, select=["RD"])


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Der Vertrag wurde am Montag unterzeichnet.", ["wurde am Montag unterzeichnet"]),
        ("Er trat zurück, weil er nicht gewählt wurde.", ["gewählt wurde"]),
        ("Die Brücke soll 2026 gebaut werden.", ["gebaut werden"]),
        ("Der Antrag ist abgelehnt worden.", ["abgelehnt worden"]),
        ("Der Plan wird heute beschlossen.", ["wird heute beschlossen"]),
        ("Er wurde Präsident.", []),
        ("Das wird schwierig sein.", []),
        ("Die Firma wird wachsen.", []),
        ("Die Brücke wird bis Mai gebaut sein.", []),
        ("Er hat gewählt, wurde aber nicht gewählt.", ["wurde aber nicht gewählt"]),
        ("Es wird bekannt, dass er geht.", []),
        ("Sie werden dagegen stimmen.", []),
    ],
)
def test_passive_every_form(tmp_path, text, expected):
    found = _check(tmp_path, text, "[rules.RD007]\nonly_demands = false\nmin_per_sentence = 1\n")
    assert [text[d.start : d.end] for d in found if d.code == "RD007"] == expected


def test_long_sentence_threshold_is_configurable(tmp_path):
    text = "Über Öl und Gas wurde am Montag in Wien lange verhandelt."
    assert [d.code for d in _check(tmp_path, text, "[rules.RD004]\nmax_words = 10\nclear_margin = 0\n")] == ["RD004"]
    assert "11 Wörter (mehr als 10)" in _check(tmp_path, text, "[rules.RD004]\nmax_words = 10\nclear_margin = 0\n")[0].message
    assert _check(tmp_path, text, "[rules.RD004]\nmax_words = 11\nclear_margin = 0\n") == []


def test_article_target_message_uses_german_decimals(tmp_path):
    text = "Die Stadt baut eine neue Brücke. Sie kostet zwölf Millionen Euro."  # Flesch 73,45
    found = _check(tmp_path, text, "[rules.RD001]\nmin = 80\nmin_words = 5\nby_genre = {}\n")  # no genre target
    assert [d.message for d in found if d.code == "RD001"] == [
        "Der Text ist schwer lesbar: Flesch-Index (Amstad) 73,5, Ziel mindestens 80 (11 Wörter, 2 Sätze)."
        " Am meisten kosten: Zeile 1, Spalte 34 („Sie kostet zwölf Millionen Euro.“, 5 Wörter)."
    ]


def test_unknown_metric_is_a_configuration_error(tmp_path):
    from lint.model.errors import ConfigError

    with pytest.raises(ConfigError, match="metric 'flesh'"):
        _check(tmp_path, "Ein Satz mit genug Wörtern. " * 10, '[rules.RD001]\nmetric = "flesh"\n')


def test_bad_input_gives_no_traceback():
    from lint import check_text

    for text in ("\x00\x01", "…" * 50, "„" * 30, ", dass, weil, die, der," * 20, "werden " * 100, "Ä" * 5000):
        check_text(text, "x.txt", select=["RD"])


# A one-line article: the teaser before the dateline, the lead after it, then the body.
_TEASER = (
    "Die Stadt will die alte Brücke über den Fluss abreißen und für zwölf Millionen Euro neu bauen, "
    "obwohl die Opposition im Gemeinderat seit Monaten gegen den Abriss kämpft, weil die Brücke unter Denkmalschutz steht "
    "und viele Bürger an ihr hängen. "
)
_ARTICLE = _TEASER + (
    "Wien – Der Gemeinderat stimmt am Montag ab. Eine Mehrheit gilt als sicher. "
    "Die Anrainer sind geteilter Meinung über den Bau der neuen Brücke im Norden der Stadt."
)


def test_long_sentence_zone_limits_teaser_and_body(tmp_path):
    """RD004 asks the zone only where a zone with a limit may be (``_zoned``): the teaser's
    limit still holds there, and a limit for "body" (outside every other span) everywhere."""
    table = "[rules.RD004]\nclear_margin = 0\nover_margin = 0\nmin_signals = 1\n"  # a warning past any limit
    teaser = _check(tmp_path, _ARTICLE, table)
    assert [(d.code, _ARTICLE[d.start : d.end]) for d in teaser] == [("RD004", _TEASER.strip())]
    assert "(mehr als 30)" in teaser[0].message
    body = _check(tmp_path, _ARTICLE, table + "[rules.RD004.by_zone]\nbody = { max_words = 12 }\n")
    # the table's by_zone replaces the rule's: the teaser has no limit of its own then
    last = "Die Anrainer sind geteilter Meinung über den Bau der neuen Brücke im Norden der Stadt."
    assert [(_ARTICLE[d.start : d.end], "(mehr als 12)" in d.message) for d in body if d.code == "RD004"] == [(last, True)]
