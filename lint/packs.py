"""The built-in rule packs: the folders of ``rules/``.

In a wheel they ship as ``lint/_packs``; in an editable install or a source
checkout they are read from ``rules/`` beside the ``lint`` package.
"""

from __future__ import annotations

from pathlib import Path

from lint.hookspecs import hookimpl


def builtin_rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    shipped = here / "_packs"
    return shipped if shipped.is_dir() else here.parent / "rules"


@hookimpl
def register_packs():
    root = builtin_rules_dir()
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
