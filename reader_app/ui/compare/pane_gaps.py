"""The hatched gaps of a document pane: the vertical ranges facing paragraphs only the other
side has, painted under the text. A long pair has thousands; a paint bisects to those in
view (going through all of them cost ~20 ms a paint at 10,000 paragraphs)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import QWidget

from reader_app.ui.theme import Highlights

# Gaps this close (the spacing between two paragraphs of the other side) are painted as one:
# a stretch only the other side has read as a staircase of hatched blocks (002 vs 003).
JOIN_APART = 16.0


class PaneGaps:
    """(top, bottom) ranges in document coordinates; they never overlap."""

    def __init__(self) -> None:
        self.ranges: list[tuple[float, float]] = []
        self._tops: list[float] = []

    def set(self, gaps: Sequence[tuple[float, float]]) -> None:
        self.ranges = sorted(gaps)
        self._tops = [top for top, _ in self.ranges]

    def paint(self, viewport: QWidget, highlights: Highlights, scroll: int,
              area: QRectF) -> None:
        """Paint the gaps meeting ``area`` (viewport coordinates) at scroll position
        ``scroll``."""
        # The gap before the first one starting in view may reach into it.
        first = max(0, bisect_left(self._tops, area.top() + scroll) - 1)
        shown = self.ranges[first:bisect_right(self._tops, area.bottom() + scroll)]
        if not shown:
            return
        painter = QPainter(viewport)
        brush = QBrush(highlights.gap_stripes, Qt.BrushStyle.BDiagPattern)
        width = viewport.width()
        for top, bottom in _joined(shown):
            rect = QRectF(4, top - scroll, width - 8, bottom - top)
            if rect.intersects(area):
                painter.fillRect(rect, highlights.gap)
                painter.fillRect(rect, brush)
        painter.end()


def _joined(ranges: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """``ranges`` (sorted) with those at most ``JOIN_APART`` apart made one."""
    joined: list[tuple[float, float]] = []
    for top, bottom in ranges:
        if joined and top - joined[-1][1] <= JOIN_APART:
            joined[-1] = (joined[-1][0], bottom)
        else:
            joined.append((top, bottom))
    return joined
