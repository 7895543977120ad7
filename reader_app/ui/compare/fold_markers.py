"""Folded runs in the panes: their paragraphs hidden, a clickable marker row in their place.

``FoldControl`` is the view's folding: as an alignment starts (``apply``) it takes a new
comparison's runs (``folding``, found in its worker: ``display_data``) and hides the folded
paragraphs' blocks; the row layout leaves a slim row above each run (``layout_inputs``), and
``MarkerRows`` draws it over each pane ("12 paragraphs only here ▸", on a side the run folds;
on a side it leaves, holding none or only one or two of its paragraphs, the row is a hatched
gap, painted by the pane) and turns a click on it into expanding or folding the run on
that side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from reader_app.core.compare import SIDES, Comparison, Side
from reader_app.ui.compare.display_data import differing_rows, fold_runs, row_pairs
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.folding import (
    FoldState,
    Marker,
    RowPair,
    folds_by_default,
    marker_text,
)
from reader_app.ui.compare.pane_margins import DOCUMENT_MARGIN, whole_lines
from reader_app.ui.compare.pane_selections import FLASH_MILLISECONDS
from reader_app.ui.compare.row_layout import MarkerPlace, RowLayout

MARKER_LINES = 1.6  # a marker row's height, in lines of the pane's font
CLICKS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
MOUSE = (*CLICKS, QEvent.Type.MouseMove)
TIPS = {True: "Paragraphs only one document has: click to show them",
        False: "Click to fold these paragraphs again (View ▸ Fold Unmatched Runs: all)"}


class FoldControl(QObject):
    """Which paragraphs the panes hide, and the marker rows they show; a click or a choice
    in the menu re-aligns the view (``realign``)."""

    def __init__(self, panes: Mapping[Side, DocumentPane], realign: Callable[[], None],
                 layout: Callable[[], RowLayout | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = FoldState()
        self._panes = panes
        self._realign = realign
        self._comparison: Comparison | None = None
        self._rows: list[RowPair] = []
        self._folded: list[set[int]] = [set(), set()]  # per side, as last applied
        self._layout = layout
        self.markers = {side: MarkerRows(pane, number, layout)
                        for number, (side, pane) in enumerate(panes.items())}
        for number, markers in enumerate(self.markers.values()):
            markers.clicked.connect(lambda start, side=number: self.toggle(start, side))

    @property
    def enabled(self) -> bool:
        return self.state.enabled

    def choose(self, enabled: bool) -> None:
        """The reader's choice (the menu): every run folded, or none."""
        self.state.choose(enabled)
        self._realign()

    def toggle(self, start: int, side: int) -> None:
        """Expand the run starting at row ``start`` on ``side``, or fold it again."""
        self.state.toggle(start, side)
        self._realign()

    def flash_marker(self, row: int) -> bool:
        """Flash the marker standing for ``row`` (a row a folded run hides: F7 went to it);
        False if no folded run hides the row."""
        run = next((run for run, folded in self.state.markers() if row in run.rows
                    and run.hides(self._rows[row], folded)), None)
        if run is not None:
            for markers in self.markers.values():
                markers.flash(run.start)
        return run is not None

    def folded(self, side: Side) -> set[int]:
        """The paragraphs of ``side`` hidden in folded runs."""
        return self.state.folded_paragraphs(self._rows, SIDES.index(side))

    def reveal(self, pane: DocumentPane, paragraph: int) -> bool:
        """Expand the folded run that hides ``paragraph`` of ``pane`` (a match found, a
        passage gone to) and re-align; False if none does."""
        side = SIDES.index(next(s for s, p in self._panes.items() if p is pane))
        run = next((run for run, folded in self.state.markers() if folded[side]
                    and any(self._rows[row][side] == paragraph for row in run.rows)), None)
        if run is not None:
            self.toggle(run.start, side)
        return run is not None

    def apply(self, comparison: Comparison | None, hide_boilerplate: bool) -> Iterator[None]:
        """As an alignment starts: a new comparison's runs (all folded if folding is on),
        then every pane's folded paragraphs hidden, the others shown, pausing (yielding)
        after each pane that changed (20-25 ms each in a long pair)."""
        if comparison is not self._comparison:
            self._comparison = comparison
            self._rows = row_pairs(comparison) if comparison else []
            by_default = comparison is not None and folds_by_default(
                comparison.stats.similarity, comparison.stats.content)
            self.state.set_pair(fold_runs(comparison) if comparison else [], by_default)
        for number, pane in enumerate(self._panes.values()):
            folded = self.state.folded_paragraphs(self._rows, number)
            changed = folded or self._folded[number]  # (else the pane shows what it should)
            if changed:
                _hide(pane, folded, hide_boilerplate)
            self._folded[number] = folded
            if changed:
                yield

    def difference_rows(self, comparison: Comparison | None) -> list[int]:
        """The rows F7 steps to (``differences``): a folded run's hidden rows count once, as
        the first of them (its marker's), the others (a side it leaves too) as they are; two
        rows shown on one line count once, as the first (F7 went right, then left, on it)."""
        if comparison is None:
            return []
        if comparison is not self._comparison:  # (not shown yet: nothing is folded)
            return differing_rows(comparison)
        first = {row: run.marker_row(self._rows) for run, folded in self.state.markers()
                 for row in run.rows if run.hides(self._rows[row], folded)}
        layout = self._layout()
        paired = layout.paired if layout is not None else frozenset()
        rows = (first.get(row, row) for row in differing_rows(comparison))
        return list(dict.fromkeys(row - 1 if row in paired else row for row in rows))

    def layout_inputs(self) -> tuple[list[Marker], float]:
        """The markers and their rows' height, for ``row_layout.layout_rows``."""
        font = next(iter(self._panes.values())).font()
        return self.state.markers(), whole_lines(font, MARKER_LINES)


