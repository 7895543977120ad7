"""The comparison: two document panes, the link gutter between them, an overview bar each.

It renders a core ``Comparison`` (it never diffs anything): each pane shows its document in
its own order, linked paragraphs are padded so that each row's paragraphs start at the same
height, and both panes scroll together. Re-aligns whenever a pane's width or the font changes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Container, Generator, Iterator
from contextlib import ExitStack

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QSizePolicy, QSplitter, QVBoxLayout, QWidget

from reader_app.core.compare import SIDES, Comparison, Side
from reader_app.core.documents import Document
from reader_app.core.markup import markup_spans, reading_marks
from reader_app.ui.compare.band_index import ShiftedSpans
from reader_app.ui.compare.difference_places import DifferencePlaces
from reader_app.ui.compare.difference_steps import DifferenceSteps
from reader_app.ui.compare.display_data import (
    beside_rows,
    freeze_aligned,
    paragraph_kinds,
    row_pairs,
)
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.evidence_marks import evidence_kinds
from reader_app.ui.compare.evidence_tips import EvidenceTips
from reader_app.ui.compare.fold_markers import FoldControl
from reader_app.ui.compare.gutter import Gutter
from reader_app.ui.compare.layout_hold import held_layout
from reader_app.ui.compare.match_spans import document_text
from reader_app.ui.compare.overview_bar import OverviewBar, overview_steps
from reader_app.ui.compare.pane_formats import HeaderLabel, header_parts
from reader_app.ui.compare.pane_margins import DOCUMENT_MARGIN, paragraph_spacing
from reader_app.ui.compare.row_layout import RowLayout, gap_ranges, layout_steps
from reader_app.ui.compare.row_scroll import scroll_panes_to_row
from reader_app.ui.compare.stepper import Stepper, until_done
from reader_app.ui.compare.unseen_steps import unseen
from reader_app.ui.compare.view_boxes import gutter_box, side_box
from reader_app.ui.theme import LIGHT, Highlights

DEFAULT_POINT_SIZE = 11.0
STEPWISE_WORDS = 50_000  # above this many words in both, shown plain, then aligned in sight
ALIGN_STEPS_WORDS = 8_000  # above this many, aligned in steps (``unseen`` up to the above)
SLICE_SECONDS = 0.015  # work per turn of the event loop when aligning in steps


class CompareView(QWidget):
    """Side-by-side view of two documents and their comparison."""

    realigned = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self._documents: dict[str, Document | None] = {"left": None, "right": None}
        self._highlights = LIGHT
        self.hide_boilerplate = self._source_mode = False  # (read by the exports, too)
        self._sync, self._sync_offset, self._syncing = True, 0, False
        self._layout: RowLayout | None = None
        self._differences = DifferenceSteps()
        self.point_size = DEFAULT_POINT_SIZE
        self._build_ui()
        self._active = self.panes["left"]
        self._connect_signals()

    def _build_ui(self) -> None:
        self.panes = {side: DocumentPane(self) for side in SIDES}
        self.tips = {s: EvidenceTips(self.panes[s], s, lambda: self.comparison) for s in SIDES}
        self.overviews = {side: OverviewBar(self) for side in SIDES}
        self.headers = {side: HeaderLabel(self) for side in SIDES}  # cut with "…"
        self.gutter = Gutter(self.places, self)
        self.folds = FoldControl(self.panes, self.realign, lambda: self._layout, self)
        self._differing = DifferencePlaces(
            lambda: self.folds.difference_rows(self.comparison), self.row_top)
        for side in SIDES:
            self.panes[side].setObjectName(f"{side}_pane")
            self.headers[side].setTextFormat(Qt.TextFormat.PlainText)
            # Long titles are clipped, not allowed to widen the window.
            self.headers[side].setSizePolicy(QSizePolicy.Policy.Ignored,
                                             QSizePolicy.Policy.Fixed)
            self.headers[side].setContentsMargins(6, 2, 6, 2)
            self.panes[side].set_point_size(self.point_size)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        for side in SIDES:  # (the gutter between the sides)
            self.splitter.addWidget(side_box(self, self.headers[side], self.overviews[side],
                                             self.panes[side], outer_left=side == "left"))
            if side == "left":
                self.splitter.addWidget(gutter_box(self, self.gutter))
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._realign_timer = QTimer(self, singleShot=True, interval=0)
        self._stepper = Stepper(self)  # the alignment's steps, for long documents

    def _connect_signals(self) -> None:
        self._realign_timer.timeout.connect(self.realign)
        self.gutter.link_clicked.connect(self.jump_to_link)
        for side in SIDES:
            pane = self.panes[side]
            # A new width voids the measurements a running alignment is using: stop it here,
            # not only when the new one starts (its next step could come first).
            pane.width_changed.connect(self._stepper.pause)
            pane.width_changed.connect(self._realign_timer.start)
            pane.focused.connect(lambda p=pane: self.set_active_pane(p))
            pane.defer_paints_while(self._stepper.busy)
            pane.verticalScrollBar().valueChanged.connect(
                lambda value, s=side: self._on_pane_scrolled(s, value))
            self.overviews[side].position_clicked.connect(
                lambda fraction, s=side: self._on_overview_clicked(s, fraction))

    def set_active_pane(self, pane: DocumentPane) -> None:
        self._active = pane

    # -- content -------------------------------------------------------------------------

    def show_documents(self, left: Document | None, right: Document | None,
                       comparison: Comparison | None) -> None:
        """Show two documents; with their comparison, highlighted and aligned."""
        shown, before = {"left": left, "right": right}, self._documents
        plain = comparison is None is self.comparison  # shown plain, and stays so
        self._documents, self.comparison, self._sync_offset = shown, comparison, 0
        # A long pair is shown plain a pane at a time: a pane showing it plain already stays.
        self._render(kept=[side for side in SIDES
                           if plain and shown[side] is not None and shown[side] is before[side]])

    def _render(self, kept: Container[str] = ()) -> None:
        self.setUpdatesEnabled(not ALIGN_STEPS_WORDS < self._words() <= STEPWISE_WORDS)  # unseen
        for side in (side for side in SIDES if side not in kept):
            document = self._documents[side]
            markup = ([] if document is None
                      else markup_spans(document.path, document.text) if self._source_mode
                      else reading_marks(document.path, document.text, document.page))
            self.panes[side].show_pieces(
                document, paragraph_kinds(self.comparison, document) if document else [],
                self._highlights, self.hide_boilerplate, markup,
                at_once=self._words() <= min(ALIGN_STEPS_WORDS, STEPWISE_WORDS),
                overlays=evidence_kinds(self.comparison, side))
            self.headers[side].set_parts(*header_parts(document))
            self.headers[side].setToolTip(document.path if document else "")
        self.gutter.set_comparison(self.comparison, self._highlights)
        self.realign()

    @property
    def highlights(self) -> Highlights:
        return self._highlights

    def active_pane(self) -> DocumentPane:
        """The pane the reader last worked in (the left one by default)."""
        return self._active

    def set_highlights(self, highlights: Highlights) -> None:
        self._highlights = highlights
        self._render()

    def set_source_mode(self, enabled: bool) -> None:
        """Show mark-up (Markdown, HTML) highlighted as source, or the text plain."""
        self._source_mode = enabled
        self._render()

    def set_hide_boilerplate(self, hidden: bool) -> None:
        self.hide_boilerplate = hidden
        for pane in self.panes.values():
            pane.set_boilerplate_hidden(hidden)
        self.realign()

    def set_sync_scrolling(self, enabled: bool) -> None:
        self._sync = enabled
        self._sync_offset = 0

    def set_point_size(self, size: float) -> None:
        self.point_size = max(6.0, min(40.0, size))
        for pane in self.panes.values():
            pane.set_point_size(self.point_size)
        self.realign()

    # -- alignment -----------------------------------------------------------------------

    def realign(self) -> None:
        """Pad paragraphs so that every row starts at the same height in both panes.

        The panes are measured, padded, then measured again, a slice at a time; beyond a
        few thousand words one slice runs per turn of the event loop, so the window never
        freezes for the whole layout (a pair of medium length is painted once whole). The
        gutter draws its bands once it is done.
        """
        if self._words() > STEPWISE_WORDS:
            self._stepper.run(self._realign_steps())
        elif self._words() > ALIGN_STEPS_WORDS:
            self._stepper.run(unseen(self, self._realign_steps()))
        else:
            self._stepper.finish(self._realign_steps())

    def finish_alignment(self) -> None:
        """Run what is left of the alignment now, at once (screenshots, scripts)."""
        self._stepper.finish()

    def _words(self) -> int:
        return sum(d.metadata.word_count for d in self._documents.values() if d is not None)

    def _realign_steps(self) -> Iterator[None]:
        self._layout = None  # until this pass is done: navigation waits for it
        self.gutter.hold_bands()  # (and its bands: indexed by the last steps)
        with ExitStack() as holds:  # Qt's own layout steps would stall (``layout_hold``)
            for pane in self.panes.values():
                holds.enter_context(held_layout(pane.document()))
            yield from self.folds.apply(self.comparison, self.hide_boilerplate)  # (hides)
            scrolls = [pane.verticalScrollBar().value() for pane in self.panes.values()]
            layout = yield from self._layout_steps()
        yield  # (the documents' sizes reach the panes' scroll bars)
        if layout is not None:
            self._restore_scrolling(scrolls)
            self._layout = layout
            yield
        if layout is None:  # (an aligned pair's gaps were hatched as it was padded)
            for pane in self.panes.values():
                pane.set_gaps([])
        for side in SIDES:
            yield from self._overview_steps(side)
        for pane in self.panes.values():
            pane.measured_spans()  # (the gutter's, made here, not at its first paint)
            yield
        yield from self.gutter.index_steps()
        for pane in self.panes.values():
            document_text(pane.document())  # (read for the find before its first search)
            yield
        for pane in self.panes.values():
            pane.release_paints()  # (none held back when it was measured down to the view)
        if self._words() > STEPWISE_WORDS:
            yield
            freeze_aligned()
        self.setUpdatesEnabled(True)  # (held by ``unseen``: shown before it is told)
        self.realigned.emit()

    def _layout_steps(self) -> Generator[None, None, RowLayout | None]:
        """Highlight the panes, measure them, pad their paragraphs into rows and measure them
        again; the rows' layout (none without a comparison)."""
        panes = list(self.panes.values())
        for pane in panes:
            yield from until_done(pane.paint_more, SLICE_SECONDS)
            yield  # (its last slice and the next one were a step: 30 ms)
        if self.comparison is None:
            for pane in panes:
                pane.unpad()  # (a pane shown aligned before keeps its margins till now)
            return None
        for pane in panes:
            yield from until_done(pane.measure, SLICE_SECONDS)
            yield
        heights = []
        for pane in panes:
            heights.append([rect.height() for rect in pane.measured_rects()])
            yield
        layout = yield from layout_steps(row_pairs(self.comparison), *heights,
                                         self._row_spacing(), *self.folds.layout_inputs(),
                                         beside=beside_rows(self.comparison))
        # A pane's own margins, then its own measuring (its layout starts again from the top,
        # so it draws again after a slice): the first pane stayed blank for seconds when both
        # were padded before either was measured. Its gaps are hatched as it is padded: a
        # long pair's top can be one tall gap, blank paper until then.
        for side, (pane, margins) in enumerate(zip(panes, (layout.left, layout.right),
                                                   strict=True)):
            pane.set_gaps(self._gaps(side, layout))
            yield  # (the gaps of a long pair's rows: 5-10 ms, then a slice of margins)
            yield from pane.margin_steps(margins, SLICE_SECONDS)  # (layouts start again)
            yield
            yield from until_done(pane.measure, SLICE_SECONDS)
            yield
        return layout

    def _restore_scrolling(self, values: list[int]) -> None:
        """Scroll back to where the panes were before their layout restarted (and shrank)."""
        self._syncing = True
        for side, value in zip(SIDES, values, strict=True):
            self.panes[side].verticalScrollBar().setValue(value)
        self._syncing = False

    def _row_spacing(self) -> float:
        """Space between rows: most of a line, so paragraphs read as paragraphs."""
        return paragraph_spacing(self.panes["left"].font())

    def _gaps(self, side: int, layout: RowLayout) -> list[tuple[float, float]]:
        """Rows where this side has no paragraph, as (top, bottom) in document coordinates."""
        assert self.comparison is not None
        return gap_ranges(layout, row_pairs(self.comparison), side, self._row_spacing(),
                          DOCUMENT_MARGIN)

    def places(self, side: Side) -> ShiftedSpans:
        """Every paragraph's (top, bottom) in the gutter's coordinates, shifted as they are
        asked for (``band_index``); none until the panes are aligned at their width."""
        pane = self.panes[side]
        if self._layout is None:  # (being aligned: its spans, made anew, would go unused)
            return ShiftedSpans((), 0.0)
        spans = pane.measured_spans()
        if len(spans) < pane.paragraph_count():
            return ShiftedSpans((), 0.0)
        origin = pane.viewport().mapTo(self, QPoint(0, 0)).y()
        shift = origin - self.gutter.mapTo(self, QPoint(0, 0)).y()
        return ShiftedSpans(spans, shift - pane.verticalScrollBar().value())

    def row_top(self, row: int) -> float:
        """Top of a row in document coordinates (both panes agree)."""
        assert self._layout is not None
        return self._layout.row_tops[row] + DOCUMENT_MARGIN

    def _overview_steps(self, side: Side) -> Iterator[None]:
        pane, document, marks = self.panes[side], self._documents[side], []
        if self.comparison is not None and document is not None:
            marks = yield from overview_steps(self.comparison, side, document,
                                              pane.measured_rects(),
                                              pane.document().size().height())
        yield
        self.overviews[side].set_marks(marks, self._highlights)
        self.overviews[side].draw_marks()  # (before its paint, not in it)
        self.overviews[side].show_view_of(pane)
        yield

    # -- scrolling and navigation ----------------------------------------------------------

    def _on_pane_scrolled(self, side: Side, value: int) -> None:
        if self._sync and not self._syncing:
            other = "right" if side == "left" else "left"
            offset = self._sync_offset if side == "left" else -self._sync_offset
            self._syncing = True
            self.panes[other].verticalScrollBar().setValue(value + offset)
            self._syncing = False
        self.overviews[side].show_view_of(self.panes[side])
        self.gutter.update()

    def _on_overview_clicked(self, side: Side, fraction: float) -> None:
        pane = self.panes[side]
        target = fraction * pane.document().size().height() - pane.viewport().height() / 2
        pane.verticalScrollBar().setValue(int(target))

    def jump_to_link(self, left: int, right: int) -> None:
        """Bring both paragraphs of a link to the top of their panes and flash them."""
        left_top = self.panes["left"].paragraph_rect(left).top()
        right_top = self.panes["right"].paragraph_rect(right).top()
        self._sync_offset = int(right_top - left_top)
        self._syncing = True
        self.panes["left"].scroll_to_paragraph(left)
        self.panes["right"].scroll_to_paragraph(right)
        self._syncing = False
        self.gutter.update()

    def difference_rows(self) -> list[int]:
        """Rows holding wording that only one side has (unique spans), top to bottom; a
        folded run's first row stands for all of its own."""
        return self._differing.of(self._layout)[0]

    def current_row(self) -> int:
        """The row at the top of the view: the first of rows on one line (two unmatched
        paragraphs side by side, a folded run)."""
        tops = self._layout.row_tops if self._layout is not None else []
        top = self.panes["left"].verticalScrollBar().value() + 1
        found = bisect_right(tops, top, key=lambda t: t + DOCUMENT_MARGIN) - 1
        return bisect_left(tops, tops[found]) if found >= 0 else 0

    def go_to_difference(self, step: int) -> int | None:
        """Scroll to the next (1) or previous (-1) difference (see ``difference_steps``); a
        caret at its document's very end with the view at its end (Ctrl+End) is the end."""
        rows, tops = self._differing.of(self._layout)
        scroll = self.panes["left"].verticalScrollBar()
        if not rows or self._layout is None:
            return None
        at_end = self.active_pane().textCursor().atEnd() and scroll.value() == scroll.maximum()
        target = self._differences.target(self.comparison, rows, tops, scroll.value(), step,
                                          at_end)
        if target is not None:
            self.scroll_to_row(target)
            self._differences.arrived(self.comparison, target, scroll.value())
        return target

    def stand_at(self, row: int) -> None:
        """The reader works in ``row`` (Ctrl+F7): F7 goes on from it until the view moves."""
        scroll = self.panes["left"].verticalScrollBar().value()
        self._differences.arrived(self.comparison, row, scroll)

    def no_difference_message(self, step: int) -> str:
        """What the status bar says when ``go_to_difference(step)`` found none."""
        if self.comparison is None or self._layout is None:
            return "No differences to go to until the pair is compared and aligned"
        return "No more differences " + ("below" if step > 0 else "above")

    def scroll_to_row(self, row: int) -> None:
        self._sync_offset = 0
        entry = self.comparison.rows[row] if self.comparison else None
        indexes = (None, None) if entry is None else (entry.left, entry.right)
        # Exactly at the top, so that it is the current row (the cursors go there too).
        scroll_panes_to_row(self.panes.values(), int(self.row_top(row)), indexes)
        folded = entry is None or self.folds.flash_marker(row)  # (folded: its marker flashed)
        for pane, index in zip(self.panes.values(), indexes, strict=True):
            pane.flash_paragraph(None if folded else index, keep=True)  # (outlined until the next)
