"""The house vocabulary: words and names a newsroom accepts, and words it rejects.

    vocabulary = ["woerter/akzeptiert.txt"]   # one word or name a line, # comments
    reject = ["woerter/abgelehnt.txt"]        # lines such as: Deal => Vereinbarung

    [rules.TR001]
    accept = ["Nadela"]                       # accepted for one rule only

Paths are relative to the configuration file. An accepted word or name is
never reported by any rule — a name is no garble, an English brand is no
fragment, a word the house accepts is no hype — and LanguageTool's spelling
findings for it are dropped as well (its /v2/check takes no word list). The
files are read again whenever they change (size or modification time), so
the editor's "add to the house vocabulary" takes effect at once. Rejected
words are reported by rule NL004 (``house-reject``) with the house's form as
their fix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lint.plugins.hookspecs import hookimpl

_STRIP = " \t\r\n.,;:!?()[]{}„“”‚‘’»«\"'"
#: Endings of German inflection (and the genitive of names) an accepted word may carry.
INFLECTION_ENDINGS = ("’s", "'s", "es", "en", "em", "er", "e", "s", "n")


def _paths(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("a path or a list of paths (relative to the configuration file)")
    return list(value)


def read_words(path: Path) -> list[str]:
    """One word or name a line; ``#`` starts a comment."""
    words = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.append(entry)
    return words


def normalise(text: str) -> str:
    return " ".join(text.split()).strip(_STRIP)


class HouseVocabulary:
    """The accepted words of one configuration, re-read when a file changes."""

    def __init__(self, config):
        root = config.root if config.file is not None else Path.cwd()
        self.files = [(root / p).resolve() for p in config.setting("vocabulary") or []]
        self.per_rule: dict[str, frozenset[str]] = {}
        self._stamp: tuple = ()
        self._words: frozenset[str] = frozenset()

    def add_rule(self, code: str, words: list[str]) -> None:
        self.per_rule[code] = frozenset(normalise(w) for w in words)

    def words(self) -> frozenset[str]:
        stamp = tuple(_stat(p) for p in self.files)
        if stamp != self._stamp:
            words: set[str] = set()
            for path, state in zip(self.files, stamp):
                if state is not None:
                    words.update(normalise(w) for w in read_words(path))
            self._words, self._stamp = frozenset(words), stamp
        return self._words

    def __bool__(self) -> bool:
        return bool(self.files or self.per_rule)

    def accepts(self, span: str, code: str) -> bool:
        """True when the flagged ``span`` is an accepted word or name (a genitive -s included)."""
        text = normalise(span)
        if not text or len(text) > 120:
            return False
        candidates = {text}
        for ending in INFLECTION_ENDINGS:  # an accepted word in any inflected form, a name in the genitive
            if text.endswith(ending) and len(text) > len(ending) + 2:
                candidates.add(text[: -len(ending)])
        rule_words = self.per_rule.get(code, frozenset())
        return any(c in rule_words for c in candidates) or any(c in self.words() for c in candidates)


def _stat(path: Path):
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns)


def vocabulary_file(config) -> Path | None:
    """The first vocabulary file the configuration names (where the editor adds words)."""
    names = config.setting("vocabulary") or []
    if not names or config.file is None:
        return None
    return (config.root / names[0]).resolve()


def add_word(path: Path, word: str) -> bool:
    """Append ``word`` to the vocabulary file (created with a header if needed); False if it is there."""
    word = normalise(word)
    if not word:
        return False
    if path.exists() and word in {normalise(w) for w in read_words(path)}:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    text = path.read_text(encoding="utf-8") if path.exists() else "# Hausvokabular: Wörter und Namen, die diese Redaktion akzeptiert (eins je Zeile)\n"
    if text and not text.endswith("\n"):
        text += "\n"
    from lint.engine.fileio import atomic_write

    atomic_write(path, text + word + "\n")
    return True


@hookimpl
def register_settings():
    from lint.model.config import Setting

    return [
        Setting("vocabulary", [], _paths, "Dateien mit akzeptierten Wörtern und Namen (eins je Zeile)"),
        Setting("reject", [], _paths, "Dateien mit abgelehnten Wörtern: Wort => Hausform"),
    ]
