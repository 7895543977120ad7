"""Which files make up a library: folders expanded to their documents, the bundled seeds,
and loading them all (``load_library``).

Must not import Qt.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader_app.core.documents import Document, load_document
from reader_app.core.errors import ReaderError
from reader_app.core.text import counted

DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
# A file whatever its name (device and inode), or its real path when it cannot be looked up.
_Identity = tuple[int, int] | str
_KINDS = {stat.S_IFIFO: "FIFO", stat.S_IFCHR: "device", stat.S_IFBLK: "device",
          stat.S_IFSOCK: "socket"}


def bundled_seeds() -> Path:
    """The folder of the five documents shipped with the program.

    An installed package carries them as ``reader_app/seeds``; a source checkout (and an
    editable install) has them in the top-level ``seeds/`` beside the package.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "seeds", package.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise ReaderError(f"the bundled documents are missing (looked in {package / 'seeds'})")


@dataclass(frozen=True)
class Scan:
    """What ``scan_paths`` found: the files to read, one message per named path that cannot
    be opened (missing, a symbolic link loop, a folder without permission), and one warning
    per folder whose entries named like documents were skipped (FIFOs, dangling links…)."""

    files: list[Path]
    errors: list[str]
    warnings: list[str]


def scan_paths(paths: Iterable[str | Path]) -> Scan:
    """Files named directly, plus the documents inside named folders (sorted, not hidden);
    what cannot be opened is told, never raised, so that one bad path hides no other."""
    scan = Scan([], [], [])
    seen: set[_Identity] = set()
    for raw in paths:
        path = Path(raw)
        try:
            status = path.stat()
        except OSError as exc:
            scan.errors.append(f"{path}: {_why(exc, 'no such file or folder')}")
            continue
        if not stat.S_ISDIR(status.st_mode):
            _add_once(scan, seen, [path], path)
            continue
        try:
            files, skipped = _folder_documents(path)
        except OSError as exc:
            scan.errors.append(f"{path}: cannot open the folder ({_why(exc, 'gone')})")
            continue
        _add_once(scan, seen, files, path)
        if not files and not skipped:  # (an empty result, said: else a blank matrix)
            scan.warnings.append(f"{path}: no documents in this folder ("
                                 f"{', '.join(sorted(DOCUMENT_SUFFIXES))}, one level deep)")
        if skipped:
            reasons = ", ".join(f"{why}: {n}" for why, n in sorted(Counter(skipped).items()))
            scan.warnings.append(f"{path}: skipped {counted(len(skipped), 'entry', 'entries')} "
                                 f"named like documents that are not regular files ({reasons})")
    return scan


def _identity(path: str | Path) -> _Identity:
    """What one file is, whatever its name: its device and inode, so that a symbolic link
    and a hard link to it (two names, one file) are that file; its real path if it cannot
    be looked up now (it is then reported as it is read)."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return os.path.realpath(path)
    return status.st_dev, status.st_ino


def _add_once(scan: Scan, seen: set[_Identity], files: list[Path], named: Path) -> None:
    """Add ``files`` to the scan but those already in it (the same file named twice, or a
    file and its folder, or another link to it): one document is one entry, else it is
    "shared" with itself (and read twice)."""
    repeated = 0
    for file in files:
        identity = _identity(file)
        if identity in seen:
            repeated += 1
            continue
        seen.add(identity)
        scan.files.append(file)
    if repeated:
        told = ("named before" if files == [named]  # (a folder's: how many of its files)
                else f"{counted(repeated, 'file')} named before")
        scan.warnings.append(f"{named}: {told}, read once")


def _folder_documents(folder: Path) -> tuple[list[Path], list[str]]:
    """The documents in ``folder``, sorted, and why each other entry named like a document
    is no file to read; ``OSError`` if the folder cannot be listed."""
    files: list[Path] = []
    skipped: list[str] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            child = Path(entry.path)
            if entry.name.startswith(".") or child.suffix.lower() not in DOCUMENT_SUFFIXES:
                continue
            try:
                mode = child.stat().st_mode
            except OSError as exc:
                skipped.append(_why(exc, "dangling link") if entry.is_symlink()
                               else _why(exc, "gone"))
                continue
            if stat.S_ISREG(mode):
                files.append(child)
            elif not stat.S_ISDIR(mode):  # a folder named like a document is no surprise
                skipped.append(_KINDS.get(stat.S_IFMT(mode), "not a regular file"))
    return sorted(files), skipped


def _why(exc: OSError, missing: str) -> str:
    """A short reason for ``exc``: ``missing`` for a path that is not there."""
    if exc.errno == errno.ENOENT:
        return missing
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return "permission denied" if exc.errno == errno.EACCES else (exc.strerror or str(exc))


def document_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus the documents inside named folders (sorted, not hidden);
    ``ReaderError`` for the first named path that cannot be opened."""
    scan = scan_paths(paths)
    if scan.errors:
        raise ReaderError(scan.errors[0])
    return scan.files


def load_library(paths: Iterable[str | Path]) -> tuple[list[Document], list[str]]:
    """Documents of the named files and folders, and a message per file that was skipped.

    A path named directly must open and a file so named must load (else ``ReaderError``);
    one found in a folder that cannot be read is skipped with the reason, so one bad file
    does not hide the rest.
    """
    paths = list(paths)
    scan = scan_paths(paths)
    if scan.errors:
        raise ReaderError(scan.errors[0])
    named = {_identity(p) for p in paths if not Path(p).is_dir()}
    documents: list[Document] = []
    problems: list[str] = list(scan.warnings)
    for path in scan.files:
        try:
            document = load_document(path)
        except ReaderError as error:
            if _identity(path) in named:
                raise
            problems.append(f"skipped {error}")
            continue
        documents.append(document)
        problems.extend(document.warnings)
    return documents, problems
