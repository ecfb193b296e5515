"""The code cache (``lint.code_cache``): where Python keeps no compiled code
(``PYTHONDONTWRITEBYTECODE``, ``python -B``), newslint keeps its own modules'
compiled code in the user cache folder, valid only for the source it was
compiled from.

Each case runs a fresh interpreter on a small copy of the ``lint`` package (its
real ``__init__``, ``code_cache`` and ``private_files``, plus two sample modules),
so what is on disk is what the case says."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import lint
from lint import code_cache

PACKAGE = Path(lint.__file__).parent
PROBE = "import lint.sample, lint.sub.deep; print(lint.sample.VALUE, lint.sub.deep.VALUE)"


@pytest.fixture
def copy(tmp_path):
    """A package ``lint`` with the code cache's three modules and two samples, and a cache folder."""
    package = tmp_path / "src" / "lint"
    (package / "sub").mkdir(parents=True)
    for name in ("__init__.py", "code_cache.py", "private_files.py"):
        shutil.copy(PACKAGE / name, package / name)
    (package / "sample.py").write_text("VALUE = 1\n")
    (package / "sub" / "__init__.py").write_text("")
    (package / "sub" / "deep.py").write_text("VALUE = 'deep'\n")
    return tmp_path


def run(base: Path, *, bytecode: bool = False, code: str = PROBE, **env) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NEWSLINT_NO_CACHE")}
    environ.update(PYTHONPATH=str(base / "src"), NEWSLINT_CACHE_DIR=str(base / "cache"), **env)
    if not bytecode:
        environ["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run([sys.executable, "-c", code], env=environ, cwd=base, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def entries(base: Path) -> dict[str, Path]:
    found = sorted((base / "cache" / "code").glob("*/*.pyc"))
    return {path.stem: path for path in found}


def plant(base: Path, module: str, source: str) -> None:
    """Replace ``module``'s entry by one holding the code of ``source``, with the header of the real source."""
    entry = entries(base)[module]
    data = entry.read_bytes()
    header = data[: data.index(b"\0", len(code_cache.FORMAT) + 16) + 1]
    entry.write_bytes(code_cache.entry_data(header, compile(source, "planted", "exec")))


def test_first_run_compiles_and_keeps_entries_private(copy):
    assert run(copy) == "1 deep"
    kept = entries(copy)
    assert set(kept) == {"lint.sample", "lint.sub", "lint.sub.deep"}  # not lint itself, nor the code cache's own modules
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in kept.values())
    for folder in (copy / "cache", copy / "cache" / "code", next(iter(kept.values())).parent):
        assert folder.stat().st_mode & 0o777 == 0o700
    assert not list(copy.rglob("__pycache__"))


def test_entries_are_what_the_next_run_executes(copy):
    run(copy)
    plant(copy, "lint.sample", "VALUE = 'from the cache'\n")
    assert run(copy) == "from the cache deep"


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda path: os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1)), id="touched-1ns"),
        pytest.param(lambda path: path.write_text("VALUE = 2\n") or None, id="same-size-edit"),
        pytest.param(lambda path: path.write_text("VALUE = 22\n"), id="longer"),
    ],
)
def test_a_changed_source_is_compiled_afresh(copy, change):
    run(copy)
    plant(copy, "lint.sample", "VALUE = 'stale'\n")
    sample = copy / "src" / "lint" / "sample.py"
    before = sample.stat().st_mtime_ns
    change(sample)
    if sample.stat().st_mtime_ns == before:  # a coarse clock: the edit must still show
        os.utime(sample, ns=(before, before + 1))
    assert run(copy) != "stale deep"
    assert run(copy).split()[0] == sample.read_text().split("=")[1].strip()


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda entry: entry.write_bytes(entry.read_bytes()[:-7]), id="truncated"),
        pytest.param(lambda entry: entry.write_bytes(b"garbage"), id="garbage"),
        pytest.param(lambda entry: entry.write_bytes(entry.read_bytes()[:-5] + marshal.dumps(5)[:5]), id="damaged-tail"),
        pytest.param(lambda entry: entry.write_bytes(entry.read_bytes()[:-1] + b"\x00"), id="last-byte"),
        pytest.param(lambda entry: entry.write_bytes(b"x" + entry.read_bytes()[1:]), id="other-format"),
    ],
)
def test_a_spoiled_entry_is_a_miss_and_is_rewritten(copy, spoil):
    run(copy)
    entry = entries(copy)["lint.sample"]
    good = entry.read_bytes()
    spoil(entry)
    assert run(copy) == "1 deep"
    assert entry.read_bytes() == good