def _hide(pane: DocumentPane, folded: set[int], boilerplate: bool) -> None:
    """Show every paragraph of ``pane`` but the ``folded`` ones (and, if ``boilerplate``, the
    boilerplate); its measurements are forgotten when that changes what it shows."""
    document = pane.source
    if document is None:
        return
    wanted = [not (index in folded or (boilerplate and paragraph.boilerplate))
              for index, paragraph in enumerate(document.paragraphs)]
    text_document = pane.document()
    block, shown = text_document.begin(), []
    for _ in wanted:
        shown.append(block.isVisible())
        block = block.next()
    if shown == wanted:
        return
    # No layout kept meanwhile: the changes cost nothing; then one lazy layout from the top,
    # driven by the view. (The pane forgets its measurements.)
    with pane.layout_suspended():
        pane.set_boilerplate_hidden(boilerplate)
        block = text_document.begin()
        for visible in wanted:
            if block.isVisible() != visible:
                block.setVisible(visible)
                text_document.markContentsDirty(block.position(), block.length())
            block = block.next()


class MarkerRows(QWidget):
    """Drawn over a pane's viewport (letting the mouse through, but for clicks on a marker):
    the marker rows of the current layout."""

    clicked = Signal(int)  # the run's first row (to expand or fold on this side)

    def __init__(self, pane: DocumentPane, side: int,
                 layout: Callable[[], RowLayout | None]) -> None:
        super().__init__(pane)
        self._pane, self.side, self._layout = pane, side, layout
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setGeometry(pane.viewport().geometry())
        self.raise_()
        self.filter = _ViewportEvents(self, pane)
        self._flashed: int | None = None  # the run whose marker flashes (its first row)

    def places(self) -> list[tuple[QRectF, MarkerPlace]]:
        """The marker rows in view, in the viewport's coordinates."""
        layout = self._layout()
        if layout is None:
            return []
        shift = DOCUMENT_MARGIN - self._pane.verticalScrollBar().value()
        width, height = self.width(), self.height()
        return [(QRectF(4, place.top + shift, width - 8, place.bottom - place.top), place)
                for place in layout.markers
                if place.bottom + shift >= 0 and place.top + shift <= height]

    def place_at(self, point: QPointF) -> MarkerPlace | None:
        return next((place for rect, place in self.places() if rect.contains(point)), None)

    def labels(self) -> list[tuple[QRectF, str]]:
        """What the marker rows in view say, where (none on a side the run does not fold)."""
        return [(rect, marker_text(place.run.counts[self.side], place.folded[self.side]))
                for rect, place in self.places() if place.run.folds[self.side]]

    def flash(self, start: int) -> None:
        """Draw the marker of the run starting at row ``start`` in the flash colour a while."""
        self._flashed = start
        self.update()
        QTimer.singleShot(FLASH_MILLISECONDS, self._end_flash)

    def flashed(self) -> int | None:
        return self._flashed

    def _end_flash(self) -> None:
        self._flashed = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        labels = self.labels()
        if not labels:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self._pane.palette()
        font = QFont(self._pane.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        border = palette.placeholderText().color()
        border.setAlpha(90)
        flash = palette.highlight().color()
        flash.setAlpha(110)
        flashed = [rect for rect, place in self.places() if place.run.start == self._flashed]
        for rect, text in labels:
            painter.setPen(border)
            painter.setBrush(flash if rect in flashed else palette.alternateBase())
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            inner = rect.adjusted(10, 0, -10, 0)
            painter.setPen(palette.placeholderText().color())
            painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, inner.width()))
        painter.end()


class _ViewportEvents(QObject):
    """A pane viewport's events for its ``MarkerRows``: its size, and clicks on a marker
    (taken from the pane, which would select text there)."""

    def __init__(self, rows: MarkerRows, pane: DocumentPane) -> None:
        super().__init__(pane)
        self._rows, self._viewport = rows, pane.viewport()
        self._viewport.setMouseTracking(True)
        self._viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (The event's type first: the viewport is told of its end while the pane is going.)
        viewport, rows = self._viewport, self._rows
        if event.type() == QEvent.Type.Resize and watched is viewport:
            rows.setGeometry(viewport.geometry())
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            place = rows.place_at(QPointF(event.pos()))
            if place is not None:
                QToolTip.showText(event.globalPos(), TIPS[place.folded[rows.side]], viewport)
                return True
        elif event.type() in MOUSE and watched is viewport and isinstance(event, QMouseEvent):
            place = rows.place_at(event.position())
            if event.type() == QEvent.Type.MouseMove:
                viewport.setCursor(Qt.CursorShape.PointingHandCursor if place
                                   else Qt.CursorShape.IBeamCursor)
            elif place is not None and event.type() in CLICKS:
                if event.type() == QEvent.Type.MouseButtonPress and \
                        event.button() == Qt.MouseButton.LeftButton:
                    rows.clicked.emit(place.run.start)
                return True
        return False
