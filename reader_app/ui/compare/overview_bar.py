"""A narrow map beside a pane: where in the whole document the shared and unique wording
lie, where a figure, date or name differs from the linked counterpart (a vermilion tick
across the bar), and which part is on screen. Clicking it scrolls there. ``overview_marks``
places a comparison's spans and differs pieces on it from the pane's measured paragraphs."""

from __future__ import annotations

from collections.abc import Generator, Sequence

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QTextEdit, QWidget

from reader_app.core.compare import Comparison, Side
from reader_app.core.documents import Document
from reader_app.ui.compare.display_data import overview_pieces
from reader_app.ui.theme import LIGHT, Highlights

BAR_WIDTH = 14
PIECES_PER_STEP = 8000

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
        self._drawn: QPixmap | None = None  # the marks at the current size
        self._redraw_pending = False  # (``_resized_marks``)
        self.setToolTip("Where the shared (blue) and unique (orange) wording lie, and where a "
                        "figure, date or name differs (vermilion tick). Click to go.")

    def sizeHint(self) -> QSize:
        return QSize(BAR_WIDTH, 100)

    def set_marks(self, marks: Sequence[Mark], highlights: Highlights) -> None:
        self._marks = list(marks)
        self._highlights = highlights
        self._drawn = None
        self.update()

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def draw_marks(self) -> None:
        """Draw the marks now (a step of their own), not at the next paint: a long pair's
        two bars took 9-13 ms each there, in the same paint as the gutter's bands."""
        self._marks_pixmap()

    def set_view(self, top: float, bottom: float) -> None:
        self._view = (top, bottom)
        self.update()

    def show_view_of(self, pane: QTextEdit) -> None:
        """Mark the part of ``pane``'s document in view (none while it has no height)."""
        # The height its scroll bar spans: asking the document for its size lays all of it
        # out first (0.3 s for a long one not laid out yet).
        bar = pane.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        if total > 0:
            self.set_view(bar.value() / total, (bar.value() + pane.viewport().height()) / total)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(self.rect(), self._resized_marks())
        top, bottom = self._view
        height = self.height()
        view = QColor(self.palette().text().color())
        view.setAlpha(60)
        painter.fillRect(QRectF(0, top * height, self.width(), (bottom - top) * height), view)
        painter.end()

    def _resized_marks(self) -> QPixmap:
        """The marks for a paint: after a resize (the find bar opening, the window made
        taller) the last ones stretched to the new size, drawn again at it in a turn of the
        event loop of their own — in the window's first paint at the new size, redrawing a
        long pair's two bars added 35-40 ms to its stall."""
        if self._drawn is None or self._drawn.size() == self.size() * self.devicePixelRatioF():
            return self._marks_pixmap()
        if not self._redraw_pending:
            self._redraw_pending = True
            QTimer.singleShot(0, self._redraw)
        return self._drawn

    def _redraw(self) -> None:
        self._redraw_pending = False
        self._marks_pixmap()
        self.update()

    def _marks_pixmap(self) -> QPixmap:
        """The marks, drawn once per size and set of marks: a long document has thousands,
        and the bar is repainted at every scroll step (20 ms a paint at 4,600 marks)."""
        ratio = self.devicePixelRatioF()
        if self._drawn is not None and self._drawn.size() == self.size() * ratio:
            return self._drawn
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self._highlights.overview_background)
        painter = QPainter(pixmap)
        height, width = self.height(), self.width()
        colours = {"shared": self._highlights.shared.darker(115),
                   "unique": self._highlights.unique.darker(110),
                   "differs": self._highlights.differs_mark}
        for top, bottom, kind in _runs(self._marks, height):  # (differs last: over the spans)
            inset = 0 if kind == "differs" else 2
            painter.fillRect(QRectF(inset, top, width - 2 * inset,
                                    max(2.0 if inset == 0 else 1.5, bottom - top)),
                             colours[kind])
        painter.end()
        self._drawn = pixmap
        return pixmap

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.height() > 0:
            self.position_clicked.emit(min(1.0, max(0.0, event.position().y() / self.height())))
        super().mousePressEvent(event)


def _runs(marks: Sequence[Mark], height: float) -> list[tuple[float, float, str]]:
    """The marks at ``height`` pixels, in order, each run of one kind's touching marks
    made one (27,000 marks, one rectangle each, took 40 ms to draw)."""
    runs: list[tuple[float, float, str]] = []
    for start, end, kind in marks:
        top, bottom = start * height, end * height
        if runs and runs[-1][2] == kind and top <= runs[-1][1] + 1.0:
            runs[-1] = (runs[-1][0], max(bottom, runs[-1][1]), kind)
        else:
            runs.append((top, bottom, kind))
    return runs


def overview_marks(comparison: Comparison, side: Side, document: Document,
                   rects: Sequence[QRectF], total: float) -> list[Mark]:
    """Each span of ``document`` (on ``side``) as a mark: its share of the document's height,
    from its paragraph's measured rectangle (``rects``, one per paragraph; none yet: no marks);
    a hidden paragraph (boilerplate, a folded run) has no height, and no mark. Then each
    differs piece, as a tick."""
    steps = overview_steps(comparison, side, document, rects, total)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def overview_steps(comparison: Comparison, side: Side, document: Document,
                   rects: Sequence[QRectF], total: float) -> Generator[None, None, list[Mark]]:
    """``overview_marks``, pausing (yielding) after every ``PIECES_PER_STEP`` pieces: the
    window works them out between turns of its event loop (27,000 took 40-60 ms)."""
    if total <= 0 or len(rects) != len(document.paragraphs):
        return []
    tops, heights = [r.top() for r in rects], [r.height() for r in rects]
    pieces = overview_pieces(comparison, side)
    marks: list[Mark] = []
    for first in range(0, len(pieces), PIECES_PER_STEP):
        yield
        marks += [((tops[i] + heights[i] * start / length) / total,
                   (tops[i] + heights[i] * end / length) / total, kind)
                  for i, start, end, length, kind in pieces[first:first + PIECES_PER_STEP]
                  if heights[i] > 0]
    return marks
