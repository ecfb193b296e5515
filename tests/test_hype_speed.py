"""The hype pack's speed work must not change what it finds: the cached matcher
data and the separator-first word scan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint.language import morphology
from lint.cache import regexcache
from lint.language.morphology import compile_entries
from lint.language.quotes import TURN
from lint.language.wordlist import load_wordlist, parse_wordlist

ROOT = Path(__file__).resolve().parent.parent
# The hype word lists; not the plain lists of context words (not inflected, not matched).
_CONTEXT_LISTS = {"interviewer-labels.txt", "not-first-names.txt", "name-types.txt", "speech-according.txt", "speech-verbs.txt", "subjunctive.txt"}
HYPE_LISTS = sorted(
    p
    for p in (ROOT / "rules" / "hype" / "data").glob("*.txt")
    if p.name not in _CONTEXT_LISTS and not p.name.startswith(("field-", "negation"))
)
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

TRICKY = [
    "Beispiellos! Das war ein beispielloser Erfolg.",  # a listed word opens the text
    "🚀Beispiellos und\u00a0beispiellos, „beispiellos“ – beispiellos;beispiellos",
    "Der Mega-Deal, das Börsenbeben und der KI-Titan stellen alles in den Schatten.",
    "Vorbeispiellos, beispiellos-artig, Un-beispiellos; (beispiellos) [beispiellos]",
    "Ein historischer Sieg.\n\nHistorischer Sieg! Eine Revolution.",
    "",
    "x",
]


def _entries():
    return [e for p in HYPE_LISTS for e in load_wordlist(p).entries if not e.exception]


def _texts():
    return TRICKY + [p.read_text(encoding="utf-8") for p in SEEDS]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    return tmp_path


def _found(matcher, text, start=0, end=None):
    return [(a, b, e.term) for a, b, e in matcher.finditer(text, start, end)]


def test_separator_scan_finds_what_a_lookbehind_finds(cache_dir):
    """The pattern consumes the character before a word; the reference uses ``(?<![\\w-])``."""
    entries = _entries()
    fast = compile_entries(entries)
    assert fast.separated
    sep = morphology._separator_class()
    assert fast.pattern.pattern.startswith(sep)
    reference = morphology.Matcher(
        re.compile(r"(?<![\w-])" + fast.pattern.pattern[len(sep):]),
        fast.forms, fast.heads, fast.prefixes, fast.exceptions, fast.heads_pattern,
        fast.noun_heads, fast.prefix_pattern, fast.head_needles, fast.gapped,
    )
    hits = 0
    for text in _texts():
        assert _found(fast, text) == _found(reference, text)
        hits += len(_found(fast, text))
        for start in (1, 5, 17, 200):
            if start < len(text):
                assert _found(fast, text, start) == _found(reference, text, start)
                assert _found(fast, text, start, len(text) - 3) == _found(reference, text, start, len(text) - 3)
    assert hits > 40
    assert _found(fast, TRICKY[0])[0] == (0, 11, "beispiellos")
    # every non-word character before a word counts, also outside ASCII and the BMP
    assert [t for _, _, t in _found(fast, TRICKY[1])] == ["beispiellos"] * 5


def test_separator_class_is_exactly_the_non_word_characters():
    sep = re.compile(morphology._separator_class())
    for code in list(range(0x3000)) + [0xFEFF, 0xFF0C, 0x1F680, 0x10FFFF]:
        ch = chr(code)
        assert bool(sep.fullmatch(ch)) == (not re.fullmatch(r"[\w-]", ch) or code > 0xFFFF), hex(code)


def test_cached_matcher_equals_a_fresh_build(cache_dir):
    entries = _entries()  # reading the lists caches their parsed entries
    folder = cache_dir / regexcache.DATA_KIND
    before = set(folder.iterdir()) if folder.exists() else set()
    first = compile_entries(entries)
    [data] = list(set(folder.iterdir()) - before)
    second = compile_entries(entries)  # from the data file
    assert second.forms == first.forms and second.heads == first.heads
    assert all(second.forms[f] is first.forms[f] for f in first.forms)  # the caller's entry objects
    for text in _texts():
        assert _found(second, text) == _found(first, text)
    # damaged data: built afresh, same result
    data.write_bytes(b"\x00garbage")
    third = compile_entries(entries)
    for text in _texts():
        assert _found(third, text) == _found(first, text)


def test_cache_key_follows_the_entries(cache_dir):
    one = compile_entries(parse_wordlist("# t\nbeispiellos\n", Path("a.txt")).entries)
    two = compile_entries(parse_wordlist("# t\nbahnbrechend\n", Path("a.txt")).entries)
    assert _found(one, "ein beispielloser, bahnbrechender Tag") == [(4, 17, "beispiellos")]
    assert _found(two, "ein beispielloser, bahnbrechender Tag") == [(19, 33, "bahnbrechend")]


def test_no_cache_writes_nothing(cache_dir, monkeypatch):
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    matcher = compile_entries(_entries())
    assert _found(matcher, "Ein beispielloser Erfolg.") == [(4, 17, "beispiellos")]
    assert list(cache_dir.iterdir()) == []


def test_unwritable_cache_is_harmless(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "sub"))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    matcher = compile_entries(_entries())
    assert _found(matcher, "Ein beispielloser Erfolg.") == [(4, 17, "beispiellos")]


def test_cached_wordlist_equals_a_fresh_parse(cache_dir, tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# a list\nBeben [compound] => Einbruch\nSturzflug|Sturzflüge\n!Bürgerkrieg\n", encoding="utf-8")
    fresh = load_wordlist(path)
    cached = load_wordlist(path)  # from the data file
    assert cached == fresh and cached.entries[0].tags == frozenset({"compound"})
    path.write_text("# a list\nbeispiellos\n", encoding="utf-8")  # new content, new key
    assert [e.term for e in load_wordlist(path).entries] == ["beispiellos"]
    for data in (cache_dir / regexcache.DATA_KIND).iterdir():
        data.write_bytes(b"\x01")  # damaged: parsed afresh
    assert [e.term for e in load_wordlist(path).entries] == ["beispiellos"]


def _scan_hits(scan, text):
    return [(h.start, h.end, h.entry, h.source) for h in scan.hits(text)]


def _scan_lists(folder: Path) -> tuple[Path, ...]:
    (folder / "a.txt").write_text("# a\nbeispiellos\nBeben [compound] => Einbruch\n", encoding="utf-8")
    (folder / "b.txt").write_text("# b\nbeispiellos\nKrieg [compound]\n!Bürgerkrieg\nstellen … in den Schatten\n", encoding="utf-8")
    return (folder / "a.txt", folder / "b.txt")


SCAN_TEXT = "Ein beispielloses Börsenbeben, kein Bürgerkrieg, ein Preiskrieg stellt alle in den Schatten."


def test_stored_scan_equals_a_fresh_build(cache_dir, tmp_path):
    """The scan's one cache entry gives the scan its parts give: entries, their lists, exceptions."""
    from lint.language.metaphor_detection import _build_scan, _scan_afresh, _scan_key

    paths = _scan_lists(tmp_path)
    fresh, stored = _scan_afresh(paths, _scan_key(paths))
    assert stored is not None
    first = _build_scan(paths)  # built and stored
    second = _build_scan(paths)  # from the stored entry
    for scan in (first, second):
        assert scan.key == fresh.key and scan.sources == fresh.sources
        assert {p: e.pattern for p, e in scan.exceptions.items()} == {p: e.pattern for p, e in fresh.exceptions.items()}
        assert _scan_hits(scan, SCAN_TEXT) == _scan_hits(fresh, SCAN_TEXT)
    terms = [(h[2].term, h[3].name) for h in _scan_hits(second, SCAN_TEXT)]
    assert terms == [("beispiellos", "a.txt"), ("Beben", "a.txt"), ("Krieg", "b.txt"), ("stellen … in den Schatten", "b.txt")]


