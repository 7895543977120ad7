"""One side of the comparison: a read-only text view of a document, one block per paragraph.

Block ``i`` of the pane's ``QTextDocument`` is paragraph ``i`` of the document, and a
paragraph's characters keep their positions (line breaks inside a paragraph become Qt's line
separator, one character for one), so a document offset maps to a pane position by
arithmetic, never by reading text back from the widget.

Qt lays a document out lazily, top to bottom; ``measure`` drives that layout a slice at a time
and keeps each paragraph's rectangle, so that a 1 MB document (~0.3 s of layout) never
blocks the event loop for all of it at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader_app.core.documents import Document
from reader_app.core.markup import MarkupSpan
from reader_app.ui.annotations.tag_marks import Mark, mark_pieces
from reader_app.ui.annotations.tag_stripes import paint_stripes
from reader_app.ui.compare.block_formats import BlockFormats
from reader_app.ui.compare.display_data import PlainPieces, pane_text
from reader_app.ui.compare.document_ends import follow_to_document_end
from reader_app.ui.compare.evidence_marks import Pieces, evidence_formats
from reader_app.ui.compare.found_marks import paint_current_outline
from reader_app.ui.compare.paint_hold import PaintHold
from reader_app.ui.compare.pane_formats import highlight_formats, markup_pieces
from reader_app.ui.compare.pane_gaps import PaneGaps
from reader_app.ui.compare.pane_margins import (
    DOCUMENT_MARGIN,
    margin_steps,
    paragraph_spacing,
    space_evenly,
)
from reader_app.ui.compare.pane_selections import PaneSelections
from reader_app.ui.compare.row_layout import SideMargins
from reader_app.ui.compare.text_steps import ReadyText, text_steps
from reader_app.ui.theme import LIGHT, Highlights

FIRST_PAINTED = 200  # paragraphs highlighted at once when the rest may wait: a screenful
PAINTED_PER_CHECK = 20  # (100 took 20-40 ms: past a slice's time)


class DocumentPane(QTextEdit):
    """Shows one document with its shared/unique wording highlighted."""

    width_changed = Signal()
    focused = Signal()  # the reader clicked or tabbed into this pane (it is the active one)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        # Always shown, so that a scroll bar appearing never changes the width (and so
        # forces a second re-alignment).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Lines wrap at the pane's width (a token longer than that anywhere): a horizontal
        # bar is never needed, yet Qt showed one while long documents were laid out lazily.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._document: Document | None = None
        self._highlights = LIGHT
        self._selections = PaneSelections(self)
        self._last_width = -1
        self._gaps = PaneGaps()
        self._formats = BlockFormats()
        self._ready = ReadyText()  # (``text_steps``)
        self._marks: list[Mark] = []
        self._rects: list[QRectF] = []  # paragraphs measured in the current layout, in order
        self._padded = False  # whether any block has had its top margin set
        self._spans: tuple[list[QRectF], list[tuple[float, float]]] = (self._rects, [])
        self._hold = PaintHold(self.viewport(), self.verticalScrollBar())

    @property
    def source(self) -> Document | None:
        return self._document

    def show_pieces(
        self,
        document: Document | None,
        pieces: Sequence[Pieces],
        highlights: Highlights,
        hide_boilerplate: bool,
        markup: Sequence[MarkupSpan] = (),
        at_once: bool = True,
        overlays: Sequence[Pieces] = (),
    ) -> None:
        """Replace the content: ``document``'s paragraphs, ``pieces[i]`` the kinds of
        paragraph i's wording (``display_data``); ``overlays[i]`` the evidence marks laid
        over them (kinds of ``evidence_formats``).

        Unless ``at_once``, ``paint_more`` highlights all but the first paragraphs later.
        """
        # Shown already (plain while it was compared, or aligned): its text, block formats
        # and margins stay (the view sets the margins that change; setting the text again
        # took 30 ms a pane, and all of it was laid out twice), unless aligned and its text
        # made again meanwhile (``text_steps``): that one is taken.
        waiting = self._padded and self._ready.is_made_for(document)
        same_text = document is not None and document is self._document and not waiting
        fresh = not same_text
        if fresh and self._take_text(document):
            same_text, self._padded = True, False  # (its text and spacing are there)
        if document is not self._document:  # tag marks belong to the document they were made for
            self._marks, self._formats.tags = [], {}
        self._document = document
        self._highlights = highlights
        # (Now: the old marks' places, asked for once the layout restarted, laid out
        # everything above them at once, 0.3 s in the middle of a long pair.)
        self._selections.clear()
        formats = {**highlight_formats(highlights), **evidence_formats(highlights)}
        self._formats.start(pieces, formats, markup_pieces(document, markup, highlights),
                            list(overlays), fresh=fresh)
        with self.layout_suspended():  # formats first, so that Qt lays out once
            if not same_text:
                self.setPlainText(pane_text(document) if document else "")
                self._padded = False
                # Spaced as the compared view spaces rows (its margins replace these).
                space_evenly(self.document(), paragraph_spacing(self.font()))
            self._set_hidden(hide_boilerplate, mark_dirty=False)
            # (Shown plain, only its boilerplate and tagged paragraphs have formats: at once.)
            at_once = at_once or isinstance(pieces, PlainPieces)
            self._formats.paint(self.document(), len(pieces) if at_once else FIRST_PAINTED)

    def text_steps(self, document: Document) -> Iterator[None]:
        """Make ``document``'s text ready a slice at a time (``text_steps``), not shown: the
        next ``show_pieces`` of it takes it whole."""
        self._ready.set(None)
        text = pane_text(document)
        yield
        spacing = paragraph_spacing(self.font())
        made = yield from text_steps(text, self.document(), spacing, self)
        self._ready.set((document, made))

    def _take_text(self, document: Document | None) -> bool:
        """Show ``document``'s text, made ready by ``text_steps``; whether it was."""
        made = self._ready.take(document, self.document().defaultFont())
        if made is not None:
            self.setDocument(made)  # (the text control's own first one goes with it)
        return made is not None

    def paint_more(self, seconds: float) -> bool:
        """Highlight the paragraphs left for later for about ``seconds``; True once all are."""
        if not self._formats.done:
            deadline = time.perf_counter() + seconds
            with self.layout_suspended():  # (setting a laid-out block's formats lays it out)
                while not self._formats.done:
                    self._formats.paint(self.document(),
                                        self._formats.painted + PAINTED_PER_CHECK)
                    if time.perf_counter() > deadline:
                        break
        return self._formats.done

    @contextmanager
    def layout_suspended(self) -> Iterator[None]:
        """Qt keeps no layout while the page size is empty, so changes cost nothing; restoring
        the size starts one lazy layout from the top (driven by ``measure``)."""
        self._keep_frame()
        text_document = self.document()
        page = text_document.pageSize()
        text_document.setPageSize(QSizeF(0, 0))
        try:
            yield
        finally:
            text_document.setPageSize(page)
            self._rects = []

    def set_tag_marks(self, marks: Sequence[Mark]) -> None:
        """Underline tagged passages (document offsets), over the comparison highlights."""
        if self._document is None:
            return
        marks = list(marks)
        if marks == self._marks:
            return
        self._marks = marks
        text_document = self.document()
        # Only paragraphs whose underlines differ: re-laying out every tagged one took 30 ms.
        for index in self._formats.set_tags(text_document, mark_pieces(marks, self._document)):
            block = text_document.findBlockByNumber(index)
            text_document.markContentsDirty(block.position(), block.length())
        self.viewport().update()  # the margin stripes

    def tag_marks(self) -> list[Mark]:
        return list(self._marks)

    def set_boilerplate_hidden(self, hidden: bool) -> None:
        self._keep_frame()
        self._rects = []
        self._set_hidden(hidden, mark_dirty=True)

    def _set_hidden(self, hidden: bool, mark_dirty: bool) -> None:
        if self._document is None:
            return
        text_document = self.document()
        for index, paragraph in enumerate(self._document.paragraphs):
            if paragraph.boilerplate:
                block = text_document.findBlockByNumber(index)
                block.setVisible(not hidden)
                if mark_dirty:  # only these blocks: re-laying out the whole text is slow
                    text_document.markContentsDirty(block.position(), block.length())

    def paragraph_count(self) -> int:
        return len(self._document.paragraphs) if self._document else 0

    def paragraph_rect(self, index: int) -> QRectF:
        """The paragraph's rectangle in document coordinates (margins are outside it)."""
        block = self.document().findBlockByNumber(index)
        return self.document().documentLayout().blockBoundingRect(block)

    def measure(self, seconds: float) -> bool:
        """Lay out and measure paragraphs for about ``seconds``; True once all are measured.

        Asking for a paragraph's rectangle lays out every paragraph above it: the layout's
        cost falls here, a few hundred paragraphs per call.
        """
        text_document = self.document()
        layout = text_document.documentLayout()
        count = self.paragraph_count()
        block = text_document.findBlockByNumber(len(self._rects))
        deadline = time.perf_counter() + seconds
        while len(self._rects) < count:
            self._rects.append(layout.blockBoundingRect(block))  # empty when hidden
            block = block.next()
            if time.perf_counter() > deadline:
                break
        self._hold.note(self._rects, count)
        if len(self._rects) < count:
            return False
        self._selections.follow_view()  # (the matches near the view, now it is measured)
        return True

    def defer_paints_while(self, measuring: Callable[[], bool]) -> None:
        """While ``measuring()`` (the view measures this pane a slice at a time), a paint
        its slices have not reached shows the last whole frame (``paint_hold``)."""
        self._hold.measuring = measuring

    def release_paints(self) -> None:
        """Paint what was left to the kept frame (the measuring is over)."""
        self._hold.release()

    def _keep_frame(self) -> None:
        """Before a change restarts the layout: the view as it is (``paint_hold``)."""
        self._hold.keep(self._rects, self.paragraph_count())

    def measured_rects(self) -> list[QRectF]:
        return list(self._rects)

    def measured_spans(self) -> list[tuple[float, float]]:
        """The measured paragraphs' (top, bottom), the same list until they are measured
        again (the gutter indexes its bands by it)."""
        if self._spans[0] is not self._rects or len(self._spans[1]) != len(self._rects):
            self._spans = (self._rects, [(r.top(), r.bottom()) for r in self._rects])
        return self._spans[1]

    def unpad(self) -> None:
        """Space the paragraphs evenly again, as shown with no comparison."""
        if self._padded:
            self._padded = False
            with self.layout_suspended():
                space_evenly(self.document(), paragraph_spacing(self.font()))

    def margin_steps(self, margins: SideMargins, seconds: float) -> Iterator[None]:
        """Put ``margins.top[i]`` of space above paragraph i, and the trailing space below,
        a slice of about ``seconds`` at a time (``pane_margins``)."""
        self._padded = True
        return margin_steps(self.document(), margins, seconds, self.layout_suspended)

    def position_of(self, offset: int) -> int | None:
        """The pane position of a document offset (None if it lies outside any paragraph)."""
        if self._document is None or not self._document.paragraphs:
            return None
        paragraphs = self._document.paragraphs
        index = self._document.paragraph_at(offset)
        paragraph = paragraphs[index]
        if not paragraph.start <= offset <= paragraph.end:
            return None
        return self.document().findBlockByNumber(index).position() + offset - paragraph.start

    def offset_of(self, position: int) -> int | None:
        """The document offset of a pane position (the inverse of ``position_of``)."""
        if self._document is None or not self._document.paragraphs:
            return None
        block = self.document().findBlock(position)
        index = block.blockNumber()
        if not block.isValid() or index >= len(self._document.paragraphs):
            return None
        paragraph = self._document.paragraphs[index]
        return min(paragraph.end, paragraph.start + max(0, position - block.position()))

    def scroll_to_range(self, start: int, end: int) -> bool:
        """Bring document characters ``start``-``end`` into view and flash them."""
        first, last = self.position_of(start), self.position_of(end)
        if first is None or last is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(first)
        top = self.cursorRect(cursor).top() + self.verticalScrollBar().value()
        self.verticalScrollBar().setValue(int(top - self.viewport().height() / 3))
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        self._selections.flash(cursor, self._highlights.flash)
        return True

    def scroll_to_paragraph(self, index: int, flash: bool = True) -> None:
        rect = self.paragraph_rect(index)
        self.verticalScrollBar().setValue(int(rect.top() - 8))
        if flash:
            self.flash_paragraph(index)

    def flash_paragraph(self, index: int | None, keep: bool = False) -> None:
        """Flash paragraph ``index``; ``keep``: then outline it (the difference F7 went to)
        until another is kept, or the text changes (``None`` keeps none)."""
        block = self.document().findBlockByNumber(-1 if index is None else index)
        if block.isValid():
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                QTextCursor.MoveMode.KeepAnchor)
            self._selections.flash(cursor, self._highlights.flash)
        if keep:
            self._selections.keep(index if block.isValid() else None)

    def mark_found(self, spans: Sequence[tuple[int, int]], colour: QColor) -> None:
        """Mark the matches of a search, (start, end) positions in text order (those near
        the view when there are many); the one selected is also boxed in ``colour``."""
        self._selections.mark_found(spans, colour)

    def set_point_size(self, size: float) -> None:
        self._keep_frame()
        font = QFont(self.font())
        font.setPointSizeF(size)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._rects = []
        if not self._padded:  # (a compared pane's margins are set again by the view)
            with self.layout_suspended():
                space_evenly(self.document(), paragraph_spacing(font))

    def set_gaps(self, gaps: Sequence[tuple[float, float]]) -> None:
        """Vertical ranges (document coordinates) facing paragraphs only the other side has."""
        self._gaps.set(gaps)
        self.viewport().update()

    def gaps(self) -> list[tuple[float, float]]:
        return list(self._gaps.ranges)

    def paintEvent(self, event: QPaintEvent) -> None:
        behind = self._hold.behind(self._rects, self.paragraph_count())
        if behind and self._hold.paint():
            return
        self._gaps.paint(self.viewport(), self._highlights, self.verticalScrollBar().value(),
                         QRectF(event.rect()))
        if behind:
            return  # (its text once the measuring reaches it: ``PaintHold.note``)
        self._hold.drop()
        super().paintEvent(event)
        paint_stripes(self, self._marks, event.rect())
        found = self._selections.found
        paint_current_outline(self, found.marked, found.colour)
        self._selections.paint_kept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        follow_to_document_end(self.verticalScrollBar(), event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.focused.emit()  # (holding the focus, it gets no focus-in: F7 made the other active)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._selections.follow_view()  # (other lines are in view now)
        if self.viewport().width() != self._last_width:
            self._last_width = self.viewport().width()
            self._rects = []
            self.width_changed.emit()
