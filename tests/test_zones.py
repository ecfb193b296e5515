"""Zones: each stretch of an article gets its place, from markup or from the text."""

from __future__ import annotations

import json

import pytest

from lint import check_text
from lint.model.document import Document
from lint.plugins.registry import registry

# (case, file name, source, expected [(text, zone)] in order; texts are exact source slices)
CASES = [
    (
        "plain: headline, teaser, dateline, lead, subheading, caption, byline",
        "a.txt",
        "Ärger über „Öl“ in Wien\n"
        "Die Preise steigen weiter. Händler sind besorgt.\n"
        "Wien (APA) – Der Ölpreis ist am Montag auf ein Jahreshoch gestiegen.\n"
        "Am Dienstag folgte ein leichter Rückgang.\n"
        "Was Händler erwarten\n"
        "Die Händler rechnen mit weiteren Anstiegen.\n"
        "Eine Ölpumpe in Texas. Foto: Reuters\n"
        "Von Anna Ölberg\n",
        [
            ("Ärger über „Öl“ in Wien", "headline"),
            ("Die Preise steigen weiter. Händler sind besorgt.", "teaser"),
            ("Wien (APA) – ", "dateline"),
            ("Der Ölpreis ist am Montag auf ein Jahreshoch gestiegen.", "lead"),
            ("Am Dienstag folgte ein leichter Rückgang.", "body"),
            ("Was Händler erwarten", "subheading"),
            ("Die Händler rechnen mit weiteren Anstiegen.", "body"),
            ("Eine Ölpumpe in Texas. Foto: Reuters", "caption"),
            ("Von Anna Ölberg", "byline"),
        ],
    ),
    (
        "plain: Dachzeile above the headline, interview question",
        "a.txt",
        "Ölkrise\nÄrger über „Öl“\nDer Preis steigt.\nSTANDARD: Was tun Sie jetzt?\nÖlberg: Abwarten.\n",
        [
            ("Ölkrise", "subheadline"),
            ("Ärger über „Öl“", "headline"),
            ("Der Preis steigt.", "lead"),
            ("STANDARD: Was tun Sie jetzt?", "interview-question"),
            ("Ölberg: Abwarten.", "body"),
        ],
    ),
    (
        "plain: one-block article (teaser, dateline, first sentence as lead)",
        "a.txt",
        "Händler sind über den „Ölpreis“ besorgt. Wien – Der Ölpreis stieg am Montag. Am Dienstag fiel er.",
        [
            ("Händler sind über den „Ölpreis“ besorgt. ", "teaser"),
            ("Wien – ", "dateline"),
            ("Der Ölpreis stieg am Montag.", "lead"),
            (" Am Dienstag fiel er.", "body"),
        ],
    ),
    (
        "markdown: front matter title and teaser, heading levels, image caption, quote box",
        "a.md",
        "---\ntitle: Ärger über „Öl“\ndescription: Die Preise steigen.\n---\n"
        "Wien – Der Ölpreis stieg am Montag.\n\n## Was Händler erwarten\n\nMehr Anstiege.\n\n"
        "![Eine Ölpumpe](pumpe.jpg)\n*Die Pumpe. Foto: dpa*\n\n> „Es wird teurer“, sagt Ölberg.\n",
        [
            ("Ärger über „Öl“", "headline"),
            ("Die Preise steigen.", "teaser"),
            ("Wien – ", "dateline"),
            ("Der Ölpreis stieg am Montag.", "lead"),
            ("Was Händler erwarten", "subheading"),
            ("Mehr Anstiege.", "body"),
            ("Eine Ölpumpe", "caption"),
            ("Die Pumpe. Foto: dpa", "caption"),
            ("„Es wird teurer“, sagt Ölberg.", "quote-box"),
        ],
    ),
    (
        "plain: a dash after a name before a lower-case word is no dateline",
        "a.txt",
        "Zwei neue Modelle\n\nDer Markt wurde erschüttert.\n\nAm Morgen kam die Nachricht.\n\n"
        "DeepSeek – ein Name, der schnell bekannt wurde.\n",
        [
            ("Zwei neue Modelle", "headline"),
            ("Der Markt wurde erschüttert.", "lead"),
            ("Am Morgen kam die Nachricht.", "body"),
            ("DeepSeek – ein Name, der schnell bekannt wurde.", "body"),
        ],
    ),
    (
        "html: h1, teaser class, byline, figcaption, credit, aside",
        "a.html",
        "<h1>Ärger über „Öl“</h1><p class='teaser'>Die Preise steigen.</p><p class='author'>Von Anna Ölberg</p>"
        "<p>Wien – Der Ölpreis stieg am Montag.</p><p>Mehr.</p>"
        "<figure><figcaption>Die Pumpe.</figcaption><small class='credit'>Foto: dpa</small></figure>"
        "<aside>Öl in Zahlen</aside>",
        [
            ("Ärger über „Öl“", "headline"),
            ("Die Preise steigen.", "teaser"),
            ("Von Anna Ölberg", "byline"),
            ("Wien – ", "dateline"),
            ("Der Ölpreis stieg am Montag.", "lead"),
            ("Mehr.", "body"),
            ("Die Pumpe.", "caption"),
            ("Foto: dpa", "credit"),
            ("Öl in Zahlen", "info-box"),
        ],
    ),
]


