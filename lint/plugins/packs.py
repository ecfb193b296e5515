"""The built-in rule packs: the folders of ``rules/``.

In a wheel they ship as ``lint/_packs``; in an editable install or a source
checkout they are read from ``rules/`` beside the ``lint`` package.
"""

from __future__ import annotations

from pathlib import Path

from lint.plugins.hookspecs import hookimpl


def builtin_rules_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    shipped = package / "_packs"
    return shipped if shipped.is_dir() else package.parent / "rules"


@hookimpl
def register_packs():
    root = builtin_rules_dir()
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
