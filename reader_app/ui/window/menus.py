"""The main window's menus and keyboard shortcuts, in one table-like place.

``build_menus`` gets everything it needs passed in (``MenuInputs``: the menu bar, the undo
stack, the actions other parts own, and the window's intents as callables) and returns the
actions by name; it never imports the main window nor walks its attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import UnionType
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMenuBar,
    QMessageBox,
    QTextEdit,
    QWidget,
)

from reader_app import __version__
from reader_app.ui.plain_text import plain_action
from reader_app.ui.theme import THEMES
from reader_app.ui.window.recent_folders import start_folder
from reader_app.ui.window.shortcuts_dialog import LISTED_NAME, show_every_key

Shortcut = str | QKeySequence.StandardKey | list[str]


@dataclass(frozen=True)
class MenuInputs:
    """What the menus act on. The callables are the window's intents."""

    parent: QWidget  # owns the actions, parents the dialogs
    bar: QMenuBar
    settings: QSettings  # the last folder opened, where file dialogs start
    undo_stack: QUndoStack
    tag_action: QAction
    tag_linked_action: QAction  # Edit ▸ Tag Linked Passage (enabled while it is offered)
    fold_action: QAction  # View ▸ Fold Unmatched Runs (checkable; it keeps its own state)
    change_actions: tuple[QAction, QAction]  # View ▸ Next / Previous Change (in a pair)
    dock_toggles: Sequence[QAction]  # the docks' show/hide actions
    open_paths: Callable[[list[str]], None]
    recent_folders: Callable[[], list[str]]
    annotations_path: Callable[[], Path | None]
    open_annotations: Callable[[str], None]
    save_annotations_as: Callable[[Path], None]
    quit: Callable[[], object]
    swap_sides: Callable[[], None]
    set_ignore_case: Callable[[bool], None]
    set_ignore_punctuation: Callable[[bool], None]
    go_to_difference: Callable[[int], None]
    open_find: Callable[[], None]
    find: Callable[[bool], None]  # backwards?
    zoom: Callable[[int], None]
    set_sync_scrolling: Callable[[bool], None]
    set_hide_boilerplate: Callable[[bool], None]
    set_source_mode: Callable[[bool], None]
    set_theme: Callable[[str], None]
    export_comparison: Callable[[], object]  # HTML or PDF, after a file dialog
    print_comparison: Callable[[], object]  # after a print dialog
    preview_print: Callable[[], object]  # the pages as they will print, then printed
    export_annotations: Callable[[], object]  # as the Annotations dock filters them
    export_followup: Callable[[], object]  # the follow-up report, HTML or PDF
    show_shortcuts: Callable[[], object]
    show_getting_started: Callable[[], object]
    show_overview: Callable[[bool], None]  # the corpus overview, or the comparison
    active_pane: Callable[[], QTextEdit]  # the comparison's pane the reader worked in last


def _target(inputs: MenuInputs, kinds: UnionType) -> Any:
    """The focused widget if it is one of ``kinds``, else the comparison's active pane."""
    widget = QApplication.focusWidget()
    return widget if isinstance(widget, kinds) else inputs.active_pane()


def _action(parent: QWidget, menu: QMenu, text: str, slot: Callable[..., object],
            shortcut: Shortcut | None = None, checkable: bool = False) -> QAction:
    action = QAction(text, parent)
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


def build_menus(inputs: MenuInputs) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    _build_file_menu(inputs, actions)
    _build_edit_menu(inputs, actions)
    compare_menu = inputs.bar.addMenu("&Compare")
    actions["swap"] = _action(inputs.parent, compare_menu, "&Swap Sides",
                              inputs.swap_sides, "Ctrl+Shift+S")
    compare_menu.addSeparator()
    actions["ignore_case"] = _action(inputs.parent, compare_menu, "Ignore &Case",
                                     inputs.set_ignore_case, checkable=True)
    actions["ignore_punctuation"] = _action(inputs.parent, compare_menu, "Ignore &Punctuation",
                                            inputs.set_ignore_punctuation, checkable=True)
    _build_view_menu(inputs, actions)
    help_menu = inputs.bar.addMenu("&Help")
    actions["getting_started"] = _action(inputs.parent, help_menu, "&Getting Started",
                                         inputs.show_getting_started,
                                         QKeySequence.StandardKey.HelpContents)
    actions["shortcuts"] = _action(inputs.parent, help_menu, "&Keyboard Shortcuts",
                                   inputs.show_shortcuts, "Ctrl+/")
    help_menu.addSeparator()
    _action(inputs.parent, help_menu, "&About Source Reader", partial(_about, inputs.parent))
    show_every_key(actions.values())  # "Alt+Down, F7", not only the first
    return actions


