"""lint.language.speech: who speaks (table of cases through Analysis.speech_at)."""

from __future__ import annotations

import pytest

from lint.model.document import Block, Document, ReadResult


def analysis(text: str):
    blocks = []
    at = 0
    for para in text.split("\n\n"):
        blocks.append(Block(at, at + len(para)))
        at += len(para) + 2
    return Document("t.txt", text, ReadResult(text, blocks)).analysis


def speech_of(text: str, word: str):
    start = text.index(word)
    return analysis(text).speech_at(start, start + len(word))


# text, word asked about, expected kind ("" for no speech), expected speaker
CASES = [
    # a closing "so" with a speaker, without quotation marks; belief verbs are no speech
    ("Das ist ein historischer Durchbruch, so der Minister.", "Durchbruch", "reported", "der Minister"),
    ("Die Einigung ist ein Meilenstein, so Müller.", "Meilenstein", "reported", "Müller"),
    ("Das ist ein Desaster, so der Sprecher des Unternehmens.", "Desaster", "reported", "der Sprecher des Unternehmens"),
    ("Er kam so spät, dass die Sensation verpasst war.", "Sensation", "", ""),
    ("Er glaubt, dass das Projekt eine Sensation wird.", "Sensation", "", ""),
    # speech verbs in any tense and mood
    ("Die Ministerin bezeichnete die Einigung als historisch.", "historisch", "reported", "Die Ministerin"),
    ("Die Ministerin lobte den Abschluss als Durchbruch.", "Durchbruch", "reported", "Die Ministerin"),
    ("Der Vorstand hat den Abschluss als Meilenstein bezeichnet.", "Meilenstein", "reported", "Der Vorstand"),
    ("Am Montag sagte Müller, das sei eine Sensation.", "Sensation", "reported", "Müller"),
    ("Das ist eine Sensation, erklärte die Trainerin.", "Sensation", "reported", "die Trainerin"),
    ("Kritiker warfen dem Konzern ein Desaster vor.", "Desaster", "reported", "Kritiker"),
    # a separable verb needs its particle at the end of the clause
    ("Die Firma teilte am Montag mit, der Gewinn sei beispiellos.", "beispiellos", "reported", "Die Firma"),
    ("Trotz des Proteststurms will der Regierungschef das Feld nicht räumen.", "Proteststurms", "", ""),
    ("Die Firma teilt sich den beispiellosen Erfolg mit niemandem.", "beispiellosen", "", ""),
    # the speech verb's clause only: "ankündigte" does not reach the clause before
    ("Nachdem der Kurs dramatisch fiel, stieg er wieder, als die Firma ein Modell ankündigte.", "dramatisch", "", ""),
    # attributing phrases
    ("Laut Müller ist das ein Durchbruch.", "Durchbruch", "according", "Müller"),
    ("Dem Minister zufolge ist das ein Durchbruch.", "Durchbruch", "according", "Dem Minister"),
    ("Nach Ansicht der Autorinnen ist das ein Quantensprung.", "Quantensprung", "according", "der Autorinnen"),
    ("Aus Sicht der Autorinnen ist das ein Quantensprung.", "Quantensprung", "according", "der Autorinnen"),
    ("Nach Angaben von Petra Berger war der Einbruch dramatisch.", "dramatisch", "according", "Petra Berger"),
    # subjunctive I: its own clause, speaker from the sentence before
    ("Müller äußerte sich am Montag. Die Lage sei dramatisch.", "dramatisch", "reported", "Müller"),
    ("Der Kurs fiel dramatisch, während ein Modell kam, das überlegen sei.", "dramatisch", "", ""),
    # direct quotations
    ("„Das war ein Erdbeben für die Branche“, sagte die Analystin Petra Berger.", "Erdbeben", "direct", "die Analystin Petra Berger"),
    ("„Das war ein Erdbeben für die Branche“, so Berger.", "Erdbeben", "direct", "Berger"),
    ("Der Vorstandschef sagte: „Unser Modell ist ein Quantensprung.“", "Quantensprung", "direct", "Der Vorstandschef"),
    ("Müller über die Lösung: „Ein Quantensprung für alle.“", "Quantensprung", "direct", "Müller"),
    ("„Unser Modell ist ein Quantensprung für die Branche.“ Das sagte Müller am Montag.", "Quantensprung", "direct", "Müller"),
    # scare quotes and quotations without a speaker are the writer's
    ("Die Börse erlebte ein „Erdbeben“.", "Erdbeben", "", ""),
    ("Die Börse erlebte ein „Erdbeben ohne jeden Vergleich“ am Montag.", "Erdbeben", "", ""),
    # colon statements
    ("Der Minister sagte dazu: Das ist ein Durchbruch.", "Durchbruch", "colon", "Der Minister"),
    ("Das Ergebnis: Ein Durchbruch für die Forschung.", "Durchbruch", "", ""),
    # interview turns (a recurring label or an interviewer's label makes an interview)
    ("FRAGE: Wie sehen Sie die Lage? Müller: Ja. Das war ein Erdbeben für die Branche.", "Erdbeben", "interview", "Müller"),
    ("FRAGE: Und die Börse? Müller: Ein Erdbeben.", "Erdbeben", "interview", "Müller"),
    ("FRAGE: War das ein Erdbeben? Müller: Nein.", "Erdbeben", "", ""),
    ("Fazit: Ein Erdbeben für die Branche.", "Erdbeben", "", ""),
    # a name and a colon before a first-person statement: that person's (named nowhere else)
    ("Das Spiel naht. Fink: Wenn wir so spielen, wird es ein Triumph.", "Triumph", "colon", "Fink"),
    # the headline's inclusive "uns" is no speaker's first person
    ("Experten: Jetzt droht uns der Horror-Winter.", "Horror-Winter", "", ""),
    # nouns are no speech verbs; narrator voice stays the writer's
    ("Die Fragen nach dem Erfolg der Technologiegiganten bleiben.", "Technologiegiganten", "", ""),
    ("Die Aktie ging in den Sturzflug über.", "Sturzflug", "", ""),
    ("Die Zahlen bestätigen den dramatischen Einbruch.", "dramatischen", "", ""),
]


