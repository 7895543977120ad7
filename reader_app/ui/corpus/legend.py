"""The heat-map's key: "Same facts 0% ▭▭▭ 100%", painted in the colours the cells use."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from reader_app.ui.corpus.colours import heat_colour, text_colour

STEPS = 5  # boxes: 0%, 25%, 50%, 75%, 100%
BOX = QSize(42, 20)


class HeatLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip("Cell colour: the share of the two reports' words in paragraphs that "
                        "report the same facts (0% to 100%)")

    def _dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def _caption_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("Same facts in common ") + 4

    def sizeHint(self) -> QSize:
        return QSize(self._caption_width() + STEPS * (BOX.width() + 2),
                     max(BOX.height(), self.fontMetrics().height()) + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        caption = QRect(0, 0, self._caption_width(), self.height())
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(caption, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         "Same facts in common")
        top = (self.height() - BOX.height()) // 2
        for step in range(STEPS):
            value = step / (STEPS - 1)
            colour = heat_colour(value, self._dark())
            box = QRect(caption.right() + step * (BOX.width() + 2), top, BOX.width(),
                        BOX.height())
            painter.fillRect(box, colour)
            painter.setPen(text_colour(colour))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"{round(value * 100)}%")
        painter.end()
