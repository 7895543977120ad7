"""A pane's extra selections: the brief flash of a paragraph or passage it was sent to, and
the marks of a search's matches (``FoundMarks``), laid together over its text; and the
outline kept around the paragraph of the difference F7 went to, so that the reader sees
which one "Difference 3 of 7" is once the flash has gone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader_app.ui.compare.found_marks import FoundMarks

FLASH_MILLISECONDS = 900
KEPT_OUTLINE_WIDTH = 2.0


class PaneSelections(QObject):
    """The flash and the find marks of one pane, kept in its extra selections."""

    def __init__(self, pane: QTextEdit) -> None:
        super().__init__(pane)
        self._pane = pane
        self._flash: list[QTextEdit.ExtraSelection] = []
        self.found = FoundMarks()
        self.kept: int | None = None  # the paragraph outlined (``keep``)
        # Qt repaints only the selected text: the current match's box reaches past it.
        pane.selectionChanged.connect(lambda: self.found.marked and pane.viewport().update())
        pane.verticalScrollBar().valueChanged.connect(self.follow_view)

    def clear(self) -> None:
        """No flash and no marks (another text: their places are gone)."""
        self._flash, self.found, self.kept = [], FoundMarks(), None
        self._refresh()

    def flash(self, cursor: QTextCursor, colour: QColor) -> None:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(colour)
        self._flash = [selection]
        self._refresh()
        QTimer.singleShot(FLASH_MILLISECONDS, self._end_flash)

    def keep(self, paragraph: int | None) -> None:
        """Outline ``paragraph`` from now on (None: no paragraph)."""
        self.kept = paragraph
        self._pane.viewport().update()

    def paint_kept(self) -> None:
        """Draw the kept paragraph's outline, over the text (from the pane's paint event)."""
        pane = self._pane
        block = pane.document().findBlockByNumber(-1 if self.kept is None else self.kept)
        if not block.isValid():
            return
        rect = pane.document().documentLayout().blockBoundingRect(block)
        rect.translate(0, -pane.verticalScrollBar().value())
        painter = QPainter(pane.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(pane.palette().color(QPalette.ColorRole.Highlight),
                            KEPT_OUTLINE_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(-3, 1, 3, 1), 4, 4)  # (inside the view at its top)
        painter.end()

    def mark_found(self, spans: Sequence[tuple[int, int]], colour: QColor) -> None:
        self.found.set(self._pane, spans, colour)
        self._refresh()

    def follow_view(self) -> None:
        """The marks of the matches near the view, once it moved or was laid out."""
        if self.found.follow_view(self._pane):
            self._refresh()

    def _end_flash(self) -> None:
        self._flash = []
        self._refresh()

    def _refresh(self) -> None:
        self._pane.setExtraSelections(self.found.marked + self._flash)
