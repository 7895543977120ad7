"""The find bar as a reader uses it: Ctrl+F, type, Enter/F3/▼ to the next match in either
document (reading order: row by row, the left document's matches before the right one's),
Shift+F3/▲ back; the bar takes only its own height."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader_app.ui.window.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_find(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible()
    assert QApplication.focusWidget() is window.find_bar.field


def test_the_find_bar_leaves_the_panes_their_height(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    panes = sync_window.view.panes.values()
    before = [pane.height() for pane in panes]
    open_find(qtbot, sync_window)
    bar = sync_window.find_bar
    qtbot.waitUntil(lambda: all(p.height() < h for p, h in zip(panes, before, strict=True)))
    assert bar.height() <= bar.sizeHint().height() + 4  # no empty bands above and below
    for pane, height in zip(panes, before, strict=True):
        assert abs(height - pane.height() - bar.height()) <= 4


def test_the_search_field_shows_its_whole_placeholder(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    open_find(qtbot, sync_window)
    field = sync_window.find_bar.field
    assert field.text() == ""
    needed = field.fontMetrics().horizontalAdvance(field.placeholderText())
    assert field.width() >= needed + 24  # the frame, the text margins and some air
