"""Qt's own lazy layout of a document, held while the view lays it out in slices.

Qt lays a long document out on a timer of its own, in steps that double up to 200,000
characters (60-150 ms each for a 200k-word pair, stalls the view's slices cannot bound), and
those steps make each later layout request run to the end of one that large. While the
view measures a pane a slice at a time, ``held_layout`` keeps the layout's timer events from
it: Qt then lays out only what the view (or a paint) asks for, in steps of a few thousand
characters. Its document-size timer is held too, and fires once the hold ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextDocument


class _TimerHold(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.Timer


@contextmanager
def held_layout(text_document: QTextDocument) -> Iterator[None]:
    """Within this block, Qt's layout of ``text_document`` runs only when asked for."""
    layout = text_document.documentLayout()
    hold = _TimerHold(layout)
    layout.installEventFilter(hold)
    try:
        yield
    finally:
        try:
            layout.removeEventFilter(hold)
            hold.deleteLater()
        except RuntimeError:
            pass  # the pane went first (the window closed while it was being laid out)
