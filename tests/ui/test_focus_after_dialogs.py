"""The keys work again once a dialog closes: without a window manager (a bare X server, the
offscreen platform) nothing was active after the About box or a file dialog went, and F7,
Ctrl+F and every other shortcut did nothing until a click."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reader_app.ui.window.main_window import MainWindow
from reader_app.ui.window.shortcuts_dialog import ShortcutsDialog


def close_the_dialog_soon(seen: list[QDialog]) -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen.append(dialog)
        dialog.done(0)
    QTimer.singleShot(200, close)


def test_after_the_about_box_the_pane_has_the_keys_again(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    pane = sync_window.view.panes["right"]
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    seen: list[QDialog] = []
    close_the_dialog_soon(seen)
    about = next(action for action in sync_window.findChildren(QAction)
                 if action.text() == "&About Source Reader")
    about.trigger()  # (modal: returns once the dialog is closed)
    assert seen and isinstance(seen[0], QMessageBox)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sync_window)
    qtbot.waitUntil(pane.hasFocus)
    qtbot.keyClick(pane, Qt.Key.Key_F7)
    assert sync_window.statusBar().currentMessage().startswith("Difference 1 of ")


def test_a_window_left_for_another_application_is_not_brought_back(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    """Only the close of a dialog gives the focus back, never leaving the window itself."""
    other = QDialog()  # (another top-level window, not modal: as if another application's)
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    other.hide()
    qtbot.wait(50)
    assert QApplication.activeWindow() is not sync_window


def test_after_the_keyboard_shortcuts_list_closes_the_keys_work_again(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    """The list is not modal (keys can be tried with it open), but it is the window's own."""
    sync_window.actions_by_name["shortcuts"].trigger()
    dialog = sync_window.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.filter_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sync_window)
    qtbot.keyClick(sync_window.view.panes["left"], Qt.Key.Key_F7)
    assert sync_window.statusBar().currentMessage().startswith("Difference 1 of ")
