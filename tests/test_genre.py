"""Genre: given (command line, document, configuration) or guessed with a reason."""

from __future__ import annotations

import json

import pytest

from lint.engine.core import Engine, Workspace
from lint.language.genre import GENRES, normalise_genre
from lint.model.config import load_config
from lint.model.errors import ConfigError
from lint.plugins.registry import registry

REPORT = (
    "Wien – Der Nationalrat hat am Mittwoch ein neues Gesetz beschlossen. "
    "Es tritt im Juli in Kraft, teilte das Ministerium mit. "
)

# (case, file name, text, expected genre)
GUESSES = [
    ("short news", "a.txt", REPORT * 3, "meldung"),
    ("longer report", "a.txt", REPORT * 20, "bericht"),
    # the line between them (MELDUNG_WORDS, measured on labelled articles of the tune half)
    ("news of 252 words", "a.txt", REPORT * 12, "meldung"),
    ("report of 273 words", "a.txt", REPORT * 13, "bericht"),
    (
        "interview turns",
        "a.txt",
        "Die Ministerin über Ölpreise. STANDARD: Was tun Sie jetzt? Gewessler: Wir handeln. "
        "STANDARD: Wann? Gewessler: Bald. STANDARD: Und dann? Gewessler: Sehen wir weiter.",
        "interview",
    ),
    (
        "live ticker",
        "a.md",
        "# Liveticker\n\n14:02 Der Start.\n\n14:10 Das erste Tor.\n\n14:35 Die Pause.\n\n15:20 Das Ende.\n",
        "liveticker",
    ),
    (
        "review: a work's title, review vocabulary, evaluative words",
        "a.txt",
        "Steven Spielbergs „Bridge of Spies“ ist ein souverän inszenierter Thriller. Wien – Die Regie ist "
        "gelungen, der Hauptdarsteller brillant, das Drehbuch klug.",
        "rezension",
    ),
    (
        "review without a quoted title: much work vocabulary and evaluative words",
        "a.txt",
        "Woody Allens neue Komödie ist ein gelungener Film. Die Hauptdarsteller spielen brillant, "
        "die Regie hält das Tempo, das Drehbuch ist klug.",
        "rezension",
    ),
    (
        "film business news: work vocabulary without evaluation is no review",
        "a.txt",
        "Der Film wurde in Wien gedreht. Regie führte ein Debütant, das Drehbuch stammt von zwei Autoren. "
        "Der Kinofilm startet im Mai, die Hauptdarsteller kommen zur Premiere.",
        "meldung",
    ),
    (
        "a genre named at the head of the headline",
        "a.txt",
        "Kommentar: Die Pauschale ist ein Relikt\n\nDie Regierung verteidigt eine Förderung, die längst niemandem mehr hilft.",
        "kommentar",
    ),
    (
        "an obituary's headline: a name and 'gestorben'",
        "a.txt",
        "Maler der Stille: Herbert Kerschbaumer gestorben\n\nDer Künstler starb am Sonntag in Graz.",
        "portraet",
    ),
    (
        "news of deaths is no obituary: no name before 'gestorben'",
        "a.txt",
        "Zwei Ärzte in Kambodscha gestorben\n\nDie Umstände sind unklar, die Behörden ermitteln.",
        "meldung",
    ),
    (
        "an obituary the headline does not name: the opening reports a definite person's death",
        "a.txt",
        "Der letzte Unbelehrbare des Rock\n\nLos Angeles – Am Montag ist der 70-Jährige in Los Angeles gestorben. "
        + "Mit seiner Band prägte er eine Epoche, seine Lieder sang eine ganze Generation. " * 24,
        "portraet",
    ),
    (
        "a death by accident in the opening is news, not an obituary",
        "a.txt",
        "Schwerer Unfall auf der A1\n\nLinz – Am Montag ist der 70-Jährige nach einem Unfall gestorben. "
        + "Die Autobahn war stundenlang gesperrt, die Ermittlungen dauern an, sagte ein Sprecher. " * 24,
        "bericht",
    ),
    (
        "a short death notice stays a meldung",
        "a.txt",
        "Sydney – Der Musikproduzent Robert Stigwood ist im Alter von 81 Jahren gestorben. Er arbeitete für die Bee Gees.",
        "meldung",
    ),
    (
        "interview: a newspaper's name asks twice",
        "a.txt",
        "„Wir bauen zu viel“\n\nKleine Zeitung: Frau Berg, warum wird so viel verbaut?\n\nBerg: Weil die Anreize falsch sind.\n\n"
        "Kleine Zeitung: Was soll sich ändern?\n\nBerg: Die Widmung.",
        "interview",
    ),
    (
        "commentary: first person, opinion markers, no dateline",
        "a.txt",
        "Ich halte das für absurd. Die Regierung sollte endlich handeln, meine ich. Wir müssten leider "
        "zusehen, wie sie zögert. Das ist unerträglich.",
        "kommentar",
    ),
    (
        "first person inside quotes is no commentary",
        "a.txt",
        "Wien – „Ich halte das für absurd, wir sollten leider handeln“, sagte die Ministerin am Montag. "
        "„Ich bin sicher, das ist unerträglich.“",
        "meldung",
    ),
]


