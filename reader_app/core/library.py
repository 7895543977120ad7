"""Which files make up a library: folders expanded to their documents, the bundled seeds,
and loading them all (``load_library``).

Must not import Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reader_app.core.documents import Document, load_document
from reader_app.core.errors import ReaderError

DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})


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


def document_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus the documents inside named folders (sorted, not hidden)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    child
                    for child in path.iterdir()
                    if child.is_file()
                    and not child.name.startswith(".")
                    and child.suffix.lower() in DOCUMENT_SUFFIXES
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise ReaderError(f"{path}: no such file or folder")
    return found


def load_library(paths: Iterable[str | Path]) -> tuple[list[Document], list[str]]:
    """Documents of the named files and folders, and a message per file that was skipped.

    A file named directly must load (else ``ReaderError``); one found in a folder that
    cannot be read is skipped with the reason, so one bad file does not hide the rest.
    """
    paths = list(paths)
    named = {Path(p).resolve() for p in paths if not Path(p).is_dir()}
    documents: list[Document] = []
    problems: list[str] = []
    for path in document_paths(paths):
        try:
            document = load_document(path)
        except ReaderError as error:
            if path.resolve() in named:
                raise
            problems.append(f"skipped {error}")
            continue
        documents.append(document)
        problems.extend(document.warnings)
    return documents, problems
