"""State owned by the engine: word lists keyed by path, size and modification time."""

from pathlib import Path

import pytest

from conftest import house_pack, write_house_words
from lint.engine.core import Engine, Workspace
from lint.language.vocabulary import Vocabulary
from lint.language.wordlist import load_wordlist, read_lines
from lint.model.errors import ConfigError

TEXT = "Der Bundestag und das Parlament tagen."


def found(engine: Engine, folder: Path) -> list[str]:
    return [TEXT[d.start : d.end] for d in engine.lint(str(folder / "a.txt"), TEXT)]


def test_an_edited_list_is_seen_after_the_workspace_reloads(tmp_path):
    pack = house_pack(tmp_path)
    workspace = Workspace()
    assert found(workspace.engine_for(tmp_path / "a.txt"), tmp_path) == ["Bundestag"]
    write_house_words(pack, ["Bundestag", "Parlament"])
    workspace.reload()
    assert found(workspace.engine_for(tmp_path / "a.txt"), tmp_path) == ["Bundestag", "Parlament"]


def test_engines_with_different_packs_share_no_matcher(tmp_path):
    one, two = tmp_path / "eins", tmp_path / "zwei"
    house_pack(one)
    house_pack(two, words=["Parlament"])  # same code, same list name, other pack folder
    workspace = Workspace()  # one vocabulary for both engines
    assert found(workspace.engine_for(one / "a.txt"), one) == ["Bundestag"]
    assert found(workspace.engine_for(two / "a.txt"), two) == ["Parlament"]
    assert workspace.engine_for(one / "a.txt").vocabulary is workspace.engine_for(two / "a.txt").vocabulary


def test_vocabulary_rebuilds_only_what_changed(tmp_path):
    pack = house_pack(tmp_path)
    path = pack / "data" / "verboten.txt"
    vocabulary = Vocabulary()
    first = vocabulary.matcher([path])
    assert vocabulary.matcher([path]) is first
    assert vocabulary.matcher([path], ["Parlament"]) is not first  # other configured words, other matcher
    write_house_words(pack, ["Parlament"])
    again = vocabulary.matcher([path])
    assert again is not first and [e.term for e in vocabulary.entries([path])] == ["Parlament"]


def test_readers_reread_an_edited_file(tmp_path):
    path = tmp_path / "liste.txt"
    path.write_text("# Kopf\nalt\n", encoding="utf-8")
    assert read_lines(path) == ("alt",) and [e.term for e in load_wordlist(path).entries] == ["alt"]
    path.write_text("# Kopf\nneu # Kommentar\n", encoding="utf-8")
    assert read_lines(path) == ("neu",) and [e.term for e in load_wordlist(path).entries] == ["neu"]


@pytest.mark.parametrize("text", ["ohne Kopf\n", "\n"])
def test_a_list_needs_a_header(tmp_path, text):
    path = tmp_path / "liste.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="header"):
        read_lines(path)


def test_a_missing_list_is_a_configuration_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read word list"):
        Vocabulary().lines(tmp_path / "fehlt.txt")


def test_the_python_api_sees_an_edited_list(tmp_path):
    from lint import check_text

    pack = house_pack(tmp_path)
    path = tmp_path / "a.txt"
    assert [d.code for d in check_text(TEXT, path, select=["HS001"])] == ["HS001"]
    write_house_words(pack, ["Bundestag", "Parlament"])
    assert [d.code for d in check_text(TEXT, path, select=["HS001"])] == ["HS001", "HS001"]
