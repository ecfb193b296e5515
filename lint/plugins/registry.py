"""The plugin manager: built-in plugins registered in code, third-party plugins
from the ``newslint`` entry points, every hook called through pluggy.

Hooks are called as ``pm.hook.<name>()``, so ``tryfirst``/``trylast``,
wrappers and registration order work as pluggy documents them. The built-ins
are registered last, so pluggy calls them before third-party plugins that are
not marked ``tryfirst``: where one answer wins (a reader for an extension, a
kind or format of a given name) the built-in answers unless a plugin asks to
go first with ``@hookimpl(tryfirst=True)``.

A third-party plugin that fails to import or to answer a hook becomes one line
in ``Registry.errors`` (printed by the CLI); the others keep working.
"""

from __future__ import annotations

from functools import cached_property
import importlib
import os
import sys
from pathlib import Path
import types

import pluggy

from lint.model.record import Record
from lint.plugins import builtin, hookspecs

GROUP = "newslint"


#: What each collecting hook's items must look like; a plugin that answers
#: with anything else is one error line and its answer is left out.
EXPECTED = {
    "register_kinds": ("kind classes", lambda i: isinstance(i, type) and isinstance(getattr(i, "name", None), str) and callable(getattr(i, "check", None))),
    "register_packs": ("pack folders (paths)", lambda i: isinstance(i, (str, os.PathLike))),
    "register_readers": ("readers", lambda i: isinstance(getattr(i, "name", None), str) and isinstance(getattr(i, "extensions", None), (tuple, list)) and callable(getattr(i, "read", None))),
    "register_formats": ("formats", lambda i: isinstance(getattr(i, "name", None), str) and callable(getattr(i, "render", None))),
    "register_settings": ("settings", lambda i: isinstance(getattr(i, "name", None), str) and callable(getattr(i, "validate", None))),
}


def _wrong(name: str, result) -> bool:
    """Whether one implementation's answer to hook ``name`` is not a list of the expected items."""
    if result is None:
        return False
    if not isinstance(result, (list, tuple)):
        return True
    check = EXPECTED.get(name, ("", lambda i: True))[1]
    return not all(check(item) for item in result)


def call_hook(pm: pluggy.PluginManager, name: str, errors: list[str]) -> list:
    """``pm.hook.<name>()``, its results (lists) joined in pluggy's call order.

    If an implementation raises or answers with the wrong type, each plugin is
    asked alone (through pluggy's subset callers) to find the broken ones; they
    become error lines and the hook is called again without them.
    """
    try:
        results = getattr(pm.hook, name)()
        suspect = any(_wrong(name, r) for r in results)
    except Exception:
        suspect = True
    if suspect:
        broken = []
        impls = getattr(pm.hook, name).get_hookimpls()
        for impl in impls:
            others = [i.plugin for i in impls if i.plugin is not impl.plugin]
            try:
                answers = pm.subset_hook_caller(name, remove_plugins=others)()
            except Exception as exc:  # a broken plugin must not stop the others
                errors.append(f"plugin {impl.plugin_name!r} failed in {name}: {exc}")
                broken.append(impl.plugin)
                continue
            if any(_wrong(name, r) for r in answers):
                errors.append(f"plugin {impl.plugin_name!r} failed in {name}: "
                              f"it must return a list of {EXPECTED.get(name, ('items',))[0]}; its answer is left out")
                broken.append(impl.plugin)
        results = pm.subset_hook_caller(name, remove_plugins=broken)()
    return [item for result in results for item in (result or [])]


def _first_by_name(items) -> dict:
    """Name to item; the first answer for a name wins (pluggy's call order)."""
    found: dict = {}
    for item in items:
        found.setdefault(item.name, item)
    return found


