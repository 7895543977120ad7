"""Help ▸ Keyboard Shortcuts: every action of the window with its keys, searchable.

The list is built from the window's ``QAction`` objects when the dialog opens, so it always
says what the keys do now; typing in the filter box keeps the rows whose action, keys or menu
contain the words typed (any case). ``show_every_key`` makes the menus show all of an action's
keys ("Alt+Down, F7"), where Qt shows only the first.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

COLUMNS = ("Action", "Keys", "Menu")
NO_KEYS = "—"
KEY_SEPARATOR = ", "


LISTED_NAME = "listed_name"  # an action's property: its name in the list, if its text varies
# Keys that widgets take themselves, not through an action (so no action can list them).
KEYS_WITHOUT_ACTIONS = (
    ("Close the find bar", "Esc", "Find bar"),
    ("Cancel the comparison or search under way", "Esc", "Status bar"),
)


def action_name(action: QAction) -> str:
    """An action's text as a reader reads it: no mnemonic ``&``, no keys after a tab; an
    action whose text follows what it would do now ("Undo Delete tag") by its own name."""
    text = action.property(LISTED_NAME) or action.text().split("\t", 1)[0]
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def action_keys(action: QAction) -> str:
    keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
    return KEY_SEPARATOR.join(k for k in keys if k)


def action_menu(action: QAction) -> str:
    """The title of the (first) menu that holds the action; else the dock whose widget it
    belongs to ("Annotations" for Delete Tags)."""
    for holder in action.associatedObjects():
        if isinstance(holder, QMenu) and holder.title():
            return action_name(holder.menuAction())
    for holder in action.associatedObjects():
        dock = _dock_of(holder) if isinstance(holder, QWidget) else None
        if dock is not None:
            return dock.windowTitle().split(" (", 1)[0]  # "Annotations (3)": no count
    return ""


def _dock_of(widget: QWidget | None) -> QDockWidget | None:
    while widget is not None and not isinstance(widget, QDockWidget):
        widget = widget.parentWidget()
    return widget


def show_every_key(actions: Iterable[QAction]) -> None:
    """Menus show all the keys of an action that has several (Qt shows only the first): the
    keys are written after a tab in its text, which a menu then shows instead."""
    for action in actions:
        if len(action.shortcuts()) > 1:
            base = action.text().split("\t", 1)[0]
            action.setText(f"{base}\t{action_keys(action)}")


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str, str]]:
    """(action, keys, menu) of each named action, once each, and the keys widgets take
    themselves (``KEYS_WITHOUT_ACTIONS``), those with keys first."""
    rows, seen = list(KEYS_WITHOUT_ACTIONS), set()
    for action in actions:
        name = action_name(action)
        if not name or action.isSeparator() or id(action) in seen:
            continue
        seen.add(id(action))
        rows.append((name, action_keys(action) or NO_KEYS, action_menu(action)))
    return sorted(rows, key=lambda row: (row[1] == NO_KEYS, row[2], row[0]))


class ShortcutsDialog(QDialog):
    """A filter box over a table of the actions and their keys."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setObjectName("shortcuts_dialog")
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter: an action, a key or a menu")
        self.filter_box.setToolTip("Show only the actions whose name, keys or menu contain "
                                   "these words")
        self.filter_box.setClearButtonEnabled(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self._fill(shortcut_rows(actions))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.filter_box, self.table, buttons):
            layout.addWidget(widget)
        self.filter_box.textChanged.connect(self.apply_filter)
        self.resize(560, 520)

    def _fill(self, rows: list[tuple[str, str, str]]) -> None:
        table = self.table
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setWordWrap(False)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def apply_filter(self, typed: str) -> None:
        words = typed.casefold().split()
        for row in range(self.table.rowCount()):
            cells = " ".join(self.table.item(row, c).text() for c in range(len(COLUMNS)))
            self.table.setRowHidden(row, not all(w in cells.casefold() for w in words))

    def visible_rows(self) -> list[tuple[str, ...]]:
        """The rows shown now, as (action, keys, menu)."""
        return [tuple(self.table.item(row, c).text() for c in range(len(COLUMNS)))
                for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)]


def show_shortcuts(actions: Iterable[QAction], parent: QWidget) -> ShortcutsDialog:
    """Open the dialog (not modal: the keys can be tried with it open)."""
    dialog = ShortcutsDialog(actions, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.activateWindow()
    dialog.filter_box.setFocus()  # opened to look a key up: typing filters at once
    return dialog
