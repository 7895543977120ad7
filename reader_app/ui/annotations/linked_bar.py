"""Tagging across sources: the non-modal bar (in the status bar) offering to tag, in one
click, the counterparts of a tagged passage in the compared document (found by
``reader_app.core.annotations.counterparts``).

The bar holds the prepared annotations and hands them over when its button is clicked or
its action's key pressed (Ctrl+Shift+T: ``action``, for the Edit menu, enabled while an offer
stands); it changes nothing itself. Must not import the store.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QWidget

from reader_app.core.annotations.model import Annotation
from reader_app.core.text import shorten
from reader_app.ui.elided_label import ElidedLabel
from reader_app.ui.plain_text import plain_tooltip

TITLE_CHARS = 40
ACCEPT_KEYS = "Ctrl+Shift+T"  # Ctrl+T tags a passage; with Shift, its linked passage too


class LinkedTagBar(QWidget):
    """"Also tag the linked passage in <title>?" [Tag Linked Passage] [close] in the status."""

    accepted = Signal(tuple)  # the prepared annotations

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linked_tag_bar")
        self._annotations: tuple[Annotation, ...] = ()
        self.source_id: str | None = None  # the tagged passage the offer follows
        self.label = ElidedLabel(self)  # a document title; "…" where the room ends
        self.button = QPushButton("Tag Linked Passage", self)
        self.button.setObjectName("tag_linked_button")
        self.button.setToolTip("Give the passage the comparison links this one to the same "
                               f"tags and note ({ACCEPT_KEYS})")
        self.action = QAction("Tag &Linked Passage", self)
        self.action.setShortcut(QKeySequence(ACCEPT_KEYS))
        self.action.setEnabled(False)
        self.close_button = QToolButton(self)
        self.close_button.setText("\N{MULTIPLICATION SIGN}")
        self.close_button.setToolTip("No, thanks")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.button, self.close_button):
            row.addWidget(widget)
        self.button.clicked.connect(self._on_button_clicked)
        self.action.triggered.connect(self._on_button_clicked)
        self.close_button.clicked.connect(self.withdraw)
        self.hide()

    def offer(self, title: str, annotations: tuple[Annotation, ...],
              source_id: str | None = None) -> None:
        """Offer ``annotations`` (in the document titled ``title``), the counterparts of the
        passage ``source_id`` just tagged."""
        shown = shorten(title, TITLE_CHARS)
        passages = "passage" if len(annotations) == 1 else f"{len(annotations)} passages"
        self.label.setText(f"Also tag the linked {passages} in “{shown}”?")
        self.label.setToolTip(plain_tooltip(title))
        self._annotations, self.source_id = annotations, source_id
        self.action.setEnabled(True)
        self.show()

    def withdraw(self) -> None:
        self._annotations, self.source_id = (), None
        self.action.setEnabled(False)
        self.hide()

    def follow_removal(self, ids: tuple[str, ...]) -> None:
        """The tagged passage the offer follows was removed (undone, deleted): nothing is
        left to follow it, so the offer goes too."""
        if self.source_id is not None and self.source_id in ids:
            self.withdraw()

    def _on_button_clicked(self) -> None:
        annotations = self._annotations
        self.withdraw()
        if annotations:
            self.accepted.emit(annotations)
