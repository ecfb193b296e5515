"""The names of the files a run is given: found, expanded and read without path objects
per file, with the same answers (and the same error messages) as ``pathlib`` gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.commands.check import _excluded, _is_dir, _suffix, collect
from lint.engine.inputs import read_inputs
from lint.model.errors import InputError


@pytest.mark.parametrize(
    "name", ["a.txt", "a.TXT", "a.", "a", ".txt", "..txt", ".a.txt", "a..txt", "a.tar.gz", "...", ".", "a. b", "ä.md"]
)
def test_suffix_is_pathlibs(name):
    assert _suffix(name) == Path(name).suffix


def _pathlib_is_dir(raw: str) -> bool | None:
    path = Path(raw)
    return True if path.is_dir() else False if path.exists() else None


def test_is_dir_answers_as_pathlib(isolated):
    (isolated / "d").mkdir()
    (isolated / "d" / "a.txt").write_text("x", encoding="utf-8")
    (isolated / "link").symlink_to("d")
    names = ["d", "d/", "d//", "./d", "d/.", "d/a.txt", "d//a.txt", "./d/./a.txt", "d/a.txt/", "d/a.txt/.",
             "missing", "missing/", "", ".", "link", "link/", "d\0x", str(isolated / "d" / "a.txt")]
    for name in names:
        assert _is_dir(name) == _pathlib_is_dir(name), name


def test_collect_keeps_names_as_given_and_folders_as_pathlib_shows_them(isolated):
    (isolated / "d").mkdir()
    for name in ("b.txt", "a.TXT", "c.", "..txt", "x.py"):
        (isolated / "d" / name).write_text("x", encoding="utf-8")
    problems: list[str] = []
    files = collect(["d//", "d/b.txt/", "nowhere", "-"], {".txt"}, problems)
    assert files == ["d/..txt", "d/a.TXT", "d/b.txt", "d/b.txt/", "-"]
    assert problems == ["nowhere: no such file or folder"]


def test_excluded_without_patterns_and_with(isolated):
    class Config:
        root = isolated
        include: list[str] = []
        exclude: list[str] = []

    assert not _excluded("d/a.txt", Config)
    Config.exclude = ["a.txt"]
    assert _excluded("d/a.txt", Config)
    Config.exclude, Config.include = [], ["*.md"]
    assert _excluded("d/a.txt", Config) and not _excluded("d/a.md", Config)


def _read(names: list[str]):
    problems: list[str] = []
    found = list(read_inputs(names, None, problems, []))
    return found, problems


def test_a_name_pathlib_reads_is_read(isolated):
    (isolated / "a.txt").write_bytes("Grüße\n".encode())
    found, problems = _read(["a.txt/", "./a.txt", "a.txt"])
    assert problems == []
    assert [(i.display, i.text, i.encoded) for i in found] == [(n, "Grüße\n", "Grüße\n".encode()) for n in ("a.txt/", "./a.txt", "a.txt")]


def test_read_errors_name_the_file_as_pathlib_shows_it(isolated):
    (isolated / "d").mkdir()
    (isolated / "d" / "bad.txt").write_bytes(b"ok \xff\n")
    _, problems = _read(["./d//bad.txt", "d/", "./nowhere.txt"])
    assert problems[0] == "d/bad.txt: not valid UTF-8 at byte 3 (0xff); save the file as UTF-8"
    assert problems[1] == "d: is a directory"
    assert problems[2].startswith("nowhere.txt: cannot read: ")
    assert len(problems) == 3


def test_read_error_of_decode_is_the_input_error(isolated):
    from lint.engine.inputs import _decoded

    with pytest.raises(InputError, match=r"^d/x.txt: not valid UTF-8"):
        _decoded(b"\xff", "./d//x.txt")


@pytest.mark.parametrize(
    "data",
    [b"", b"Gr\xc3\xbc\xc3\x9fe", b"\xef\xbb\xbfmit BOM", b"\xef\xbb\xbf", b"\xef\xbbhalb", b"a\x00b",
     b"a" * 8192 + b"\x00", b"a" * 8191 + b"\x00", b"\xff", b"ok \xed\xa0\x80", b"\xef\xbb\xbf\xef\xbb\xbfzwei"],
)
def test_decoded_is_fileio_decode(data):
    """The fast path (``fileio.decode_as_read``, read through ``inputs._decoded``) gives
    ``decode``'s text or error, and the bytes only where they are that text's UTF-8."""
    from lint.engine.fileio import BinaryFile, decode
    from lint.engine.inputs import _decoded

    def outcome(function):
        try:
            return function(data, "a.txt")
        except (BinaryFile, InputError) as exc:
            return type(exc), str(exc)

    text_and_bytes = outcome(_decoded)
    assert outcome(lambda data, name: _decoded(data, name)[0]) == outcome(decode)
    if isinstance(text_and_bytes[0], str):  # decoded, not an error
        text, encoded = text_and_bytes
        assert encoded == (None if data.startswith(b"\xef\xbb\xbf") else data)
        assert encoded is None or encoded.decode("utf-8") == text
