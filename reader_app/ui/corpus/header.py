"""The overview's row header: each report's number and title, its outlet and date below,
and above a story's first report the story's name ("Story 1 (3 reports)") in bold."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QWidget

from reader_app.ui.corpus.model import OutletRole, StoryLabelRole

PADDING = 8


class StoryHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.band = 0  # set by the view: the label band's height on a story's first row
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        model = self.model()
        if model is None:
            return
        vertical = Qt.Orientation.Vertical
        palette = self.palette()
        painter.save()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Window))
        label = model.headerData(logicalIndex, vertical, StoryLabelRole)
        body = QRect(rect)
        if label:
            band = QRect(rect.left() + PADDING, rect.top(), rect.width() - PADDING, self.band)
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             str(label))
            body.setTop(rect.top() + self.band)
        self._paint_document(painter, body.adjusted(PADDING, 2, -PADDING, -2), logicalIndex)
        painter.restore()

    def _paint_document(self, painter: QPainter, rect: QRect, section: int) -> None:
        model = self.model()
        vertical = Qt.Orientation.Vertical
        title = str(model.headerData(section, vertical, Qt.ItemDataRole.DisplayRole) or "")
        outlet = str(model.headerData(section, vertical, OutletRole) or "")
        metrics = self.fontMetrics()
        line = metrics.height()
        top = rect.top() + (rect.height() - 2 * line) // 2
        painter.setFont(self.font())
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(QRect(rect.left(), top, rect.width(), line), Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        indent = metrics.horizontalAdvance(title.split("  ", 1)[0] + "  ")
        width = rect.width() - indent
        painter.drawText(QRect(rect.left() + indent, top + line, width, line),
                         Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(outlet, Qt.TextElideMode.ElideRight, width))