def test_stored_scan_follows_the_lists_and_survives_damage(cache_dir, tmp_path):
    from lint.language.metaphor_detection import _build_scan

    paths = _scan_lists(tmp_path)
    before = _scan_hits(_build_scan(paths), SCAN_TEXT)
    paths[1].write_text("# b\nbeispiellos\n", encoding="utf-8")  # an edited list: a new key
    assert [(h[2].term, h[3].name) for h in _scan_hits(_build_scan(paths), SCAN_TEXT)] == [("beispiellos", "a.txt"), ("Beben", "a.txt")]
    _scan_lists(tmp_path)
    for data in (cache_dir / regexcache.DATA_KIND).iterdir():
        data.write_bytes(b"\x01")  # damaged: built afresh
    assert _scan_hits(_build_scan(paths), SCAN_TEXT) == before
    assert _scan_hits(_build_scan(paths), SCAN_TEXT) == before


def _metaphor_rule(folder: Path, code: str, lists: list[str], kind: str = "metaphor") -> Path:
    path = folder / f"{code}.toml"
    path.write_text(
        f'code = "{code}"\nname = "test-{code.lower()}"\nkind = "{kind}"\ncategory = "hype"\nseverity = "warning"\n'
        f'summary = "s"\nmessage = "m"\nwhy = "w"\n[examples]\nbad = ["b"]\ngood = ["g"]\n[options]\nlists = {lists!r}\n'.replace("'", '"'),
        encoding="utf-8",
    )
    return path


