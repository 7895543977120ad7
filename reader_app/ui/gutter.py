"""The strip between the two panes: bands joining linked paragraphs, as Meld's link map.

A band runs from a left paragraph's lines to its right counterpart's, so splits (one left
band fanning out to two right paragraphs), merges and moves (bands that cross) show at a
glance. Moved links are drawn in their own colour with a marker; clicking a band jumps to
the counterpart.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reader_app.core.compare import Comparison, Link
from reader_app.ui.theme import LIGHT, Highlights

GUTTER_WIDTH = 56

# Given a side and a paragraph, its (top, bottom) in this widget's coordinates.
PlaceFunction = Callable[[str, int], tuple[float, float]]


class Gutter(QWidget):
    link_clicked = Signal(int, int)  # left paragraph, right paragraph

    def __init__(self, place: PlaceFunction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._place = place
        self._comparison: Comparison | None = None
        self._highlights = LIGHT
        self.setFixedWidth(GUTTER_WIDTH)
        self.setMouseTracking(True)
        self.setToolTip("Linked paragraphs. Click a band to jump to its counterpart.")

    def sizeHint(self) -> QSize:
        return QSize(GUTTER_WIDTH, 100)

    def set_comparison(self, comparison: Comparison | None, highlights: Highlights) -> None:
        self._comparison = comparison
        self._highlights = highlights
        self.update()

    def band_path(self, link: Link) -> QPainterPath:
        left_top, left_bottom = self._place("left", link.left)
        right_top, right_bottom = self._place("right", link.right)
        width = float(self.width())
        middle = width / 2
        path = QPainterPath(QPointF(0, left_top))
        path.cubicTo(
            QPointF(middle, left_top), QPointF(middle, right_top), QPointF(width, right_top)
        )
        path.lineTo(width, right_bottom)
        path.cubicTo(
            QPointF(middle, right_bottom), QPointF(middle, left_bottom), QPointF(0, left_bottom)
        )
        path.closeSubpath()
        return path

    def visible_links(self) -> list[Link]:
        if self._comparison is None:
            return []
        height = self.height()
        visible = []
        for link in self._comparison.links:
            left_top, left_bottom = self._place("left", link.left)
            right_top, right_bottom = self._place("right", link.right)
            if max(left_bottom, right_bottom) >= 0 and min(left_top, right_top) <= height:
                visible.append(link)
        return visible

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())
        for link in self.visible_links():
            colour = self._highlights.moved if link.moved else self._highlights.band
            painter.setBrush(colour)
            outline = QPen(colour.darker(140), 1)
            if link.moved:
                outline.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(outline)
            painter.drawPath(self.band_path(link))
            if link.moved:
                self._draw_moved_marker(painter, link)
        painter.end()

    def _draw_moved_marker(self, painter: QPainter, link: Link) -> None:
        top, _ = self._place("left", link.left)
        painter.setPen(self._highlights.moved.darker(200))
        painter.drawText(QRectF(2, top, 16, 16), Qt.AlignmentFlag.AlignCenter, "⇄")

    def link_at(self, point: QPointF) -> Link | None:
        for link in reversed(self.visible_links()):
            if self.band_path(link).contains(point):
                return link
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        link = self.link_at(event.position())
        if link is not None and event.button() == Qt.MouseButton.LeftButton:
            self.link_clicked.emit(link.left, link.right)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        link = self.link_at(event.position())
        shape = Qt.CursorShape.PointingHandCursor if link else Qt.CursorShape.ArrowCursor
        self.setCursor(shape)
        super().mouseMoveEvent(event)