def test_a_size_change_alone_is_a_miss(copy):
    run(copy)
    plant(copy, "lint.sample", "VALUE = 'stale'\n")
    sample = copy / "src" / "lint" / "sample.py"
    stamp = sample.stat().st_mtime_ns
    sample.write_text("VALUE = 333\n")
    os.utime(sample, ns=(stamp, stamp))  # the same time, another size
    assert run(copy) == "333 deep"


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702], ids=["world-writable", "group-writable", "others-writable"])
def test_a_folder_others_may_write_is_neither_read_nor_written(copy, mode):
    run(copy)
    plant(copy, "lint.sample", "VALUE = 'planted'\n")
    folder = entries(copy)["lint.sample"].parent
    folder.chmod(mode)
    (copy / "src" / "lint" / "sub" / "deep.py").write_text("VALUE = 'edited'\n")
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    assert run(copy) == "1 edited"  # the planted entry not read ...
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before  # ... and nothing written there


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing a folder's owner needs root")
@pytest.mark.parametrize("level", [0, 1, 2], ids=["cache-folder", "code-folder", "entries-folder"])
def test_a_folder_of_another_user_is_not_trusted(copy, level):
    run(copy)
    plant(copy, "lint.sample", "VALUE = 'planted'\n")
    entries_folder = entries(copy)["lint.sample"].parent
    folder = (copy / "cache", entries_folder.parent, entries_folder)[level]
    os.chown(folder, 12345, 12345)
    assert run(copy) == "1 deep"


def test_code_from_pythons_cache_names_the_checkout_it_runs_from(copy, tmp_path):
    (copy / "src" / "lint" / "broken.py").write_text("def fail():\n    raise ValueError('here')\n")
    probe = "import lint.broken\ntry:\n    lint.broken.fail()\nexcept ValueError as e:\n    print(e.__traceback__.tb_next.tb_frame.f_code.co_filename)"
    run(copy, bytecode=True, code=probe)  # Python keeps its __pycache__ ...
    moved = tmp_path / "moved"
    shutil.copytree(copy / "src", moved / "src", copy_function=shutil.copy2)  # ... and a copy keeps the times
    shutil.rmtree(copy / "src")
    assert run(moved, code=probe) == str(moved / "src" / "lint" / "broken.py")


def test_an_entry_that_is_a_symlink_is_not_read(copy, tmp_path):
    run(copy)
    plant(copy, "lint.sample", "VALUE = 'through a link'\n")
    entry = entries(copy)["lint.sample"]
    target = tmp_path / "elsewhere.pyc"
    entry.rename(target)
    entry.symlink_to(target)
    assert run(copy) == "1 deep"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing a file's owner needs root")
def test_an_entry_of_another_user_is_not_read(copy):
    run(copy)
    plant(copy, "lint.sample", "VALUE = 'foreign'\n")
    os.chown(entries(copy)["lint.sample"], 12345, 12345)
    assert run(copy) == "1 deep"


def test_pythons_own_compiled_code_comes_first(copy):
    assert run(copy, bytecode=True) == "1 deep"  # Python keeps its __pycache__ ...
    assert list(copy.rglob("__pycache__")) and not (copy / "cache" / "code").exists()  # ... and newslint keeps nothing
    assert run(copy) == "1 deep"
    assert entries(copy) == {}  # Python's valid entries served every module


def test_only_the_copies_used_last_keep_entries(copy):
    code = copy / "cache" / "code"
    for age in range(code_cache.KEEP_COPIES + 3):
        old = code / f"cpython-old-{age}"
        old.mkdir(parents=True)
        (old / "lint.sample.pyc").write_bytes(b"entry")
        os.utime(old, ns=(10**9 * (100 + age),) * 2)
    run(copy)
    left = sorted(path.name for path in code.iterdir())
    assert len(left) == code_cache.KEEP_COPIES
    own = [name for name in left if not name.startswith("cpython-old-")]
    assert len(own) == 1 and (code / own[0] / "lint.sample.pyc").is_file()  # this copy's own folder is kept ...
    assert "cpython-old-0" not in left and f"cpython-old-{code_cache.KEEP_COPIES + 2}" in left  # ... and the newest others


def test_no_entries_when_the_cache_is_off(copy):
    assert run(copy, NEWSLINT_NO_CACHE="1") == "1 deep"
    assert not (copy / "cache").exists()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(copy):
    (copy / "cache").write_text("not a folder")
    assert run(copy) == "1 deep"
    assert run(copy) == "1 deep"


def test_only_newslints_modules_go_through_the_cache(copy):
    shown = run(copy, code="import lint, json.decoder, lint.sample; print(type(json.decoder.__loader__).__name__, type(lint.sample.__loader__).__name__)")
    assert shown == "SourceFileLoader CachedCodeLoader"


CODE = compile("x = 1", "f", "exec")
HEAD = code_cache.FORMAT


@pytest.mark.parametrize(
    "data, usable",
    [
        (code_cache.entry_data(HEAD, CODE), True),
        (None, False),
        (b"other" + code_cache.entry_data(HEAD, CODE)[len(HEAD) :], False),
        (HEAD + (0).to_bytes(4, "little") + marshal.dumps(CODE), False),  # wrong checksum
        (code_cache.entry_data(HEAD, CODE)[:-3], False),
        (HEAD + zlib.crc32(marshal.dumps(42)).to_bytes(4, "little") + marshal.dumps(42), False),  # not code
    ],
    ids=["valid", "no-file", "other-header", "bad-checksum", "cut-short", "not-code"],
)
def test_code_after_header(data, usable):
    assert (code_cache._code_after(data, HEAD, checked=True) is not None) is usable
