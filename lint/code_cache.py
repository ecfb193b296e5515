"""Compiled code of newslint's own modules, kept when Python keeps none.

Python keeps a module's compiled code beside its source (``__pycache__``) and
skips compiling it on the next start. With ``PYTHONDONTWRITEBYTECODE`` set (or
``python -B``), a checkout or an editable install of newslint keeps no compiled
code, and every start compiles the 140 modules a check imports (1.2 MB of
source): about 0.12 s, as long as all the rest of a start-up. An installed
wheel is not affected: pip compiles its modules when it installs them.

So when Python writes no bytecode, newslint keeps the compiled code of its own
modules in its user cache folder (``code/`` beside the cached word lists and
patterns), under the rule of ``__pycache__``, only stricter: an entry records
the source file's path, size and modification time in nanoseconds, and any
change to the source is a miss. A valid entry of Python's own ``__pycache__``
is used first.

Only newslint's own package goes through here (a path hook for its folders);
every other import is Python's, unchanged. An entry is read only where it is a
regular file owned by the user (never through a symlink) and the cache folder,
its ``code/`` and the entries' folder are the user's own and writable by no one
else (``lint.private_files``; otherwise nothing is read or written: another user
could rename a file of the user's onto an entry's name), and its code only where its checksum
(CRC-32) matches: ``marshal`` trusts its input. A damaged, stale or foreign entry is a miss:
the module is compiled from its source as usual and the entry written afresh.
``NEWSLINT_NO_CACHE=1`` turns it off with the rest of the cache, and so does a
cache folder that cannot be written. One checkout's entries take about 1.7 MB;
the folders of the eight copies (checkouts, Python versions) used last are
kept (a run touches its own), older ones are removed when a new one is made.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from importlib.machinery import SOURCE_SUFFIXES, FileFinder, SourceFileLoader
from importlib.util import MAGIC_NUMBER, cache_from_source

from lint.private_files import beyond_newest, is_private_folder, make_private_folder, read_private_file, user_cache_folder, write_private_file

try:  # how importlib's own source loader gives code from a moved checkout's ``.pyc`` its file name
    from _imp import _fix_co_filename
except ImportError:  # pragma: no cover - other Pythons
    def _fix_co_filename(code, path):
        return None

#: The folder of the ``lint`` package: modules in it and below it are served here.
PACKAGE_FOLDER = os.path.dirname(os.path.abspath(__file__))
#: The user cache's subfolder for compiled code (``newslint clean`` removes it).
KIND = "code"
#: How many copies of newslint (checkouts, Python versions) keep their entries.
KEEP_COPIES = 8
#: The start of every entry: this layout, then the Python bytecode it holds.
FORMAT = b"newslint code 1\n" + MAGIC_NUMBER
_CODE_TYPE = type(user_cache_folder.__code__)


def folder_for(root: str) -> str:
    """Where the entries of this copy of newslint under this Python live in the cache folder ``root``."""
    copy = zlib.crc32(os.fsencode(PACKAGE_FOLDER))
    return os.path.join(root, KIND, f"{sys.implementation.cache_tag}-opt{sys.flags.optimize}-{copy:08x}")


def entry_header(source_path: str, info: os.stat_result) -> bytes:
    """What an entry for the source file ``source_path`` (its ``stat`` now: ``info``) starts with."""
    stamp = info.st_mtime_ns.to_bytes(8, "little", signed=True) + info.st_size.to_bytes(8, "little")
    return FORMAT + stamp + os.fsencode(source_path) + b"\0"


def python_header(info: os.stat_result) -> bytes:
    """What a valid timestamp ``.pyc`` of Python's own cache starts with for a source of ``info`` (PEP 552)."""
    return MAGIC_NUMBER + bytes(4) + (int(info.st_mtime) & 0xFFFFFFFF).to_bytes(4, "little") + (info.st_size & 0xFFFFFFFF).to_bytes(4, "little")


def _code_after(data: bytes | None, header: bytes, checked: bool = False):
    """The code object ``data`` holds after ``header`` (``checked``: and a
    checksum of it), or None (no data, another header, damage)."""
    if data is None or not data.startswith(header):
        return None
    payload = memoryview(data)[len(header) + 4 * checked :]
    if checked and zlib.crc32(payload).to_bytes(4, "little") != data[len(header) : len(header) + 4]:
        return None
    try:
        code = marshal.loads(payload)
    except Exception:  # damage marshal notices (EOFError, ValueError, SystemError ...)
        return None
    return code if isinstance(code, _CODE_TYPE) else None


