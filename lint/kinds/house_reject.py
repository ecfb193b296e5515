"""``house-reject``: a word the house rejects (``reject = [...]`` files in the
configuration, lines ``Deal => Vereinbarung``; or the rule's ``entries``
option, same form), reported with the house's form as its fix. The files are
read again when they change."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from lint.kinds.base import Kind
from lint.language.morphology import compile_entries
from lint.language.wordlist import parse_wordlist
from lint.model.errors import ConfigError
from lint.plugins.hookspecs import hookimpl


class HouseReject(Kind):
    name = "house-reject"
    defaults: ClassVar[dict[str, Any]] = {"entries": []}

    def __init__(self, rule, options):
        super().__init__(rule, options)
        self._stamp: tuple | None = None  # the files' sizes and times when the matcher was built
        self._matcher = None

    def _files(self) -> list[Path]:
        config = getattr(self, "config", None)
        if config is None:
            return []
        listed = config.setting("reject") or []
        if not listed:
            return []  # the common case: no house lists, no look at the working directory
        root = config.root if config.file is not None else Path.cwd()
        return [(root / p).resolve() for p in listed]

    def matcher(self):
        files = self._files()
        stamp = tuple((str(p), *_stat(p)) for p in files)
        if stamp != self._stamp:
            entries = []
            if self.options["entries"]:
                inline = "# entries from the configuration\n" + "\n".join(self.options["entries"])
                entries += [e for e in parse_wordlist(inline, self.rule.file).entries if e.suggestion]
            for path in files:
                try:
                    text = path.read_text(encoding="utf-8-sig")
                except OSError as exc:
                    raise ConfigError(f"reject list {path}: cannot read: {exc.strerror or exc}") from None
                entries += [e for e in parse_wordlist(text, path).entries if e.suggestion]
            self._matcher = compile_entries(entries) if entries else None
            self._stamp = stamp
        return self._matcher

    def check(self, doc):
        matcher = self.matcher()
        if matcher is None:
            return
        for start, end, entry in matcher.finditer(doc.prose, words=doc.analysis):
            if doc.in_quote(start, end):
                continue
            first = entry.suggestion.split(";")[0].strip()
            yield self.report(doc, start, end, term=entry.term, suggestion=first, fix=self.replacement(start, end, first))


def _stat(path: Path) -> tuple:
    try:
        info = path.stat()
        return (info.st_size, info.st_mtime_ns)
    except OSError:
        return (None, None)


@hookimpl
def register_kinds():
    return [HouseReject]