def _doc(name: str, text: str, engine: Engine | None = None):
    return (engine or Engine()).document(name, text)


@pytest.mark.parametrize("name,text,genre", [c[1:] for c in GUESSES], ids=[c[0] for c in GUESSES])
def test_guess(name, text, genre):
    guess = _doc(name, text).analysis.genre_guess
    assert (guess.genre, guess.source) == (genre, "guess")
    assert guess.reason


def test_order_command_line_document_configuration(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text('[genre]\n"kultur/*" = "Kritik"\n', encoding="utf-8")
    article = tmp_path / "kultur" / "a.md"
    article.parent.mkdir()
    engine = Workspace(config).engine_for(article)
    plain = "Wien – Der Nationalrat hat am Mittwoch getagt.\n"
    assert engine.document(str(article), plain).analysis.genre_guess.source == "configuration"
    assert engine.document(str(article), plain).analysis.genre == "rezension"
    stated = "---\ngenre: Kommentar\n---\n" + plain
    assert engine.document(str(article), stated).analysis.genre == "kommentar"
    given = Workspace(config, genre="interview").engine_for(article)
    assert given.document(str(article), stated).analysis.genre_guess.source == "--genre"
    assert given.document(str(article), stated).analysis.genre == "interview"
    elsewhere = tmp_path / "politik" / "a.md"
    assert engine.document(str(elsewhere), plain).analysis.genre_guess.source == "guess"


def test_html_meta_genre():
    doc = _doc("a.html", '<meta name="genre" content="Porträt"><p>Wien – Sie wurde 1970 geboren.</p>')
    assert (doc.analysis.genre, doc.analysis.genre_guess.source) == ("portraet", "document")


def test_unknown_genre_in_the_document_is_said_and_guessed():
    guess = _doc("a.md", "---\ngenre: Wasserstandsmeldung\n---\n" + REPORT).analysis.genre_guess
    assert guess.source == "guess" and "Wasserstandsmeldung" in guess.reason


@pytest.mark.parametrize("name", [*GENRES, "Kritik", "Porträt", "LIVEBLOG", " news "])
def test_normalise_genre(name):
    assert normalise_genre(name) in GENRES


def test_bad_genre_in_configuration(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text('[genre]\n"*.md" = "roman"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="roman"):
        load_config(config, registry().settings)


def test_stats_shows_genre_and_reason(tmp_path, capsys):
    from lint.cli import main

    article = tmp_path / "a.txt"
    article.write_text(REPORT * 3, encoding="utf-8")
    assert main(["stats", "--format", "json", str(article)]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["genre"], row["genre_source"]) == ("meldung", "guess") and row["genre_reason"]
    assert main(["stats", "--genre", "kritik", str(article)]) == 0
    assert "rezension (angegeben" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text",
    [
        "", "12:30 Tor\n13.05 Uhr Pause\n+++ Eilmeldung\n", "\n\n  9:15\tAnpfiff\n\n10:00 x", "a 12:30 b\n12:30\n",
        "12:30\n12:31\n12:32\n12:33 Ende", "+++\n+++\n", "x\n \n 7.45 Uhr Start\n", "12:30 a\r\n12:31 b\r\n",
    ],
)
def test_stamp_count_is_the_regex_count(text):
    from lint.language.genre import _STAMP, _stamp_count

    assert _stamp_count(text) == len(_STAMP.findall(text))
