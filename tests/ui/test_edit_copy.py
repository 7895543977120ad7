"""Edit ▸ Copy and Select All: on the focused text, else on the comparison's active pane (a
window walk found the Edit menu held only Undo, Redo and Tag Selection)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QTextCursor
from pytestqt.qtbot import QtBot

from reader_app.ui.window.main_window import MainWindow


def test_copy_from_the_library_takes_the_passage_selected_in_the_pane(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    pane = sync_window.view.panes["left"]
    cursor = QTextCursor(pane.document().findBlockByNumber(0))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    pane.setFocus()
    sync_window.library.table.setFocus()  # (the pane stays the active one)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("")
    sync_window.actions_by_name["copy"].trigger()
    assert clipboard.text() == cursor.selectedText() and clipboard.text()


def test_select_all_selects_the_whole_of_the_focused_pane(sync_window: MainWindow) -> None:
    pane = sync_window.view.panes["right"]
    pane.setFocus()
    sync_window.actions_by_name["select_all"].trigger()
    selected = pane.textCursor()
    assert selected.selectionStart() == 0
    assert selected.selectionEnd() == pane.document().characterCount() - 1
