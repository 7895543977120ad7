"""Empty documents and failed reads said in the pane (issue 11), not only by "(0 words)".

A pane showing a document with no text says "This document is empty"; a pane left without a
document while the library holds files that could not be read says "Could not read: " and
which, with the reason (the file the reader opened beside a broken one, say). Once the
library is filled (not while the first folder is read), an empty library says how to open
documents, and a lone document asks for a second one. Follows the panes' text and the
library's sides; a ``PaneNotice`` per pane draws the message.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from reader_app.core.compare import SIDES, Side
from reader_app.core.documents import Document
from reader_app.ui.compare.pane_notice import PaneNotice
from reader_app.ui.compare.view import CompareView
from reader_app.ui.library.model import LibraryEntry, LibraryModel

EMPTY = "This document is empty"
NO_DOCUMENTS = ("No documents to compare\n"
                "Open a folder (Ctrl+O) or files (Ctrl+Shift+O),\n"
                "or drop them on the window")
ONE_DOCUMENT = ("Open a second document to compare\n"
                "with this one (Ctrl+Shift+O),\n"
                "or drop it on the window")
MAX_NAMED = 3  # unreadable files named in one message


def notice_text(shown: Document | None, entries: list[LibraryEntry],
                side: Side = "left", filled: bool = False) -> str:
    """The message for the ``side`` pane showing ``shown`` ("" for none) with the library's
    entries; ``filled``: the library has been filled once (an empty one is then said)."""
    if shown is not None:
        return EMPTY if not shown.text.strip() else ""
    failed = [e for e in entries if e.document is None and e.problem]
    if not failed:
        return _nothing_to_compare(entries, side) if filled else ""
    if len(failed) == 1:
        return f"Could not read: {failed[0].path.name}\n{failed[0].problem}"
    lines = [f"{e.path.name}: {e.problem}" for e in failed[:MAX_NAMED]]
    more = len(failed) - MAX_NAMED
    return "\n".join([f"Could not read {len(failed)} files:", *lines,
                      *([f"and {more} more (in red in the library)"] if more > 0 else [])])


def _nothing_to_compare(entries: list[LibraryEntry], side: Side) -> str:
    readable = sum(e.document is not None for e in entries)
    if readable == 0:
        return NO_DOCUMENTS if side == "left" else ""
    return ONE_DOCUMENT if readable == 1 and side == "right" else ""


class PaneNotices(QObject):
    def __init__(self, view: CompareView, library: LibraryModel) -> None:
        super().__init__(view)
        self.view, self.library = view, library
        self.notices: dict[Side, PaneNotice] = {s: PaneNotice(view.panes[s]) for s in SIDES}
        self.filled = False  # the library was filled once: its emptiness is no longer a load
        for pane in view.panes.values():
            pane.textChanged.connect(self.update)
        library.modelReset.connect(self._on_library_model_reset)
        library.dataChanged.connect(self.update)

    def _on_library_model_reset(self) -> None:
        self.filled = True
        self.update()

    def update(self) -> None:
        entries = self.library.entries()
        for side in SIDES:
            self.notices[side].set_text(notice_text(self.view.panes[side].source, entries,
                                                    side, self.filled))
