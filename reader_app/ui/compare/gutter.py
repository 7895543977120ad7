"""The strip between the two panes: bands joining linked paragraphs, as Meld's link map.

A band runs from a left paragraph's lines to its right counterpart's, so splits (one left
band fanning out to two right paragraphs), merges and moves (bands that cross) show at a
glance. Reworded links are drawn apart from copied ones, moved links in their own colour with
a marker (``link_styles``); hovering a band tells what the link rests on, clicking it jumps
to the counterpart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from reader_app.core.compare import Comparison, Link
from reader_app.ui.compare.band_index import BandIndex, ShiftedSpans, band_steps
from reader_app.ui.compare.link_styles import BandStyle, as_tooltip, band_style, link_tooltip
from reader_app.ui.theme import LIGHT, Highlights

GUTTER_WIDTH = 56
HINT = "Linked paragraphs. Hover a band to see what links them, click it to jump."

# Given a side, every paragraph's (top, bottom) in this widget's coordinates (none: no bands).
PlacesFunction = Callable[[str], ShiftedSpans]
Places = tuple[ShiftedSpans, ShiftedSpans]


class Gutter(QWidget):
    link_clicked = Signal(int, int)  # left paragraph, right paragraph

    def __init__(self, places: PlacesFunction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._places = places
        self._comparison: Comparison | None = None
        self._highlights = LIGHT
        self._bands: BandIndex | None = None  # for the measurements last painted
        self._indexed = True  # False from ``hold_bands`` until ``index_steps`` is done
        self.setFixedWidth(GUTTER_WIDTH)
        self.setMouseTracking(True)
        self.setToolTip(HINT)

    def sizeHint(self) -> QSize:
        return QSize(GUTTER_WIDTH, 100)

    def set_comparison(self, comparison: Comparison | None, highlights: Highlights) -> None:
        self._comparison = comparison
        self._highlights = highlights
        self.update()

    def _both_places(self) -> Places:
        """Both sides' paragraph places, asked once per paint (or per question); none while
        the bands are held (``hold_bands``: the places would be made again for nothing)."""
        if not self._indexed:
            return ShiftedSpans((), 0.0), ShiftedSpans((), 0.0)
        return self._places("left"), self._places("right")

    def band_path(self, link: Link, places: Places | None = None) -> QPainterPath:
        left, right = places or self._both_places()
        # Ends far out of view are drawn half a height away: a band to a paragraph thousands
        # of pixels off (a moved one) took a millisecond to stroke, whole, in dots.
        low, high = -0.5 * self.height(), 1.5 * self.height()
        (left_top, left_bottom), (right_top, right_bottom) = (
            (min(high, max(low, top)), min(high, max(low, bottom)))
            for top, bottom in (left[link.left], right[link.right]))
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
        """The links with a band in view, in painting order: reworded ones beneath copied
        ones (the stronger evidence stays untinted where bands overlap)."""
        left, right = places or self._both_places()
        if self._comparison is None or not left or not right:
            return []
        links, delta = self._comparison.links, right.offset - left.offset
        bands = self._bands
        if bands is None or not bands.fits(links, left.spans, right.spans, delta):
            bands = self._bands = BandIndex(links, left.spans, right.spans, delta)
        visible = bands.between(-left.offset, self.height() - left.offset)
        return sorted(visible, key=lambda link: link.kind == "copy")

    def hold_bands(self) -> None:
        """Draw no bands until ``index_steps`` is done: a paint in between made the index
        itself, at once (50-60 ms a long pair, on top of drawing the bands)."""
        self._indexed = False

    def index_steps(self) -> Iterator[None]:
        """Index the bands between the panes as measured now (before a paint needs them), a
        slice at a time (``band_steps``); then they are drawn again."""
        left, right = self._places("left"), self._places("right")
        if self._comparison is not None and left and right:
            self._bands = yield from band_steps(self._comparison.links, left.spans,
                                                right.spans, right.offset - left.offset)
        self._indexed = True
        self.update()

    def band_style(self, link: Link) -> BandStyle:
        """How ``link``'s band is drawn (its kind and whether it moved decide)."""
        return band_style(link, self._highlights)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())
        places = self._both_places()
        for link in self.visible_links(places):
            style = self.band_style(link)
            painter.setBrush(style.fill)
            painter.setPen(style.outline_pen())
            painter.drawPath(self.band_path(link, places))
            if style.marker and style.marker_colour is not None:
                top = places[0][link.left][0]
                painter.setPen(style.marker_colour)
                painter.drawText(QRectF(2, top, 16, 16), Qt.AlignmentFlag.AlignCenter,
                                 style.marker)
        painter.end()

    def tooltip_at(self, point: QPointF) -> str:
        """The plain text the tooltip shows at ``point``: the link's under it, or the hint."""
        link = self.link_at(point)
        if link is None or self._comparison is None:
            return HINT
        return link_tooltip(self._comparison, link)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = as_tooltip(self.tooltip_at(QPointF(event.pos())))
            QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)

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
