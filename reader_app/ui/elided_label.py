"""A one-line label that ends with "…" where its room ends, instead of a cut word.

``text()`` stays the whole text (messages are read back, and the tooltip has it all); only
what is painted is shortened. Its minimum width is its "…", so that in a crowded row (the
status bar of a 900 px window, with the statistics and "Tag Linked Passage") it gives up
its width before its neighbours are cut.
Imports nothing of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QWidget

MINIMUM_SHOWN = "…"  # what the label keeps when it gives up its width


class ElidedLabel(QLabel):
    """A plain-text ``QLabel`` painting its text elided on the right to its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        few = self.fontMetrics().horizontalAdvance(MINIMUM_SHOWN)
        return QSize(min(hint.width(), few), hint.height())

    def shown_text(self) -> str:
        """The text as painted: whole if it fits, else its start and "…"."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()),
                                  self.palette(), self.isEnabled(), shown,
                                  QPalette.ColorRole.WindowText)
        painter.end()
