"""The built-in readers, declared without importing them.

Each reader's module (its patterns, its helpers, the JSON scanner behind the
CMS readers) is imported when the first file of its kind is read, so a run
over plain text loads no HTML, Markdown, CMS or NewsML reader. A reader
registered by a plugin is a ``lint.readers.Reader`` like these.
"""

from __future__ import annotations

from lint.plugins.builtin import deferred
from lint.plugins.hookspecs import hookimpl
from lint.readers import Reader


def _cms(function: str):
    return deferred("lint.readers.cms", function)


@hookimpl
def register_readers():
    # the order pluggy gave when each reader's module registered itself (last registered, first
    # called): the first reader that claims an extension reads it
    return [
        Reader("newsml", (".xml", ".nml"), deferred("lint.readers.newsml", "read_newsml"), in_folders=False),
        Reader("cms-json", (".json",), _cms("read_json"), configure=_cms("configure_json"), in_folders=False),
        Reader("cms-jsonl", (".jsonl", ".ndjson"), _cms("read_json_lines"), configure=_cms("configure_json_lines"), in_folders=False),
        Reader("html", (".html", ".htm", ".xhtml"), deferred("lint.readers.html", "read_html")),
        Reader("markdown", (".md", ".markdown", ".mdown", ".mkd"), deferred("lint.readers.markdown", "read_markdown")),
        Reader("plain", (".txt", ".text"), deferred("lint.readers.plain", "read_plain")),
    ]
