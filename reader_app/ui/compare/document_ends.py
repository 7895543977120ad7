"""Ctrl+Home and Ctrl+End in a document pane: the document's very ends.

Qt scrolls only until the cursor shows; a document's ends lie further (the space above its
first row, the gaps facing the other side's last rows), so these keys also take the scroll
bar to its end, and both documents show where they start and end.
"""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QScrollBar


def follow_to_document_end(bar: QScrollBar, event: QKeyEvent) -> None:
    """After the pane handled ``event``: on Ctrl+Home / Ctrl+End, the bar to its end."""
    key = QKeySequence.StandardKey
    if event.matches(key.MoveToEndOfDocument) or event.matches(key.SelectEndOfDocument):
        bar.setValue(bar.maximum())
    elif event.matches(key.MoveToStartOfDocument) or event.matches(key.SelectStartOfDocument):
        bar.setValue(0)
