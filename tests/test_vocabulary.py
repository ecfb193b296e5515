"""State owned by the engine: word lists keyed by path, size and modification time."""

from pathlib import Path

import pytest

from conftest import SEEDS, house_pack, write_house_words
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


def _lists(folder: Path, texts: dict[str, str]) -> list[Path]:
    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def test_lists_read_together_equal_each_read_alone(tmp_path):
    """``prefetch`` reads several lists through one cache entry: the entries are those of
    each list read on its own, from a cold cache and from the stored entry; an edited
    list is read afresh; a list that cannot be read or parsed is left to ``wordlist``."""
    from lint.language.vocabulary import load_together

    one, two, bad = _lists(tmp_path, {"eins.txt": "# Kopf\nBeben [compound] => Einbruch\nSturzflug|Sturzflüge\n", "zwei.txt": "# Kopf\n!Bürgerkrieg\nlaut\n", "kaputt.txt": "# Kopf\nwort [unbekannt]\n"})
    missing = tmp_path / "fehlt.txt"
    for _ in range(2):  # cold, then from the stored entry
        together = load_together([one, two, bad, missing])
        assert list(together) == [one, two]
        assert together[one] == load_wordlist(one) and together[two] == load_wordlist(two)
        assert together[one].entries[0].tags == frozenset({"compound"}) and together[two].entries[0].exception
    two.write_text("# Kopf\nneu\n", encoding="utf-8")
    assert [e.term for e in load_together([one, two])[two].entries] == ["neu"]
    vocabulary = Vocabulary()
    vocabulary.prefetch([one, two, bad, missing])
    assert vocabulary.wordlist(one) == load_wordlist(one)
    with pytest.raises(ConfigError, match="unknown tag"):
        vocabulary.wordlist(bad)
    with pytest.raises(ConfigError, match="cannot read word list"):
        vocabulary.wordlist(missing)


def test_a_damaged_entry_of_lists_read_together_is_read_afresh(tmp_path, monkeypatch):
    from lint.cache import regexcache
    from lint.language import vocabulary

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    paths = _lists(tmp_path, {"eins.txt": "# Kopf\nalt\n", "zwei.txt": "# Kopf\nneu\n"})
    vocabulary.load_together(paths)
    key = vocabulary._together_key(p.read_bytes() for p in paths)
    assert regexcache.get_data(key) is not None
    regexcache.put_data(key, [("Kopf", [("nur", "drei", "Felder")])] * 2)  # a foreign shape
    assert [e.term for e in vocabulary.load_together(paths)[paths[1]].entries] == ["neu"]


def test_figure_rules_prefetch_every_list_they_read():
    """Every option the figures and vague-source kinds read lists from is one they read
    together first (``list_options``): none is read on its own later."""
    from lint.kinds.figures import Figures
    from lint.kinds.vague_source import VagueSource

    engine = Workspace().engine_for(SEEDS / "any.txt")
    kinds = [k for k in engine.kinds if isinstance(k, (Figures, VagueSource))]
    asked: set[tuple[type, str]] = set()
    for kind in kinds:
        entries = kind._entries
        kind._entries = lambda option, kind=kind, entries=entries: asked.add((type(kind), option)) or entries(option)
    text = "Laut Experten stieg der Umsatz um 12 Prozent auf 3,5 Milliarden Euro, der höchste Stand seit 2009. " * 2
    for kind in kinds:
        list(kind.check(engine.document("a.txt", text)))
        kind.reference_nouns if isinstance(kind, Figures) else None  # noqa: B018
    assert asked and all(option in cls.list_options for cls, option in asked)


def test_prefetch_leaves_a_held_list_to_the_freshness_check(tmp_path):
    """A list held already is not read again by ``prefetch`` (no stat): ``wordlist`` checks
    it, and reads an edited one afresh."""
    one, two = _lists(tmp_path, {"eins.txt": "# Kopf\nalt\n", "zwei.txt": "# Kopf\nzwei\n"})
    vocabulary = Vocabulary()
    held = vocabulary.wordlist(one)
    one.write_text("# Kopf\nneuer\n", encoding="utf-8")  # another size: changed on any file system
    vocabulary.prefetch([one, two])
    assert [e.term for e in vocabulary.wordlist(two).entries] == ["zwei"]
    assert [e.term for e in vocabulary.wordlist(one).entries] == ["neuer"] and held.entries[0].term == "alt"
