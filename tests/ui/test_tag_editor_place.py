"""The tag editor opens beside the passage it asks about, never over it (it opened centred
on the window, where the selected words usually are, and hid them)."""

from __future__ import annotations

from annotation_helpers import select_words
from PySide6.QtCore import QRect, QSize, Qt
from pytestqt.qtbot import QtBot
from ui_helpers import QUOTE

from reader_app.ui.annotations.editor_place import beside, selected_lines
from reader_app.ui.window.main_window import MainWindow

SCREEN = QRect(0, 0, 1400, 900)
EDITOR = QSize(420, 300)


def test_the_editor_goes_below_the_lines_when_it_fits_there() -> None:
    assert beside(QRect(100, 100, 600, 40), EDITOR, SCREEN).y() == 148


def test_it_goes_above_lines_near_the_bottom_of_the_screen() -> None:
    lines = QRect(100, 700, 600, 40)
    corner = beside(lines, EDITOR, SCREEN)
    assert corner.y() + EDITOR.height() <= 700
    assert corner.x() == lines.center().x() - EDITOR.width() // 2  # centred on the lines


def test_it_stays_inside_the_screen() -> None:
    corner = beside(QRect(1300, 100, 90, 20), EDITOR, SCREEN)
    assert corner.x() == SCREEN.width() - EDITOR.width()
    tall = beside(QRect(0, 50, 600, 800), EDITOR, SCREEN)  # no room either way
    assert QRect(tall, EDITOR) == QRect(tall, EDITOR).intersected(SCREEN)


def test_tagging_a_selection_opens_the_editor_off_the_selected_words(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    pane = sync_window.view.panes["left"]
    select_words(qtbot, pane, QUOTE)
    # The quote's line scrolled to the middle of the pane: where a dialog opens by default.
    bar = pane.verticalScrollBar()
    bar.setValue(bar.value() + pane.cursorRect().top() - pane.viewport().height() // 2)
    qtbot.waitUntil(lambda: abs(pane.cursorRect().top() - pane.viewport().height() // 2) < 40)
    lines = selected_lines(pane)
    assert lines is not None and not lines.isEmpty()
    qtbot.keyClick(pane, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: sync_window.annotations.editor is not None
                    and sync_window.annotations.editor.isVisible())
    editor = sync_window.annotations.editor
    assert editor is not None
    assert not editor.frameGeometry().intersects(lines)
    assert pane.textCursor().selectedText() == QUOTE  # still selected, in sight
    editor.reject()
