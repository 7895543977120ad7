"""The find bar under the comparison: type to find in both documents, F3 for the next match."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

PLACEHOLDER = "Find in both documents"
FIELD_CHARACTERS = 36  # the field's width, in average characters (the placeholder is 22)
TYPING_PAUSE_MS = 200  # in long documents, how long typing pauses before the field is looked for


class FindBar(QWidget):
    """One line under the panes: it takes its own height, never a share of the panes'."""

    find_requested = Signal(str, bool, bool)  # text, backwards, case sensitive
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Whether the documents are long enough for a search to be felt between keystrokes:
        # then the field is looked for once typing pauses, not after every letter.
        self.searches_take_long: Callable[[], bool] = lambda: False
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(lambda: self.find(backwards=False))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(PLACEHOLDER)
        self.field.setClearButtonEnabled(True)
        self.field.setToolTip("Words to find in both documents; Enter for the next match")
        metrics = self.field.fontMetrics()
        self.field.setMinimumWidth(max(metrics.averageCharWidth() * FIELD_CHARACTERS,
                                       metrics.horizontalAdvance(PLACEHOLDER) + 48))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.case = QCheckBox("Match case", self)
        self.case.setToolTip("Find only the words with these capitals")
        self.status = QLabel(self)
        previous = QToolButton(self)
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+F3)")
        following = QToolButton(self)
        following.setText("▼")
        following.setToolTip("Next match (F3)")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (QLabel("Find:", self), self.field, previous, following, self.case,
                       self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.field.returnPressed.connect(lambda: self.find(backwards=False))
        self.field.textChanged.connect(self._on_typed)
        previous.clicked.connect(lambda: self.find(backwards=True))
        following.clicked.connect(lambda: self.find(backwards=False))
        close.clicked.connect(self.close_bar)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self._typing.stop()  # (what was typed last must not mark the panes again)
        self.hide()
        self.closed.emit()

    def find(self, backwards: bool) -> None:
        """Look for the field's text now (Enter, F3, the arrows: a search typing left
        pending is done by it, so that Enter goes to the first match, not the second)."""
        self._typing.stop()
        self.find_requested.emit(self.field.text(), backwards, self.case.isChecked())

    def find_again(self, backwards: bool) -> None:
        """F3, Shift+F3: the next or previous match, the bar opened again if it was closed
        (the matches it marks come with their count, and with Esc to clear them)."""
        if self.isHidden():
            self.open_bar()
        self.find(backwards)

    def _on_typed(self) -> None:
        if self.searches_take_long():
            self._typing.start()  # (again: from the last keystroke)
        else:
            self.find(backwards=False)

    def set_status(self, text: str, detail: str = "") -> None:
        """``text``: "3 of 5" (or "Not found"); ``detail``: its tooltip, the matches per side."""
        self.status.setText(text)
        self.status.setToolTip(detail)

    def event(self, event: QEvent) -> bool:
        # Esc closes the bar even while a window shortcut (Cancel) holds the key.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
