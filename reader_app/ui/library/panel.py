"""The library dock: the opened documents in a sortable, filterable table.

The reader picks the two documents to compare here: Enter or a double click shows the
selected one on the right, Shift+Enter on the left; the context menu does both and offers
"Compare with…" any other document.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader_app.core.text import counted
from reader_app.ui.library.columns import ColumnFitter
from reader_app.ui.library.dock_width import DockWidthLimit
from reader_app.ui.library.model import (
    DATE_COLUMN,
    OUTLET_COLUMN,
    SIMILARITY_COLUMN,
    SORT_ROLE,
    TITLE_COLUMN,
    WORDS_COLUMN,
    LibraryModel,
)
from reader_app.ui.plain_text import plain_action

# A narrow library (a small window) hides these, the first first; the title, the side and
# the similarity to the left document stay.
NARROW_DROPS = (WORDS_COLUMN, DATE_COLUMN, OUTLET_COLUMN)
WHOLE_COLUMNS = (DATE_COLUMN, WORDS_COLUMN, SIMILARITY_COLUMN)  # never cut to "20…"


SIDE_KEYS = {"right": ("Return", "Enter"), "left": ("Shift+Return", "Shift+Enter")}


class _LibraryTable(QTableView):
    """The table; Enter shows the current row's document on the right, Shift+Enter on the
    left, by actions (``side_actions``) that the window's list of keys shows."""

    side_requested = Signal(int, str)  # proxy row, "left" or "right"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side_actions = tuple(self._side_action(side) for side in ("right", "left"))

    def _side_action(self, side: str) -> QAction:
        action = QAction(f"Show on {side.title()}", self)
        action.setShortcuts([QKeySequence(key) for key in SIDE_KEYS[side]])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda: self._show_current(side))
        self.addAction(action)
        return action

    def _show_current(self, side: str) -> None:
        if self.currentIndex().isValid():
            self.side_requested.emit(self.currentIndex().row(), side)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter that reached the table without its shortcut (the table had no focus)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self._show_current("left" if shift else "right")
            return
        super().keyPressEvent(event)


class LibraryPanel(QDockWidget):
    """Lists documents; emits which one the reader wants on which side."""

    side_requested = Signal(int, str)  # model row, "left" or "right"
    pair_requested = Signal(int, int)  # left row, right row

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__("Library", parent)
        self.setObjectName("library_dock")
        self.model = model
        self._build_ui()
        self._connect_signals()
        if isinstance(parent, QMainWindow):  # a small window takes its width from here first
            self.width_limit = DockWidthLimit(self, parent)

    def _build_ui(self) -> None:
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter by title, outlet, date…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setToolTip("List only the documents whose row (title, outlet, date…) "
                                   "contains this text")
        self.no_match = QLabel(self)  # (plain text: the filter is the reader's own)
        self.no_match.setTextFormat(Qt.TextFormat.PlainText)
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.table = _LibraryTable(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)  # the folder's order until the reader sorts by a column
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # The title takes the room left (and can be dragged wider); the others fit, capped.
        self.columns = ColumnFitter(self.table, TITLE_COLUMN, NARROW_DROPS, WHOLE_COLUMNS)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.no_match)
        layout.addWidget(self.table)
        self.setWidget(body)

    def _connect_signals(self) -> None:
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._tell_no_match)
        self.filter_box.textChanged.connect(self._tell_no_match)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.side_requested.connect(
            lambda row, side: self.side_requested.emit(self._source_row(row), side)
        )
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)

    def _tell_no_match(self) -> None:
        """Say so when the filter lets no document through (an empty table said nothing)."""
        typed = self.filter_box.text()
        none = bool(typed) and self.model.rowCount() > 0 and self.proxy.rowCount() == 0
        if none:
            self.no_match.setText(f"No document matches \u201c{typed}\u201d "
                                  f"({counted(self.model.rowCount(), 'document')} in all)")
        self.no_match.setVisible(none)

    def _source_row(self, proxy_row: int) -> int:
        return self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.side_requested.emit(self._source_row(index.row()), "right")

    def _on_table_context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        row = self._source_row(index.row())
        if self.model.entry(row).document is None:
            return
        menu = self._context_menu(row)
        menu.exec(self.table.viewport().mapToGlobal(point))

    def _context_menu(self, row: int) -> QMenu:
        menu = QMenu(self)
        for side in ("left", "right"):  # the keys shown act on the current row, as these do
            keys = QKeySequence(SIDE_KEYS[side][0]).toString(
                QKeySequence.SequenceFormat.NativeText)
            menu.addAction(f"Show on {side.title()}\t{keys}",
                           lambda s=side: self.side_requested.emit(row, s))
        compare_menu = menu.addMenu("Compare with")
        for other, entry in enumerate(self.model.entries()):
            if other != row and entry.document is not None:
                compare_menu.addAction(
                    plain_action(entry.document.shown_title),
                    lambda o=other: self.pair_requested.emit(row, o),
                )
        return menu
