"""Where things are in a document pane: the text offset under a point, and bringing the
cursor's place into view. One definition for the find bar, word steps and hover tips."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from reader_app.ui.compare.document_pane import DocumentPane

CONTEXT_LINES = 2  # lines kept in view above and below what is brought into view


def offset_at(pane: DocumentPane, point: QPoint) -> int | None:
    """The document offset of the character at a point of the pane's viewport; None beside
    the text (a point in the margin or below the last line) or off the document."""
    cursor = pane.cursorForPosition(point)
    rect = pane.cursorRect(cursor)
    if abs(rect.center().y() - point.y()) > rect.height():
        return None  # beside the text, not on it
    return pane.offset_of(cursor.position())


def bring_into_view(pane: DocumentPane) -> None:
    """The cursor's place, near or past an edge of the view, goes a third of the way down,
    with the lines around it in view (where the document's ends allow); one well inside
    stays."""
    rect, height = pane.cursorRect(), pane.viewport().height()
    context = CONTEXT_LINES * rect.height()
    if context <= rect.top() and rect.bottom() <= height - context:
        return
    bar = pane.verticalScrollBar()
    bar.setValue(bar.value() + rect.top() - height // 3)
