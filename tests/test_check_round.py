"""Data files' stamps are read once per check round (``lexicon.check_round``): the
engine opens one per lint call and per batch, so an edited list is seen on the next
lint call (the language server's next lint), never later."""

from __future__ import annotations

import os
import threading

from lint.engine.core import Engine
from lint.language import lexicon


def _write(path, text: str, mtime_ns: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def _first_terms(wordlist) -> tuple[str, ...]:
    return lexicon.terms(wordlist)


def test_outside_a_round_every_question_sees_an_edit(tmp_path):
    _write(tmp_path / "liste.txt", "# Testliste\neins\n", 10**18)
    assert lexicon.prepared("liste.txt", _first_terms, tmp_path) == ("eins",)
    _write(tmp_path / "liste.txt", "# Testliste\nzwei\n", 2 * 10**18)
    assert lexicon.prepared("liste.txt", _first_terms, tmp_path) == ("zwei",)


def test_a_round_reads_each_stamp_once_and_the_next_round_sees_the_edit(tmp_path):
    _write(tmp_path / "liste.txt", "# Testliste\neins\n", 10**18)
    with lexicon.check_round():
        assert lexicon.prepared("liste.txt", _first_terms, tmp_path) == ("eins",)
        _write(tmp_path / "liste.txt", "# Testliste\nzwei\n", 2 * 10**18)
        assert lexicon.prepared("liste.txt", _first_terms, tmp_path) == ("eins",)  # same round
        with lexicon.check_round():  # a nested round is part of the open one
            assert lexicon.prepared("liste.txt", _first_terms, tmp_path) == ("eins",)
    assert lexicon._ROUND.get() is None
    with lexicon.check_round():
        assert lexicon.prepared("liste.txt", _first_terms, tmp_path) == ("zwei",)


def test_a_round_belongs_to_its_thread(tmp_path):
    _write(tmp_path / "liste.txt", "# Testliste\neins\n", 10**18)
    seen = []
    with lexicon.check_round():
        lexicon.file_stamp(tmp_path / "liste.txt")
        worker = threading.Thread(target=lambda: seen.append(lexicon._ROUND.get()))
        worker.start()
        worker.join()
    assert seen == [None]


def test_each_lint_call_is_a_round_of_its_own(monkeypatch):
    engine = Engine()
    rounds = []
    lint_document = engine.lint_document

    def recording(doc, cancelled=None):
        rounds.append(lexicon._ROUND.get())
        return lint_document(doc, cancelled)

    monkeypatch.setattr(engine, "lint_document", recording)
    engine.lint("a.txt", "Die Regierung hat am Montag ein Gesetz beschlossen.\n")
    engine.lint("b.txt", "Es gilt ab Januar.\n")
    assert len(rounds) == 2 and None not in rounds
    assert rounds[0] is not rounds[1]  # the next lint call reads the stamps again
    assert lexicon._ROUND.get() is None


def test_the_genre_cue_lists_are_checked_through_the_round(monkeypatch):
    from lint.language import genre

    checked = []
    stamp = lexicon.file_stamp
    monkeypatch.setattr(lexicon, "file_stamp", lambda path: checked.append(path) or stamp(path))
    genre._cue_table()
    assert sorted(checked) == sorted(genre._cue_paths())
