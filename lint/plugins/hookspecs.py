"""The hooks through which every kind, rule pack, reader, output format and
setting enters newslint. Built-in plugins use them exactly as third-party
packages do, registered under the ``newslint`` entry-point group::

    [project.entry-points.newslint]
    my-pack = "my_package.plugin"

A plugin module implements any of these with ``@lint.plugins.hookspecs.hookimpl``.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("newslint")
hookimpl = pluggy.HookimplMarker("newslint")


@hookspec
def register_kinds() -> list[type]:
    """Return kind classes (subclasses of ``lint.kinds.base.Kind``).

    A kind is the mechanism behind rules: rule files name it by its ``name``.
    """


@hookspec
def register_packs() -> list:
    """Return folders (``pathlib.Path`` or ``importlib.resources`` traversables)
    that each hold one rule pack: one TOML file per rule, word lists in ``data/``."""


@hookspec
def register_readers() -> list:
    """Return ``lint.readers.Reader`` objects: a name, file extensions and a
    ``read(source) -> ReadResult`` function that separates prose from markup."""


@hookspec
def register_formats() -> list:
    """Return ``lint.formats.Format`` objects: a name, a description and a
    ``render(report) -> str`` function that turns a ``Report`` into output."""


@hookspec
def register_settings() -> list:
    """Return ``lint.model.config.Setting`` objects: top-level configuration keys a
    plugin understands (name, default, validator, help)."""
