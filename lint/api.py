"""The Python API: text in, diagnostics out, with the CLI's configuration semantics.

    from lint import check_text
    diagnostics = check_text("Ein beispielloser Erfolg.", path="entwurf.md")
"""

from __future__ import annotations

from pathlib import Path

from lint.model.diagnostics import Diagnostic
from lint.engine.core import Selection, Workspace
from lint.engine.fileio import read_text

_workspaces: dict[tuple, Workspace] = {}


def _workspace(config: str | Path | None, select, ignore) -> Workspace:
    key = (str(config) if config else None, tuple(select) if select is not None else None, tuple(ignore or ()))
    if key not in _workspaces:
        selection = Selection(list(select) if select is not None else None, list(ignore or ()))
        _workspaces[key] = Workspace(Path(config) if config else None, selection)
    return _workspaces[key]


def check_text(
    text: str,
    path: str | Path = "-",
    *,
    config: str | Path | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
) -> list[Diagnostic]:
    """Lint ``text``; ``path`` decides the reader (by extension) and where the
    configuration is looked up (its folder upwards) unless ``config`` is given."""
    workspace = _workspace(config, select, ignore)
    workspace.refresh()  # an edited configuration or word list is read again
    lookup = Path(path) if str(path) != "-" else Path.cwd() / "stdin.txt"
    return workspace.engine_for(lookup.absolute()).lint(str(path), text)


def check_file(path: str | Path, **kwargs) -> list[Diagnostic]:
    """Lint a file from disk (UTF-8, with or without BOM)."""
    return check_text(read_text(Path(path)), path, **kwargs)
