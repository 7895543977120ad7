"""One side of the comparison: a read-only text view of a document, one block per paragraph.

Block ``i`` of the pane's ``QTextDocument`` is paragraph ``i`` of the document, and a
paragraph's characters keep their positions (line breaks inside a paragraph become Qt's line
separator, one character for one), so a document offset maps to a pane position by
arithmetic, never by reading text back from the widget.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from pygments.styles import get_style_by_name
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader_app.core.documents import Document
from reader_app.core.markup import MarkupSpan
from reader_app.ui.row_layout import SideMargins
from reader_app.ui.tag_marks import Mark, MarkPieces, mark_pieces
from reader_app.ui.tag_stripes import paint_stripes
from reader_app.ui.theme import LIGHT, Highlights

# (kind, text): kind is "shared", "unique", "unlinked", "plain" or "boilerplate"
Segment = tuple[str, str]
# Per paragraph: (offset in paragraph, length, kind) and (offset, length, format) for mark-up.
Pieces = list[tuple[int, int, str]]
MarkupPieces = list[tuple[int, int, QTextCharFormat]]
FLASH_MILLISECONDS = 900
DOCUMENT_MARGIN = 12.0
LINE_SEPARATOR = "\u2028"


class DocumentPane(QTextEdit):
    """Shows one document with its shared/unique wording highlighted."""

    width_changed = Signal()
    focused = Signal()  # the reader clicked or tabbed into this pane

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
        self._document: Document | None = None
        self._highlights = LIGHT
        self._flash: list[QTextEdit.ExtraSelection] = []
        self._found: list[QTextEdit.ExtraSelection] = []
        self._last_width = -1
        self._gaps: list[tuple[float, float]] = []
        self._base_ranges: list[list[QTextLayout.FormatRange]] = []
        self._marks: list[Mark] = []
        self._mark_pieces: MarkPieces = {}

    @property
    def source(self) -> Document | None:
        return self._document

    def show_segments(
        self,
        document: Document | None,
        paragraphs: Sequence[Sequence[Segment]],
        highlights: Highlights,
        hide_boilerplate: bool,
        markup: Sequence[MarkupSpan] = (),
    ) -> None:
        """Replace the content: ``paragraphs[i]`` is the list of segments of paragraph i."""
        if document is not self._document:  # tag marks belong to the document they were made for
            self._marks, self._mark_pieces = [], {}
        self._document = document
        self._highlights = highlights
        self._flash, self._found = [], []
        pieces: list[Pieces] = []
        texts: list[str] = []
        for segments in paragraphs:
            offset, spans = 0, []
            for kind, text in segments:
                spans.append((offset, len(text), kind))
                offset += len(text)
            pieces.append(spans)
            texts.append("".join(text for _, text in segments).replace("\n", LINE_SEPARATOR))
        self.setPlainText("\n".join(texts))
        self._set_hidden(hide_boilerplate, mark_dirty=False)
        self._paint(pieces, self._formats(highlights), self._markup_pieces(markup, highlights))
        self._refresh_extra_selections()

    def _paint(self, pieces: Sequence[Pieces], formats: dict[str, QTextCharFormat],
               markup: Sequence[MarkupPieces]) -> None:
        """Lay the highlight formats over each paragraph's layout.

        The document keeps plain text; the formats are presentation only (as a syntax
        highlighter's are), set per block in one pass: inserting formatted fragments, or a
        QSyntaxHighlighter, costs seconds on a 200k-word document, this tens of ms.
        """
        text_document = self.document()
        block = text_document.begin()
        self._base_ranges = []
        for number, paragraph_pieces in enumerate(pieces):
            ranges = [_range(start, length, formats[kind])
                      for start, length, kind in paragraph_pieces]
            if number < len(markup):  # later ranges are merged over earlier ones
                ranges += [_range(start, length, fmt) for start, length, fmt in markup[number]]
            self._base_ranges.append(ranges)
            block.layout().setFormats(ranges + self._tag_ranges(number))
            block = block.next()
        text_document.markContentsDirty(0, text_document.characterCount())

    def set_tag_marks(self, marks: Sequence[Mark]) -> None:
        """Underline tagged passages (document offsets), over the comparison highlights."""
        if self._document is None:
            return
        marks = list(marks)
        if marks == self._marks:
            return
        old = self._mark_pieces
        self._marks = marks
        self._mark_pieces = new = mark_pieces(marks, self._document.paragraphs)
        text_document = self.document()
        # Only paragraphs whose underlines differ: re-laying out every tagged one took 30 ms.
        for index in sorted(i for i in old.keys() | new.keys() if old.get(i) != new.get(i)):
            if index >= len(self._base_ranges):
                continue
            block = text_document.findBlockByNumber(index)
            block.layout().setFormats(self._base_ranges[index] + self._tag_ranges(index))
            text_document.markContentsDirty(block.position(), block.length())
        self.viewport().update()  # the margin stripes

    def tag_marks(self) -> list[Mark]:
        return list(self._marks)

    def _tag_ranges(self, index: int) -> list[QTextLayout.FormatRange]:
        return [_range(start, length, fmt)
                for start, length, fmt in self._mark_pieces.get(index, ())]

    def _formats(self, highlights: Highlights) -> dict[str, QTextCharFormat]:
        plain = QTextCharFormat()
        shared = QTextCharFormat()
        shared.setBackground(highlights.shared)
        unique = QTextCharFormat()
        unique.setBackground(highlights.unique)
        unlinked = QTextCharFormat()
        unlinked.setBackground(highlights.unlinked)
        boilerplate = QTextCharFormat()
        boilerplate.setForeground(highlights.boilerplate)
        boilerplate.setFontItalic(True)
        return {"plain": plain, "shared": shared, "unique": unique, "unlinked": unlinked,
                "boilerplate": boilerplate}

    def _markup_pieces(
        self, spans: Sequence[MarkupSpan], highlights: Highlights
    ) -> list[MarkupPieces]:
        """Mark-up tokens (source view) cut per paragraph, with their pygments colours."""
        if self._document is None or not spans:
            return []
        style = get_style_by_name("monokai" if highlights.dark else "friendly")
        paragraphs = self._document.paragraphs
        starts = [p.start for p in paragraphs]
        per_paragraph: list[MarkupPieces] = [[] for _ in paragraphs]
        for start, end, token_type in spans:
            index = max(0, bisect_right(starts, start) - 1)
            paragraph = paragraphs[index]
            start, end = max(start, paragraph.start), min(end, paragraph.end)
            if start < end:
                token_format = _token_format(style.style_for_token(token_type))
                per_paragraph[index].append((start - paragraph.start, end - start, token_format))
        return per_paragraph

    def set_boilerplate_hidden(self, hidden: bool) -> None:
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

    def paragraph_heights(self) -> list[float]:
        """Each paragraph's text height at the current width (0 for a hidden paragraph)."""
        heights = []
        for index in range(self.paragraph_count()):
            block = self.document().findBlockByNumber(index)
            heights.append(self.paragraph_rect(index).height() if block.isVisible() else 0.0)
        return heights

    def apply_margins(self, margins: SideMargins) -> None:
        """Put ``margins.top[i]`` of space above paragraph i, and the trailing space below."""
        text_document = self.document()
        cursor = QTextCursor(text_document)
        cursor.beginEditBlock()
        root = text_document.rootFrame()
        frame_format = root.frameFormat()
        first = margins.top[0] if margins.top else 0.0  # Qt ignores the first block's margin
        top, bottom = DOCUMENT_MARGIN + first, DOCUMENT_MARGIN + margins.trailing
        if (frame_format.topMargin(), frame_format.bottomMargin()) != (top, bottom):
            frame_format.setTopMargin(top)  # (lays the whole document out again)
            frame_format.setBottomMargin(bottom)
            root.setFrameFormat(frame_format)
        block = text_document.begin()
        for index, top in enumerate(margins.top):
            block_format = block.blockFormat()
            wanted = 0.0 if index == 0 else top
            if block_format.topMargin() != wanted:
                block_format.setTopMargin(wanted)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(block_format)
            block = block.next()
        cursor.endEditBlock()

    def position_of(self, offset: int) -> int | None:
        """The pane position of a document offset (None if it lies outside any paragraph)."""
        if self._document is None or not self._document.paragraphs:
            return None
        paragraphs = self._document.paragraphs
        index = max(0, bisect_right([p.start for p in paragraphs], offset) - 1)
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
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(self._highlights.flash)
        self._flash = [selection]
        self._refresh_extra_selections()
        QTimer.singleShot(FLASH_MILLISECONDS, self._end_flash)
        return True

    def scroll_to_paragraph(self, index: int, flash: bool = True) -> None:
        rect = self.paragraph_rect(index)
        self.verticalScrollBar().setValue(int(rect.top() - 8))
        if flash:
            self.flash_paragraph(index)

    def flash_paragraph(self, index: int) -> None:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self.document().findBlockByNumber(index))
        selection.cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                      QTextCursor.MoveMode.KeepAnchor)
        selection.format.setBackground(self._highlights.flash)
        self._flash = [selection]
        self._refresh_extra_selections()
        QTimer.singleShot(FLASH_MILLISECONDS, self._end_flash)

    def _end_flash(self) -> None:
        self._flash = []
        self._refresh_extra_selections()

    def is_flashing(self) -> bool:
        return bool(self._flash)

    def mark_found(self, cursors: Sequence[QTextCursor], colour: QColor) -> None:
        """Outline every match of a search."""
        self._found = []
        for cursor in cursors:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format.setProperty(QTextFormat.Property.OutlinePen, colour)
            selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            selection.format.setUnderlineColor(colour)
            self._found.append(selection)
        self._refresh_extra_selections()

    def _refresh_extra_selections(self) -> None:
        self.setExtraSelections(self._found + self._flash)

    def set_point_size(self, size: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(size)
        self.setFont(font)
        self.document().setDefaultFont(font)

    def set_gaps(self, gaps: Sequence[tuple[float, float]]) -> None:
        """Vertical ranges (document coordinates) facing paragraphs only the other side has."""
        self._gaps = list(gaps)
        self.viewport().update()

    def gaps(self) -> list[tuple[float, float]]:
        return list(self._gaps)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._gaps:
            painter = QPainter(self.viewport())
            brush = QBrush(self._highlights.gap_stripes, Qt.BrushStyle.BDiagPattern)
            scroll = self.verticalScrollBar().value()
            width = self.viewport().width()
            for top, bottom in self._gaps:
                rect = QRectF(4, top - scroll, width - 8, bottom - top)
                if rect.intersects(QRectF(event.rect())):
                    painter.fillRect(rect, self._highlights.gap)
                    painter.fillRect(rect, brush)
            painter.end()
        super().paintEvent(event)
        paint_stripes(self, self._marks, event.rect())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._last_width:
            self._last_width = self.viewport().width()
            self.width_changed.emit()


def _token_format(style: dict[str, Any]) -> QTextCharFormat:
    char_format = QTextCharFormat()
    if style.get("color"):
        char_format.setForeground(QColor(f"#{style['color']}"))
    if style.get("bold"):
        char_format.setFontWeight(QFont.Weight.Bold)
    if style.get("italic"):
        char_format.setFontItalic(True)
    return char_format


def _range(start: int, length: int, char_format: QTextCharFormat) -> QTextLayout.FormatRange:
    format_range = QTextLayout.FormatRange()
    format_range.start, format_range.length, format_range.format = start, length, char_format
    return format_range
