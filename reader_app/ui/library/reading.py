"""Reading the library's files off the UI thread, and the document to open beside the first.

``read_library`` is the window's loading job: each file read (``load_entry``), progress told,
cancelling honoured; for a fresh library it also finds the nearest of the first document to
open, the first with words (``core.corpus.partner``), so that the window opens on a pair
worth reading rather than on the first two files by name. Imports nothing of the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader_app.core.corpus.partner import closest_partner, opening_order
from reader_app.core.errors import Cancelled
from reader_app.ui.library.model import LibraryEntry, load_entry


@dataclass(frozen=True)
class ReadLibrary:
    entries: list[LibraryEntry]
    partner: int | None = None  # nearest the first to open (a fresh library)


def read_library(paths: Sequence[Path], find_partner: bool, cancelled: Callable[[], bool],
                 progress: Callable[[float], None]) -> ReadLibrary:
    entries = []
    for done, path in enumerate(paths):
        if cancelled():
            raise Cancelled
        entries.append(load_entry(path))
        progress((done + 1) / max(1, len(paths)))
    documents = [entry.document for entry in entries]
    order = opening_order(documents)
    if not find_partner or not order:
        return ReadLibrary(entries)
    return ReadLibrary(entries, closest_partner(documents, order[0]))
