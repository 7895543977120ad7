"""The annotation dock: a filter box and the table of tagged passages.

Typing filters by text (quote, note, tags, document name); ``tag:NAME`` (or ``#NAME``)
filters by one tag. Clicking a row asks for its passage (``passage_requested``); Del asks to
delete the selected rows (``delete_requested``). The panel changes nothing itself: the window
turns both requests into actions and the controller's commands.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLineEdit,
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
        column.addWidget(self.filter_box)
        column.addWidget(self.table)
        self.setWidget(body)

    def _connect_signals(self) -> None:
        self.controller.annotations_changed.connect(self.refresh)
        self.filter_box.textChanged.connect(self.refresh)
        self.table.clicked.connect(self._on_table_clicked)
        self.table.activated.connect(self._on_table_clicked)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)

    def refresh(self) -> None:
        """List the annotations the filter lets through, each with its current anchor."""
        text = self.filter_box.text().strip()
        tag = next((text[len(p):].strip() for p in TAG_PREFIXES if text.startswith(p)), None)
        store = self.controller.store
        chosen = store.filter(tag=tag) if tag else store.filter(text=text or None)
        self.model.set_rows(self.controller.listed(chosen))

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

    def _on_delete_action_triggered(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)
