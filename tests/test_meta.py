"""Cheap checks of the rule packs and hooks themselves."""

from __future__ import annotations

import inspect
import re
from collections import Counter

import pytest

from lint.plugins import hookspecs
from lint.engine.core import Engine
from lint.plugins.packs import builtin_rules_dir
from lint.model.rulebook import CODE, NAME
from lint.language.sortlists import sort_text
from lint.language.wordlist import load_wordlist

RULES = Engine().all_rules
LISTS = sorted(builtin_rules_dir().glob("*/data/*.txt"))
DATA_FILE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.txt")


def test_codes_and_names_unique_and_well_formed():
    assert all(CODE.match(r.code) for r in RULES)
    assert all(NAME.match(r.name) for r in RULES)
    for key in ("code", "name"):
        dupes = [k for k, n in Counter(getattr(r, key) for r in RULES).items() if n > 1]
        assert dupes == []


def test_code_prefix_is_one_per_pack():
    prefixes: dict[str, set[str]] = {}
    for r in RULES:
        prefixes.setdefault(r.code[:2], set()).add(r.pack)
    assert all(len(packs) == 1 for packs in prefixes.values()), prefixes


def test_every_rule_has_german_docs_and_examples():
    for r in RULES:
        assert r.summary and r.why.strip() and r.message, r.code
        assert r.examples["bad"] and r.examples["good"], r.code


def test_every_kind_is_installed():
    kinds = Engine().registry.kinds
    assert {r.kind for r in RULES} <= set(kinds)


@pytest.mark.parametrize("path", LISTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_word_lists_have_a_header_and_no_duplicates(path):
    wordlist = load_wordlist(path)
    assert wordlist.header
    entries = [(e.term, e.tags) for e in wordlist.entries]
    assert [t for t, n in Counter(entries).items() if n > 1] == []


@pytest.mark.parametrize("path", LISTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_word_lists_are_sorted(path):
    text = path.read_text(encoding="utf-8")
    assert sort_text(text) == text, f"unsorted: run `python -m lint.language.sortlists {path}`"


def test_hooks_are_documented_and_few():
    specs = [f for name, f in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("register_")]
    assert 1 <= len(specs) <= 8
    for spec in specs:
        assert spec.__doc__ and "Return" in spec.__doc__, spec.__name__


def test_sort_text_keeps_sections_and_drops_duplicates():
    text = "# Header\nzeta\nAlpha\nzeta\n\n# Section\nbeta => b\nAlpha\n"
    assert sort_text(text) == "# Header\nAlpha\nzeta\n\n# Section\nAlpha\nbeta => b\n"


def test_data_files_are_named_in_kebab_case():
    assert [p for p in LISTS if not DATA_FILE_NAME.fullmatch(p.name)] == []


def test_no_data_file_is_kept_twice():
    """A list two packs need lives once, in ``rules/_shared/data`` (no pack)."""
    by_entries: dict[tuple, list[str]] = {}
    for path in LISTS:
        entries = tuple((e.term, e.tags, e.suggestion) for e in load_wordlist(path).entries)
        by_entries.setdefault(entries, []).append(f"{path.parent.parent.name}/{path.name}")
    assert [names for names in by_entries.values() if len(names) > 1] == []