def _build_file_menu(inputs: MenuInputs, actions: dict[str, QAction]) -> None:
    parent, file_menu = inputs.parent, inputs.bar.addMenu("&File")
    actions["open_folder"] = _action(parent, file_menu, "Open &Folder…",
                                     partial(_open_folder, inputs), QKeySequence.StandardKey.Open)
    actions["open_files"] = _action(parent, file_menu, "Open F&iles…",
                                    partial(_open_files, inputs), "Ctrl+Shift+O")
    recent = file_menu.addMenu("&Recent Folders")
    recent.aboutToShow.connect(partial(_fill_recent, inputs, recent))
    file_menu.addSeparator()
    actions["open_annotations"] = _action(parent, file_menu, "Open &Annotations…",
                                          partial(_open_annotations, inputs))
    actions["save_annotations_as"] = _action(parent, file_menu, "Save Annotations &As…",
                                             partial(_save_annotations_as, inputs))
    file_menu.addSeparator()
    actions["export_comparison"] = _action(parent, file_menu, "&Export Comparison…",
                                           inputs.export_comparison, "Ctrl+E")
    actions["export_annotations"] = _action(parent, file_menu, "Export A&nnotations…",
                                            inputs.export_annotations)
    actions["export_followup"] = _action(parent, file_menu, "Export &Tagged Passages…",
                                         inputs.export_followup)
    actions["print_preview"] = _action(parent, file_menu, "Print Pre&view…",
                                       inputs.preview_print, "Ctrl+Shift+P")
    actions["print"] = _action(parent, file_menu, "&Print…", inputs.print_comparison,
                               QKeySequence.StandardKey.Print)
    file_menu.addSeparator()
    actions["quit"] = _action(parent, file_menu, "&Quit", inputs.quit,
                              QKeySequence.StandardKey.Quit)


def _build_edit_menu(inputs: MenuInputs, actions: dict[str, QAction]) -> None:
    edit = inputs.bar.addMenu("&Edit")
    actions["undo"] = inputs.undo_stack.createUndoAction(inputs.parent, "&Undo")
    actions["undo"].setProperty(LISTED_NAME, "Undo")  # (its text names the last change)
    actions["undo"].setShortcut(QKeySequence("Ctrl+Z"))
    actions["redo"] = inputs.undo_stack.createRedoAction(inputs.parent, "&Redo")
    actions["redo"].setProperty(LISTED_NAME, "Redo")
    actions["redo"].setShortcut(QKeySequence("Ctrl+Shift+Z"))
    edit.addActions([actions["undo"], actions["redo"]])
    edit.addSeparator()
    # On the focused text (a pane, the find field, a filter) or list, else on the active
    # pane: from the library, Copy takes what the reader selected in the comparison.
    actions["copy"] = _action(inputs.parent, edit, "&Copy",
                              lambda: _target(inputs, QTextEdit | QLineEdit).copy(),
                              QKeySequence.StandardKey.Copy)
    actions["select_all"] = _action(
        inputs.parent, edit, "Select &All",
        lambda: _target(inputs, QTextEdit | QLineEdit | QAbstractItemView).selectAll(),
        QKeySequence.StandardKey.SelectAll)
    edit.addSeparator()
    actions["tag_selection"] = inputs.tag_action
    actions["tag_linked"] = inputs.tag_linked_action
    edit.addActions([actions["tag_selection"], actions["tag_linked"]])


