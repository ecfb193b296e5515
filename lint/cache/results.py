"""The result cache: each file's diagnostics, kept until anything they depend on changes.

In the manner of ruff's cache, through newslint's one cache (``lint.cache.store``),
so its integrity checks hold: an entry is verified and a damaged one is a miss.
A file's results are keyed by

- the file's text and the path it is shown under,
- the engine's *key*: the configuration file's content and the command line's
  selection, the content of every file of every rule pack in use (rule files,
  word lists, vocabulary), every file a rule option names, the installed
  third-party plugins (their entry points and module code), newslint's own code,
- and (by the store) newslint's version, the Python version and the platform.

Like ruff, which keeps one cache file per package, the results of the files of
one folder (under one engine key) live in one entry, a *pack*: a run over a
folder of 500 articles reads one file and writes one, not 500. Creating a file
is the costly part of writing one (on the ext4 volume measured, about 0.5 ms
each: a quarter of a first run over the corpus went into creating its 514
entries). A pack is read once per run; the results a run adds are merged into
it when the run ends, re-reading it first, so that concurrent runs lose at
most each other's newest entries (a miss later, never a wrong result). A pack
keeps one entry per file name (the latest) and at most ``PACK_LIMIT`` of them.

LanguageTool's findings depend on a server: an engine that asks one is not
cached at all. A file whose linting reported an error is not cached either.

The entries live in the project's ``.newslint_cache/`` folder (with a
``.gitignore`` inside), found as the folder of the configuration file that
applies to the current directory, else the current directory.
``NEWSLINT_CACHE_DIR`` moves them into that folder together with the rest of
the cache; ``NEWSLINT_NO_CACHE=1`` or ``--no-cache`` turns the cache off.
"""

from __future__ import annotations

import io
import os
import sys
import time
from operator import attrgetter
from pathlib import Path

from lint.cache import store
from lint.cache.store import blake2b
from lint.model.diagnostics import Diagnostic, Edit, EditPosition, Fix, Severity
from lint.model.record import named_tuple

KIND = "results"
#: Where the copies of engine keys' bytes live (megabytes each: few are kept, ``store.LIMITS``).
ENGINE_KEY_KIND = "engine-key"
#: Engine keys by the stamps of the pack and code files (``engine_key``).
ENGINE_STAMPS_KIND = "engine-stamps"
FOLDER = ".newslint_cache"
#: Bump when the stored form of a diagnostic or of a pack changes.
FORMAT = 4
#: The most files one pack keeps results for (the most recently written).
PACK_LIMIT = 20_000


def project_root(start: Path | None = None) -> Path:
    from lint.model.config import find_config_file

    start = (start or Path.cwd()).absolute()
    found = find_config_file(start)
    return found.parent if found is not None else start


def result_store(start: Path | None = None) -> store.Store:
    """Where results are kept: ``NEWSLINT_CACHE_DIR``, else the project's ``.newslint_cache/``."""
    env = os.environ
    if env.get("NEWSLINT_NO_CACHE"):
        return store.Store(None)
    if env.get("NEWSLINT_CACHE_DIR"):
        return store.user_store()
    return store.Store(project_root(start) / FOLDER, gitignore=True)


# -- what an engine's results depend on ----------------------------------------


def _tree_parts(parts: list[bytes], folder: Path, stamps: list[int] | None = None) -> None:
    """Append the name (relative to ``folder``) and the bytes of every file under
    ``folder`` to ``parts``, in a fixed order (compiled ``.pyc``/``.pyo`` files left out);
    with ``stamps``, each file's stamp instead of its bytes (size, modification and
    change time in nanoseconds, inode), and the newest of those times is appended to
    ``stamps``.

    Folders are walked with ``os.scandir`` and names made by joining strings:
    ``os.walk`` with ``os.path.relpath`` per file cost several times more."""
    stack = [(os.fspath(folder), "")]
    while stack:
        path, shown = stack.pop()
        try:
            with os.scandir(path) as found:
                entries = sorted((entry.name, entry.path, entry.is_dir(follow_symlinks=False)) for entry in found)
        except OSError:
            parts.append(f"{shown}\0\1unlistable\0".encode("utf-8", "surrogateescape"))
            continue
        folders = []
        for name, full, is_folder in entries:
            if is_folder:
                folders.append((full, shown + name + "/"))
                continue
            if name.endswith((".pyc", ".pyo")):
                continue
            if stamps is not None:
                try:
                    info = os.stat(full)
                    stamp = f"{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}"
                    stamps.append(max(info.st_mtime_ns, info.st_ctime_ns))
                except OSError:
                    stamp = "unreadable"
                parts.append(f"{shown}{name}\0{stamp}\0".encode("utf-8", "surrogateescape"))
                continue
            try:
                with io.FileIO(full) as handle:  # unbuffered: no buffer object to make for one read
                    data = handle.readall()
                size = str(len(data))
            except OSError:
                data, size = b"", "unreadable"
            parts.append(f"{shown}{name}\0{size}\0".encode("utf-8", "surrogateescape"))  # the size: no two trees join alike
            parts.append(data)
        stack.extend(reversed(folders))  # the first folder is walked next


