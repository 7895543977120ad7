"""Where the tag editor opens: beside the passage being tagged, never over it.

A dialog opens centred on its window, which is where a reader's selection usually is: the
words being tagged were hidden behind the editor asking for their tags. The editor goes below
the selected lines if it fits on the screen there, else above them, else where it fits best;
sideways it follows the selection, inside the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

GAP = 8  # pixels between the selected lines and the editor


def place_beside(editor: QWidget, area: QRect) -> None:
    """Move ``editor`` (a window: its frame) next to ``area``, in global coordinates."""
    frame = editor.frameGeometry().size().expandedTo(editor.sizeHint())
    editor.move(beside(area, frame, editor.screen().availableGeometry()))


def beside(area: QRect, frame: QSize, screen: QRect) -> QPoint:
    """The top-left corner for a frame of ``frame`` size that keeps clear of ``area``:
    below it, else above it, else (no room either way) inside the screen on the roomier
    side."""
    below, above = area.bottom() + 1 + GAP, area.top() - GAP - frame.height()
    lowest = max(screen.top(), screen.bottom() + 1 - frame.height())
    if below <= lowest:
        y = below
    elif above >= screen.top():
        y = above
    else:
        y = lowest if screen.bottom() - area.bottom() >= area.top() - screen.top() else screen.top()
    x = area.center().x() - frame.width() // 2
    x = max(screen.left(), min(x, screen.right() + 1 - frame.width()))
    return QPoint(x, y)


def selected_lines(pane: QTextEdit | QPlainTextEdit) -> QRect | None:
    """The lines the pane's selection covers, as far as they are in view, in global
    coordinates, the viewport's whole width (None: nothing selected in view)."""
    cursor = pane.textCursor()
    if not cursor.hasSelection():
        return None
    first, last = QTextCursor(cursor), QTextCursor(cursor)
    first.setPosition(cursor.selectionStart())
    last.setPosition(cursor.selectionEnd())
    top, bottom = pane.cursorRect(first).top(), pane.cursorRect(last).bottom()
    viewport = pane.viewport()
    lines = QRect(0, top, viewport.width(), bottom - top + 1).intersected(viewport.rect())
    if lines.isEmpty():
        return None
    return QRect(viewport.mapToGlobal(lines.topLeft()), lines.size())
