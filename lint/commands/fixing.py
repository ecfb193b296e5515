"""``check --fix``, ``--unsafe-fixes``, ``--diff`` and ``--fix-only``: applying
fixes to files, standard input and diffs (the fixing itself is
``lint.engine.fixes``).

A file is rewritten only when its fixes changed it, through a temporary file
in the same folder and a rename (never half-written), keeping its byte-order
mark, line endings and permissions, and writing through a symbolic link to
its target. A file that changed on disk while newslint worked is left alone,
with a message.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from lint.engine.fileio import BOM, atomic_write_bytes
from lint.engine.fixes import FixResult, fix_document, unified_diff
from lint.model.errors import InputError


@dataclass
class Fixer:
    unsafe: bool = False
    diff_only: bool = False
    applied: int = 0
    files_changed: int = 0
    diffs: list[str] = field(default_factory=list)
    stdin_text: str | None = None

    def fix(self, engine, display: str, text: str, problems: list[str], is_stdin: bool = False) -> str:
        """Fix one input; return the text to report on (the fixed one)."""
        result: FixResult = fix_document(engine, display, text, self.unsafe)
        if is_stdin:
            self.stdin_text = result.text  # standard input: the fixed text goes to standard output
        if not result.changed:
            return text
        self.applied += result.applied
        self.files_changed += 1
        if self.diff_only:
            self.diffs.append(unified_diff(display, text, result.text))
            return result.text
        if not is_stdin:
            error = write_back(Path(display), text, result.text)
            if error:
                problems.append(error)
                self.files_changed -= 1
                self.applied -= result.applied
                return text
        return result.text


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def fix_summary(fixes: int, files: int, would: bool) -> str:
    verb = ("würde" if fixes == 1 else "würden") if would else ("wurde" if fixes == 1 else "wurden")
    return f"newslint: {count(fixes, 'Korrektur', 'Korrekturen')} in {count(files, 'Datei', 'Dateien')} {verb} angewendet"


def write_back(path: Path, before: str, after: str) -> str | None:
    """Replace ``path``'s content ``before`` by ``after``; an error text instead when it is not safe."""
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
        data = target.read_bytes()
    except OSError as exc:
        return f"{path}: cannot fix: {exc.strerror or exc}"
    if not stat.S_ISREG(info.st_mode):
        return f"{path}: not a regular file; left alone"
    bom = data.startswith(BOM)
    try:
        current = data[len(BOM) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        current = None
    if current != before:
        return f"{path}: changed on disk while newslint worked; left alone (run again)"
    payload = (BOM if bom else b"") + after.encode("utf-8")
    try:
        atomic_write_bytes(target, payload)
    except (OSError, InputError) as exc:
        return f"{path}: cannot write the fixed text: {getattr(exc, 'strerror', None) or exc}"
    return None
