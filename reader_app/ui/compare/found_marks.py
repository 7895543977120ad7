"""How a pane marks the matches of a search: every match on a bright background of its own,
the one selected (the current match) also boxed in the search's colour.

A match must read on every kind of highlight under it (blue shared, orange unique, pale
unlinked, grey boilerplate) in either theme, so its background replaces theirs and its text
is drawn dark on it, as browsers mark matches. An outline pen on a character format outlines
the glyphs, not the words, so the box around the current match is painted by the pane.

Knows nothing of the pane but what a ``QTextEdit`` offers; must not import the window.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QTextEdit

FOUND_BACKGROUND = QColor("#ffe14d")  # a yellow no highlight kind uses, in either theme
FOUND_TEXT = QColor("#1a1a1a")  # legible on it in the dark theme too (its text is light)
CURRENT_OUTLINE_WIDTH = 2.0
MARKED_AT_MOST = 500  # more matches than this: only those near the view are marked


def found_selections(cursors: Sequence[QTextCursor]) -> list[QTextEdit.ExtraSelection]:
    """One extra selection per match, drawn over the comparison's highlights."""
    selections = []
    for cursor in cursors:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(FOUND_BACKGROUND)
        selection.format.setForeground(FOUND_TEXT)
        selections.append(selection)
    return selections


def current_match(pane: QTextEdit,
                  found: Sequence[QTextEdit.ExtraSelection]) -> QTextCursor | None:
    """The match the pane's selection is on (the one find selected), if any."""
    selected = pane.textCursor()
    if not selected.hasSelection():
        return None
    span = (selected.selectionStart(), selected.selectionEnd())
    return next((s.cursor for s in found
                 if (s.cursor.selectionStart(), s.cursor.selectionEnd()) == span), None)


def match_rects(pane: QTextEdit, cursor: QTextCursor) -> list[QRectF]:
    """The rectangles a match covers, one per line it spans, in viewport coordinates; none
    while its paragraph is not laid out (hidden, or the pane being aligned again): asking
    for its place would lay out everything above it at once (0.3-1 s in a long pair, at
    every paint while it was aligned)."""
    document = pane.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    block = document.findBlock(start)
    if block.layout() is None or block.layout().lineCount() == 0:
        return []
    origin = document.documentLayout().blockBoundingRect(block).topLeft() - QPointF(
        pane.horizontalScrollBar().value(), pane.verticalScrollBar().value())
    layout = block.layout()
    first = start - block.position()
    last = min(end, block.position() + block.length() - 1) - block.position()
    rects = []
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        left = max(first, line.textStart())
        right = min(last, line.textStart() + line.textLength())
        if left < right or (left == right == first == last):
            x1, x2 = line.cursorToX(left)[0], line.cursorToX(right)[0]
            rects.append(QRectF(origin.x() + x1, origin.y() + line.y(),
                                x2 - x1, line.height()))
    return rects


def paint_current_outline(pane: QTextEdit, found: Sequence[QTextEdit.ExtraSelection],
                          colour: QColor) -> None:
    """Box the current match in ``colour``: stronger than the other matches' background."""
    cursor = current_match(pane, found)
    if cursor is None or not colour.isValid():
        return
    painter = QPainter(pane.viewport())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, CURRENT_OUTLINE_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for rect in match_rects(pane, cursor):
        painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 2, 2)
    painter.end()


class FoundMarks:
    """A search's matches in one pane and the marks built for them: all of them when they
    are few; else only those within a screen of the view, built again when it leaves them.

    A one-letter search in a long document has a hundred thousand matches: an extra
    selection for each took Qt seconds to take in, and more on every repaint.
    """

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []  # every match, in text order
        self.marked: list[QTextEdit.ExtraSelection] = []
        self.colour = QColor()
        self._starts: list[int] = []
        self._covered = (0, -1)  # the positions whose matches are marked, when not all are

    def set(self, pane: QTextEdit, spans: Sequence[tuple[int, int]], colour: QColor) -> None:
        """Mark ``spans`` (sorted) in ``pane``; the current one is boxed in ``colour``."""
        self.spans, self.colour = list(spans), QColor(colour)
        self._starts = [start for start, _ in self.spans]
        self._covered = (0, -1)
        if len(self.spans) <= MARKED_AT_MOST:
            self.marked = found_selections([_cursor(pane, span) for span in self.spans])
        else:
            self.follow_view(pane)

    def follow_view(self, pane: QTextEdit) -> bool:
        """Mark the matches near the view if it has left those marked; whether it had."""
        if len(self.spans) <= MARKED_AT_MOST:
            return False
        view_bottom = pane.verticalScrollBar().value() + pane.viewport().height()
        if pane.document().documentLayout().documentSize().height() < view_bottom:
            return False  # not laid out down to the view yet (the pane measures it next):
            # asking what is in view would lay out all above it at once (0.3-0.5 s)
        top, bottom = _positions_shown(pane, screens=0)
        if self._covered[0] <= top and bottom <= self._covered[1]:
            return False
        self._covered = _positions_shown(pane, screens=1)
        first = bisect_left(self._starts, self._covered[0])
        last = min(bisect_right(self._starts, self._covered[1]), first + MARKED_AT_MOST)
        if last < bisect_right(self._starts, self._covered[1]):  # (more than are marked:
            # what is marked ends with the last one, so that the marks follow further down)
            self._covered = (self._covered[0], self.spans[last - 1][1])
        self.marked = found_selections([_cursor(pane, span) for span in self.spans[first:last]])
        return True


def _cursor(pane: QTextEdit, span: tuple[int, int]) -> QTextCursor:
    cursor = QTextCursor(pane.document())
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor


def _positions_shown(pane: QTextEdit, screens: int) -> tuple[int, int]:
    """The first and last document positions in view, widened by ``screens`` screens.

    Hit from the middle of the pane's width: Qt's hit test in a margin, left of the text,
    returned positions far away. The lines hit are whole, as the range is screens wide.
    """
    layout = pane.document().documentLayout()
    height, middle = pane.viewport().height(), pane.viewport().width() / 2
    top = pane.verticalScrollBar().value() - screens * height
    bottom = top + (1 + 2 * screens) * height
    fuzzy = Qt.HitTestAccuracy.FuzzyHit
    first = layout.hitTest(QPointF(middle, top), fuzzy) if top > 0 else 0
    last = layout.hitTest(QPointF(middle, bottom), fuzzy)
    return max(first, 0), last if last >= 0 else pane.document().characterCount()
