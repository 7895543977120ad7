"""Margin stripes beside tagged passages: a bar in the tag's colour in a pane's left margin,
from the passage's first line to its last, overlapping passages in lanes side by side.

Painted over the pane's viewport after the text, so the comparison highlights and the
underlines stay as they are. Knows the pane only through ``StripeSurface`` (its text
document, ``position_of``, ``cursorRect`` and viewport); must not import the pane or the
store.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainter, QTextCursor, QTextDocument
from PySide6.QtWidgets import QWidget

from reader_app.ui.annotations.tag_marks import Mark, lanes


class StripeSurface(Protocol):
    """What stripes are drawn on: a pane showing a document (``DocumentPane``)."""

    def document(self) -> QTextDocument: ...

    def position_of(self, offset: int) -> int | None: ...

    def cursorRect(self, cursor: QTextCursor) -> QRect: ...

    def viewport(self) -> QWidget: ...

STRIPE_WIDTH = 3.0
STRIPE_STEP = 4.0  # from one lane's left edge to the next
MAX_LANES = 3  # the margin holds three; deeper overlaps share the last lane
FIRST_X = 1.0


def stripe_rects(pane: StripeSurface, marks: Sequence[Mark]) -> list[tuple[QRectF, Mark]]:
    """Where each mark's stripe goes, in viewport coordinates."""
    rects = []
    cursor = QTextCursor(pane.document())
    for mark, lane in zip(marks, lanes(marks), strict=True):
        first, last = pane.position_of(mark[0]), pane.position_of(mark[1])
        if first is None or last is None:
            continue
        cursor.setPosition(first)
        top = pane.cursorRect(cursor).top()
        cursor.setPosition(last)
        bottom = pane.cursorRect(cursor).bottom()
        x = FIRST_X + min(lane, MAX_LANES - 1) * STRIPE_STEP
        rects.append((QRectF(x, top, STRIPE_WIDTH, bottom - top + 1), mark))
    return rects


def paint_stripes(pane: StripeSurface, marks: Sequence[Mark], exposed: QRect) -> None:
    """Paint the stripes of ``marks`` that fall in the ``exposed`` part of the viewport."""
    if not marks:
        return
    area = QRectF(exposed)
    painter = QPainter(pane.viewport())
    for rect, (_start, _end, colour) in stripe_rects(pane, marks):
        if rect.intersects(area):
            painter.fillRect(rect, colour)
    painter.end()