def _build_view_menu(inputs: MenuInputs, actions: dict[str, QAction]) -> None:
    parent, view = inputs.parent, inputs.bar.addMenu("&View")
    actions["corpus_overview"] = _action(parent, view, "Corpus &Overview", inputs.show_overview,
                                         "Ctrl+Shift+M", checkable=True)
    view.addSeparator()
    actions["next_difference"] = _action(parent, view, "&Next Difference",
                                         lambda: inputs.go_to_difference(1), ["Alt+Down", "F7"])
    actions["previous_difference"] = _action(parent, view, "&Previous Difference",
                                             lambda: inputs.go_to_difference(-1),
                                             ["Alt+Up", "Shift+F7"])
    actions["next_change"], actions["previous_change"] = inputs.change_actions
    view.addActions(list(inputs.change_actions))
    view.addSeparator()
    actions["find"] = _action(parent, view, "&Find…", inputs.open_find,
                              QKeySequence.StandardKey.Find)
    actions["find_next"] = _action(parent, view, "Find &Next", lambda: inputs.find(False), "F3")
    actions["find_previous"] = _action(parent, view, "Find Pre&vious", lambda: inputs.find(True),
                                       "Shift+F3")
    view.addSeparator()
    actions["zoom_in"] = _action(parent, view, "Zoom &In", lambda: inputs.zoom(1),
                                 ["Ctrl+=", "Ctrl++"])
    actions["zoom_out"] = _action(parent, view, "Zoom &Out", lambda: inputs.zoom(-1), "Ctrl+-")
    actions["zoom_reset"] = _action(parent, view, "&Reset Zoom", lambda: inputs.zoom(0),
                                    "Ctrl+0")
    view.addSeparator()
    actions["sync_scroll"] = _action(parent, view, "&Synchronized Scrolling",
                                     inputs.set_sync_scrolling, checkable=True)
    actions["hide_boilerplate"] = _action(parent, view, "&Hide Boilerplate",
                                          inputs.set_hide_boilerplate, "Ctrl+B", checkable=True)
    actions["fold_unmatched"] = inputs.fold_action
    view.addAction(inputs.fold_action)
    actions["show_source"] = _action(parent, view, "Show Mark-up &Source",
                                     inputs.set_source_mode, "Ctrl+U", checkable=True)
    view.addActions(list(inputs.dock_toggles))
    _build_theme_menu(inputs, view.addMenu("&Theme"), actions)


def _build_theme_menu(inputs: MenuInputs, theme_menu: QMenu,
                      actions: dict[str, QAction]) -> None:
    group = QActionGroup(inputs.parent)
    for theme in THEMES:
        action = _action(inputs.parent, theme_menu, f"&{theme.capitalize()}",  # Alt+V, T, D
                         lambda on, t=theme: on and inputs.set_theme(t), checkable=True)
        group.addAction(action)
        actions[f"theme_{theme}"] = action


def _open_folder(inputs: MenuInputs) -> None:
    folder = QFileDialog.getExistingDirectory(inputs.parent, "Open Folder",
                                              start_folder(inputs.settings))
    if folder:
        inputs.open_paths([folder])


def _open_files(inputs: MenuInputs) -> None:
    files, _ = QFileDialog.getOpenFileNames(
        inputs.parent, "Open Files", start_folder(inputs.settings),
        "Documents (*.txt *.text *.md *.markdown *.html *.htm);;All files (*)")
    if files:
        inputs.open_paths(files)


def _open_annotations(inputs: MenuInputs) -> None:
    current = inputs.annotations_path()
    path, _ = QFileDialog.getOpenFileName(inputs.parent, "Open Annotations",
                                          str(current.parent if current else ""),
                                          "Annotations (*.json);;All files (*)")
    if path:
        inputs.open_annotations(path)


def _save_annotations_as(inputs: MenuInputs) -> None:
    path, _ = QFileDialog.getSaveFileName(inputs.parent, "Save Annotations As",
                                          str(inputs.annotations_path() or ""),
                                          "Annotations (*.json)")
    if path:
        inputs.save_annotations_as(Path(path))


def _fill_recent(inputs: MenuInputs, menu: QMenu) -> None:
    menu.clear()
    folders = inputs.recent_folders()
    for folder in folders:
        menu.addAction(plain_action(folder), partial(inputs.open_paths, [folder]))
    if not folders:
        menu.addAction("(none yet)").setEnabled(False)


def _about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, "About Source Reader",
        f"Source Reader {__version__}\n\nCompare reports of the same event side by side: "
        "paragraphs aligned even when reordered, split or merged; shared and unique wording "
        "highlighted.")