def _option_files(engine) -> list[Path]:
    """Files a rule option names (relative to the configuration's folder)."""
    found = []
    root = engine.config.root
    for kind in engine.kinds:
        values = []
        for value in kind.options.values():
            values.extend(value if isinstance(value, (list, tuple)) else [value])
        for value in values:
            if isinstance(value, str) and value and len(value) < 4096 and ("/" in value or "." in value):
                candidate = Path(value) if os.path.isabs(value) else root / value
                try:
                    if candidate.is_file():
                        found.append(candidate)
                except (OSError, ValueError):
                    pass
    return sorted(set(found))


def _plugin_code(registry) -> list[str]:
    from lint.plugins import builtin

    parts = []
    for plugin in registry.manager.get_plugins():
        name = registry.manager.get_name(plugin)
        if name in builtin.MODULES:
            continue
        source = getattr(plugin, "__file__", None) or getattr(sys.modules.get(type(plugin).__module__), "__file__", None)
        code = b""
        if source:
            try:
                code = Path(source).read_bytes()
            except OSError:
                pass
        parts.append(f"{name}\t{blake2b(code, digest_size=16).hexdigest()}")
    return sorted(parts)


def cacheable(engine) -> bool:
    """False when a kind's findings depend on something outside the files (a server)."""
    return all(getattr(kind, "results_cacheable", lambda: True)() for kind in engine.kinds)


def _house_files(config) -> list[Path]:
    root = config.root if config.file is not None else Path.cwd()
    names = [*(config.setting("vocabulary") or []), *(config.setting("reject") or [])]
    return [(root / name).resolve() for name in names]


def _environment() -> str:
    """The Python environment results were computed in: its prefix and the
    modification times of its package folders (an install or removal changes
    them), so a run in another environment — one without wordfreq, say —
    never serves or reuses these results."""
    import sys

    parts = [sys.prefix, sys.executable]
    for entry in sys.path:
        if entry.endswith(("site-packages", "dist-packages")):
            try:
                parts.append(f"{entry}:{os.stat(entry).st_mtime_ns}")
            except OSError:
                pass
    return "\nenvironment " + "|".join(parts)


def engine_key(engine, selection_text: str) -> str:
    """A digest of everything an engine's results depend on besides the file itself.

    The bytes it is made of (about 2.7 MB: the rule packs and newslint's code)
    took some 45 M instructions to hash on every run; their digest is kept with
    a copy of them (``regexcache.kept_digest``), so a run whose packs and code
    are unchanged compares them with the copy instead, and any changed byte is
    hashed afresh. Reading the 2.7 MB still cost about 10 ms a run, so the key is
    also kept under the files' stamps: a run whose pack and code files all have
    the stamps of a run before takes that run's key without reading them. What
    the key is made of is gathered once (``_engine_parts``); the pack and code
    folders are walked for their stamps, and for their bytes only on a miss."""
    parts = _engine_parts(engine, selection_text)
    stamps: list[int] = []
    by_stamps = blake2b(b"".join(_joined(parts, stamps)), digest_size=20).hexdigest()
    cache = store.user_store()
    found = cache.get(ENGINE_STAMPS_KIND, by_stamps, check=_is_key)
    if found is not None:
        return found
    where = f"engine key\n{engine.config.file}\n{parts[-1]}\n{selection_text}"  # names the kept copy, not the digest
    from lint.cache import regexcache

    key = regexcache.kept_digest(where, b"".join(_joined(parts)), ENGINE_KEY_KIND).hex()
    if stamps and max(stamps) < time.time_ns() - SETTLED_NS:
        cache.put(ENGINE_STAMPS_KIND, by_stamps, key)
    return key


def _is_key(value) -> bool:
    return isinstance(value, str) and len(value) == 32


#: How long ago every pack and code file must have changed for the key to be kept
#: under their stamps: a file changed again within the same tick of the file
#: system's clock (milliseconds on some) would keep its stamp, so a key is kept
#: only for files that have not changed for this long (as git treats a "racy" index).
SETTLED_NS = 3_000_000_000