@pytest.mark.parametrize("name,source,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_zones(name, source, expected):
    doc = Document(name, source, registry().reader_for(name).read(source))
    got = [(source[doc.to_source(z.start) : doc.to_source(z.end)], z.zone) for z in doc.analysis.zones]
    assert got == expected


def test_zone_at_and_json(tmp_path):
    source = "Ein beispielloser Erfolg\nWien – Der Bundestag hat am Freitag getagt.\nEin beispielloser Tag für Ölbauern.\n"
    found = check_text(source, tmp_path / "a.txt", select=["HY001"])
    assert [(d.line, d.column, d.zone) for d in found] == [(1, 5, "headline"), (3, 5, "body")]
    assert found[0].as_dict()["zone"] == "headline"


def test_json_and_full_output_name_the_zone(tmp_path, capsys):
    from lint.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Ein beispielloser Erfolg\nWien – Der Bundestag hat am Freitag getagt.\n", encoding="utf-8")
    main(["check", "--select", "HY001", "--format", "json", "--fail-on", "never", str(article)])
    [item] = json.loads(capsys.readouterr().out)
    assert item["zone"] == "headline" and item["code"] == "HY001"
    main(["check", "--select", "HY001", "--format", "full", "--no-color", "--fail-on", "never", str(article)])
    assert "= Zone: headline" in capsys.readouterr().out


#: Texts around datelines that make a backtracking place pattern try shorter runs.
DATELINE_TEXTS = [
    "Wien – Der Preis stieg.",
    "St. Pölten – Der Preis stieg.",
    "Kabul, 3. Mai (Reuters) - Ein Anschlag.",
    "Berlin/Wien (APA/dpa) – „Nein“, sagte sie.",
    "Bad Ischl Ost – 3 Tote.",
    "Wien Berlin Graz Linz – Vier Orte sind zu viele.",
    "Wien-Meidling – Der Bezirk. New York – Die Stadt. O'Hare – Der Flughafen.",
    "Graz (ABCDEFGHIJK) – Elf Buchstaben in Klammern.",
    "Die Gewerkschaft GPA-djp sieht Handlungsbedarf. DeepSeek – ein Name, kein Ort.",
    "Kabul, 3. Maix – Wien 3. Mai – Rom, 12. Oktoberfest (AP) – Jetzt.",
    "Linz.- Der Satz. Salzburg/ Wien – Text. Wien - - Text.",
]


def test_dateline_possessive_runs_match_as_backtracking_ones():
    """``zones.DATELINE``'s possessive runs (``*+``, ``++``, ``{0,2}+``) find what the same
    pattern without them finds, at every offset: a run given back never lets it match."""
    import re

    from lint.language import zones

    assert "*+" in zones._DATELINE and "}+" in zones._DATELINE
    backtracking = re.compile(
        zones._DATELINE.replace("*+", "*").replace("}+", "}").replace("++", "+") + r" (?=[A-ZÄÖÜ0-9„“\"»])"
    )
    assert backtracking.pattern != zones.DATELINE.pattern
    found = 0
    for text in DATELINE_TEXTS:
        for at in range(len(text)):
            ours, theirs = zones.DATELINE.match(text, at), backtracking.match(text, at)
            assert (ours and ours.span()) == (theirs and theirs.span()), text[at:]
            found += ours is not None
    assert found >= 12


#: Pieces of the random texts ``_dateline_after_cut`` is checked on: marks, spaces, dashes
#: with and without spaces, places, dates, parentheses, and a dateline with the most
#: spaces one may hold (``zones.DATELINE_SPACES``).
_PIECES = [
    "Wien", " ", "  ", "\n", ". ", "! ", "“ ", ") ", " – ", " - ", " — ", "-", "–", "(APA)", "(APA/dpa) ",
    ", 3. Mai", "St.", "Bad", "die", " Der", "„", '"', "cd ", "/", ",", "3", "(", ")", "x",
    "(ab cd ef gh )", "Bad Ischl Ost", ". Bad Ischl Ost, 3. Mai (ab cd ef gh ) – Die",
]


def test_dateline_after_cut_finds_what_every_cut_tried_finds():
    """The dash-bounded search (``zones._dateline_after_cut``) finds the same dateline as
    ``DATELINE`` tried after every ``_SENTENCE_END`` match in turn, on random texts, regions
    and reaches (it fails if the space bound is one too low)."""
    import random

    from lint.language import zones

    def every_cut(prose, start, end, reach):
        for cut in zones._SENTENCE_END.finditer(prose, start, reach):
            if (m := zones.DATELINE.match(prose, cut.end(), end)) is not None:
                return m
        return None

    rng = random.Random(7)
    found = 0
    for _ in range(10000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        reach = min(end, start + rng.randint(0, 60))
        ours, theirs = zones._dateline_after_cut(text, start, end, reach), every_cut(text, start, end, reach)
        assert (ours and ours.span()) == (theirs and theirs.span()), (text, start, end, reach)
        found += ours is not None
    assert found > 200


def test_one_block_dateline_with_the_most_spaces():
    text = "Händler sind besorgt. Bad Ischl Ost, 3. Mai (ab cd ef gh ) – Der Preis stieg. Er fiel."
    doc = Document("a.txt", text, registry().reader_for("a.txt").read(text))
    assert [z.zone for z in doc.analysis.zones] == ["teaser", "dateline", "lead", "body"]
    assert doc.prose[doc.analysis.zones[1].start : doc.analysis.zones[1].end] == "Bad Ischl Ost, 3. Mai (ab cd ef gh ) – "
