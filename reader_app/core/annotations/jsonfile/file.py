"""The annotation file on disk: reading it, writing it atomically, locking it.

Owns reading (regular files only, never more than ``MAX_FILE_BYTES``: a FIFO or
``/dev/zero`` is refused without a read; with the signature of what was read, so a store can
tell whether anyone wrote since), the atomic write (a temporary file in the same folder,
flushed and fsynced, ``os.replace``, then an fsync of the folder where the platform allows),
setting a corrupt file aside, and the ``filelock`` lock that every read-merge-write holds.
The bytes' layout is ``format``'s; what to do with a corrupt or newer file is the store's;
where the file is, ``location``'s. Must not import Qt.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import filelock

from reader_app.core.annotations.jsonfile.format import EncodedCache, FileContents, chunks, parse
from reader_app.core.annotations.model import Annotation
from reader_app.core.errors import ReaderError
from reader_app.core.replace_file import check_writable, replace_file, write_target

LOCK_TIMEOUT_SECONDS = 5.0  # the window's wait (its saves run on the UI thread)
# A command's wait: 8 concurrent ``tags add`` on a 5,000-annotation file each wait for the 7
# others' read and save (the lock is not fair: some wait longer): median 3.8-6.6 s, worst
# 26-45 s of 200 on a two-core machine loaded 3 times over (benchmarks/bench_parallel_tags.py,
# none failed); bounded all the same, never for ever.
COMMAND_LOCK_TIMEOUT_SECONDS = 60.0
# About 130,000 annotations. Read, a file takes some ten times its size in memory: at the
# former 512 MiB, a 350 MB file of 700,000 took 3.7 GB to add one tag (an audit).
MAX_FILE_BYTES = 64 * 2**20

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX only; Windows has no FIFOs to open
_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device",
          stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}

_HELD: set[tuple[int, str]] = set()  # (thread, lock file) held now, for re-entry

Signature = tuple[int, int, int]  # inode, size, mtime: a replaced file changes its inode


@dataclass(frozen=True, slots=True)
class Reading:
    """The file as a worker read it for ``take_reading``: which file, the signature the store
    had then, and what was read (``None``: no file)."""

    path: Path
    seen: Signature | None
    contents: FileContents | None
    signature: Signature | None


def signature(path: Path) -> Signature | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


def read_file(path: Path, known: Mapping[str, Annotation] | None = None,
              ) -> tuple[FileContents | None, Signature | None]:
    """The parsed file (``None`` when there is none) and the signature of what was read.

    ``known`` maps lines this program wrote to their annotations, which are then reused.
    The signature comes from the open file itself, so it always describes the bytes parsed,
    even when another program replaces the file meanwhile. ``CorruptFileError`` if unparsable;
    ``ReaderError`` for anything but a regular file (a FIFO, ``/dev/zero``: never read).
    """
    opened = _open_regular(path)
    if opened is None:
        return None, None
    stream, status = opened
    with stream:
        try:
            data = stream.read(MAX_FILE_BYTES + 1)  # bounded, even if it grows meanwhile
        except OSError as exc:
            raise ReaderError(f"{path}: cannot read ({exc.strerror or exc})") from None
    _check_regular(path, status, len(data))
    return parse(data, str(path), known), (status.st_ino, status.st_size, status.st_mtime_ns)


def _open_regular(path: Path) -> tuple[BinaryIO, os.stat_result] | None:
    """The file open for reading and its status; ``None`` if there is none; ``ReaderError``
    for a folder, a FIFO, a device (checked on the open file, before any read)."""
    try:
        # Non-blocking: opening a FIFO with no writer would otherwise wait for ever.
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK)
    except FileNotFoundError:
        return None
    except IsADirectoryError:  # not corrupt: nothing to set aside
        raise ReaderError(f"{path}: is a folder, not an annotation file") from None
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        status = os.fstat(descriptor)
        _check_regular(path, status)
        return os.fdopen(descriptor, "rb"), status
    except BaseException:
        os.close(descriptor)
        raise


def check_file_type(path: Path) -> None:
    """``ReaderError`` if ``path`` (its target, for a link) exists and is no regular file of
    at most ``MAX_FILE_BYTES``: what a command checks before it starts, without opening it."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read ({exc.strerror or exc})") from None
    _check_regular(path, status)


def unsaved_reason(path: Path) -> str | None:
    """Why no change to the file at ``path`` could be saved (it is read-only), or ``None``:
    the window says so once the file is open, not only at the first tag made there, which
    stayed on screen unsaved."""
    try:
        check_writable(path, write_target(path))
    except ReaderError:
        return f"{path}: read-only (no write permission); tags made here cannot be saved"
    return None


def _check_regular(path: Path, status: os.stat_result, size: int | None = None) -> None:
    """``ReaderError`` unless ``status`` is a regular file of at most ``MAX_FILE_BYTES``."""
    if stat.S_ISDIR(status.st_mode):
        raise ReaderError(f"{path}: is a folder, not an annotation file")
    if not stat.S_ISREG(status.st_mode):
        kind = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
        raise ReaderError(f"{path}: {kind}, not an annotation file (it is never read)")
    if max(status.st_size, size or 0) > MAX_FILE_BYTES:  # not corrupt: refused, not set aside
        raise ReaderError(f"{path}: too large to be an annotation file "
                          f"(the limit is {MAX_FILE_BYTES // 2**20} MiB)")


def write_file(path: Path, annotations: Iterable[Annotation],
               extra: Mapping[str, Any] | None = None, cache: EncodedCache | None = None,
               before_replace: Callable[[], None] | None = None) -> None:
    """Replace the file atomically (``replace_file``, which calls ``before_replace``):
    readers (and a crash) see the old file or the new one; a symbolic link is written
    through, a read-only file refused."""
    replace_file(path, (chunk.encode("utf-8") for chunk in chunks(annotations, extra or {},
                                                                   cache)),
                 make_folder=True, before_replace=before_replace)


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files a killed writer left; call only while holding the lock."""
    target = write_target(path)
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def set_aside(path: Path) -> Path:
    """Rename an unreadable file (a link's target) to ``<name>.corrupt-<UTC time>`` and
    return the new path."""
    path = write_target(path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    try:
        path.rename(aside)
    except OSError as exc:
        raise ReaderError(f"{path}: cannot be read, nor renamed aside "
                          f"({exc.strerror or exc})") from None
    return aside


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold ``<file>.lock`` (next to the file, a link's target) for a read-merge-write;
    ``ReaderError`` if another program holds it ``timeout`` seconds. Re-entrant in a thread:
    a command holding it over its read, decision and save saves without waiting on itself."""
    target = write_target(path)
    lock_path = target.with_name(target.name + ".lock")
    key = (threading.get_ident(), str(lock_path))
    if key in _HELD:
        yield
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(lock_path, timeout=timeout, thread_local=False)
        lock.acquire()
    except filelock.Timeout:
        raise ReaderError(f"{path}: locked by another program (waited {timeout:g} s for "
                          f"{lock_path.name}); try again") from None
    except OSError as exc:
        raise ReaderError(f"{path}: cannot lock ({exc.strerror or exc})") from None
    _HELD.add(key)
    try:
        yield
    finally:
        _HELD.discard(key)
        lock.release()