def _engine_parts(engine, selection_text: str) -> list[bytes | Path]:
    """What the engine key is made of: bytes, and the folders (``Path``) whose
    files it holds (``_joined``); the last part is newslint's own code folder."""
    import lint

    parts: list[bytes | Path] = [f"format {FORMAT} {Diagnostic._fields}\nselection {selection_text}\n".encode()]
    config = engine.config
    parts.append(f"config {config.file}\n".encode())
    if config.file is not None:
        try:
            parts.append(Path(config.file).read_bytes())
        except OSError:
            parts.append(b"\1unreadable")
    rows = [(k.rule.code, str(k.severity), k.rule.pack, str(k.rule.file)) for k in engine.kinds]
    parts.append(repr(rows).encode("utf-8"))
    for folder in [*engine.registry.packs, *config.packs]:
        parts.append(f"\npack {folder}\n".encode("utf-8", "surrogateescape"))
        parts.append(Path(folder))
    for path in _option_files(engine):
        parts.append(f"\noption file {path}\n".encode("utf-8", "surrogateescape"))
        parts.append(path.read_bytes())
    for path in _house_files(config):  # the house vocabulary and reject lists
        parts.append(f"\nhouse file {path}\n".encode("utf-8", "surrogateescape"))
        try:
            parts.append(path.read_bytes())
        except OSError:
            parts.append(b"\1missing")
    parts.append("\n".join(_plugin_code(engine.registry)).encode())
    parts.append(_environment().encode("utf-8", "surrogateescape"))
    code = Path(lint.__file__).parent
    parts.append(f"\ncode {code}\n".encode("utf-8", "surrogateescape"))
    parts.append(code)  # newslint's own code (a development checkout changes)
    return parts


def _joined(parts: list[bytes | Path], stamps: list[int] | None = None) -> list[bytes]:
    """``parts`` with each folder replaced by its files' bytes, or with ``stamps``
    by their stamps (``_tree_parts``; the newest time goes to ``stamps``)."""
    out: list[bytes] = [] if stamps is None else [b"by stamps\n"]
    for part in parts:
        if isinstance(part, Path):
            _tree_parts(out, part, stamps)
        else:
            out.append(part)
    return out


# -- diagnostics as plain data -------------------------------------------------


#: A diagnostic's fields, read in one call (the stored row holds them in this order).
_VALUES = attrgetter(*Diagnostic._fields)
_FIELD_COUNT = len(Diagnostic._fields)
_SEVERITY, _FIX, _EDIT_POSITIONS = map(Diagnostic._fields.index, ("severity", "fix", "edit_positions"))


def encode(diagnostics: list[Diagnostic]) -> list[tuple]:
    """Diagnostics as plain data: one tuple of every field of ``Diagnostic`` each,
    in the order of ``_fields`` (which is part of the engine key, so rows of
    another order are never read). A tuple instead of a dict with every field's
    name: a third of the bytes to write, unmarshal and check."""
    rows = []
    for d in diagnostics:
        row = list(_VALUES(d))
        row[_SEVERITY] = int(d.severity)
        if d.fix is not None:
            row[_FIX] = (tuple((e.start, e.end, e.replacement) for e in d.fix.edits), d.fix.applicability, d.fix.title)
        row[_EDIT_POSITIONS] = tuple((p.line, p.column, p.end_line, p.end_column, p.replacement) for p in d.edit_positions)
        rows.append(tuple(row))
    return rows


def decode(rows: list[tuple]) -> list[Diagnostic]:
    out = []
    for row in rows:
        row = list(row)
        if row[_FIX] is not None:
            edits, applicability, title = row[_FIX]
            row[_FIX] = Fix(tuple(Edit(a, b, r) for a, b, r in edits), applicability, title)
        row[_SEVERITY] = Severity(row[_SEVERITY])
        row[_EDIT_POSITIONS] = tuple(EditPosition(*p) for p in row[_EDIT_POSITIONS])
        out.append(Diagnostic(*row))
    return out


def _well_formed(value) -> bool:
    return isinstance(value, list) and all(isinstance(row, tuple) and len(row) == _FIELD_COUNT for row in value)


def _utf8(text: str) -> bytes:
    """``text`` in UTF-8, lone surrogates (text from an API caller) kept as they
    are: the strict encoder first, which is faster than the one with an error
    handler (``surrogatepass``) and gives the same bytes wherever it succeeds."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


@named_tuple
class ResultKey:
    """Where a file's results are kept: its folder's ``pack``, the ``entry``
    there (the shown path; with fingerprints or not) and the text's digest."""

    pack: str
    entry: str
    content: str


def _well_formed_pack(value) -> bool:
    return isinstance(value, dict)


