"""lint.language.fields: semantic fields of a passage (table of cases)."""

from __future__ import annotations

import pytest

from lint.language.fields import Field, build_field, field_names, fields_in, load_field
from lint.language.wordlist import parse_wordlist
from lint.model.document import Block, Document, ReadResult


@pytest.fixture(scope="module")
def fields() -> list[Field]:
    return [load_field(name) for name in field_names()]


def test_the_general_fields_exist():
    assert {"weather", "geology", "medicine", "military", "history"} <= set(field_names())


CASES = [
    ("Der Wetterdienst meldete Orkanböen.", {"weather"}),
    ("Das Epizentrum lag vor der Küste, die Magnitude betrug 6,2.", {"geology"}),
    ("Ein Erdbeben der Stärke 7,1 traf die Region.", {"geology"}),
    ("Der Fahrer kam ins Krankenhaus.", {"medicine"}),
    ("Die Truppen rückten an der Front vor.", {"military"}),
    ("Der Börsenkrach von 1929 war tief.", {"history", "markets"}),
    ("Die Regierung zahlt 300 Euro.", {"money", "politics", "quantities"}),
    ("Die Handlung der Netflix-Serie ist bekannt.", {"arts"}),
    # a capitalised entry needs a capitalised word; a year needs four digits
    ("Die Kräfte regen sich.", set()),
    ("Die Firma zahlte 192 Millionen.", {"economy", "quantities"}),
    ("Der Umsatz stieg um vier Prozent.", {"economy", "quantities"}),
    # figurative domains (the sense decision of HY001 and HY002)
    ("Die Anleger verkauften ihre Aktien.", {"markets"}),
    ("Die Partei gewann die Wahl.", {"politics"}),
    ("Der Roboter lernt mit KI.", {"technology"}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_fields_in(fields, text, expected):
    assert fields_in(text, fields) == expected


def test_field_entries_by_shape():
    wl = parse_wordlist("# test\nOrkan\nverletzt\nums Leben\n19\n", "t.txt")
    field = build_field("test", wl)
    assert (field.nouns, field.words, field.phrases, field.years) == (("Orkan",), ("verletzt",), ("ums leben",), ("19",))
    assert field.found("Die Orkanböen")
    assert field.found("Zwei Menschen kamen ums Leben")
    assert field.found("Im Jahr 1929")
    assert not field.found("Die orkanartige Lage")


def test_fields_near_leaves_out_the_word_and_reaches_neighbours():
    text = "Das Erdbeben war weit zu spüren. Das Epizentrum lag vor der Küste. Die Aktie fiel."
    doc = Document("t.txt", text, ReadResult(text, [Block(0, len(text))]))
    start = text.index("Erdbeben")
    assert doc.analysis.fields_near(start, start + 8) == {"geology"}
    assert doc.analysis.fields_near(start, start + 8, context=0) == set()


def test_fields_in_blocks_reads_the_paragraph_and_the_headline():
    text = "Beben in der Türkei\nDas Epizentrum lag vor der Küste.\nDie Aktie fiel. Das Beben war zu spüren."
    blocks = [Block(0, 19), Block(20, 53), Block(54, len(text))]
    doc = Document("t.txt", text, ReadResult(text, blocks))
    at = text.rindex("Beben")
    assert doc.analysis.fields_in_blocks(at, only=["geology", "markets"]) == {"markets"}
    assert doc.analysis.fields_in_blocks(text.index("Epizentrum"), only=["geology"]) == {"geology"}
    assert doc.analysis.fields_in_span(text.index("Aktie"), text.index("Aktie") + 5, only=["markets"]) == {"markets"}


def test_scan_texts_are_kept_in_the_cache_as_written(tmp_path, monkeypatch):
    from lint.cache import regexcache
    from lint.language.fields import _scans_key, _stored_scan_texts

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    field = load_field("weather")
    written = _stored_scan_texts(field)
    assert regexcache.get_data(_scans_key(field)) == written == field.scan_texts()
    assert _stored_scan_texts(field) == written
    assert tuple(p.pattern for p in field.scans) == written


def test_a_stored_field_is_the_field_its_list_builds(tmp_path, monkeypatch):
    """A field's cues and pattern texts come from one cache entry keyed by the list's bytes;
    an edited list is read afresh, a damaged entry is built afresh."""
    from lint.cache import regexcache
    from lint.language.fields import _stored_field
    from lint.language.wordlist import load_wordlist

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    path = tmp_path / "field-test.txt"
    path.write_text("# test field\nOrkan\nverletzt\nums Leben\n192\n", encoding="utf-8")
    built = build_field("test", load_wordlist(path))
    first = _stored_field("test", path)  # built and stored
    second = _stored_field("test", path)  # from the stored entry
    assert "stored_texts" in vars(second)  # read with the field, not looked up on their own
    for field in (first, second):
        assert field == built and field.stored_texts == built.scan_texts()
        assert [p.pattern for p in field.scans] == [p.pattern for p in built.scans]
        assert field.found("Die Orkanböen im Jahr 1929") and not field.found("Ein ruhiger Tag.")
    path.write_text("# test field\nTsunami\n", encoding="utf-8")
    assert _stored_field("test", path).nouns == ("Tsunami",)
    for data in (tmp_path / "cache" / regexcache.DATA_KIND).iterdir():
        data.write_bytes(b"\x01")  # damaged: built afresh
    assert _stored_field("test", path).nouns == ("Tsunami",)
    assert _stored_field("test", path).found("Ein Tsunami.")
