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
    QColor,
    QFont,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader_app.core.documents import Document
from reader_app.core.markup import MarkupSpan
from reader_app.ui.row_layout import SideMargins
from reader_app.ui.theme import LIGHT, Highlights

# (kind, text): kind is "shared", "unique", "unlinked", "plain" or "boilerplate"
Segment = tuple[str, str]
FLASH_MILLISECONDS = 900
DOCUMENT_MARGIN = 12.0
LINE_SEPARATOR = "\u2028"


class DocumentPane(QTextEdit):
    """Shows one document with its shared/unique wording highlighted."""

    width_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self._document: Document | None = None
        self._highlights = LIGHT
        self._flash: list[QTextEdit.ExtraSelection] = []
        self._found: list[QTextEdit.ExtraSelection] = []
        self._last_width = -1

    @property
    def source(self) -> Document | None:
        return self._document

    def show_segments(
        self,
        document: Document | None,
        paragraphs: Sequence[Sequence[Segment]],
        highlights: Highlights,
        hide_boilerplate: bool,
    ) -> None:
        """Replace the content: ``paragraphs[i]`` is the list of segments of paragraph i."""
        self._document = document
        self._highlights = highlights
        self._flash, self._found = [], []
        formats = self._formats(highlights)
        text_document = self.document()
        text_document.clear()
        cursor = QTextCursor(text_document)
        cursor.beginEditBlock()
        for index, segments in enumerate(paragraphs):
            if index:
                cursor.insertBlock(QTextBlockFormat(), formats["plain"])
            for kind, text in segments:
                cursor.insertText(text.replace("\n", LINE_SEPARATOR), formats[kind])
        cursor.endEditBlock()
        self.setTextCursor(QTextCursor(text_document))  # at the start, not the end
        self.set_boilerplate_hidden(hide_boilerplate)
        self._refresh_extra_selections()

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

    def apply_markup(self, spans: Sequence[MarkupSpan], dark: bool) -> None:
        """Colour mark-up tokens (source view) on top of the comparison highlights."""
        if self._document is None or not spans:
            return
        style = get_style_by_name("monokai" if dark else "friendly")
        paragraphs = self._document.paragraphs
        starts = [p.start for p in paragraphs]
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for start, end, token_type in spans:
            index = max(0, bisect_right(starts, start) - 1)
            paragraph = paragraphs[index]
            start, end = max(start, paragraph.start), min(end, paragraph.end)
            if start >= end:
                continue
            block = self.document().findBlockByNumber(index).position()
            cursor.setPosition(block + start - paragraph.start)
            cursor.setPosition(block + end - paragraph.start, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(_token_format(style.style_for_token(token_type)))
        cursor.endEditBlock()

    def set_boilerplate_hidden(self, hidden: bool) -> None:
        if self._document is None:
            return
        text_document = self.document()
        for index, paragraph in enumerate(self._document.paragraphs):
            if paragraph.boilerplate:
                text_document.findBlockByNumber(index).setVisible(not hidden)
        text_document.markContentsDirty(0, text_document.characterCount())

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
        frame_format.setTopMargin(DOCUMENT_MARGIN + first)
        frame_format.setBottomMargin(DOCUMENT_MARGIN + margins.trailing)
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
