"""The engine side of the language server: which reader and configuration a
buffer gets, and linting it. No pygls here.

The configuration is found from the file's folder upwards exactly as the CLI
does (``lint.engine.core.Workspace``). An engine is rebuilt when its configuration
file changes: the client tells us (``workspace/didChangeWatchedFiles``) and,
for clients that do not watch files, every lint compares the file's mtime.
When a pack's data file (a word list) changes, every engine is rebuilt; the
workspace's vocabulary then rereads only the files that changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lint.model.diagnostics import Diagnostic
from lint.engine.core import Selection, Workspace
from lint.model.errors import UserError
from lint.model.rulebook import Rule

# LSP languageId -> the extension whose reader lints it. Editors differ in the
# ids they send (VS Code "plaintext", Emacs "text", "mhtml", "gfm").
LANGUAGE_EXTENSIONS = {
    "markdown": ".md",
    "gfm": ".md",
    "plaintext": ".txt",
    "text": ".txt",
    "txt": ".txt",
    "html": ".html",
    "xhtml": ".html",
    "mhtml": ".html",
}

CONFIG_NAMES = ("newslint.toml", "pyproject.toml")
#: The files of packs the server watches besides configuration files: word lists and rules.
DATA_FILES = "**/data/*.txt"


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    rules: dict[str, Rule] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # rule failures, to log
    config_error: str | None = None  # the configuration could not be loaded


class Linter:
    """One ``Workspace`` for the whole server; used from one thread only."""

    def __init__(self, config: Path | None = None, selection: Selection | None = None):
        self.workspace = Workspace(config, selection or Selection())
        self._mtimes: dict[Path, int | None] = {}

    # ----- which file is this buffer? ------------------------------------
    def lint_path(self, path: Path, language_id: str | None) -> str | None:
        """The path the engine reads the buffer as (its extension picks the
        reader), or ``None`` when newslint does not lint this kind of file."""
        registry = self.workspace.registry
        ext = LANGUAGE_EXTENSIONS.get((language_id or "").lower())
        suffix = path.suffix.lower()
        if ext is None:
            return str(path) if suffix in registry.extensions else None
        if suffix in registry.extensions and registry.reader_for(str(path)).name == registry.reader_for("x" + ext).name:
            return str(path)
        return str(path) + ext

    # ----- configuration -------------------------------------------------
    def config_changed(self, path: Path) -> None:
        """A configuration file (or a pack's data file) was created, changed or deleted."""
        if path.name not in CONFIG_NAMES:
            self.workspace.reload()  # a word list: engines rebuilt, unchanged lists kept
            return
        for p in {path, path.absolute()}:
            self.workspace.forget(p)
            self._mtimes.pop(p, None)
            try:
                resolved = p.resolve()
            except OSError:
                continue
            self.workspace.forget(resolved)
            self._mtimes.pop(resolved, None)

    def _check_mtime(self, config: Path | None) -> None:
        if config is None:
            return
        try:
            mtime = os.stat(config).st_mtime_ns
        except OSError:
            mtime = None
        known = self._mtimes.get(config, mtime)
        if known != mtime:
            self.workspace.forget(config)
        self._mtimes[config] = mtime

    def engine_for(self, path: Path):
        """The engine for a file (raises ``UserError`` for a bad configuration).
        An edited word list is noticed here too, for clients that watch no files."""
        self.workspace.refresh()
        self._check_mtime(self.workspace.config_file_for(path))
        return self.workspace.engine_for(path)

    # ----- linting -------------------------------------------------------
    def lint(self, path: Path, display: str, text: str, cancelled=None) -> LintResult:
        """Lint a buffer; ``cancelled()`` is asked between rules (raises ``Cancelled``)."""
        try:
            engine = self.engine_for(path)
            diagnostics = engine.lint(display, text, cancelled)
        except UserError as exc:  # a bad configuration or rule pack: say so in the buffer
            return LintResult([], config_error=str(exc))
        errors = list(engine.errors)
        engine.errors.clear()
        notices = getattr(engine, "notices", None)
        if notices:
            errors += [f"note: {n}" for n in notices]
            notices.clear()
        return LintResult(diagnostics, {r.code: r for r in engine.all_rules}, errors)

    def fix_all(self, path: Path, display: str, text: str) -> str:
        """The buffer with every safe fix applied (``source.fixAll.newslint``)."""
        from lint.engine.fixes import fix_document

        try:
            engine = self.engine_for(path)
        except UserError:
            return text
        return fix_document(engine, display, text).text

    def add_to_vocabulary(self, path: Path, word: str) -> str:
        """Write ``word`` to the house vocabulary of ``path``'s configuration; the message to show."""
        from lint.engine.house import add_word, vocabulary_file

        engine = self.engine_for(path)
        target = vocabulary_file(engine.config)
        if target is None:
            return "Keine Vokabeldatei konfiguriert: vocabulary = [\"woerter.txt\"] in newslint.toml eintragen."
        if add_word(target, word):
            return f"„{word}“ ins Hausvokabular aufgenommen ({target.name})."
        return f"„{word}“ steht schon im Hausvokabular ({target.name})."

    def rule(self, path: Path, code: str) -> Rule | None:
        try:
            engine = self.engine_for(path)
        except UserError:
            return None
        return next((r for r in engine.all_rules if r.code == code), None)
