"""The main window's menus and keyboard shortcuts, in one table-like place."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from reader_app import __version__
from reader_app.ui.theme import THEMES

if TYPE_CHECKING:
    from reader_app.ui.window.main_window import MainWindow

Shortcut = str | QKeySequence.StandardKey | list[str]


def _action(window: MainWindow, menu: QMenu, text: str, slot: Callable[[], object],
            shortcut: Shortcut | None = None, checkable: bool = False) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setCheckable(checkable)
    if checkable:
        action.toggled.connect(slot)
    else:
        action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> dict[str, QAction]:
    bar = window.menuBar()
    actions: dict[str, QAction] = {}
    file_menu = bar.addMenu("&File")
    actions["open_folder"] = _action(window, file_menu, "Open &Folder…",
                                     partial(_open_folder, window), QKeySequence.StandardKey.Open)
    actions["open_files"] = _action(window, file_menu, "Open F&iles…",
                                    partial(_open_files, window), "Ctrl+Shift+O")
    recent = file_menu.addMenu("&Recent Folders")
    recent.aboutToShow.connect(partial(_fill_recent, window, recent))
    file_menu.addSeparator()
    actions["open_annotations"] = _action(window, file_menu, "Open &Annotations…",
                                          partial(_open_annotations, window))
    actions["save_annotations_as"] = _action(window, file_menu, "Save Annotations &As…",
                                             partial(_save_annotations_as, window))
    file_menu.addSeparator()
    actions["quit"] = _action(window, file_menu, "&Quit", window.close,
                              QKeySequence.StandardKey.Quit)
    _build_edit_menu(window, actions)
    compare_menu = bar.addMenu("&Compare")
    actions["swap"] = _action(window, compare_menu, "&Swap Sides", window.swap_sides,
                              "Ctrl+Shift+S")
    compare_menu.addSeparator()
    actions["ignore_case"] = _action(window, compare_menu, "Ignore &Case",
                                     lambda on: window.set_options(ignore_case=on),
                                     checkable=True)
    actions["ignore_punctuation"] = _action(
        window, compare_menu, "Ignore &Punctuation",
        lambda on: window.set_options(ignore_punctuation=on), checkable=True)
    _build_view_menu(window, actions)
    help_menu = bar.addMenu("&Help")
    _action(window, help_menu, "&About Source Reader", partial(_about, window))
    return actions


def _build_edit_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    edit = window.menuBar().addMenu("&Edit")
    stack = window.annotations.controller.undo_stack
    actions["undo"] = stack.createUndoAction(window, "&Undo")
    actions["undo"].setShortcut(QKeySequence("Ctrl+Z"))
    actions["redo"] = stack.createRedoAction(window, "&Redo")
    actions["redo"].setShortcut(QKeySequence("Ctrl+Shift+Z"))
    edit.addActions([actions["undo"], actions["redo"]])
    edit.addSeparator()
    actions["tag_selection"] = window.annotations.tag_action
    edit.addAction(actions["tag_selection"])


def _build_view_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    view = window.menuBar().addMenu("&View")
    actions["next_difference"] = _action(window, view, "&Next Difference",
                                         lambda: window.go_to_difference(1), ["Alt+Down", "F7"])
    actions["previous_difference"] = _action(window, view, "&Previous Difference",
                                             lambda: window.go_to_difference(-1),
                                             ["Alt+Up", "Shift+F7"])
    view.addSeparator()
    actions["find"] = _action(window, view, "&Find…", window.open_find,
                              QKeySequence.StandardKey.Find)
    actions["find_next"] = _action(window, view, "Find &Next",
                                   lambda: window.find_bar.find(backwards=False), "F3")
    actions["find_previous"] = _action(window, view, "Find Pre&vious",
                                       lambda: window.find_bar.find(backwards=True), "Shift+F3")
    view.addSeparator()
    actions["zoom_in"] = _action(window, view, "Zoom &In", lambda: window.zoom(1),
                                 ["Ctrl+=", "Ctrl++"])
    actions["zoom_out"] = _action(window, view, "Zoom &Out", lambda: window.zoom(-1), "Ctrl+-")
    actions["zoom_reset"] = _action(window, view, "&Reset Zoom", lambda: window.zoom(0),
                                    "Ctrl+0")
    view.addSeparator()
    actions["sync_scroll"] = _action(window, view, "&Synchronized Scrolling",
                                     window.view.set_sync_scrolling, checkable=True)
    actions["hide_boilerplate"] = _action(window, view, "&Hide Boilerplate",
                                          window.view.set_hide_boilerplate, "Ctrl+B",
                                          checkable=True)
    actions["show_source"] = _action(window, view, "Show Mark-up &Source",
                                     window.view.set_source_mode, "Ctrl+U", checkable=True)
    view.addAction(window.library.toggleViewAction())
    view.addAction(window.annotations.panel.toggleViewAction())
    theme_menu = view.addMenu("&Theme")
    group = QActionGroup(window)
    for theme in THEMES:
        action = _action(window, theme_menu, theme.capitalize(),
                         lambda on, t=theme: on and window.set_theme(t), checkable=True)
        group.addAction(action)
        actions[f"theme_{theme}"] = action


def _open_folder(window: MainWindow) -> None:
    start = str(window.settings.value("library/last_folder", ""))
    folder = QFileDialog.getExistingDirectory(window, "Open Folder", start)
    if folder:
        window.open_paths([folder])


def _open_files(window: MainWindow) -> None:
    start = str(window.settings.value("library/last_folder", ""))
    files, _ = QFileDialog.getOpenFileNames(
        window, "Open Files", start, "Documents (*.txt *.text *.md *.markdown *.html *.htm);;"
        "All files (*)")
    if files:
        window.open_paths(files)


def _open_annotations(window: MainWindow) -> None:
    current = window.annotations.controller.path
    path, _ = QFileDialog.getOpenFileName(window, "Open Annotations",
                                          str(current.parent if current else ""),
                                          "Annotations (*.json);;All files (*)")
    if path:
        window.annotations.open(path)


def _save_annotations_as(window: MainWindow) -> None:
    controller = window.annotations.controller
    path, _ = QFileDialog.getSaveFileName(window, "Save Annotations As",
                                          str(controller.path or ""), "Annotations (*.json)")
    if path:
        controller.save_as(Path(path))


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    folders = window.recent_folders()
    for folder in folders:
        menu.addAction(folder, partial(window.open_paths, [folder]))
    if not folders:
        menu.addAction("(none yet)").setEnabled(False)


def _about(window: MainWindow) -> None:
    QMessageBox.about(
        window, "About Source Reader",
        f"Source Reader {__version__}\n\nCompare reports of the same event side by side: "
        "paragraphs aligned even when reordered, split or merged; shared and unique wording "
        "highlighted.")
