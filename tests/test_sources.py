"""The sources pack (SO): figures, attribution and vague sources, beyond the rule cases."""

from __future__ import annotations

import zlib

import pytest

from lint import check_text


def _found(text: str, tmp_path, config: str | None = None, select=("SO",), name="case.txt"):
    """The diagnostics of ``text`` linted as ``tmp_path/name``, with ``config`` (TOML) if given;
    each configuration in a folder of its own, so that a later call without one finds none."""
    folder, cfg = tmp_path, None
    if config is not None:
        folder = tmp_path / f"config-{zlib.crc32(config.encode()):08x}"
        folder.mkdir(exist_ok=True)
        cfg = folder / "newslint.toml"
        cfg.write_text(config, encoding="utf-8")
    return check_text(text, folder / name, config=cfg, select=list(select))


def _codes(text: str, tmp_path, config: str | None = None, select=("SO",), name="case.txt"):
    return [(d.code, text[d.start : d.end]) for d in _found(text, tmp_path, config, select, name)]


def _severities(text: str, tmp_path, config: str | None = None, select=("SO",)):
    return [(d.code, str(d.severity)) for d in _found(text, tmp_path, config, select)]


def test_window_option_limits_how_far_back_a_source_counts(tmp_path):
    text = "Laut Statistikamt stiegen die Preise im Handel. Dann kam der Winter. Die Preise im Handel stiegen um 8 Prozent."
    assert _codes(text, tmp_path) == []
    narrow = "[rules.SO001]\nwindow = 1\n"
    # Beyond the window the source still covers the figure on its topic, but only the
    # window's sources are certain: the topic chain reaches it.
    assert _codes(text, tmp_path, narrow) == []


def test_types_option_selects_the_figures_that_need_a_source(tmp_path):
    text = "Der Kurs fiel um 17 Prozent, Nvidia verlor 600 Milliarden Dollar."
    assert [c for c, _ in _codes(text, tmp_path)] == ["SO001", "SO001"]
    only_money = '[rules.SO001]\ntypes = ["money"]\n'
    assert _codes(text, tmp_path, only_money) == [("SO001", "600 Milliarden Dollar")]


def test_unknown_figure_type_is_a_clear_error(tmp_path):
    from lint.model.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown figure type"):
        _codes("Der Kurs fiel um 17 Prozent.", tmp_path, '[rules.SO001]\ntypes = ["moneys"]\n')


def test_extra_cue_words_from_the_configuration(tmp_path):
    text = "Der Umsatz fiel um 17 Prozent, vermeldete die Firma."
    assert _codes(text, tmp_path) == [("SO001", "17 Prozent")]
    assert _codes(text, tmp_path, '[rules.SO001]\nwords = ["vermelden [v]"]\n') == []


def test_headings_option(tmp_path):
    text = "# Nvidia verliert 600 Milliarden Dollar\n\nDer Konzern verlor laut Bloomberg an Wert.\n"
    assert _codes(text, tmp_path, name="a.md") == []
    found = _codes(text, tmp_path, "[rules.SO001]\nheadings = true\n", name="a.md")
    assert found == [("SO001", "600 Milliarden Dollar")]


def test_vague_only_figure_is_reported_as_vague_not_unsourced(tmp_path):
    text = "Berichten zufolge verlor der Konzern 600 Milliarden Dollar."
    assert _codes(text, tmp_path) == [("SO002", "Berichten zufolge")]


def test_named_source_in_the_window_wins_over_a_vague_one(tmp_path):
    text = "Laut Bloomberg verlor Nvidia 600 Milliarden Dollar. Analysten erwarten weitere 10 Prozent."
    assert _codes(text, tmp_path) == [("SO002", "Analysten")]


def test_figure_in_a_quotation_takes_the_speaker_after_it(tmp_path):
    text = "„Wir haben 300 Millionen Euro investiert. Das reicht“, sagte die Chefin."
    assert _codes(text, tmp_path) == []


