"""The Python API: text in, diagnostics out, with the CLI's configuration semantics.

    from lint import check_text
    diagnostics = check_text("Ein beispielloser Erfolg.", path="entwurf.md")

    from lint.api import check_many
    for path, found in zip(paths, check_many([(p, open(p).read()) for p in paths], jobs=2)):
        ...
"""

from __future__ import annotations

from pathlib import Path

from lint.model.diagnostics import Diagnostic
from lint.engine.core import Selection, Workspace
from lint.engine.fileio import read_text

_workspaces: dict[tuple, Workspace] = {}


def _selectors(value, name: str) -> list[str] | None:
    """A list of selectors; a string is split at commas as on the command line."""
    if value is None:
        return None
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{name} must be a list of strings or a comma-separated string, not {type(value).__name__}")
    return list(value)


def _without_lone_surrogates(text: str) -> str:
    """Lone surrogates (from a broken decoder) become U+FFFD, one code point for one,
    so offsets stay and every result can be written as JSON."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def _workspace(config: str | Path | None, select, ignore) -> Workspace:
    select, ignore = _selectors(select, "select"), _selectors(ignore, "ignore")
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
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    workspace = _workspace(config, select, ignore)
    workspace.refresh()  # an edited configuration or word list is read again
    lookup = Path(path) if str(path) != "-" else Path.cwd() / "stdin.txt"
    return workspace.engine_for(lookup.absolute()).lint(str(path), _without_lone_surrogates(text))


def check_file(path: str | Path, **kwargs) -> list[Diagnostic]:
    """Lint a file from disk (UTF-8, with or without BOM)."""
    return check_text(read_text(Path(path)), path, **kwargs)


def check_many(
    documents,
    *,
    config: str | Path | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    jobs: int | None = None,
    cache: bool = False,
) -> list[list[Diagnostic]]:
    """Lint many documents, ``(path, text)`` pairs, with engines built once: one
    list of diagnostics per document, in order. ``jobs`` caps the worker
    processes (default: the CPUs; a small batch stays in this process);
    ``cache=True`` reads and writes the result cache as ``newslint check`` does."""
    from lint.engine.batch import Item, lint_batch, result_cache_for

    workspace = _workspace(config, select, ignore)
    items = [
        Item(str(path), str(path) if str(path) != "-" else str(Path.cwd() / "stdin.txt"), text) for path, text in documents
    ]
    results = lint_batch(
        workspace, items, jobs=jobs, cache=result_cache_for(select, ignore, Path(config) if config else None, enabled=cache)
    )
    return [r.diagnostics for r in results]
