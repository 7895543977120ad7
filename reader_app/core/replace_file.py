"""Writing a file whole or not at all: the annotation file and every command's ``-o``; and
never over a file read for the output (``refuse_to_overwrite``).

The new bytes go to a temporary file in the same folder, flushed and fsynced, then renamed
over the old file (``os.replace``, atomic on POSIX and Windows), and the folder is fsynced so
that the rename survives a power cut: a reader, a full disk or a crash sees the old file or
the new one, never a part. A symbolic link is written through (its target is replaced, the
link stays); a read-only file is refused and left as it is; the file keeps its permissions.
Must not import Qt.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from reader_app.core.errors import ReaderError


def replace_file(path: Path, chunks: Iterable[bytes], make_folder: bool = False,
                 before_replace: Callable[[], None] | None = None) -> None:
    """Replace the file at ``path`` with ``chunks``, atomically (see the module); its folder
    is made if ``make_folder`` (the annotation file's), else a missing one is the error.
    ``before_replace``: see ``replacement``."""
    with replacement(path, make_folder, before_replace) as temporary, temporary.open(
            "wb", buffering=1 << 16) as stream:
        for chunk in chunks:
            stream.write(chunk)


@contextmanager
def replacement(path: Path, make_folder: bool = False,
                before_replace: Callable[[], None] | None = None) -> Iterator[Path]:
    """A temporary file beside ``path`` for the caller to write (a PDF writer too); when the
    block ends without an error it replaces ``path`` atomically, else it is removed and the
    old file stays. ``ReaderError`` (naming ``path``) for what cannot be written.

    ``before_replace`` is called once the new file is written whole, just before it replaces
    the old one: what the caller must do only if the write succeeds, and whose failure must
    leave the old file (``tags add`` prints the new tag's id there).
    """
    target = write_target(path)
    check_writable(path, target)
    try:
        if make_folder:
            target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                            dir=target.parent)
        os.close(descriptor)
    except OSError as exc:
        raise ReaderError(f"{path}: cannot write ({exc.strerror or exc})") from None
    temporary = Path(name)
    try:
        yield temporary
        _fsync_file(temporary)
        if before_replace is not None:
            before_replace()
        with contextlib.suppress(OSError):  # keep the permissions the user gave the file
            os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise ReaderError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise
    fsync_folder(target.parent)


def _fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _mode_for(target: Path) -> int:
    """The permissions the file written to ``target`` gets: those it has, or for a new file
    what any program's new file gets (0666 less the umask; the temporary file's 0600 made
    every ``-o`` file and a new annotation file private to its owner)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


@cache
def _umask() -> int:
    """The process's umask (read by setting it, then setting it back: once, it rarely
    changes)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_target(path: Path) -> Path:
    """The file that writing ``path`` replaces: for a symbolic link, the file it names
    (which may not exist yet), so that the link keeps pointing at what is written."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def check_writable(path: Path, target: Path) -> None:
    """``ReaderError`` if ``target`` exists and is read-only: no one may write it (no write
    bit, which even the superuser is held to here) or this user may not."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # no file yet (or none to see): the write itself says what fails
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise ReaderError(f"{path}: read-only (no write permission); not changed")


def fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a folder, and that is fine.
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def refuse_to_overwrite(output: str | os.PathLike[str] | None, inputs: Iterable[str],
                        description: str) -> None:
    """``ReaderError`` if ``output`` is (the same file as) one of ``inputs`` (a slip of the
    shell's completion, a name typed into a save dialog would replace a document or the
    annotation file in use with a report): ``description`` says what they are ("one of the
    documents compared", "the annotation file in use")."""
    if output is None or not os.path.exists(output):
        return
    for document in inputs:
        try:
            same = os.path.samefile(output, document)
        except OSError:
            continue  # (an input that cannot be read is reported as it is read)
        if same:
            raise ReaderError(f"{os.fspath(output)}: is {description}; not overwritten")
