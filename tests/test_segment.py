"""German sentence splitting: abbreviations, ordinals, numbers and quotes."""

import pytest

from lint.language.segment import split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das ist gut. Das ist schlecht.", ["Das ist gut.", "Das ist schlecht."]),
        ("Es gibt z. B. Äpfel. Und Birnen.", ["Es gibt z. B. Äpfel.", "Und Birnen."]),
        ("Er traf Dr. Müller in Berlin. Sie kam später.", ["Er traf Dr. Müller in Berlin.", "Sie kam später."]),
        ("Der Verlust betrug 3 Mrd. Euro im Jahr. Das war viel.", ["Der Verlust betrug 3 Mrd. Euro im Jahr.", "Das war viel."]),
        ("Am Morgen des 27. Januar fiel der Kurs. Danach stieg er.", ["Am Morgen des 27. Januar fiel der Kurs.", "Danach stieg er."]),
        ("Am 3. Oktober ist Feiertag.", ["Am 3. Oktober ist Feiertag."]),
        ("Er kam zum 3. Mal ins Finale. Er verlor.", ["Er kam zum 3. Mal ins Finale.", "Er verlor."]),
        ("Es kamen 1.000 Menschen. Der Preis lag bei 5,6 Prozent.", ["Es kamen 1.000 Menschen.", "Der Preis lag bei 5,6 Prozent."]),
        ("Das geschah 2021. Dann kam die Wende.", ["Das geschah 2021.", "Dann kam die Wende."]),
        ("„Das ist gut.“ Sie nickte.", ["„Das ist gut.“", "Sie nickte."]),
        ("„Ist das gut?“, fragte sie. Er schwieg.", ["„Ist das gut?“, fragte sie.", "Er schwieg."]),
        ("Wirklich? Ja! Genau…", ["Wirklich?", "Ja!", "Genau…"]),
        ("Er las Art. 5 GG vor. Dann ging er.", ["Er las Art. 5 GG vor.", "Dann ging er."]),
        ("Das gilt u. a. für Kinder. Auch für Ältere.", ["Das gilt u. a. für Kinder.", "Auch für Ältere."]),
        ("John F. Kennedy sprach. Alle hörten zu.", ["John F. Kennedy sprach.", "Alle hörten zu."]),
        # A capital letter ends a name, not an initial, before a sentence's function word.
        ("Sie schrieb auf X. Laut ihr ist alles gut.", ["Sie schrieb auf X.", "Laut ihr ist alles gut."]),
        ("Das Modell Terra X. Der Rückruf kam.", ["Das Modell Terra X.", "Der Rückruf kam."]),
        ("Franz X. Huber kam.", ["Franz X. Huber kam."]),
        ("Es spielen u. a. Die Toten Hosen.", ["Es spielen u. a. Die Toten Hosen."]),
        ("Er ist 45 Jahre alt. Sie ist jünger.", ["Er ist 45 Jahre alt.", "Sie ist jünger."]),
        ("Warten... Dann weiter.", ["Warten...", "Dann weiter."]),
        ("Das kostete ca. 5 Euro. Öl wurde teurer.", ["Das kostete ca. 5 Euro.", "Öl wurde teurer."]),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


def test_offsets_are_absolute_and_trimmed():
    text = "  Erster Satz.  Zweiter Satz.  "
    spans = split_sentences(text, 0, len(text))
    assert spans == [(2, 14), (16, 29)]
    assert [text[s:e] for s, e in spans] == ["Erster Satz.", "Zweiter Satz."]


def test_a_boundary_the_regex_tells_is_one_the_python_test_tells():
    """Where the candidate pattern sets its group ``plain`` (the common boundaries, told by
    the regex engine), ``_is_boundary`` says "a boundary" too: the two cannot drift apart.
    Random texts of words, abbreviations, numbers, marks and quotes, searched from any start."""
    import random

    from lint.language import segment

    rng = random.Random(35)
    pieces = ["Die", "vergangenen", "Jahr", "er", "Wien", "ca", "Dr", "usw", "Nr", "12", "3", "„Zitat“", "(Klammer)",
              "Ära", "zB", "abc", "ÄÖÜ", "a", "Bd", "Sept", "x"]
    marks = [".", ". ", ".\n", "! ", "? ", "… ", ".. ", " ", " ", " ", ", "]
    told = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(marks) for _ in range(rng.randint(1, 14)))
        start = rng.randint(0, len(text))
        for match in segment._candidates(text, start, len(text)):
            if match[segment._PLAIN] is not None:
                told += 1
                assert segment._is_boundary(text, match), (text, match.start())
    assert told > 200