def test_record_claims_need_their_source_in_the_same_sentence(tmp_path):
    text = "Laut Bloomberg fiel der Kurs. Es war der größte Verlust aller Zeiten."
    assert _codes(text, tmp_path) == [("SO003", "der größte Verlust aller Zeiten")]


def test_offsets_survive_html_entities(tmp_path):
    text = "<p>Caf&eacute; &amp; Co verloren 600 Milliarden Dollar.</p>"
    found = check_text(text, tmp_path / "a.html", select=["SO001"])
    start = text.index("600")
    assert [(d.line, d.column, d.end_column) for d in found] == [(1, start + 1, start + 1 + len("600 Milliarden Dollar"))]


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "100", "$", "600 Milliarden", "Milliarden" * 50, "1.000.000.000.000.000 Euro", "„“ – ; 17 %"],
)
def test_odd_input_gives_no_traceback(text, tmp_path):
    check_text(text, tmp_path / "odd.txt", select=["SO"])  # must not raise


def test_not_figures(tmp_path):
    text = (
        "Am 27. Januar 2025 um 20.45 Uhr gewann der 45-Jährige 2:1. "
        "DeepSeek-R1, V3, Qwen 2.5-Max und das iPhone 16 kamen auf Seite 12 vor. "
        "Im Jahr 2015 Flüchtlinge aufzunehmen, war eine Entscheidung. "
        "Er lief 2.200 Kilometer in 3 Tagen."
    )
    assert _codes(text, tmp_path) == []


def test_a_run_of_figures_carries_its_source_on(tmp_path):
    text = (
        "Laut Eurostat lag die Quote bei 9 Prozent. In Spanien lag sie bei 22 Prozent. "
        "In Griechenland lag sie bei 25 Prozent. Das Wetter war gut. Der Rest kam auf 12 Prozent."
    )
    narrow = "[rules.SO001]\nwindow = 1\nafter = 0\n"
    # Spain is one sentence after the source, Greece one after a sourced figure;
    # the last figure follows a sentence without figures.
    assert _codes(text, tmp_path, narrow) == [("SO001", "12 Prozent")]


def test_speech_with_a_named_speaker_comes_from_the_analysis_when_it_knows_speech():
    """``speech_of`` asks ``Analysis.speech_at`` when the analysis has it (the
    speaker mechanism), and falls back to quotations when it does not."""
    from types import SimpleNamespace

    from lint.language.figure_context import speech_of

    class Speech:
        speaker = "Anna Berg"

    doc = SimpleNamespace(analysis=SimpleNamespace(speech_at=lambda start, end: Speech() if start < 10 else None))
    assert speech_of(doc, 3, 5).speaker == "Anna Berg"
    assert speech_of(doc, 30, 35) is None
    assert speech_of(SimpleNamespace(analysis=SimpleNamespace()), 3, 5) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # the next sentence names the source
        ("Die Zahl stieg um 40 Prozent. Das teilte die Behörde mit.", []),
        # two sentences later only when it points back
        ("Die Zahl stieg um 40 Prozent. Der Winter war mild. Die Behörde sagte, es regne.", [("SO001", "40 Prozent")]),
        ("Die Zahl stieg um 40 Prozent. Der Winter war mild. Das teilte die Behörde mit.", []),
        # a source in another paragraph is out of the window
        ("Laut Behörde ist alles gut.\n\nDie Zahl stieg um 40 Prozent.", [("SO001", "40 Prozent")]),
    ],
)
def test_the_source_window_is_sentences(text, expected, tmp_path):
    assert _codes(text, tmp_path, select=("SO001",)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "STANDARD: Wie geht es? Müller: Gut. Frage: Und sonst?\nAnna Maria Berg: Danke.",
        "Um 10:30 Uhr: Beginn. Zur Orientierung: Der Plan. Ein sehr langer Satz mit vier Wörtern Label: Nein.",
        "A.B-C D E F: G. Frage:Keine. x: Y\n\nInterview: „Ja“",
        ": A: B: C. D: : E:  F.",
    ],
)
def test_turns_are_those_the_turn_pattern_finds(text):
    from lint.language.figure_context import TURN, turns

    assert [(m.start(), m.end()) for m in turns(text)] == [(m.start(), m.end()) for m in TURN.finditer(text)]


