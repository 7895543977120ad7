"""The overview's column header: each report's number, centred over its cells (a story's
first column starts after a gap, ``STORY_GAP``), the full title in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHeaderView, QWidget

from reader_app.ui.corpus.delegate import STORY_GAP


class ColumnHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.story_starts: set[int] = {0}  # set by the view

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        if logicalIndex in self.story_starts and logicalIndex > 0:
            # The section's frame spans the gap; its number sits over the cells.
            painter.save()
            painter.fillRect(QRect(rect.left(), rect.top(), STORY_GAP, rect.height()),
                             self.palette().base())
            painter.restore()
            rect = rect.adjusted(STORY_GAP, 0, 0, 0)
        super().paintSection(painter, rect, logicalIndex)
