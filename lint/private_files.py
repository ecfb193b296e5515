"""Files only the user may read, and where newslint's user cache folder is.

newslint's caches (``lint.cache.store`` for word lists, patterns and results,
``lint.code_cache`` for compiled code) keep their files here, private: folders
of mode 0700, files of mode 0600 written atomically, and read only where they
are regular files owned by the user, never through a symlink and never blocking
on a FIFO or a device. This module is small and imports nothing beyond ``os``
and ``stat``, because the code cache needs it before the rest of newslint is
loaded.
"""

from __future__ import annotations

import os
import stat

#: No cache file is larger than this; a bigger file is not read at all.
MAX_ENTRY_BYTES = 256 * 1024 * 1024


def user_cache_folder(off: str | None, folder: str | None, xdg: str | None) -> str | None:
    """The user cache folder for the values of ``NEWSLINT_NO_CACHE``,
    ``NEWSLINT_CACHE_DIR`` and ``XDG_CACHE_HOME`` (None where unset): None when
    the cache is turned off, else ``NEWSLINT_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/newslint`` (``~/.cache/newslint``)."""
    if off:
        return None
    if folder:
        return folder
    base = xdg or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newslint")


def make_private_folder(root: str | os.PathLike) -> None:
    """Create ``root`` with mode 0700 (its parents as usual); refuse anything but a
    folder of this user there (a file, a symlink, another user's folder), and
    never change the mode of what it refuses."""
    try:
        os.mkdir(root, 0o700)
        created = True
    except FileExistsError:
        created = False
    except FileNotFoundError:
        os.makedirs(os.path.dirname(os.path.abspath(root)), exist_ok=True)
        os.mkdir(root, 0o700)
        created = True
    info = os.lstat(root)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
        raise OSError(f"{root}: not a folder of this user")
    if created and stat.S_IMODE(info.st_mode) != 0o700:  # a umask that took the user's own bits
        os.chmod(root, 0o700)


def is_private_folder(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a folder (not a symlink) of this user that no one else may write."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & 0o022


def write_private_file(path: str, data: bytes) -> None:
    """Replace the file ``path`` by one holding ``data`` that only the user may
    read, atomically (``replace_file``)."""
    replace_file(path, data, 0o600)


def replace_file(path: str, data: bytes, mode: int) -> None:
    """Replace the file ``path`` by one holding ``data`` with permissions ``mode``:
    written to a temporary file in the same folder, then renamed, so a reader sees
    the old file or the new one, never half of one.

    The temporary file's name holds the process id and 64 random bits, and it is
    created exclusively (``O_EXCL``, never through a symlink) and private until
    renamed, so concurrent runs never share one. ``tempfile.mkstemp`` does the
    same, but importing ``tempfile`` (with ``shutil`` and ``random``) costs some
    15 M instructions, paid by every run that writes a result pack."""
    folder, name = os.path.split(path)
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{os.urandom(8).hex()}.tmp")
        try:
            fd = os.open(tmp, _CREATE_FLAGS, 0o600)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(f"{path}: no free temporary name")
    try:
        try:
            _set_mode(fd, tmp, mode)  # whatever the umask
            with memoryview(data) as view:
                written = 0
                while written < len(view):
                    written += os.write(fd, view[written:])
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _set_mode(fd: int, path: str, mode: int) -> None:
    """``mode`` on the open file (by its descriptor where the platform can: no look-up of the name)."""
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # pragma: no cover - Windows
        os.chmod(path, mode)


#: How ``replace_file`` creates its temporary file: a new file only, no symlink
#: followed, not inherited, no newline translation (Windows).
_CREATE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)


def read_private_file(path: str | os.PathLike) -> bytes | None:
    """The bytes of ``path`` if it is a regular file owned by the user, else None.

    Never follows a symlink and never blocks on a FIFO or device.
    """
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_size > MAX_ENTRY_BYTES:
            return None
        data = os.read(fd, info.st_size)  # a regular file gives all of it at once; the loop is for a short read
        if len(data) == info.st_size:
            return data
        chunks = [data]
        left = info.st_size - len(data)
        while left > 0 and data:
            data = os.read(fd, left)
            chunks.append(data)
            left -= len(data)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


#: How ``read_private_file`` opens: no symlink followed, never blocking, not inherited.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def beyond_newest(folder: str | os.PathLike, keep: int, wanted) -> list[os.DirEntry]:
    """The entries of ``folder`` that ``wanted(entry)`` picks, except the ``keep``
    changed last (by modification time, symlinks not followed): what a cache
    removes to stay small."""
    with os.scandir(folder) as found:
        entries = [entry for entry in found if wanted(entry)]
    if len(entries) <= keep:
        return []
    entries.sort(key=lambda entry: entry.stat(follow_symlinks=False).st_mtime_ns, reverse=True)
    return entries[keep:]
