"""Bringing a row of the comparison to the top of both panes (F7 / Shift+F7 go there): each
pane scrolls to the row's top, and its text cursor goes to the start of its paragraph there.

The cursor moves with the view so that a selection made before (the changed word Ctrl+F7
selected, a find match) is not left highlighted where the reader has moved on from; a pane
with no paragraph in the row keeps its cursor where it was, without the selection. Must not
import the view or the window: it is handed the panes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QTextCursor

from reader_app.ui.compare.document_pane import DocumentPane


def scroll_panes_to_row(panes: Iterable[DocumentPane], top: int,
                        paragraphs: Sequence[int | None]) -> None:
    """Scroll each pane to ``top`` (document coordinates) with its cursor at the start of
    its paragraph of the row, ``paragraphs`` (its index, or None), no selection left."""
    panes = list(panes)
    for pane, index in zip(panes, paragraphs, strict=True):
        cursor = pane.textCursor()
        if index is not None:
            cursor = QTextCursor(pane.document().findBlockByNumber(index))
        cursor.clearSelection()
        pane.setTextCursor(cursor)  # (first: Qt scrolls a cursor set into view)
    for pane in panes:
        pane.verticalScrollBar().setValue(top)