def test_pack_lists_are_read_once_for_the_pack_and_follow_an_edited_rule(tmp_path):
    """Every metaphor rule of a pack sees the lists of the others; the rule files are read
    once for all of them, and again when one changes."""
    import os

    from lint.kinds.metaphor import Metaphor
    from lint.model.rulebook import load_rule

    first = _metaphor_rule(tmp_path, "HY901", ["one.txt"])
    second = _metaphor_rule(tmp_path, "HY902", ["two.txt", "one.txt"])
    _metaphor_rule(tmp_path, "HY903", ["other.txt"], kind="house-reject")

    def pack_lists(path):
        rule = load_rule(path, "test")
        return [p.name for p in Metaphor(rule, {**Metaphor.defaults, **rule.options}).pack_lists]

    assert pack_lists(first) == ["one.txt", "two.txt"]
    assert pack_lists(second) == ["one.txt", "two.txt"]
    _metaphor_rule(tmp_path, "HY902", ["three.txt"])
    os.utime(second, ns=(1, 1))  # an edit the stamp tells apart, whatever the clock's resolution
    assert pack_lists(first) == ["one.txt", "three.txt"]
    _metaphor_rule(tmp_path, "HY904", ["four.txt"])
    os.utime(tmp_path, ns=(2, 2))  # a new rule file: a new listing
    assert pack_lists(first) == ["one.txt", "three.txt", "four.txt"]


def test_gapped_phrases_are_compiled_when_first_needed(cache_dir):
    entries = parse_wordlist("# t\nstellen … in den Schatten\nbeispiellos\n", Path("a.txt")).entries
    matcher = compile_entries(entries)
    assert [p for p, _ in matcher.gapped] and all(isinstance(p, str) for p, _ in matcher.gapped)
    assert _found(matcher, "Ein beispielloser Tag.") == [(4, 17, "beispiellos")]
    assert "_gapped_patterns" not in vars(matcher)  # no phrase across its gap: nothing compiled
    text = "Das stellt die ganze Konkurrenz in den Schatten."
    assert _found(matcher, text) == [(4, 47, "stellen … in den Schatten")]
    assert "_gapped_patterns" in vars(matcher)
