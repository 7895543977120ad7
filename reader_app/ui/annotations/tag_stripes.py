"""Margin stripes beside tagged passages: a bar in the tag's colour in a pane's left margin,
from the passage's first line to its last, overlapping passages in lanes side by side; and
the passage's underline drawn thick enough to see at a glance (a bar two or more pixels
high over the format's one-pixel line). Where passages overlap the underline is doubled: the
first passage's bar with the next one's under it, a pixel apart, each in its tag's colour —
straight bars, never a wave, which is the ``differs`` mark's (a wave in the second tag's
colour, often the palette's vermilion, read as "a figure differs here").

Painted over the pane's viewport after the text, so the comparison highlights and the
underlines stay as they are. Knows the pane only through ``StripeSurface`` (its text
document, ``position_of``, ``cursorRect`` and viewport); must not import the pane or the
store.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QScrollBar, QWidget

from reader_app.ui.annotations.tag_marks import Mark, lanes, layered


class StripeSurface(Protocol):
    """What stripes are drawn on: a pane showing a document (``DocumentPane``)."""

    def document(self) -> QTextDocument: ...

    def position_of(self, offset: int) -> int | None: ...

    def cursorRect(self, cursor: QTextCursor) -> QRect: ...

    def viewport(self) -> QWidget: ...

    def horizontalScrollBar(self) -> QScrollBar: ...

    def verticalScrollBar(self) -> QScrollBar: ...

STRIPE_WIDTH = 3.0
STRIPE_STEP = 4.0  # from one lane's left edge to the next
MAX_LANES = 3  # the margin holds three; deeper overlaps share the last lane
FIRST_X = 1.0
UNDERLINE_MIN = 2.0  # pixels: the underline's least thickness
UNDERLINE_PER_ASCENT = 1 / 6  # and its thickness at larger sizes, of the font's ascent
STACKED = 2  # bars under an overlap: a third would reach into the next line's letters
STACK_GAP = 1.0  # pixels between them, so two bars of like colours still read as two


def stripe_rects(pane: StripeSurface, marks: Sequence[Mark]) -> list[tuple[QRectF, Mark]]:
    """Where each mark's stripe goes, in viewport coordinates."""
    rects = []
    cursor = QTextCursor(pane.document())
    for mark, lane in zip(marks, lanes(marks), strict=True):
        first, last = pane.position_of(mark[0]), pane.position_of(mark[1])
        if first is None or last is None:
            continue
        if not any(pane.document().findBlock(p).isVisible() for p in (first, last)):
            continue  # a hidden passage (boilerplate, a folded run) has no stripe
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
    shown = []
    for rect, mark in stripe_rects(pane, marks):
        if rect.intersects(area):
            painter.fillRect(rect, mark[2])
            shown.append(mark)
    for rect, colour in underline_rects(pane, shown):
        if rect.intersects(area):
            painter.fillRect(rect, colour)
    painter.end()


def underline_rects(pane: StripeSurface, marks: Sequence[Mark]) -> list[tuple[QRectF, QColor]]:
    """The thick underlines of ``marks`` line by line, in viewport coordinates: one bar where
    one passage is tagged, ``STACKED`` bars one under the other where passages overlap."""
    rects: list[tuple[QRectF, QColor]] = []
    shift = (-pane.horizontalScrollBar().value(), -pane.verticalScrollBar().value())
    for start, end, colours in layered(marks):
        first, last = pane.position_of(start), pane.position_of(end)
        if first is None or last is None:
            continue
        block = pane.document().findBlock(first)
        while block.isValid() and block.position() < last:
            if block.isVisible():
                rects += [(rect.translated(*shift), colour)
                          for bar in _line_bars(pane.document(), block, first, last)
                          for colour, rect in _stacked(bar, colours)]
            block = block.next()
    return rects


def _stacked(bar: QRectF, colours: Sequence[QColor]) -> list[tuple[QColor, QRectF]]:
    """``bar`` for the first colour, and one under it for each next one (up to ``STACKED``;
    deeper overlaps show the latest passage's colour last, their stripes all of them)."""
    shown = list(colours) if len(colours) <= STACKED else [colours[0], colours[-1]]
    step = bar.height() + STACK_GAP
    return [(colour, bar.translated(0, number * step)) for number, colour in enumerate(shown)]


def _line_bars(document: QTextDocument, block: QTextBlock, first: int,
               last: int) -> list[QRectF]:
    """Under each line of ``block`` the part of ``[first, last)`` it holds, in document
    coordinates."""
    layout, top_left = block.layout(), document.documentLayout().blockBoundingRect(block)
    bars = []
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        begin = block.position() + line.textStart()
        lo, hi = max(first, begin), min(last, begin + line.textLength())
        if lo >= hi:
            continue
        x1, x2 = (_x(line.cursorToX(p - block.position())) for p in (lo, hi))
        thickness = max(UNDERLINE_MIN, round(line.ascent() * UNDERLINE_PER_ASCENT))
        y = top_left.top() + line.y() + line.ascent() + 1
        bars.append(QRectF(top_left.left() + min(x1, x2), y, abs(x2 - x1), thickness))
    return bars


def _x(value: object) -> float:
    """``QTextLine.cursorToX``'s x (PySide returns ``(x, position)``)."""
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]
