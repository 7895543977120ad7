"""The strip between the two panes: bands joining linked paragraphs, as Meld's link map.

A band runs from a left paragraph's lines to its right counterpart's, so splits (one left
band fanning out to two right paragraphs), merges and moves (bands that cross) show at a
glance. Moved links are drawn in their own colour with a marker; clicking a band jumps to
the counterpart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reader_app.core.compare import Comparison, Link
from reader_app.ui.theme import LIGHT, Highlights

GUTTER_WIDTH = 56

# Given a side, every paragraph's (top, bottom) in this widget's coordinates (none: no bands).
PlacesFunction = Callable[[str], Sequence[tuple[float, float]]]
Places = tuple[Sequence[tuple[float, float]], Sequence[tuple[float, float]]]


class Gutter(QWidget):
    link_clicked = Signal(int, int)  # left paragraph, right paragraph

    def __init__(self, places: PlacesFunction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._places = places
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

    def _both_places(self) -> Places:
        """Both sides' paragraph places, asked once per paint (or per question)."""
        return self._places("left"), self._places("right")

    def band_path(self, link: Link, places: Places | None = None) -> QPainterPath:
        left, right = places or self._both_places()
        (left_top, left_bottom), (right_top, right_bottom) = left[link.left], right[link.right]
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

    def visible_links(self, places: Places | None = None) -> list[Link]:
        left, right = places or self._both_places()
        if self._comparison is None or not left or not right:
            return []
        height = self.height()
        visible = []
        for link in self._comparison.links:
            (left_top, left_bottom), (right_top, right_bottom) = left[link.left], right[
                link.right]
            if max(left_bottom, right_bottom) >= 0 and min(left_top, right_top) <= height:
                visible.append(link)
        return visible

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())
        places = self._both_places()
        for link in self.visible_links(places):
            colour = self._highlights.moved if link.moved else self._highlights.band
            painter.setBrush(colour)
            outline = QPen(colour.darker(140), 1)
            if link.moved:
                outline.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(outline)
            painter.drawPath(self.band_path(link, places))
            if link.moved:
                top = places[0][link.left][0]
                painter.setPen(self._highlights.moved.darker(200))
                painter.drawText(QRectF(2, top, 16, 16), Qt.AlignmentFlag.AlignCenter, "⇄")
        painter.end()

    def link_at(self, point: QPointF) -> Link | None:
        places = self._both_places()
        for link in reversed(self.visible_links(places)):
            if self.band_path(link, places).contains(point):
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