def test_a_stored_figure_plan_equals_a_fresh_build(tmp_path, monkeypatch):
    """The detector's pattern texts and trigger words come from the data cache under the
    lists' entries and the types: the same as built afresh, built afresh for other lists
    or a damaged entry, and built without a cache."""
    from pathlib import Path

    from lint.cache import regexcache
    from lint.kinds.figures import Figures
    from lint.language import figure_detection
    from lint.language.figure_detection import TYPES, FigureDetector
    from lint.language.wordlist import load_wordlist, parse_wordlist

    folder = Path(__file__).resolve().parent.parent / "rules" / "sources"

    def lists(option, extra=()):
        return [e for name in Figures.defaults[option] for e in load_wordlist(folder / name).entries] + list(extra)

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    types = frozenset(TYPES)
    fresh = FigureDetector(lists, {}, types)
    built = (*fresh._pattern_texts(), tuple(sorted(fresh._trigger_words())))
    assert fresh._plan == built  # stored now
    key = figure_detection._plan_key(types, {o: lists(o) for o in fresh._plan_lists()})
    assert regexcache.get_data(key) == built
    again = FigureDetector(lists, {}, types)
    assert again._plan == built and again.triggers == fresh.triggers
    text = "Der Umsatz stieg um 12 Prozent auf 3,5 Milliarden Euro, der höchste Stand seit 2009."
    assert [m.group(0) for m in again.matches(text)] == [m.group(0) for m in fresh.matches(text)] != []
    # another list, another key: its noun becomes a trigger
    extra = parse_wordlist("# t\nQuarkwolke [n]\n", Path("x.txt")).entries
    other = FigureDetector(lambda o: lists(o, extra if o == "count_nouns" else ()), {}, types)
    assert "Quarkwolken" in other.triggers and "Quarkwolken" not in fresh.triggers
    regexcache.put_data(key, ("kaputt",))  # a damaged value: built afresh
    assert FigureDetector(lists, {}, types)._plan == built
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    assert FigureDetector(lists, {}, frozenset({"record"}))._plan[0] != built[0]


def test_a_stored_separated_matcher_equals_a_fresh_build(tmp_path, monkeypatch):
    """A vague-source or cue matcher is made from data kept in the data cache under its
    entries: the same forms, trie and gate as built afresh; a damaged entry is built afresh."""
    from pathlib import Path

    from lint.cache import regexcache
    from lint.language import attribution
    from lint.language.wordlist import load_wordlist

    folder = Path(__file__).resolve().parent.parent / "rules" / "sources" / "data"
    entries = tuple(e for name in ("vague-sources.txt", "cues.txt", "konjunktiv.txt") for e in load_wordlist(folder / name).entries)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    fresh = attribution._separated_data(entries)
    assert fresh["forms"] and regexcache.get_data(attribution._separated_key(entries)) == fresh
    assert attribution._separated_data(entries) == fresh  # read back
    text = "Experten zufolge stieg der Umsatz, teilte das Amt mit. Berichten zufolge sagte er nichts."
    found = lambda data: [(s, e, entry.term) for s, e, entry in attribution.SeparatedMatcher(entries, data).finditer(text)]
    assert found(fresh) != [] and found(attribution._separated_data(entries)) == found(fresh)
    regexcache.put_data(attribution._separated_key(entries), {"forms": {"Experten": len(entries)}, "trie": "", "gate": None})
    assert attribution._separated_data(entries) == fresh  # an index out of range: built afresh
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    assert attribution._separated_data(entries) == fresh