def entry_data(header: bytes, code) -> bytes:
    """An entry: its header, a checksum (CRC-32) of the code, the code."""
    payload = marshal.dumps(code)
    return header + zlib.crc32(payload).to_bytes(4, "little") + payload


def _python_cached(source_path: str) -> bytes | None:
    """The bytes of Python's own ``.pyc`` for ``source_path``, if there is one."""
    try:
        with open(cache_from_source(source_path), "rb") as file:
            return file.read()
    except (OSError, NotImplementedError, ValueError):
        return None


class CachedCodeLoader(SourceFileLoader):
    """Python's loader of a source file, with the compiled code kept in ``entries``."""

    #: The user cache folder and the folder of the entries in it (set by ``install``).
    root = ""
    entries = ""

    def get_code(self, fullname: str):
        source_path = self.get_filename(fullname)
        try:
            info = os.stat(source_path)
        except OSError:
            return super().get_code(fullname)
        code = _code_after(_python_cached(source_path), python_header(info))
        if code is not None:
            _fix_co_filename(code, source_path)
            return code
        trusted = _trusted_folders(self.root, self.entries)
        entry = os.path.join(self.entries, fullname + ".pyc")
        header = entry_header(source_path, info)
        code = _code_after(read_private_file(entry), header, checked=True) if trusted else None
        if code is None:
            code = self.source_to_code(self.get_data(source_path), source_path)
            if trusted is not False:
                _keep(self.root, self.entries, entry, entry_data(header, code))
        return code


def _trusted_folders(root: str, entries: str) -> bool | None:
    """Whether the cache folder, its ``code/`` and the entries' folder are all the
    user's own and writable by no one else (None: some do not exist yet, and those
    that do are). Asked once per process: an entry is read only from such folders,
    so no one else can have put it there or renamed another file onto its name."""
    if not _TRUST:
        folders = (root, os.path.dirname(entries), entries)
        present = [folder for folder in folders if os.path.lexists(folder)]
        if not all(map(is_private_folder, present)):
            _TRUST.append(False)
        else:
            _TRUST.append(True if len(present) == len(folders) else None)
        if _TRUST[0]:
            try:
                os.utime(entries)  # the copy used last: what ``prune`` keeps
            except OSError:
                pass
    return _TRUST[0]


#: ``_trusted_folders``'s answer, once asked.
_TRUST: list = []


def _keep(root: str, entries: str, entry: str, data: bytes) -> None:
    """Write ``data`` as the entry file ``entry``, making the folders first (private)
    where they are missing; a folder that cannot be made or written only means no entry."""
    try:
        if _TRUST[0] is None:
            for folder in (root, os.path.dirname(entries), entries):
                make_private_folder(folder)
            _TRUST[0] = True
            prune(os.path.dirname(entries), keep=KEEP_COPIES)
        write_private_file(entry, data)
    except OSError:
        _TRUST[0] = False  # compiled afresh next time, as without the cache


def prune(folder: str, keep: int) -> None:
    """Keep the ``keep`` folders of entries in ``folder`` used last (one per copy of
    newslint and Python version: checkouts come and go; a run touches its own)."""
    try:
        old = beyond_newest(folder, keep, lambda entry: entry.is_dir(follow_symlinks=False))
    except OSError:
        return
    if old:
        import shutil

        for copy in old:
            shutil.rmtree(copy.path, ignore_errors=True)


def install(environ=os.environ) -> bool:
    """Serve newslint's modules through ``CachedCodeLoader`` if Python keeps no
    compiled code and the cache is on; True if it does."""
    if not sys.dont_write_bytecode:
        return False
    if _INSTALLED:
        return True
    root = user_cache_folder(environ.get("NEWSLINT_NO_CACHE"), environ.get("NEWSLINT_CACHE_DIR"), environ.get("XDG_CACHE_HOME"))
    if root is None:
        return False
    CachedCodeLoader.root = root
    CachedCodeLoader.entries = folder_for(root)
    finder_for = FileFinder.path_hook((CachedCodeLoader, SOURCE_SUFFIXES))

    def package_hook(path: str):
        if path == PACKAGE_FOLDER or path.startswith(PACKAGE_FOLDER + os.sep):
            return finder_for(path)
        raise ImportError("not a folder of newslint")

    sys.path_hooks.insert(0, package_hook)
    for path in [path for path in sys.path_importer_cache if path == PACKAGE_FOLDER or path.startswith(PACKAGE_FOLDER + os.sep)]:
        del sys.path_importer_cache[path]  # found with Python's own finder before the hook was in place
    _INSTALLED.append(package_hook)
    return True


#: The path hook once installed (a second ``install`` adds none).
_INSTALLED: list = []
