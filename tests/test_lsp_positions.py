"""Unit tests of the language server's position conversion and edit helpers
(no server process; the end-to-end tests are in test_lsp.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.lsp.linting import Linter
from lint.lsp.positions import LineIndex

TEXT = "Über „Größe“\r\n😀😀 Maß\rzwei\n\n🎉x"


def utf_units(text: str, encoding: str) -> int:
    return {"utf-16": len(text.encode("utf-16-le")) // 2, "utf-8": len(text.encode()), "utf-32": len(text)}[encoding]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_every_offset_round_trips(encoding):
    index = LineIndex(TEXT, encoding)
    lines = ["Über „Größe“", "😀😀 Maß", "zwei", "", "🎉x"]
    starts = [0, 14, 21, 26, 27]
    for line, (start, content) in enumerate(zip(starts, lines)):
        for col in range(len(content) + 1):
            offset = start + col
            expected = (line, utf_units(content[:col], encoding))
            assert index.position(offset) == expected, (offset, encoding)
            assert index.offset(*expected) == offset


def test_line_breaks_are_not_inside_lines():
    index = LineIndex(TEXT)
    # The "\r" of "\r\n" belongs to the end of line 0; LSP lines split at \r too.
    assert index.position(13) == (0, 12)
    assert index.position(20) == (1, 8)  # lone \r
    assert index.position(21) == (2, 0)


def test_client_positions_are_clamped():
    index = LineIndex(TEXT)
    assert index.offset(0, 999) == 12  # past the end of the line: its end
    assert index.offset(99, 0) == len(TEXT)
    assert index.offset(-1, 0) == 0
    # The middle of a surrogate pair maps to the character's end, never inside it.
    assert index.offset(1, 1) == 15


def test_unknown_encoding_falls_back_to_utf16():
    assert LineIndex("😀x", "latin-1").position(1) == (0, 2)


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("a.md", "markdown", "a.md"),
        ("a.txt", "markdown", "a.txt.md"),  # the editor's language wins
        ("notiz", "plaintext", "notiz.txt"),
        ("seite.htm", "html", "seite.htm"),
        ("b.markdown", None, "b.markdown"),
        ("c.html", "unknown-language", "c.html"),
        ("skript.py", "python", None),
    ],
)
def test_lint_path_by_language_and_extension(tmp_path, name, language, expected):
    linter = Linter()
    result = linter.lint_path(tmp_path / name, language)
    assert result == (None if expected is None else str(tmp_path / expected))


def test_server_disable_edit_keeps_crlf_and_indentation():
    from lint.model.diagnostics import Diagnostic, Severity
    from lint.lsp.server import disable_edit

    text = "Titel\r\n\t„Größte“ beispiellos\r\n"
    at = text.index("beispiellos")
    d = Diagnostic(at, at + 11, "HY001", "hype-absolute", "hype", Severity.WARNING, "m")
    assert disable_edit(text, d) == (7, 7, "\t<!-- newslint-disable-next-line HY001 -->\r\n")
    first = Diagnostic(0, 5, "HY001", "hype-absolute", "hype", Severity.WARNING, "m")
    assert disable_edit(text, first) == (0, 0, "<!-- newslint-disable-next-line HY001 -->\r\n")


def test_linter_reloads_a_changed_config_by_mtime(tmp_path):
    import os

    config = tmp_path / "newslint.toml"
    config.write_text('select = ["HY001"]\n', encoding="utf-8")
    linter = Linter()
    path = tmp_path / "a.md"
    assert [d.code for d in linter.lint(path, str(path), "Ein beispielloser Erfolg.\n").diagnostics] == ["HY001"]
    config.write_text('select = ["HY001"]\nignore = ["HY"]\n', encoding="utf-8")
    os.utime(config, (1, 1))
    assert linter.lint(path, str(path), "Ein beispielloser Erfolg.\n").diagnostics == []
    config.write_text("select = 3\n", encoding="utf-8")
    os.utime(config, (2, 2))
    result = linter.lint(path, str(path), "Ein beispielloser Erfolg.\n")
    assert result.diagnostics == [] and "select" in result.config_error