def test_a_scanner_compiles_its_patterns_only_when_a_text_needs_them():
    """Over a whole document whose words are known the scanner looks its forms up among
    the words, and compiles no pattern; a part of a text (or a text with "_") is searched
    with the patterns, which find the same places."""
    from lint.engine.core import Workspace
    from lint.language.attribution import Scanner

    from conftest import SEEDS

    engine = Workspace().engine_for(SEEDS / "any.txt")
    text = "Experten warnen. Laut Medienberichten und wie nie zuvor sagten Analysten, Experten-Runden tagten."
    words = engine.document("a.txt", text).analysis
    scanner = Scanner({"Experten", "Analysten", "laut", "wie nie zuvor", "Medienberichten"})
    found = scanner.starts(text, words=words)
    assert "caps" not in vars(scanner) and "lower" not in vars(scanner)
    assert scanner.starts(text) == found == [0, 22, 42, 63, 74]
    assert "caps" in vars(scanner) and "lower" in vars(scanner)
    assert Scanner({"laut"}).caps is None and Scanner({"Experten"}).lower == []


def test_a_cached_trie_is_the_trie_of_its_forms_and_space(tmp_path, monkeypatch):
    """``cached_trie`` gives ``trie_regex`` of the forms with the given space, from the data
    cache once stored (its key holds the forms, the space and the code that builds it)."""
    import re

    from lint.language import attribution
    from lint.language.morphology import trie_regex

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    attribution._TRIES.clear()
    forms = {"am Montag", "am Morgen", "heute", "gestern"}
    for space in (r"\s+", re.escape(" ")):
        assert attribution.cached_trie(forms, space) == trie_regex(forms, space)
        attribution._TRIES.clear()
        assert attribution.cached_trie(set(forms), space) == trie_regex(forms, space)  # from the data cache
    assert attribution.cached_trie(forms) != attribution.cached_trie(forms, re.escape(" "))


def test_vague_after_option_sets_how_far_a_named_source_resolves(tmp_path):
    text = (
        "Wien – Der Fluss ist trüb.\n\nNach Angaben von Fachleuten ist im Fluss Quecksilber gefunden worden. "
        "Die Proben seien am Montag genommen worden. Laut Umweltamt liegt der Quecksilberwert über dem Grenzwert."
    )
    assert _severities(text, tmp_path, select=["SO002"]) == [("SO002", "info")]
    assert _severities(text, tmp_path, "[rules.SO002]\nafter = 1\n", select=["SO002"]) == [("SO002", "warning")]


@pytest.mark.parametrize(
    "lemma, form, expected",
    [
        ("mitteilen", "teilte", True),  # "teilte … mit"
        ("mitteilen", "teilt", True),
        ("mitteilen", "mitgeteilt", True),
        ("mitteilen", "teil", False),  # the particle of "teilnehmen", not the imperative "teil … mit"
        ("ankündigen", "kündig", False),
        ("sagen", "sag", True),  # a verb without a particle keeps its bare stem
        ("herausstellen", "herausgestellt", True),  # the longest particle first ("heraus", not "her")
        ("herausstellen", "hergeausstellt", False),
    ],
)
def test_separable_verbs_drop_their_bare_stem(lemma, form, expected):
    from lint.language.morphology import verb_forms

    assert (form in verb_forms(lemma)) is expected


def test_the_particle_of_teilnehmen_is_no_source(tmp_path):
    text = "Rund 42.000 Menschen nahmen an der Demo teil."
    assert _codes(text, tmp_path) == [("SO001", "Rund 42.000 Menschen")]
    assert _codes("Rund 42.000 Menschen nahmen an der Demo teil, teilte die Polizei mit.", tmp_path) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a separable verb of saying without its particle is another verb: no source
        ("Die beiden Gewinner teilten sich 3 Millionen Euro Preisgeld.", [("SO001", "3 Millionen Euro")]),
        ("Die Polizei räumte am Montag 3.000 Wohnungen in der Stadt.", [("SO001", "3.000 Wohnungen")]),
        # with its particle closing the clause it is the verb of saying: sourced
        ("Der Umsatz stieg um 12 Prozent, teilte die Firma mit.", []),
        ("Die Firma teilte am Montag mit, der Umsatz sei um 12 Prozent gestiegen.", []),
        ("Der Konzern räumte einen Verlust von 3 Millionen Euro ein.", []),
        ("Der Umsatz stieg um 12 Prozent, wie die Firma am Montag mitteilte.", []),
    ],
)
def test_a_separable_verb_of_saying_needs_its_particle(tmp_path, text, expected):
    assert _codes(text, tmp_path, select=("SO001",)) == expected