class ResultCache:
    """Per-file results of one run; ``store`` None: a cache that keeps nothing.

    ``get`` reads a folder's pack once; ``put`` collects; ``save`` writes each
    changed pack once (``lint_batch`` calls it when its documents are done).
    """

    def __init__(self, cache: store.Store, selection_text: str):
        self.store = cache
        self.selection_text = selection_text
        self._keys: dict[object, str | None] = {}
        self._packs: dict[str, dict] = {}
        self._added: dict[str, dict] = {}
        self._folders: dict[str, str] = {}  # ``_folder``: an absolute name's head, its folder

    @property
    def enabled(self) -> bool:
        return self.store.root is not None

    def _engine_key(self, engine) -> str | None:
        if engine not in self._keys:
            self._keys[engine] = engine_key(engine, self.selection_text) if cacheable(engine) else None
        return self._keys[engine]

    def key(
        self, engine, display: str, text: str, fingerprints: bool, lookup: str | None = None, encoded: bytes | None = None
    ) -> ResultKey | None:
        """The key of ``text`` shown as ``display`` (``lookup``: its file, which names
        the folder; default ``display``), or None when results are not kept. ``encoded``:
        the text's UTF-8 if at hand (the bytes a file was read as, ``fileio.decode_as_read``),
        hashed as they are instead of encoding the text again."""
        if not self.enabled:
            return None
        base = self._engine_key(engine)
        if base is None:
            return None
        folder = self._folder(lookup or display)
        content = blake2b(_utf8(text) if encoded is None else encoded, digest_size=32).hexdigest()
        return ResultKey(f"{base}\n{folder}", f"{display}\n{int(fingerprints)}", content)

    def _folder(self, name: str) -> str:
        """``os.path.dirname(os.path.abspath(name))``, the folder whose pack keeps the results
        of the file ``name``. An absolute POSIX name whose last part is a file's ("x.txt", not
        "", "." or "..") has the folder its head normalises to, whatever that part: the folder
        is worked out once per head (``abspath`` normalises in Python: a run over a folder
        did so for every file), and a relative name, which depends on the working folder, each time."""
        head, _, tail = name.rpartition("/")
        if os.sep != "/" or not name.startswith("/") or tail in ("", ".", ".."):
            return os.path.dirname(os.path.abspath(name))
        found = self._folders.get(head)
        if found is None:
            found = self._folders[head] = os.path.dirname(os.path.abspath(name))
        return found

    def _pack(self, pack: str) -> dict:
        found = self._packs.get(pack)
        if found is None:
            found = self._packs[pack] = self.store.get(KIND, pack, check=_well_formed_pack) or {}
        return found

    def get(self, key: ResultKey | None) -> list[Diagnostic] | None:
        if key is None:
            return None
        entry = self._pack(key.pack).get(key.entry)
        try:
            content, rows = entry
        except (TypeError, ValueError):  # none, or of another shape: a miss
            return None
        if content != key.content or not _well_formed(rows):
            return None
        try:
            return decode(rows)
        except Exception:  # a well-checksummed entry of another shape: a miss
            return None

    def put(self, key: ResultKey | None, diagnostics: list[Diagnostic]) -> None:
        """Keep ``diagnostics`` under ``key`` (written by ``save``)."""
        if key is not None:
            self._added.setdefault(key.pack, {})[key.entry] = (key.content, encode(diagnostics))

    def save(self) -> None:
        """Merge the results ``put`` since the last save into their packs, one write per pack."""
        for pack, added in self._added.items():
            # re-read: what another run wrote since this one read the pack is kept
            current = self.store.get(KIND, pack, check=_well_formed_pack) or {}
            for entry in added:
                current.pop(entry, None)  # re-inserted last: the order is the order of writing
            current.update(added)
            for entry in list(current)[: max(0, len(current) - PACK_LIMIT)]:
                del current[entry]
            self.store.put(KIND, pack, current)
            self._packs[pack] = current
        self._added.clear()


def clean(start: Path | None = None) -> list[Path]:
    """Remove the project's result cache and the user cache; the folders removed."""
    import shutil

    removed = []
    project = project_root(start) / FOLDER
    candidates = [project]
    user = store.default_root() if not os.environ.get("NEWSLINT_NO_CACHE") else None
    if user is None and os.environ.get("NEWSLINT_CACHE_DIR"):
        user = Path(os.environ["NEWSLINT_CACHE_DIR"])
    if user is not None:
        from lint import code_cache
        from lint.cache import regexcache

        kinds = (regexcache.KIND, regexcache.BUNDLE_KIND, regexcache.DATA_KIND, regexcache.DIGEST_KIND, ENGINE_KEY_KIND, ENGINE_STAMPS_KIND, KIND, code_cache.KIND)
        candidates += [user / kind for kind in kinds]
    for folder in candidates:
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed
