"""Property tests (hypothesis), as Vale fuzzes each rule kind: per reader and
per kind, on generated text, no exception, offsets inside the text, and the
same result twice.

The normal run tries a few examples per property (a few hundred in all); the
profile ``fuzz`` tries 10,000 per property:

    HYPOTHESIS_PROFILE=fuzz .venv/bin/pytest -q -p no:cacheprovider tests/test_fuzz.py
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import check_text
from lint.engine.core import Engine
from lint.model.errors import InputError
from lint.plugins.registry import registry

FUZZ = settings(deadline=None, suppress_health_check=list(HealthCheck))

# Pieces that reach the mechanisms: hype words, sources, figures, dates, ages,
# names, quotes, English, markup, directives; the rest is arbitrary text.
PIECES = [
    "beispiellos", "Mega-Deal", "Experten", "laut Ministerium", "sagte sie", "Kritiker bemängeln",
    "11,1 Prozent", "3.000 Euro", "50 %", "zwei Milliarden", "1,5 Mrd.", "der 34-Jährige", "35 Jahre alt",
    "Montag, 3. Januar 2025", "am 4. März", "Anna Berger", "Berger", "Satya Nadella", "Nadela", "Bundestag",
    "„", "“", "\"", "»", "«", "‚", "‘", "(", ")", "[", "]", "–", "-", "…", "?", "!", ".", ",", ":", ";",
    "AI", "KI", "Start-up", "Startup", "the game changer", "Foto: dpa", "Von Anna Berger",
    "newslint-disable-line HY001", "<!-- newslint-disable -->", "<!-- newslint-enable -->", "<!--", "-->",
    "# ", "## ", "**", "*", "`", "> ", "- ", "1. ", "| a |", "---", "[a](b)", "<p>", "</p>", "<a ", "&amp;",
    "<h1>", "</h1>", "<script>", "&#x1F600;", "a\u0308", "\u00ad", "\u200b", "😀", "日本", "\t", "\r",
    "wurde beschlossen", "die Durchführung der Umsetzung", "eigentlich", "halt", "Warum?",
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "", ". ", "\r\n"]
piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=6))
text = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(p + s for p, s in parts)
)

KINDS: dict[str, list[str]] = {}
for _rule in Engine().all_rules:
    if _rule.kind != "languagetool":  # needs a LanguageTool server (tests/test_languagetool.py)
        KINDS.setdefault(_rule.kind, []).append(_rule.code)


def _check_offsets(found, source: str) -> None:
    for d in found:
        assert 0 <= d.start <= d.end <= len(source), (d.code, d.start, d.end, len(source))
        assert 1 <= d.line <= d.end_line and d.column >= 1, d
        for edit in d.fix.edits if d.fix else ():
            assert 0 <= edit.start <= edit.end <= len(source), (d.code, edit)


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("suffix", [".txt", ".md"])
@FUZZ
@given(source=text)
def test_kind(kind, suffix, source):
    codes = KINDS[kind]
    first = check_text(source, "fuzz" + suffix, select=codes)
    _check_offsets(first, source)
    again = check_text(source, "fuzz" + suffix, select=codes)
    assert [d.as_dict() for d in again] == [d.as_dict() for d in first]


def _markup(kind: str):
    """Text in the reader's own markup (and broken markup)."""
    if kind in ("cms-json", "cms-jsonl"):
        field = st.sampled_from(['"title"', '"body"', '"teaser"', '"text"', '"x"', '"articles"', '"meta"'])
        value = st.one_of(text.map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'), st.sampled_from(["1", "null", "[]", "{}", '"', "{", "["]))
        obj = st.lists(st.tuples(field, value), max_size=4).map(lambda kv: "{" + ",".join(f"{k}:{v}" for k, v in kv) + "}")
        sep = "\n" if kind == "cms-jsonl" else ","
        return st.lists(st.one_of(obj, text), max_size=4).map(lambda objs: ("" if kind == "cms-jsonl" else "[") + sep.join(objs))
    if kind == "newsml":
        tag = st.sampled_from(["<newsItem>", "</newsItem>", "<headline>", "</headline>", "<p>", "</p>", "<body>",
                               "</body>", "<inlineXML>", "</inlineXML>", '<?xml version="1.0"?>', "<!DOCTYPE x [", "&amp;", "&x;"])
        return st.lists(st.one_of(tag, text), max_size=20).map("".join)
    return text


READERS = {r.name: r for r in registry().readers}


@pytest.mark.parametrize("name", sorted(READERS))
@FUZZ
@given(data=st.data())
def test_reader(name, data):
    reader = READERS[name]
    source = data.draw(_markup(name))
    try:
        first = reader.read(source)
    except InputError as exc:  # malformed input is one clear error (exit 2), never a traceback
        assert str(exc)
        with pytest.raises(InputError):
            reader.read(source)
        return
    for result in [first, *first.articles]:
        prose = result.prose
        for b in result.blocks:
            assert 0 <= b.start <= b.end <= len(prose), b
        for a, s in result.anchors:
            assert 0 <= a <= len(prose) and 0 <= s <= len(source), (a, s)
        for c in result.comments:
            assert 0 <= c.start <= c.end <= len(source), c
        for p in result.problems:
            assert 0 <= p.start <= p.end <= len(source), p
        for start, end, _ in result.fields:
            assert 0 <= start <= end <= len(prose)
    assert reader.read(source) == first
    # and the whole engine on it: no exception, offsets in the source
    _check_offsets(check_text(source, "fuzz" + reader.extensions[0], ignore=["grammar"]), source)
