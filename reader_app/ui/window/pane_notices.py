"""Empty documents and failed reads said in the pane (issue 11), not only by "(0 words)".

A pane showing a document with no text says "This document is empty"; a pane left without a
document while the library holds files that could not be read says "Could not read: " and
which, with the reason (the file the reader opened beside a broken one, say). Follows the
panes' text and the library's sides; a ``PaneNotice`` per pane draws the message.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from reader_app.core.compare import SIDES, Side
from reader_app.core.documents import Document
from reader_app.ui.compare.pane_notice import PaneNotice
from reader_app.ui.compare.view import CompareView
from reader_app.ui.library.model import LibraryEntry, LibraryModel

EMPTY = "This document is empty"
MAX_NAMED = 3  # unreadable files named in one message


def notice_text(shown: Document | None, entries: list[LibraryEntry]) -> str:
    """The message for a pane showing ``shown`` ("" for none) with the library's entries."""
    if shown is not None:
        return EMPTY if not shown.text.strip() else ""
    failed = [e for e in entries if e.document is None and e.problem]
    if not failed:
        return ""
    if len(failed) == 1:
        return f"Could not read: {failed[0].path.name}\n{failed[0].problem}"
    lines = [f"{e.path.name}: {e.problem}" for e in failed[:MAX_NAMED]]
    more = len(failed) - MAX_NAMED
    return "\n".join([f"Could not read {len(failed)} files:", *lines,
                      *([f"and {more} more (in red in the library)"] if more > 0 else [])])


class PaneNotices(QObject):
    def __init__(self, view: CompareView, library: LibraryModel) -> None:
        super().__init__(view)
        self.view, self.library = view, library
        self.notices: dict[Side, PaneNotice] = {s: PaneNotice(view.panes[s]) for s in SIDES}
        for pane in view.panes.values():
            pane.textChanged.connect(self.update)
        library.modelReset.connect(self.update)
        library.dataChanged.connect(self.update)

    def update(self) -> None:
        entries = self.library.entries()
        for side in SIDES:
            self.notices[side].set_text(notice_text(self.view.panes[side].source, entries))
