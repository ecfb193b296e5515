"""Loading plugins: the ``newslint`` entry points, lazily and one by one.

A plugin that fails to import or to answer a hook becomes one line in
``Registry.errors`` (printed by the CLI); the others keep working.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
import importlib
import os
import sys
from pathlib import Path

import pluggy

from lint.plugins import hookspecs

GROUP = "newslint"


def _collect(hook, errors: list[str], what: str) -> list:
    items = []
    for impl in hook.get_hookimpls():
        try:
            result = impl.function()
        except Exception as exc:  # a broken plugin must not stop the others
            errors.append(f"plugin {impl.plugin_name!r} failed in {what}: {exc}")
            continue
        items.extend(result or [])
    return items


@dataclass
class Registry:
    """Everything the plugins provide, each part loaded on first use."""

    manager: pluggy.PluginManager
    errors: list[str] = field(default_factory=list)

    @cached_property
    def kinds(self) -> dict[str, type]:
        return {k.name: k for k in _collect(self.manager.hook.register_kinds, self.errors, "register_kinds")}

    @cached_property
    def packs(self) -> list[Path]:
        return [Path(str(p)) for p in _collect(self.manager.hook.register_packs, self.errors, "register_packs")]

    @cached_property
    def readers(self) -> list:
        return _collect(self.manager.hook.register_readers, self.errors, "register_readers")

    @cached_property
    def formats(self) -> dict:
        return {f.name: f for f in _collect(self.manager.hook.register_formats, self.errors, "register_formats")}

    @cached_property
    def settings(self) -> dict:
        return {s.name: s for s in _collect(self.manager.hook.register_settings, self.errors, "register_settings")}

    def reader_for(self, path: str):
        suffix = Path(path).suffix.lower()
        for reader in self.readers:
            if suffix in reader.extensions:
                return reader
        return next(r for r in self.readers if r.name == "plain")

    @property
    def extensions(self) -> set[str]:
        """Extensions linted when a folder is given (files named explicitly are always read)."""
        return {ext for r in self.readers if getattr(r, "in_folders", True) for ext in r.extensions}


def _installed_entry_points() -> list[tuple[str, str]]:
    """``(name, "module[:attr]")`` of every ``newslint`` entry point.

    Scanning every installed distribution's metadata costs more than the rest
    of start-up, so the list is kept in the data cache, keyed by the folders on
    ``sys.path`` and their modification times: installing, upgrading or
    removing a package changes its folder, and the list is read afresh.
    """
    from lint.cache import regexcache

    stamps = []
    for entry in sys.path:
        try:
            stamps.append(f"{entry}\t{os.stat(entry or '.').st_mtime_ns}")
        except OSError:
            stamps.append(f"{entry}\t-")
    key = "entry-points-" + regexcache.digest("\n".join(stamps))
    cached = regexcache.get_data(key)
    if isinstance(cached, list) and all(isinstance(p, tuple) and len(p) == 2 for p in cached):
        return cached
    from importlib.metadata import entry_points

    found: list[tuple[str, str]] = []
    for ep in entry_points(group=GROUP):
        if all(ep.name != name for name, _ in found):  # the same distribution visible twice on sys.path
            found.append((ep.name, ep.value))
    regexcache.put_data(key, found)
    return found


def _load(value: str):
    module, _, attr = value.partition(":")
    obj = importlib.import_module(module.strip())
    for part in filter(None, attr.strip().split(".")):
        obj = getattr(obj, part)
    return obj


def make_manager(extra_plugins: tuple = (), load_entry_points: bool = True) -> tuple[pluggy.PluginManager, list[str]]:
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    errors: list[str] = []
    if load_entry_points:
        for name, value in _installed_entry_points():
            try:
                pm.register(_load(value), name=name)
            except Exception as exc:
                errors.append(f"plugin {name!r} ({value}) could not be loaded: {exc}")
    for plugin in extra_plugins:
        pm.register(plugin)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        errors.append(f"plugin error: {exc}")
    return pm, errors


_default: Registry | None = None


def registry() -> Registry:
    """The process-wide registry of installed plugins."""
    global _default
    if _default is None:
        pm, errors = make_manager()
        _default = Registry(pm, errors)
    return _default


def registry_with(*plugins) -> Registry:
    """A registry with extra plugin objects registered (for tests and embedding)."""
    pm, errors = make_manager(plugins)
    return Registry(pm, errors)
