"""The annotation dock: a filter box and the table of tagged passages.

Typing filters by text (quote, note, tags, document name); ``tag:NAME`` (or ``#NAME``)
filters by one tag. Clicking a row asks for its passage (``passage_requested``); double-click,
Enter or "Edit…" asks to edit it (``edit_requested``); "Re-attach to Selection" (button and
context menu) asks to point it at the words selected in a pane (``reattach_requested``); Del
asks to delete the selected rows (``delete_requested``). The panel changes nothing itself: the
window turns the requests into actions and the controller's commands.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader_app.ui.annotation_controller import AnnotationController
from reader_app.ui.annotation_model import ID_ROLE, QUOTE, AnnotationTableModel

TAG_PREFIXES = ("tag:", "#")
COLUMN_WIDTH = 90  # of every column but the quote, which takes the rest


class AnnotationPanel(QDockWidget):
    passage_requested = Signal(str)  # an annotation id
    delete_requested = Signal(tuple)  # annotation ids
    edit_requested = Signal(str)  # an annotation id
    reattach_requested = Signal(str)  # an annotation id

    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__("Annotations", parent)
        self.setObjectName("annotation_panel")
        self.controller = controller
        self.model = AnnotationTableModel(controller.tag_colour, self)
        self._build_ui()
        self._connect_signals()
        self.refresh()

    def _build_ui(self) -> None:
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        self.filter_box = QLineEdit(body)
        self.filter_box.setObjectName("annotation_filter")
        self.filter_box.setPlaceholderText("Filter: words, or tag:NAME")
        self.filter_box.setClearButtonEnabled(True)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(body)
        self.table.setObjectName("annotation_table")
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # unsorted (file order) until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(COLUMN_WIDTH)
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        self.delete_action = QAction("Delete Tags", self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reattach_button = QPushButton("Re-attach to Selection", body)
        self.reattach_button.setObjectName("reattach_button")
        self.reattach_button.setToolTip(
            "Point the selected (orphaned) tag at the words selected in a pane")
        self.reattach_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.reattach_button)
        column.addLayout(top)
        column.addWidget(self.table)
        self.setWidget(body)

    def _connect_signals(self) -> None:
        self.controller.annotations_changed.connect(self.refresh)
        self.filter_box.textChanged.connect(self.refresh)
        self.table.clicked.connect(self._on_table_clicked)
        self.table.activated.connect(self._on_table_activated)  # double-click, Enter
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_selection_changed)
        self.reattach_button.clicked.connect(self._on_reattach_button_clicked)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)

    def refresh(self) -> None:
        """List the annotations the filter lets through, each with its current anchor."""
        text = self.filter_box.text().strip()
        tag = next((text[len(p):].strip() for p in TAG_PREFIXES if text.startswith(p)), None)
        store = self.controller.store
        chosen = store.filter(tag=tag) if tag else store.filter(text=text or None)
        kept = set(self.selected_ids())
        self.model.set_rows(self.controller.listed(chosen))
        if kept:
            self._select(kept)

    def _select(self, ids: set[str]) -> None:
        """Select the rows of ``ids`` again (a reset of the model forgets the selection)."""
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) in ids:
                selection.select(index, self.proxy.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(selection, flags)

    def row_count(self) -> int:
        return self.proxy.rowCount()

    def quotes(self) -> list[str]:
        """The quote column as shown, top to bottom."""
        return [str(self.proxy.index(row, QUOTE).data()) for row in range(self.row_count())]

    def selected_ids(self) -> tuple[str, ...]:
        rows = self.table.selectionModel().selectedRows()
        return tuple(str(index.data(ID_ROLE)) for index in sorted(rows, key=QModelIndex.row))

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self.passage_requested.emit(str(index.data(ID_ROLE)))

    def current_id(self) -> str | None:
        """The one selected annotation (None with none or several selected)."""
        ids = self.selected_ids()
        return ids[0] if len(ids) == 1 else None

    def context_menu(self) -> QMenu:
        """The table's context menu for the rows selected now."""
        menu = QMenu(self.table)
        one = self.current_id()
        edit = menu.addAction("&Edit…", lambda: self.edit_requested.emit(one))
        edit.setEnabled(one is not None)
        reattach = menu.addAction("&Re-attach to Selection", self._on_reattach_button_clicked)
        reattach.setEnabled(one is not None)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _on_table_context_menu_requested(self, point: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.edit_requested.emit(str(index.data(ID_ROLE)))

    def _on_selection_changed(self) -> None:
        self.reattach_button.setEnabled(self.current_id() is not None)

    def _on_reattach_button_clicked(self) -> None:
        one = self.current_id()
        if one is not None:
            self.reattach_requested.emit(one)

    def _on_delete_action_triggered(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)
