"""A pane's extra selections: the brief flash of a paragraph or passage it was sent to, and
the marks of a search's matches (``FoundMarks``), laid together over its text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader_app.ui.compare.found_marks import FoundMarks

FLASH_MILLISECONDS = 900


class PaneSelections(QObject):
    """The flash and the find marks of one pane, kept in its extra selections."""

    def __init__(self, pane: QTextEdit) -> None:
        super().__init__(pane)
        self._pane = pane
        self._flash: list[QTextEdit.ExtraSelection] = []
        self.found = FoundMarks()
        # Qt repaints only the selected text: the current match's box reaches past it.
        pane.selectionChanged.connect(lambda: self.found.marked and pane.viewport().update())
        pane.verticalScrollBar().valueChanged.connect(self.follow_view)

    def clear(self) -> None:
        """No flash and no marks (another text: their places are gone)."""
        self._flash, self.found = [], FoundMarks()
        self._refresh()

    def flash(self, cursor: QTextCursor, colour: QColor) -> None:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(colour)
        self._flash = [selection]
        self._refresh()
        QTimer.singleShot(FLASH_MILLISECONDS, self._end_flash)

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
