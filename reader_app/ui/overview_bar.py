"""A narrow map beside a pane: where in the whole document the shared and unique wording
lie, and which part is on screen. Clicking it scrolls there. ``overview_marks`` places a
comparison's spans on it from the pane's measured paragraphs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from reader_app.core.compare import Comparison
from reader_app.core.documents import Document
from reader_app.ui.theme import LIGHT, Highlights

BAR_WIDTH = 14

# (start, end, kind) as fractions of the document's height.
Mark = tuple[float, float, str]


class OverviewBar(QWidget):
    position_clicked = Signal(float)  # fraction of the document's height, 0..1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(BAR_WIDTH)
        self._marks: list[Mark] = []
        self._view = (0.0, 1.0)
        self._highlights = LIGHT
        self.setToolTip("Where the shared (blue) and unique (orange) wording lie. Click to go.")

    def sizeHint(self) -> QSize:
        return QSize(BAR_WIDTH, 100)

    def set_marks(self, marks: Sequence[Mark], highlights: Highlights) -> None:
        self._marks = list(marks)
        self._highlights = highlights
        self.update()

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def set_view(self, top: float, bottom: float) -> None:
        self._view = (top, bottom)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._highlights.overview_background)
        height = self.height()
        colours = {"shared": self._highlights.shared.darker(115),
                   "unique": self._highlights.unique.darker(110)}
        for start, end, kind in self._marks:
            top = start * height
            painter.fillRect(QRectF(2, top, self.width() - 4, max(1.5, (end - start) * height)),
                             colours[kind])
        top, bottom = self._view
        view = QColor(self.palette().text().color())
        view.setAlpha(60)
        painter.fillRect(QRectF(0, top * height, self.width(), (bottom - top) * height), view)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.height() > 0:
            self.position_clicked.emit(min(1.0, max(0.0, event.position().y() / self.height())))
        super().mousePressEvent(event)


def overview_marks(comparison: Comparison, side: str, document: Document,
                   rects: Sequence[QRectF], total: float) -> list[Mark]:
    """Each span of ``document`` (on ``side``) as a mark: its share of the document's height,
    from its paragraph's measured rectangle (``rects``, one per paragraph; none yet: no marks)."""
    if total <= 0 or len(rects) != len(document.paragraphs):
        return []
    marks: list[Mark] = []
    for paragraph, rect in zip(document.paragraphs, rects, strict=True):
        length = max(1, paragraph.end - paragraph.start)
        for span in comparison.spans_between(side, paragraph.start, paragraph.end):  # type: ignore[arg-type]
            top = rect.top() + rect.height() * (span.start - paragraph.start) / length
            bottom = rect.top() + rect.height() * (span.end - paragraph.start) / length
            marks.append((top / total, bottom / total, span.kind))
    return marks
