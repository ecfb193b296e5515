"""A data file's stamp is read once per look (a lint call, a batch), never kept beyond it."""

from __future__ import annotations

import os

import pytest
from conftest import copy_of_vocabulary

from lint.language import lexicon, speech, stamps


@pytest.fixture
def counted(monkeypatch):
    """The paths ``os.stat`` was asked for, in order."""
    asked: list = []
    real = os.stat

    def stat(path, *args, **kwargs):
        asked.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    return asked


@pytest.mark.parametrize(
    ("looks", "calls", "expected_stats"),
    [
        (0, 3, 3),  # no look: every call stats, as before looks existed
        (1, 3, 1),  # one look: the first call stats, the others reuse it
        (2, 3, 1),  # a look inside a look shares the outer one
    ],
)
def test_a_file_is_stated_once_per_look(tmp_path, counted, looks, calls, expected_stats):
    path = tmp_path / "liste.txt"
    path.write_text("# eine Liste\nWort\n", encoding="utf-8")
    size = path.stat().st_size
    counted.clear()

    def ask():
        return [stamps.stat(path).st_size for _ in range(calls)]

    if looks == 0:
        sizes = ask()
    elif looks == 1:
        with stamps.one_look():
            sizes = ask()
    else:
        with stamps.one_look(), stamps.one_look():
            sizes = ask()
    assert sizes == [size] * calls
    assert counted.count(path) == expected_stats


def test_nothing_outlives_a_look(tmp_path, counted):
    path = tmp_path / "liste.txt"
    path.write_text("# eine Liste\nWort\n", encoding="utf-8")
    with stamps.one_look():
        before = stamps.stat(path).st_size
    path.write_text("# eine Liste\nWort\nnoch ein Wort\n", encoding="utf-8")
    with stamps.one_look():
        after = stamps.stat(path).st_size
    assert after > before and counted.count(path) == 2


def test_a_missing_file_fails_at_every_call(tmp_path):
    missing = tmp_path / "fehlt.txt"
    with stamps.one_look():
        for _ in range(2):
            with pytest.raises(FileNotFoundError):
                stamps.stat(missing)


def test_an_edit_inside_a_look_is_seen_by_the_next_look(tmp_path):
    data = copy_of_vocabulary(tmp_path)
    verbs = data / "speech-verbs.txt"
    with stamps.one_look():
        assert "posaunte" not in speech.load_lexicon(data).verbs
        verbs.write_text(verbs.read_text(encoding="utf-8") + "posaunen [v]\n", encoding="utf-8")
        os.utime(verbs, ns=(1, 10**18))
        assert "posaunte" not in speech.load_lexicon(data).verbs  # the look takes the files as they were
    with stamps.one_look():
        assert "posaunte" in speech.load_lexicon(data).verbs


def test_a_batch_stats_the_analysis_vocabulary_once(tmp_path, counted):
    """A ``check`` run over many documents reads each list's stamp once, not per document."""
    from lint.engine.batch import lint_batch
    from lint.engine.core import Workspace
    from lint.engine.inputs import Input

    text = "Die Ministerin sagte am Montag, die Einigung sei historisch. Das ist keine Sensation.\n"
    items = [Input(f"a{i}.txt", str(tmp_path / f"a{i}.txt"), text) for i in range(6)]
    workspace = Workspace()
    lint_batch(workspace, items[:1], jobs=1)  # the kinds' own first use, outside the measure
    counted.clear()
    lint_batch(workspace, items, jobs=1)
    vocabulary = [p for p in counted if str(lexicon.data_folder()) in str(p)]
    assert vocabulary, "the analysis reads its vocabulary"
    assert len(vocabulary) == len(set(map(str, vocabulary)))


def test_a_look_belongs_to_its_thread():
    import threading

    seen = []
    with stamps.one_look():
        worker = threading.Thread(target=lambda: seen.append(stamps._LOOK.get()))
        worker.start()
        worker.join()
    assert seen == [None]  # another thread (a language server's worker) opens its own


def test_each_lint_call_is_a_look_of_its_own(monkeypatch):
    from lint.engine.core import Engine

    engine = Engine()
    looks = []
    lint_document = engine.lint_document

    def recording(doc, cancelled=None):
        looks.append(stamps._LOOK.get())
        return lint_document(doc, cancelled)

    monkeypatch.setattr(engine, "lint_document", recording)
    engine.lint("a.txt", "Die Regierung hat am Montag ein Gesetz beschlossen.\n")
    engine.lint("b.txt", "Es gilt ab Januar.\n")
    assert len(looks) == 2 and None not in looks
    assert looks[0] is not looks[1]  # the next lint call reads the stamps again
    assert stamps._LOOK.get() is None


def test_the_genre_cue_lists_are_stated_through_the_look(counted):
    from lint.language import genre

    with stamps.one_look():
        genre._cue_table()
        genre._cue_table()
    cue_stats = [str(p) for p in counted if str(p) in genre._cue_paths()]
    assert sorted(cue_stats) == sorted(genre._cue_paths())  # each list once, though asked twice