@pytest.mark.parametrize(
    "text, default, accepted",
    [
        ("Aus Koalitionskreisen hieß es, die Einigung stehe.", "warning", "info"),
        ("Aus Regierungs- und Koalitionskreisen hieß es, die Einigung stehe.", "warning", "info"),
        ("Aus dem Umfeld des Ministers hieß es, er trete zurück.", "warning", "info"),
        ("Wie aus Bankenkreisen zu hören war, fehlt Geld.", "warning", "info"),
        # no circle named, or no anonymous source at all: the option changes nothing
        ("Aus gut informierten Kreisen hieß es, die Einigung stehe.", "warning", "warning"),
        ("Experten warnen vor einer Blase am Aktienmarkt.", "warning", "warning"),
    ],
)
def test_anonymous_circles_option(tmp_path, text, default, accepted):
    assert _severities(text, tmp_path, select=["SO002"]) == [("SO002", default)]
    house = '[rules.SO002]\nanonymous_circles = "info"\n'
    assert _severities(text, tmp_path, house, select=["SO002"]) == [("SO002", accepted)]


def test_anonymous_circles_option_rejects_other_values(tmp_path):
    from lint.model.errors import ConfigError

    with pytest.raises(ConfigError, match="anonymous_circles 'hint'; allowed: warning, info"):
        _found("Experten warnen.", tmp_path, '[rules.SO002]\nanonymous_circles = "hint"\n', select=["SO002"])


def test_currency_comparison_option_rejects_other_values(tmp_path):
    from lint.model.errors import ConfigError

    text = "Der Konzern verlor 600 Millionen Euro. Der Konzern verlor 600 Millionen Dollar."
    with pytest.raises(ConfigError, match="compare = 'money'; allowed: 'scale', 'currency'"):
        _found(text, tmp_path, '[rules.SO010]\ncompare = "money"\n', select=["SO010"])


def test_the_scale_comparison_compares_no_currencies(tmp_path):
    """SO004 (``compare = "scale"``, the default) leaves a swapped currency to SO010."""
    text = (
        "Der Börsenwert des Spieleherstellers liegt bei 14,6 Milliarden Euro. Das Wetter war gut. "
        "Seit dem Börsengang ist der Börsenwert des Spieleherstellers auf 14,6 Milliarden Dollar gestiegen."
    )
    assert _codes(text, tmp_path, select=["SO004", "SO010"]) == [("SO010", "14,6 Milliarden Dollar")]


@pytest.mark.parametrize("compound", [True, False])
@pytest.mark.parametrize("order", [("einklagen [v]", "klagen [v]"), ("klagen [v]", "einklagen [v]")])
def test_a_form_shared_with_a_separable_verb_belongs_to_the_verb_that_has_it_as_its_own(order, compound):
    """"klagt" is a form of "klagen" and the bare form of "einklagen" ("klagt … ein"): whatever
    the order of the list, it is "klagen"'s, so it is a source without a particle at the end."""
    from pathlib import Path

    from lint.language.attribution import fast_matcher
    from lint.language.wordlist import parse_wordlist

    lines = list(order) + (["Studie [n, compound]"] if compound else [])  # a compound entry: the other matcher
    entries = tuple(parse_wordlist("# Cues of a test.\n" + "\n".join(lines) + "\n", Path("cues.txt")).entries)
    text = "Dieses Mal klagt ein Fonds des Sultanats auf 150 Millionen Euro."
    assert [entry.term for _s, _e, entry in fast_matcher(entries).finditer(text, 0, len(text))] == ["klagen"]
