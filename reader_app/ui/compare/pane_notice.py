"""A message centred in a pane, in grey, over nothing: "This document is empty", "Could not
read: …". Plain text (a file's name or a reason from the file system is no mark-up); the
mouse goes through it to the pane. A label on the pane's viewport, kept to its size; the
pane needs no code for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

from reader_app.ui.plain_text import plain_label

MARGIN = 24  # pixels between the message and the pane's edges


class PaneNotice(QObject):
    def __init__(self, pane: QAbstractScrollArea) -> None:
        super().__init__(pane)
        self._viewport = pane.viewport()
        self.label = plain_label(QLabel(self._viewport))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.hide()
        self._viewport.installEventFilter(self)

    def text(self) -> str:
        """The message shown ("" when none is)."""
        return self.label.text() if not self.label.isHidden() else ""

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))
        self._fit()

    def _fit(self) -> None:
        self.label.setGeometry(self._viewport.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._fit()
        return False
