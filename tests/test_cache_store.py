"""The one disk cache: verified entries; every tampering is a miss, never a crash,
a hang or a lost finding."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cache import regexcache, store
from lint.language import translation_data
from lint.language.morphology import compile_entries
from lint.language.wordlist import load_wordlist, parse_wordlist
from lint.model.rulebook import _parsed

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]


# -- how an entry is damaged ---------------------------------------------------


def flip_bytes(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in (len(data) // 3, len(data) // 2, len(data) - 1):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


def garbage(path: Path) -> None:
    path.write_bytes(os.urandom(max(8, path.stat().st_size)))


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def foreign_owner(path: Path) -> None:
    os.chown(path, os.geteuid() + 4242, -1)


def symlink_elsewhere(path: Path) -> None:
    target = path.with_name("elsewhere")
    target.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(target)


def forged_key(path: Path) -> None:
    """A valid entry for another key (another pattern, another file content) put in its place."""
    data = path.read_bytes()
    if data.startswith(store.COPY_MAGIC):
        forged_copy_key(path)
        return
    size = int.from_bytes(data[4:12], "little")
    key = bytearray(data[store._HEAD : store._HEAD + size])
    key[-1] ^= 1
    value = store.decode_entry(data, bytes(data[store._HEAD : store._HEAD + size]))[0]
    path.write_bytes(store.encode_entry(bytes(key), value))


def forged_copy_key(path: Path) -> None:
    """A valid copy entry (``Store.put_for_content``) for another key put in its place."""
    data = path.read_bytes()
    key_size, value_size = (int.from_bytes(data[at : at + 8], "little") for at in (4, 12))
    key = data[store._COPY_HEAD : store._COPY_HEAD + key_size]
    value = data[store._COPY_HEAD + key_size : store._COPY_HEAD + key_size + value_size]
    content = data[store._COPY_HEAD + key_size + value_size :]
    assert store.decode_copy_entry(data, key, content) == value
    path.write_bytes(store.encode_copy_entry(key[:-1] + bytes([key[-1] ^ 1]), value, content))


TAMPERING = [flip_bytes, garbage, truncate, fifo, symlink_elsewhere, forged_key]
if os.geteuid() == 0:  # only root can give a file to another user
    TAMPERING.append(foreign_owner)


def tamper_all(folder: Path, how) -> int:
    entries = [p for p in folder.rglob("*" + store.SUFFIX) if p.is_file() and not p.is_symlink()]
    for path in entries:
        how(path)
    return len(entries)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(root))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    return root


# -- each kind of entry: built cold, then read back from tampered entries ------

WORDS = "# test list\nbeispiellos\nBeben [compound] => Einbruch\nSturzflug|Sturzflüge\n"
TEXT = "Ein beispielloser Tag, ein Börsenbeben und zwei Sturzflüge."
PATTERN = "(?<![\\w-])(?:" + "|".join(f"wort{i}(?:e[nrs]?)?" for i in range(60)) + ")(?![\\w-])"


def _regex(tmp_path):
    return [m.span() for m in regexcache.compile(PATTERN, re.IGNORECASE).finditer("Das wort7 und die WORT12en.")]


def _wordlist(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text(WORDS, encoding="utf-8")
    return load_wordlist(path).entries


def _matcher(tmp_path):
    entries = parse_wordlist(WORDS, Path("list.txt")).entries
    return [(a, b, e.term) for a, b, e in compile_entries(entries).finditer(TEXT)]


def _rules(tmp_path):
    return _parsed(sorted((ROOT / "rules" / "hype").glob("*.toml")))


def _translation(tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("# a source\neins\nzwei\n", encoding="utf-8")
    return translation_data.data_cached("test", (source,), "x", lambda: {"table": sorted(source.read_text().split())})


def _file_digest(tmp_path):
    path = tmp_path / "large.txt"
    path.write_text("wort\n" * (regexcache.DIGEST_KEPT_FROM // 4), encoding="utf-8")
    return regexcache.file_digest(path)


BUILDERS = [_regex, _wordlist, _matcher, _rules, _translation, _file_digest]


@pytest.mark.parametrize("build", BUILDERS, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("how", TAMPERING, ids=lambda f: f.__name__)
def test_tampered_entry_is_a_miss_and_rebuilt(cache_dir, tmp_path, build, how):
    cold = build(tmp_path)
    assert cold
    assert tamper_all(cache_dir, how) >= 1
    assert build(tmp_path) == cold  # read through the damage: rebuilt, same value
    assert build(tmp_path) == cold  # and the rebuilt entry is good again


@pytest.mark.parametrize("how", TAMPERING, ids=lambda f: f.__name__)
def test_tampered_cache_changes_no_finding_of_a_run(tmp_path, how):
    """End to end: the whole cache of a real run damaged, the next run reports the same."""
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("NEWSLINT_NO_CACHE", None)
    cmd = [sys.executable, "-m", "lint", "check", "--format", "json", str(SEED)]
    cold = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    assert tamper_all(tmp_path / "cache", how) > 5
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    assert (again.returncode, again.stdout) == (cold.returncode, cold.stdout)
    assert "Traceback" not in again.stderr


# -- the store itself ----------------------------------------------------------


def test_entry_round_trip_and_full_key_compared(tmp_path):
    s = store.Store(tmp_path / "c")
    value = {"forms": ["a", "b"], "n": 3, "raw": b"\x00\x01"}
    assert s.put("data", "key-1", value)
    assert s.get("data", "key-1") == value
    assert s.get("data", "key-2") is None
    path = s.path("data", "key-1")
    data = path.read_bytes()
    assert s.full_key("data", "key-1") in data  # the full key is stored, not only a hash
    assert store.decode_entry(data, s.full_key("data", "key-2")) is None


def test_key_holds_version_python_and_platform():
    env = store.environment().decode()
    from lint import __version__

    assert __version__ in env and sys.version in env and sys.byteorder in env and sys.platform in env


def test_check_rejects_a_value_of_the_wrong_shape(tmp_path):
    s = store.Store(tmp_path)
    s.put("data", "k", [1, 2])
    assert s.get("data", "k", check=lambda v: isinstance(v, dict)) is None
    assert s.get("data", "k", check=lambda v: v[5]) is None  # a failing check is a miss too


def test_code_is_never_stored(tmp_path):
    s = store.Store(tmp_path)
    assert not s.put("data", "k", compile("1", "x", "eval").__class__)  # not plain data: not cached
    assert s.get("data", "k") is None


def test_folder_is_private_and_moved_by_the_environment(cache_dir):
    regexcache.compile(PATTERN)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert (cache_dir / regexcache.KIND).is_dir()


def test_no_cache_turns_it_off(cache_dir, monkeypatch):
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    regexcache.compile(PATTERN)
    regexcache.put_data("k", [1])
    assert regexcache.get_data("k") is None
    assert not cache_dir.exists()


def test_prune_keeps_the_newest(tmp_path):
    s = store.Store(tmp_path)
    for i in range(5):
        s.put("data", f"k{i}", i)
        os.utime(s.path("data", f"k{i}"), ns=(i * 10**9, i * 10**9))
    s.prune("data", 2)
    assert [s.get("data", f"k{i}") for i in range(5)] == [None, None, None, 3, 4]


def test_fifo_does_not_hang(tmp_path):
    s = store.Store(tmp_path)
    s.put("data", "k", 1)
    fifo(s.path("data", "k"))
    assert s.get("data", "k") is None
    assert s.put("data", "k", 2) and s.get("data", "k") == 2  # replaced by a regular file


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_entry_file_is_private_whatever_the_umask(tmp_path, umask):
    s = store.Store(tmp_path)
    old = os.umask(umask)
    try:
        assert s.put("data", "k", [1, 2])
    finally:
        os.umask(old)
    assert stat.S_IMODE(s.path("data", "k").stat().st_mode) == 0o600 and s.get("data", "k") == [1, 2]


def test_entry_file_replaces_a_symlink_not_its_target(tmp_path):
    s = store.Store(tmp_path)
    s.put("data", "k", 1)
    target = tmp_path / "elsewhere.txt"
    target.write_text("unberührt", encoding="utf-8")
    path = s.path("data", "k")
    path.unlink()
    path.symlink_to(target)
    assert s.put("data", "k", 2) and s.get("data", "k") == 2
    assert not path.is_symlink() and target.read_text(encoding="utf-8") == "unberührt"
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_writing_an_entry_imports_no_tempfile(tmp_path):
    """``tempfile`` (with ``shutil`` and ``random``) cost a run that writes a result pack 15 M instructions."""
    code = (
        "import sys; from lint.cache import store; before = set(sys.modules); "  # (a site .pth may import it at start)
        f"assert store.Store({str(tmp_path)!r}).put('results', 'k', [1]); print('tempfile' in set(sys.modules) - before)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.stdout.strip() == "False", run.stderr


@pytest.mark.parametrize("build", BUILDERS, ids=lambda f: f.__name__.strip("_"))
def test_intact_entry_is_read_not_rebuilt(cache_dir, tmp_path, build, monkeypatch):
    cold = build(tmp_path)
    monkeypatch.setattr(store.Store, "put", lambda *a: pytest.fail("rebuilt although the entry is intact"))
    assert build(tmp_path) == cold


def test_setting_follows_every_change_of_the_environment(tmp_path, monkeypatch):
    """``_setting`` reads ``os.environ``'s own mapping: the same values as
    ``os.environ.get``, and a variable set, changed or removed moves the cache at once."""
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    folder = tmp_path / "Zwischenspeicher-ä"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    assert store._values(store._setting()) == tuple(map(os.environ.get, store._SETTING_NAMES))
    assert store.user_store().root == folder
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "anderer"))
    assert store.user_store().root == tmp_path / "anderer"
    monkeypatch.delenv("NEWSLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert store.user_store().root == tmp_path / "xdg" / "newslint"
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    assert store.user_store().root is None
    monkeypatch.setattr(os, "environ", {"NEWSLINT_CACHE_DIR": str(folder)})  # a plain mapping: read by name
    assert store.user_store().root == folder


def test_value_kept_for_content_is_read_only_for_the_same_content(tmp_path):
    s = store.Store(tmp_path)
    content = b"eins\nzwei\n" * 1000
    assert s.put_for_content("file-digest", "k", content, b"wert")
    assert s.get_for_content("file-digest", "k", content) == b"wert"
    assert s.get_for_content("file-digest", "k", content[:-1] + b"!") is None  # same size, one byte differs
    assert s.get_for_content("file-digest", "k", content + b"x") is None
    assert s.get_for_content("file-digest", "anderer", content) is None
    assert store.Store(None).get_for_content("file-digest", "k", content) is None


@pytest.mark.parametrize("kind", ["file", "symlink-to-file"])
def test_make_private_folder_refuses_what_is_no_folder_and_leaves_its_mode(tmp_path, kind):
    from lint.private_files import make_private_folder

    target = tmp_path / "notes.txt"
    target.write_text("x")
    target.chmod(0o644)
    path = target if kind == "file" else tmp_path / "link"
    if kind == "symlink-to-file":
        path.symlink_to(target)
    with pytest.raises(OSError):
        make_private_folder(path)
    assert target.stat().st_mode & 0o777 == 0o644