class Registry(Record):
    """Everything the plugins provide, each part collected on first use (no
    ``__slots__``: the parts are cached properties, kept in the instance's dict)."""

    _fields = ("manager", "errors")

    def __init__(self, manager: pluggy.PluginManager, errors: list[str] | None = None):
        self.manager = manager
        self.errors = [] if errors is None else errors

    def _collect(self, name: str) -> list:
        return call_hook(self.manager, name, self.errors)

    @cached_property
    def kinds(self) -> dict[str, type]:
        return _first_by_name(self._collect("register_kinds"))

    @cached_property
    def packs(self) -> list[Path]:
        return [Path(str(p)) for p in self._collect("register_packs")]

    @cached_property
    def readers(self) -> list:
        return self._collect("register_readers")

    @cached_property
    def formats(self) -> dict:
        return _first_by_name(self._collect("register_formats"))

    @cached_property
    def settings(self) -> dict:
        return _first_by_name(self._collect("register_settings"))

    def reader_for(self, path: str):
        """The first reader (in pluggy's call order) that claims the file's extension."""
        suffix = _suffix(path).lower()
        for reader in self.readers:
            if suffix in reader.extensions:
                return reader
        return next(r for r in self.readers if r.name == "plain")

    @property
    def extensions(self) -> set[str]:
        """Extensions linted when a folder is given (files named explicitly are always read)."""
        return {ext for r in self.readers if getattr(r, "in_folders", True) for ext in r.extensions}


def _suffix(path: str) -> str:
    """``Path(path).suffix`` without building a ``Path`` for each document: the last
    part's extension, taken from the string where its last part is plain (POSIX
    separators, neither empty nor "."), else from ``pathlib``."""
    name = path.rpartition("/")[2] if isinstance(path, str) and os.sep == "/" and os.altsep is None else ""
    if name in ("", "."):
        return Path(path).suffix
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def installed_entry_points() -> list[tuple[str, str]]:
    """``(name, "module[:attr]")`` of every ``newslint`` entry point on ``sys.path``.

    Reads the ``entry_points.txt`` of each distribution directly (what
    ``importlib.metadata`` reads, without importing it, which costs more than
    the rest of start-up). Nothing is cached: a plugin installed or removed is
    seen on the next run. The first distribution on ``sys.path`` wins a name.
    """
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(entry or ".", name, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError):
                continue
            for ep_name, value in _group(text, GROUP):
                if ep_name not in seen:
                    seen.add(ep_name)
                    found.append((ep_name, value))
    return found


def _group(text: str, group: str) -> list[tuple[str, str]]:
    """The ``name = value`` lines of ``[group]`` in an ``entry_points.txt``."""
    if f"[{group}]" not in text:
        return []
    rows, inside = [], False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            inside = line == f"[{group}]"
        elif inside and "=" in line and not line.startswith(("#", ";")):
            name, _, value = line.partition("=")
            rows.append((name.strip(), value.strip()))
    return rows


def _load(value: str):
    module, _, attr = value.partition(":")
    obj = importlib.import_module(module.strip())
    for part in filter(None, attr.split("[")[0].strip().split(".")):
        obj = getattr(obj, part)
    return obj


class _Manager(pluggy.PluginManager):
    """pluggy's manager, with a quick look at a module plugin's attributes: only a
    function carrying this project's ``hookimpl`` marker is handed to pluggy's own
    (slower, ``inspect``-based) parsing. A module of a plugin imports many names
    (classes, modules, constants); inspecting each one cost a tenth of start-up."""

    def parse_hookimpl_opts(self, plugin, name):
        if isinstance(plugin, types.ModuleType):
            value = plugin.__dict__.get(name)
            if not callable(value) or not hasattr(value, self.project_name + "_impl"):
                return None
        return super().parse_hookimpl_opts(plugin, name)


def make_manager(extra_plugins: tuple = (), load_entry_points: bool = True) -> tuple[pluggy.PluginManager, list[str]]:
    pm = _Manager(GROUP)
    pm.add_hookspecs(hookspecs)
    errors: list[str] = []
    if load_entry_points:
        for name, value in installed_entry_points():
            if value.partition(":")[0].strip() in builtin.MODULES:  # metadata of an older install
                continue
            try:
                pm.register(_load(value), name=name)
            except Exception as exc:
                errors.append(f"plugin {name!r} ({value}) could not be loaded: {exc}")
    for plugin in extra_plugins:
        pm.register(plugin)
    for module in builtin.MODULES:  # last registered, first called
        pm.register(importlib.import_module(module), name=module)
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