@pytest.mark.parametrize("text,word,kind,speaker", CASES, ids=[f"{c[2] or 'none'}-{i}" for i, c in enumerate(CASES)])
def test_speech_at(text, word, kind, speaker):
    span = speech_of(text, word)
    if not kind:
        assert span is None, span
    else:
        assert span is not None and (span.kind, span.speaker) == (kind, speaker), span


def test_spans_hold_what_they_report_and_are_listed_in_order():
    text = "Laut Müller ist das ein Durchbruch. Die Aktie fiel. „Ein Erdbeben für alle“, sagte Berger."
    spans = analysis(text).speech
    assert [(s.kind, text[s.start : s.end]) for s in spans] == [
        ("according", "Laut Müller ist das ein Durchbruch."),
        ("direct", "„Ein Erdbeben für alle“"),
        ("reported", "„Ein Erdbeben für alle“, sagte Berger."),
    ]


def test_interview_answer_ends_with_its_paragraph():
    text = "FRAGE: Wie war es? Müller: Ein Erdbeben.\n\nDie Aktie fiel in den Sturzflug."
    a = analysis(text)
    first, second = text.index("Erdbeben"), text.index("Sturzflug")
    assert a.speech_at(first, first + 8).kind == "interview"
    assert a.speech_at(second, second + 9) is None


def test_edited_vocabulary_is_read_again(tmp_path):
    """The lexicon is keyed by path, size and modification time: an edit is seen."""
    import os

    from conftest import copy_of_vocabulary
    from lint.language import speech

    data = copy_of_vocabulary(tmp_path)
    assert "verkündete" in speech.load_lexicon(data).verbs
    assert "posaunte" not in speech.load_lexicon(data).verbs
    verbs = data / "speech-verbs.txt"
    verbs.write_text(verbs.read_text(encoding="utf-8") + "posaunen [v]\n", encoding="utf-8")
    os.utime(verbs, ns=(1, 10**18))
    assert "posaunte" in speech.load_lexicon(data).verbs


def test_stored_speech_verbs_equal_fresh_forms(tmp_path, monkeypatch):
    """The speech verbs' forms come from the data cache as they were made; an edited list
    is a new key, a damaged entry is made afresh."""
    from pathlib import Path

    from lint.cache import regexcache
    from lint.language import speech
    from lint.language.wordlist import parse_wordlist

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    verbs = parse_wordlist("# verbs\nsagen [v]\nmitteilen [v]\n", Path("v.txt"))
    fresh = speech._verbs(verbs)
    assert "sagte" in fresh[0] and ("teilte", "mit") in fresh[1]
    assert speech._stored_verbs(verbs) == fresh  # made and stored
    assert speech._stored_verbs(verbs) == fresh  # from the stored entry
    assert regexcache.get_data(speech._verbs_key(verbs)) is not None
    other = parse_wordlist("# verbs\nerklären [v]\n", Path("v.txt"))
    assert speech._verbs_key(other) != speech._verbs_key(verbs)
    assert speech._stored_verbs(other) == speech._verbs(other) and "erklärte" in speech._stored_verbs(other)[0]
    for data in (tmp_path / regexcache.DATA_KIND).iterdir():
        data.write_bytes(b"\x01")  # damaged: made afresh
    assert speech._stored_verbs(verbs) == fresh
