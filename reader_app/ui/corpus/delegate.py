"""Paints the heat-map's cells: the heat colour, the percentage, a gap between stories.

A story's first row carries a band above its cells, where the vertical header writes the
story's name (``StoryHeader``); its first column starts after a gap. The cell under the
mouse or the keyboard gets a frame in the text colour, lined with the page's, which shows
on every heat colour.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

STORY_GAP = 8  # pixels between two stories' columns

Index = QModelIndex | QPersistentModelIndex


class HeatDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.story_starts: set[int] = {0}
        self.band = 0  # the height of the story label band on a story's first row

    def cell_rect(self, rect: QRect, row: int, column: int) -> QRect:
        """Where the cell is painted inside its grid ``rect``."""
        cell = rect.adjusted(1, 1, -1, -1)
        if row in self.story_starts:
            cell.setTop(rect.top() + self.band)
        if column in self.story_starts and column > 0:
            cell.setLeft(rect.left() + STORY_GAP)
        return cell

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = self.cell_rect(option.rect, index.row(), index.column())
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.save()
        # Over the view's own selection panel: the band and the gaps stay the page's colour.
        painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Base))
        painter.fillRect(cell, background if isinstance(background, QColor) else QColor())
        state = option.state
        if state & (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver):
            self._frame(painter, cell, option.palette)
        painter.setPen(foreground if isinstance(foreground, QColor) else QColor())
        painter.setFont(option.font)
        painter.drawText(cell, Qt.AlignmentFlag.AlignCenter,
                         str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        painter.restore()

    @staticmethod
    def _frame(painter: QPainter, cell: QRect, palette: QPalette) -> None:
        """A frame that shows on every heat colour: the text colour, lined with the page's."""
        for colour, width, inset in ((palette.color(QPalette.ColorRole.Text), 2, 1),
                                     (palette.color(QPalette.ColorRole.Base), 1, 3)):
            pen = QPen(colour, width)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.drawRect(cell.adjusted(inset, inset, -inset - 1, -inset - 1))
