"""The built-in readers, declared without importing them.

Each reader's module (its patterns, its helpers, the JSON scanner behind the
CMS readers) is imported when the first file of its kind is read, so a run
over plain text loads no HTML, Markdown, CMS or NewsML reader. A reader
registered by a plugin is a ``lint.readers.Reader`` like these.
"""

from __future__ import annotations

import importlib

from lint.plugins.hookspecs import hookimpl
from lint.readers import Reader


def _deferred(module: str, function: str):
    """``module.function``, the module imported on the first call. It carries the
    function's name and module (error messages name the reader's module)."""

    def call(*args):
        return getattr(importlib.import_module(module), function)(*args)

    call.__module__, call.__name__, call.__qualname__ = module, function, function
    return call


def _cms(function: str):
    return _deferred("lint.readers.cms", function)


@hookimpl
def register_readers():
    # the order pluggy gave when each reader's module registered itself (last registered, first
    # called): the first reader that claims an extension reads it
    return [
        Reader("newsml", (".xml", ".nml"), _deferred("lint.readers.newsml", "read_newsml"), in_folders=False),
        Reader("cms-json", (".json",), _cms("read_json"), configure=_cms("configure_json"), in_folders=False),
        Reader("cms-jsonl", (".jsonl", ".ndjson"), _cms("read_json_lines"), configure=_cms("configure_json_lines"), in_folders=False),
        Reader("html", (".html", ".htm", ".xhtml"), _deferred("lint.readers.html", "read_html")),
        Reader("markdown", (".md", ".markdown", ".mdown", ".mkd"), _deferred("lint.readers.markdown", "read_markdown")),
        Reader("plain", (".txt", ".text"), _deferred("lint.readers.plain", "read_plain")),
    ]
