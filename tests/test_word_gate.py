"""The word lists' quick test (``lint.language.word_gate``): a document that cannot
hold a form is not scanned, and a gated scan finds exactly what a full scan finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.engine.core import Engine
from lint.language.morphology import compile_entries
from lint.language.word_gate import build_gate, may_hold
from lint.language.wordlist import parse_wordlist

ROOT = Path(__file__).resolve().parent.parent


def _words(text: str):
    return Engine().document("a.txt", text).analysis


GATE = build_gate(
    forms=["Rekordjagd", "K.-o.-Sieg"],
    phrases=[[{"stellt", "stellte"}, {"…"}, {"in"}, {"den"}, {"Schatten"}], [{"durch"}, {"die"}, {"Decke"}]],
    modifiers=["Mega"],
)

# (case, text, may hold)
CASES = [
    ("a plain form", "Die Rekordjagd geht weiter.", True),
    ("a plain form, other case", "Die rekordjagd geht weiter.", False),
    ("a plain form inside a longer word", "Die Rekordjagden gehen weiter.", False),
    ("a punctuated form by its longest word", "Nach dem K.-o.-Sieg jubelten sie.", True),
    ("that word alone is another word", "Ein Sieg nach Punkten.", False),
    ("a modifier starts a word", "Ein Megadeal.", True),
    ("a modifier starts the first word", "Megadeal!", True),
    ("a modifier before a hyphen", "Ein Mega-Deal.", True),
    ("a phrase with all its words", "Das stellte alles in den Schatten.", True),
    ("a phrase missing a word", "Das stellte alles in den Keller.", False),
    ("a phrase by its words in any order", "Die Decke fiel durch die Tür.", True),
    ("nothing listed", "Der Gemeinderat tagte am Montag.", False),
]


@pytest.mark.parametrize("text,holds", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_gate(text, holds):
    assert may_hold(GATE, _words(text)) is holds


def test_a_form_of_punctuation_only_opens_the_gate_always():
    assert build_gate(forms=["!!!"]) is None
    assert may_hold(None, _words("Nichts.")) is True


def test_gate_survives_the_matcher_cache():
    from lint.language.word_gate import WordGate

    assert WordGate.from_data(GATE.data()) == GATE


@pytest.mark.parametrize("text,holds", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_stored_gate_makes_only_the_phrases_a_document_meets(text, holds):
    """Read from the cache, the gate answers as the built one, and makes the sets of a
    phrase only when a document holds its key word."""
    from lint.language.word_gate import WordGate

    stored = WordGate.from_data(GATE.data())
    words = _words(text)
    assert may_hold(stored, words) is holds
    assert stored.held(words, text) == GATE.held(words, text)
    met = {w for w in stored.phrases if w in words.word_firsts}
    assert set(stored.phrases._made) <= met
    assert stored.phrases == GATE.phrases and stored.data() == GATE.data()


LIST = """# hype words for the test
beispiellos
Erdbeben [n, compound]
Mega-
stellt … in den Schatten
K.-o.-Sieg
"""

TEXTS = [
    "Ein beispielloser Anstieg. Das Börsenbeben kam. Ein Megadeal stellt alles in den Schatten.",
    "Nach dem K.-o.-Sieg jubelte die Mannschaft; ein Erdbeben der Stärke 5.",
    "Der Gemeinderat tagte am Montag und beschloss das Budget.",
    # Forms and a phrase's key word only as the first part of a hyphenated word ("word_firsts"):
    "Die Schatten-Wirtschaft stellt sich in den Weg, beispiellos-gut, Erdbeben-Gefahr, K.-o.-Runde.",
    "Ein beispiellos-schöner Tag stellt alles in den Schatten-Bereich.",
    *[p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))],
]


@pytest.mark.parametrize("text", TEXTS, ids=[f"text{i}" for i in range(len(TEXTS))])
def test_gated_scan_finds_what_a_full_scan_finds(text):
    matcher = compile_entries(parse_wordlist(LIST, Path("test.txt")).entries)
    assert matcher.gate is not None
    words = _words(text)
    assert list(matcher.finditer(text, words=words)) == list(matcher.finditer(text))


def test_gated_scan_of_every_shipped_list_equals_the_full_scan():
    """Every pack's hype scan and every list kind, over the seeds: the gate drops no hit."""
    engine = Engine()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = engine.document(str(path), path.read_text(encoding="utf-8"))
        for kind in engine.kinds:
            scan = getattr(kind, "scan", None)
            if scan is not None and hasattr(scan, "matcher"):
                assert list(scan.matcher.finditer(doc.prose, words=doc.analysis)) == list(scan.matcher.finditer(doc.prose))


SCANNER_TEXTS = [
    "Der Umsatz stieg um 12 Prozent. Prozent-Punkte, Euro-Millionen, Millionenstadt, 3Prozent, x_Prozent.",
    "Millionen Menschen. Die Hälfte der Millionen; -Millionen „Millionen“ (Prozent)",
    *[p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))],
]


