"""Help ▸ Keyboard Shortcuts (a searchable list built from the window's actions; the menus show
every key of an action), Help ▸ Getting Started, and a tooltip on every control of the bars."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader_app.ui.window.help_pages import HelpPage
from reader_app.ui.window.main_window import MainWindow
from reader_app.ui.window.shortcuts_dialog import ShortcutsDialog


def open_shortcuts(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    window.actions_by_name["shortcuts"].trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_shortcuts_list_next_difference_with_f7(qtbot: QtBot, sync_window: MainWindow) -> None:
    dialog = open_shortcuts(qtbot, sync_window)
    rows = dialog.visible_rows()
    keys = {name: shortcut for name, shortcut, _menu in rows}
    assert "F7" in keys["Next Difference"].split(", ")
    assert "Alt+Down" in keys["Next Difference"].split(", ")
    assert "Shift+F7" in keys["Previous Difference"].split(", ")
    assert keys["Next Change"] == "Ctrl+F7" and keys["Previous Change"] == "Ctrl+Shift+F7"
    assert menus_of(rows)["Next Change"] == "View"
    assert keys["Find"] == "Ctrl+F" and keys["Tag Selection"] == "Ctrl+T"
    assert keys["Tag Linked Passage"] == "Ctrl+Shift+T"
    assert menus_of(rows)["Tag Linked Passage"] == "Edit"
    assert keys["Close the find bar"] == "Esc"  # keys a widget takes, not an action
    assert keys["Cancel the comparison or search under way"] == "Esc"
    assert keys["Export Comparison"] == "Ctrl+E" and keys["Keyboard Shortcuts"] == "Ctrl+/"
    menus = {name: menu for name, _keys, menu in rows}
    assert keys["Delete Tags"] == "Del" and menus["Delete Tags"] == "Annotations"
    assert menus["Next Difference"] == "View" and menus["Print"] == "File"
    names = [name for name, _keys, _menu in rows]
    assert len(names) == len(set(names))


def test_undo_and_redo_are_listed_by_their_names_whatever_was_done_last(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    # "Undo Delete tag" / "Redo Edit tag": the list changed with the last change.
    stack = sync_window.annotations.controller.undo_stack
    stack.push(QUndoCommand("Delete tag"))
    keys = {name: shortcut for name, shortcut, _menu in open_shortcuts(qtbot, sync_window)
            .visible_rows()}
    assert keys["Undo"] == "Ctrl+Z" and keys["Redo"] == "Ctrl+Shift+Z"
    assert not any(name.startswith(("Undo ", "Redo ")) for name in keys)
    assert sync_window.actions_by_name["undo"].text() == "&Undo Delete tag"  # (the menu says)


def menus_of(rows: list[tuple[str, str, str]]) -> dict[str, str]:
    return {name: menu for name, _keys, menu in rows}


def test_the_shortcuts_list_opens_ready_for_typing(qtbot: QtBot, sync_window: MainWindow) -> None:
    """The filter box had no focus: typed letters went nowhere until it was clicked."""
    dialog = open_shortcuts(qtbot, sync_window)
    qtbot.waitUntil(dialog.filter_box.hasFocus)
    qtbot.keyClicks(QApplication.focusWidget(), "find")
    assert dialog.filter_box.text() == "find"
    assert {row[0] for row in dialog.visible_rows()} >= {"Find"}


def test_typing_in_the_filter_narrows_the_list(qtbot: QtBot, sync_window: MainWindow) -> None:
    dialog = open_shortcuts(qtbot, sync_window)
    everything = dialog.visible_rows()
    qtbot.keyClicks(dialog.filter_box, "differ")
    narrowed = dialog.visible_rows()
    assert {row[0] for row in narrowed} == {"Next Difference", "Previous Difference"}
    dialog.filter_box.clear()
    qtbot.keyClicks(dialog.filter_box, "f7")
    assert {row[0] for row in dialog.visible_rows()} == {"Next Difference",
                                                         "Previous Difference",
                                                         "Next Change", "Previous Change"}
    dialog.filter_box.clear()
    qtbot.keyClicks(dialog.filter_box, "zoom")
    assert 0 < len(dialog.visible_rows()) < len(everything)
    dialog.filter_box.clear()
    assert dialog.visible_rows() == everything


def test_menus_show_every_key_of_an_action(sync_window: MainWindow) -> None:
    view = next(m for m in sync_window.menuBar().findChildren(QMenu) if m.title() == "&View")
    entry = next(a for a in view.actions() if a.text().startswith("&Next Difference"))
    assert entry.text() == "&Next Difference\tAlt+Down, F7"  # a menu shows what follows the tab
    assert [k.toString() for k in entry.shortcuts()] == ["Alt+Down", "F7"]


def test_getting_started_page(qtbot: QtBot, sync_window: MainWindow) -> None:
    sync_window.actions_by_name["getting_started"].trigger()
    page = sync_window.findChild(HelpPage)
    assert page is not None
    qtbot.waitExposed(page)
    shown = page.browser.toPlainText()
    for words in ("Open a folder", "Open Folder", "Compare", "F7", "Tag", "Ctrl+T"):
        assert words in shown
    assert "**" not in shown and "#" not in shown.splitlines()[0]  # Markdown, drawn
    # The page has the keys (it never had them without a window manager): Esc closes it.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.browser)
    with qtbot.waitSignal(page.finished, timeout=2000):
        qtbot.keyClick(page.browser, Qt.Key.Key_Escape)


def _controls(bar: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QProgressBar)
    found = [w for w in bar.findChildren(QWidget) if isinstance(w, kinds)]
    # A line edit's clear button and a table's corner button are Qt's own parts of them.
    own = ("QLineEditIconButton", "QTableCornerButton")
    return [w for w in found if w.metaObject().className() not in own]


def test_every_bar_control_has_a_tooltip(sync_window: MainWindow) -> None:
    bars = [sync_window.statusBar(), sync_window.find_bar,
            sync_window.library.widget(), sync_window.annotations.panel.widget()]
    controls = [w for bar in bars for w in _controls(bar)]
    assert len(controls) >= 10
    lacking = [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
               for w in controls if not w.toolTip()]
    assert lacking == []
    labels = [sync_window.status.stats, sync_window.status.legend]
    assert all(isinstance(label, QLabel) and label.toolTip() for label in labels)


def test_getting_started_tells_the_kinds_of_link_and_the_fact_checkers_marks(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    """The page said nothing of rewrites, of figures that differ (the fact-checker's flag),
    of a band's evidence, the corpus overview or the follow-up report."""
    sync_window.actions_by_name["getting_started"].trigger()
    page = sync_window.findChild(HelpPage)
    assert page is not None
    shown = page.browser.toPlainText()
    for words in ("copy", "rewrite", "variant", "differs", "Hover a band",
                  "Corpus Overview", "Ctrl+Shift+M", "Export Tagged Passages", "Ctrl+B"):
        assert words in shown, words


def test_shortcuts_list_the_librarys_keys_and_they_work(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    """Enter and Shift+Enter, how a reader picks the pair, were in no list of keys."""
    rows = open_shortcuts(qtbot, sync_window).visible_rows()
    keys, menus = {n: k for n, k, _m in rows}, menus_of(rows)
    assert "Return" in keys["Show on Right"].split(", ")
    assert "Shift+Return" in keys["Show on Left"].split(", ")
    assert menus["Show on Right"] == menus["Show on Left"] == "Library"
    table = sync_window.library.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(3, 1))
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert sync_window.model.left == 3
    table.setCurrentIndex(table.model().index(2, 1))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert sync_window.model.right == 2


def test_shortcuts_list_enter_to_edit_the_selected_tags(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    rows = open_shortcuts(qtbot, sync_window).visible_rows()
    keys, menus = {n: k for n, k, _m in rows}, menus_of(rows)
    assert "Return" in keys["Edit Tags"].split(", ") and menus["Edit Tags"] == "Annotations"
