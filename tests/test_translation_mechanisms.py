"""The translation pack's helper mechanisms, each with a table of cases."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lint.kinds.name_variant import _close_pairs, _distance, _inflected, _one_edit, _plain, _two_as_long
from lint.language.gazetteer import WordTable
from lint.language.phrase_index import PhraseIndex
from lint.language.translation_data import SplitTable
from lint.language.word_frequency import WordFrequency
from lint.language.words import capitalised, count_words

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das ist of course klar.", [("of course", "of course")]),
        ("Of course, sagte sie.", [("Of course", "Of course")]),
        ("Die European Union und die European Unions.", [("European Union", "European Union")]),
        ("therefore, thereforeX, Xtherefore", [("therefore", "therefore")]),
        ("Nichts Englisches hier.", []),
    ],
)
def test_phrase_index_finds_whole_phrases(text, expected):
    index = PhraseIndex(["of course", "European Union", "therefore"])
    found = [(text[s:e], phrase) for s, e, phrase in index.find(text, count_words(text))]
    assert found == expected
    # only the text's words that are anchors (as ``english-fragment`` asks): the same finds
    present = index.anchors.intersection(count_words(text))
    assert sorted(index.find(text, present)) == sorted(index.find(text, count_words(text)))
    assert index.anchors == frozenset(index.by_anchor)


def test_word_table_answers_as_a_set():
    words = {"Berg", "Berlin", "Bern", "B", "Frankfurt am Main", "Fr"}
    table = WordTable(WordTable.buckets(words))
    asked = [*words, "Be", "Ber", "Berli", "Berlins", "Frankfurt", "am Main", "Bern\nBerg", "Berg\nBerlin", "", "X", "Main"]
    assert [w for w in asked if w in table] == [w for w in asked if w in words]


@pytest.mark.parametrize("whole_after", [1, 3, 10_000])
def test_split_table_answers_as_its_table(whole_after, monkeypatch):
    """Bucket by bucket (a short run) and whole (after ``WHOLE_AFTER`` words), a split
    dictionary or set answers as the table it was made of."""
    monkeypatch.setattr(SplitTable, "WHOLE_AFTER", whole_after)
    zipf = {"haus": 6.1, "hausen": 3.2, "maus": 4.0, "m": 5.0, "": 1.0, "äpfel": 3.5}
    asked = [*zipf, "ha", "hau", "hauss", "Haus", "x", "äp", "mm"]
    words = ["Haus", "Häuser", "MAUS", "Äpfel", "Nadella", "M", "Hausen"]
    table = SplitTable(SplitTable.pack(zipf))
    assert [table.get(w, 0.0) for w in asked] == [zipf.get(w, 0.0) for w in asked]
    assert table.lacking(words) == [w for w in words if w.casefold() not in zipf]
    assert [w in table for w in asked] == [w in zipf for w in asked]
    english = SplitTable(SplitTable.pack({"the", "market", "Market", "of"}))
    assert [w in english for w in asked + ["the", "Market", "market", "of", "off"]] == [False] * len(asked) + [True] * 4 + [False]
    assert english.lacking(["The", "Market", "Haus"]) == ["Haus"]
    empty = SplitTable(SplitTable.pack({}))
    assert not empty and table and english and "haus" not in empty and empty.lacking(words) == words


def test_split_table_reads_only_the_buckets_asked_for_until_whole():
    zipf = {"haus": 6.1, "maus": 4.0, "baum": 5.0}
    table = SplitTable(SplitTable.pack(zipf))
    assert table.get("haus") == 6.1 and list(table._opened) == ["ha"] and table._whole is None
    table.lacking(["Maus"] * (SplitTable.WHOLE_AFTER - 2))
    assert table._whole is None and sorted(table._opened) == ["ha", "ma"]
    assert table.get("baum") == 5.0 and table._whole == zipf and not table._opened  # one table now


def test_close_pairs_share_first_letter_length_and_three_letters():
    rng = random.Random(5)
    letters = "abcdeKLMN"
    for _ in range(300):
        words = sorted({rng.choice("KLM") + "".join(rng.choice(letters) for _ in range(rng.randrange(2, 7))) for _ in range(12)})
        expected = {
            frozenset((a, b)) for a in words for b in words
            if a < b and a[0] == b[0] and abs(len(a) - len(b)) <= 1 and (a[:3] == b[:3] or a[-3:] == b[-3:])
        }
        found = [frozenset(pair) for pair in _close_pairs(words)]
        assert len(found) == len(set(found)) and set(found) == expected


def test_one_edit_agrees_with_the_edit_distance():
    rng = random.Random(3)
    for word in ["Macron", "Scholz", "Main", "Oder", "Nadella", "ab", "aa", "Merkel"]:
        for _ in range(300):
            letters = list(word)
            i = rng.randrange(len(letters))
            op = rng.randrange(4)
            if op == 0:
                letters[i] = rng.choice("abeMn")
            elif op == 1:
                letters.insert(i, rng.choice("abn"))
            elif op == 2 and len(letters) > 1:
                del letters[i]
            elif op == 3 and i < len(letters) - 1:
                letters[i], letters[i + 1] = letters[i + 1], letters[i]
            variant = "".join(letters)
            assert _one_edit(word, variant) == (_distance(word, variant) == 1), (word, variant)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("Bayer", "Bayern", True),
        ("Westjordanlands", "Westjordanlandes", True),
        ("Merkels", "Merkel", True),
        ("Nadela", "Nadella", False),
        ("Macon", "Macron", False),
    ],
)
def test_inflected_forms(a, b, expected):
    assert _inflected(a, b) is expected


@pytest.mark.parametrize("word, plain", [("Sánchez", "Sanchez"), ("Ibrahimović", "Ibrahimovic"), ("Müller", "Muller")])
def test_plain_drops_diacritics(word, plain):
    assert _plain(word) == plain


def test_words_and_capitalised_words_keep_first_occurrence_order():
    counts = count_words("Die Regierung und die Regierung, KI-Startup 2025 Nvidia.")
    assert counts["Regierung"] == 2 and counts["KI-Startup"] == 1 and counts["2025"] == 1
    assert capitalised(list(counts)) == ["Die", "Regierung", "KI-Startup", "Nvidia"]


def test_uncommon_keeps_rare_words_only():
    words = ["Regierung", "Nadella", "Montag", "Zwirblekamp", "Government"]
    assert WordFrequency().uncommon(words) == ["Nadella", "Zwirblekamp"]


def test_uncommon_in_german_with_a_length_is_the_long_words_looked_up():
    """The length test inside the lookup's comprehension keeps what a list of the long
    words looked up would keep, in order (also without a table, and with a split one)."""
    words = ["Nvidia", "Regierung", "Nadella", "Bund", "Holloway", "Xi", "Zwirblekamp", "Montag", "Nadela"]
    frequency = WordFrequency()
    for min_length in (0, 1, 5, 6, 7, 8, 20):
        expected = frequency.uncommon_in_german([w for w in words if len(w) >= min_length])
        assert frequency.uncommon_in_german(words, min_length) == expected
    assert frequency.uncommon_in_german(words, 7) == ["Nadella", "Holloway", "Zwirblekamp"]
    split = WordFrequency()
    split._tables["de"] = SplitTable(SplitTable.pack(frequency._table("de")))
    assert split.uncommon_in_german(words, 6) == frequency.uncommon_in_german(words, 6)
    without = WordFrequency()
    without._tables["de"] = None
    assert without.uncommon_in_german(words, 6) == [w for w in words if len(w) >= 6]


def test_two_as_long_counts_the_long_words():
    assert _two_as_long(["Nvidia", "Xi", "Nadella"], 5)
    assert not _two_as_long(["Nvidia", "Xi", "Bund"], 5)
    assert not _two_as_long([], 5)
    assert _two_as_long(["Bund", "Xi"], 2)
    assert not _two_as_long(["Bund", "Xi", "Al"], 4)


def test_missing_word_frequencies_are_said_not_guessed(monkeypatch):
    """Without wordfreq every word would look rare: a clear note (as for an unreachable
    LanguageTool), never silent false findings."""
    import builtins

    from lint.language import word_frequency

    monkeypatch.setattr(word_frequency, "_shipped_file", lambda lang: None)  # a pack without its tables
    monkeypatch.setattr(word_frequency, "_table_file", lambda lang: None)
    real_import = builtins.__import__

    def no_wordfreq(name, *args, **kwargs):
        if name == "wordfreq":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_wordfreq)
    from lint.model.errors import BackendUnavailable

    with pytest.raises(BackendUnavailable, match="pip install wordfreq"):
        word_frequency.WordFrequency().zipf("Haus", "de")
    assert not word_frequency.available()


def test_a_run_without_the_wordfreq_package_reads_the_shipped_tables():
    """The seeds without the wordfreq package installed: the translation pack's own tables
    (``zipf-de.tsv``, ``zipf-en.tsv``) answer, so the findings are the same and no note is
    said; the same run without those tables too says it once and keeps every finding that
    needs no word frequency."""
    import json
    import subprocess
    import sys

    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    run = "import sys; {block}from lint.cli import main; sys.exit(main(['check', '--format', 'json', '--no-cache', *sys.argv[1:]]))"
    no_package = "sys.modules['wordfreq'] = None; "
    no_tables = no_package + "import lint.language.word_frequency as w; w._shipped_file = lambda lang: None; "
    full, bare, none = (
        subprocess.run([sys.executable, "-c", run.format(block=block), *seeds], capture_output=True, text=True, cwd=ROOT)
        for block in ("", no_package, no_tables)
    )
    assert (full.returncode, bare.returncode, none.returncode) == (1, 1, 1), none.stderr
    assert "wordfreq" not in bare.stderr and json.loads(bare.stdout) == json.loads(full.stdout)
    assert none.stderr.count("pip install wordfreq") == 1 and "error" not in none.stderr
    with_frequencies = {(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(full.stdout)}
    without = {(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(none.stdout)}
    assert without < with_frequencies
    assert {code for *_, code in with_frequencies - without} <= {"TR001", "TR003"}


def test_words_from_a_shared_utf8_form_are_the_same():
    from lint.language.words import lower_utf8, utf8, word_items, wordish

    for text in ("", "Die Regierung – „KI-Startup“ 2025\u00a0Nvidia.", "ÄÖÜ ẞ Straße\ud800 Σίσυφος", "plain ascii, only."):
        form = utf8(text)
        assert wordish(text, form) == wordish(text)
        assert word_items(text, form) == word_items(text)
        assert lower_utf8(text, "surrogatepass", form) == lower_utf8(text, "surrogatepass")


def test_english_marker_sets_are_the_lists():
    """``markers`` (one cached set) is the union of the split ``english`` and
    ``english_only`` tables, and those answer as their lists."""
    from lint.engine.core import Engine, Selection
    from lint.kinds.english_fragment import _english_only_words, _english_words

    engine = Engine(selection=Selection(select=["TR003"]))
    [kind] = [k for k in engine.kinds if k.rule.code == "TR003"]
    english, only = _english_words(kind._files("english")), _english_only_words(kind._files("english_only"))
    assert "Market" in english and "cornerstone" in only
    assert kind.markers == english | only
    asked = sorted(english)[::50] + sorted(only)[::50] + ["Haus", "und", "the", "The", "cornerstone"]
    assert [w in kind.english for w in asked] == [w in english for w in asked]
    assert [w in kind.english_only for w in asked] == [w in only for w in asked]


def test_name_variant_starts_are_misspellings_pairings_and_surnames():
    """``starts`` (kept in the data cache) maps each misspelling to its name and each
    other word a check starts from (a pairing's first word, a surname) to ""."""
    from lint.engine.core import Engine, Selection

    engine = Engine(selection=Selection(select=["TR001"]))
    [kind] = [k for k in engine.kinds if k.rule.code == "TR001"]
    variants = kind.gazetteer.variants(int(kind.options["min_length"]))
    others = kind.pairings.keys() | kind.surnames[0]
    assert kind.starts == {**dict.fromkeys(others, ""), **variants}
    assert variants and others - variants.keys() and kind.starts["Frankfurt"] == ""


def test_words_among_is_the_intersection_with_the_word_count():
    """Found through ``word_firsts``, the words of a vocabulary in a text are those of
    its word count: a hyphenated compound's first part that stands nowhere on its own
    ("Software" of "Software-Update") is no hit, one that does ("Cloud") is."""
    from lint.kinds.english_fragment import words_among
    from lint.model.document import Document
    from lint.readers.plain import read_plain

    vocabulary = frozenset({"Software", "Cloud", "update", "Update", "the", "Meeting", "absent"})
    for text in (
        "Das Software-Update kam. Die Cloud-Dienste und die Cloud liefen, the Meeting-Raum blieb leer.",
        "Ein Update, the end.",
        "Nichts davon.",
        "",
    ):
        doc = Document("t.txt", text, read_plain(text))
        expected = vocabulary.intersection(doc.analysis.word_counts)
        assert words_among(vocabulary, doc.analysis) == expected
    text = "Das Software-Update kam, die Cloud-Dienste und die Cloud."
    doc = Document("t.txt", text, read_plain(text))
    assert "Software" in doc.analysis.word_firsts
    assert words_among(vocabulary, doc.analysis) == {"Cloud"}


def test_a_long_run_of_names_is_paired_in_linear_time_with_the_same_close_pairs():
    """Beyond ``PAIRING_REACH`` words of one first letter, each word is paired only with its
    neighbours in alphabetical and in reversed order: the garbles of a real text still pair."""
    from lint.kinds import name_variant

    filler = [f"Q{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)}xyzt" for i in range(300)]
    garbles = ["Nadella", "Nadela", "Nedella", "Nadellas", "Northam", "Notham"]
    names = filler + garbles + [f"N{w[1:]}" for w in filler[:100]]
    pairs = set(name_variant._close_pairs(names))
    assert {("Nadela", "Nadella"), ("Nadella", "Nadellas"), ("Nadella", "Nedella"), ("Northam", "Notham")} <= pairs
    assert len(names) > name_variant.PAIRING_REACH
    assert len(pairs) <= 2 * len(names) * name_variant.PAIRING_REACH  # at most REACH per word and order


def test_near_pairs_equal_all_pairs_where_no_group_exceeds_the_reach():
    """Where no group of words sharing their first or their last three letters holds more
    than ``PAIRING_REACH`` words, the linear pairing finds exactly the pairs of all with all."""
    import random
    from itertools import combinations

    from lint.kinds import name_variant

    rng = random.Random(5)
    letters = "aeilnorstu"
    run = sorted({"N" + "".join(rng.choice(letters) for _ in range(rng.randint(4, 7))) for _ in range(400)})
    assert len(run) > name_variant.PAIRING_REACH
    for same in (name_variant._HEAD, name_variant._TAIL):
        groups = {}
        for w in run:
            groups.setdefault(same(w), []).append(w)
        assert max(map(len, groups.values())) <= name_variant.PAIRING_REACH
    every = sorted(
        (a, b) for a, b in combinations(run, 2) if -1 <= len(a) - len(b) <= 1 and (a[:3] == b[:3] or a[-3:] == b[-3:])
    )
    assert name_variant._near_pairs(run) == every