@pytest.mark.parametrize("text", SCANNER_TEXTS, ids=[f"text{i}" for i in range(len(SCANNER_TEXTS))])
def test_trigger_scan_through_the_document_words_finds_what_the_pattern_finds(text):
    """The capitalised trigger words looked up among the document's words (``Scanner.starts``
    with ``words``) stand where the scan of every capital finds them."""
    engine = Engine()
    doc = engine.document("a.txt", text)
    scanners = [k.detector.trigger_scan for k in engine.kinds if hasattr(k, "detector")]
    assert scanners
    for scanner in scanners:
        assert scanner.caps_words is not None
        assert scanner.starts(doc.prose, words=doc.analysis) == scanner.starts(doc.prose)


PLAIN_ONLY = "Beispiellos! Ein beispielloser Anstieg, das Erdbeben; beispielloses Erdbeben-Jahr."


def test_a_document_of_plain_forms_has_them_looked_up_as_the_scan_finds_them():
    """Where the gate leaves only plain forms (``WordGate.held``) their places are looked up;
    every range, also one that ends inside a word, gives what the scan gives."""
    matcher = compile_entries(parse_wordlist(LIST, Path("test.txt")).entries)
    words = _words(PLAIN_ONLY)
    assert matcher.gate.held(words) == {"Beispiellos", "beispielloser", "beispielloses", "Erdbeben"}
    assert matcher.gate.held(_words(TEXTS[0])) is None  # a modifier and a phrase: only a scan tells
    for start in range(len(PLAIN_ONLY)):
        for end in range(start, len(PLAIN_ONLY) + 1, 3):
            assert list(matcher.finditer(PLAIN_ONLY, start, end, words)) == list(matcher.finditer(PLAIN_ONLY, start, end))


MODIFIED = "Ein Megadeal, ein Mega-Erfolg, ein Megabit. Er stellt Stühle in den Flur, im Schatten: beispiellos."


def test_modifiers_and_a_phrase_not_in_the_text_have_their_words_looked_up():
    """A phrase whose words all stand in the text, but not as the phrase, and words a
    modifier's letters start ("Megabit" too, which the matcher then drops) leave the
    lookup of single words (``WordGate.held`` with the text); it finds what the scan finds."""
    matcher = compile_entries(parse_wordlist(LIST, Path("test.txt")).entries)
    words = _words(MODIFIED)
    assert matcher.gate.held(words) is None  # without the text the phrase may stand
    assert matcher.gate.held(words, MODIFIED) == {"Megadeal", "Mega-Erfolg", "Megabit", "beispiellos"}
    assert [MODIFIED[h.start : h.end] for h in matcher.finditer(MODIFIED, words=words)] == ["Megadeal", "Mega-Erfolg", "beispiellos"]
    for start in range(len(MODIFIED)):
        for end in range(start, len(MODIFIED) + 1, 3):
            assert list(matcher.finditer(MODIFIED, start, end, words)) == list(matcher.finditer(MODIFIED, start, end))


@pytest.mark.parametrize("words", [[], ["Rekordjagd"], ["a", "b-c", "K.-o.-Sieg", "in den Schatten"], ["", "x"], ["a\nb", "c"]])
def test_packed_words_come_back_as_they_were(words):
    from lint.language.word_gate import pack_words, unpack_words

    packed = pack_words(words)
    assert unpack_words(packed) == words
    assert isinstance(packed, str) == all(w and "\n" not in w for w in words)


def test_a_stored_matcher_keeps_odd_forms(tmp_path, monkeypatch):
    """A modifier of a hyphen alone ("-") has the empty prefix: its table is stored as a list."""
    from lint.language import morphology

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    entries = parse_wordlist("# t\n-\nbeispiellos\n", Path("a.txt")).entries
    built = morphology._matcher(morphology._build(list(entries)), list(entries))
    fresh = compile_entries(entries)
    stored = compile_entries(entries)
    assert stored.prefixes == fresh.prefixes == built.prefixes == {"": entries[0]}
    assert stored.forms == fresh.forms and list(stored.forms) == list(fresh.forms)


def test_word_char_test_is_the_regex_class():
    """``morphology._is_word_char`` (where a scan's end cuts a word) accepts exactly the
    characters ``[\\w-]`` matches, beyond ASCII too."""
    from lint.language.morphology import _WORDCHAR, _is_word_char

    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000] + ["\U0001d7d8", "\U0001f600", "\U00020000"]
    assert [c for c in chars if _is_word_char(c) != (_WORDCHAR.match(c) is not None)] == []


def test_held_words_serve_a_scan_whose_end_cuts_a_word():
    """A part of the text that ends inside a word is scanned, not answered from the held
    words (which stand whole in the text): the cut word's start is a form there."""
    matcher = compile_entries(parse_wordlist("# test\nRekord\n", "t.txt").entries)
    text = "Ein Rekordjagd-Bericht. Ein Rekord."
    words = _words(text)
    cut = text.index("jagd")
    assert [(h.start, h.end) for h in matcher.finditer(text, 0, cut, words)] == [(4, 10)]
    assert [(h.start, h.end) for h in matcher.finditer(text, 0, len(text), words)] == [(28, 34)]
