"""The difference F7 went to stays outlined once its flash has gone: the reader sees which
paragraphs "Difference 3 of 7" means, in a pair that fits the window as in a long one (a
window walk saw the status bar count up while nothing on screen changed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.pane_selections import FLASH_MILLISECONDS
from reader_app.ui.window.main_window import MainWindow


def outlined(pane: DocumentPane, index: int) -> bool:
    """Whether the palette's highlight colour is drawn just left of paragraph ``index``."""
    image = pane.viewport().grab().toImage()
    rect = pane.paragraph_rect(index).translated(0, -pane.verticalScrollBar().value())
    colour = pane.palette().color(QPalette.ColorRole.Highlight)
    x = int(rect.left()) - 3
    rows = range(max(0, int(rect.top()) + 4), min(image.height(), int(rect.bottom()) - 4), 2)
    return any(close(image.pixelColor(column, y), colour)
               for y in rows for column in (x - 1, x, x + 1))


def in_view(pane: DocumentPane, index: int) -> bool:
    top = pane.paragraph_rect(index).top() - pane.verticalScrollBar().value()
    return 0 <= top < pane.viewport().height() - 20


def close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()),
               abs(a.blue() - b.blue())) < 40


def step_to(qtbot: QtBot, window: MainWindow, row: int) -> None:
    """Press F7 until it has gone to difference ``row``."""
    rows = window.view.difference_rows()
    for _ in range(len(rows)):
        qtbot.keyClick(window, Qt.Key.Key_F7)
        if window.statusBar().currentMessage() == (
                f"Difference {rows.index(row) + 1} of {len(rows)}"):
            return
    raise AssertionError(f"F7 never went to row {row}")


def test_the_difference_gone_to_stays_outlined_in_both_panes(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    view = sync_window.view
    assert view.comparison is not None
    rows = view.comparison.rows
    both = [r for r in view.difference_rows()
            if rows[r].left is not None and rows[r].right is not None]
    first, second = both[:2]
    step_to(qtbot, sync_window, first)
    qtbot.wait(FLASH_MILLISECONDS + 300)  # (the flash has gone)
    left, right = view.panes["left"], view.panes["right"]
    left_index, right_index = rows[first].left, rows[first].right
    assert left_index is not None and right_index is not None
    assert outlined(left, left_index) and outlined(right, right_index)
    step_to(qtbot, sync_window, second)
    second_left = rows[second].left
    assert second_left is not None and outlined(left, second_left)
    # Back to where the first difference is in view: its outline has gone (in view, so that
    # its absence is seen, not the paragraph's).
    left.verticalScrollBar().setValue(int(left.paragraph_rect(left_index).top()) - 20)
    qtbot.wait(50)
    assert in_view(left, left_index) and in_view(right, right_index)
    assert not outlined(left, left_index) and not outlined(right, right_index)


def test_a_difference_of_one_side_only_is_outlined_on_that_side(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    view = sync_window.view
    assert view.comparison is not None
    row = view.difference_rows()[0]  # 001's headline: only the right side has it
    entry = view.comparison.rows[row]
    assert entry.left is None and entry.right is not None
    qtbot.keyClick(sync_window, Qt.Key.Key_F7)
    qtbot.wait(FLASH_MILLISECONDS + 300)
    assert outlined(view.panes["right"], entry.right)
    assert view.panes["left"].extraSelections() == []
