"""The annotation dock: a filter box, a document filter and the table of tagged passages.

Typing filters by words (quote, note, tags, document name); ``tag:NAME`` (or ``#NAME``)
filters by one tag; the document box shows all documents, the two on screen, or one. Clicking
a header sorts by that column (the context menu's "File Order" undoes it). Clicking a row asks
for its passage (``passage_requested``); double-click, Enter or "Edit…" asks to edit the
selected rows, one or several (``edit_requested``); "Re-attach to Selection" (button and
context menu) asks to point one at the words selected in a pane (``reattach_requested``);
"Tag Colour" asks to choose a tag's colour (``colour_requested``); Del asks to delete the
selected rows (``delete_requested``); "Export…" (button and context menu) asks to export the
rows listed, as filtered (``export_requested``). The panel changes nothing itself: the window
turns the requests into actions and the controller's commands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from reader_app.core.annotations.query import parse_query
from reader_app.core.text import shorten
from reader_app.ui.annotations.controller import AnnotationController
from reader_app.ui.annotations.model import ID_ROLE, QUOTE, TAGS, AnnotationTableModel
from reader_app.ui.annotations.tag_delegate import MARGIN, TagsDelegate
from reader_app.ui.plain_text import plain_action, plain_tooltip

COLUMN_WIDTH = 90  # of every column but the quote, which takes the rest (and the tags)
TAGS_SAMPLE = "contradiction, follow-up"  # two tags the Tags column shows whole at first
ALL_DOCUMENTS, SHOWN_DOCUMENTS = "all", "shown"  # the document box's first two entries
MAX_COLOUR_ENTRIES = 12  # tags offered in the "Tag Colour" menu
FILTER_HINT = "Filter: words, or tag:NAME"
DOCUMENT_BOX_CHARS = 24  # of a title in the document box (its tooltip has it all)
DOCUMENT_BOX_TIP = "Show the tags of all documents, of the two on screen, or of one"


class AnnotationPanel(QDockWidget):
    passage_requested = Signal(str)  # an annotation id
    delete_requested = Signal(tuple)  # annotation ids
    edit_requested = Signal(tuple)  # annotation ids (one or several)
    reattach_requested = Signal(str)  # an annotation id
    colour_requested = Signal(str)  # a tag
    export_requested = Signal()  # the annotations listed now (as filtered), to a file

    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__("Annotations", parent)
        self.setObjectName("annotation_panel")
        self.controller = controller
        self.model = AnnotationTableModel(controller, self)
        self._shown: frozenset[str] = frozenset()  # paths of the documents on screen
        self._listed_paths: list[tuple[str, str]] | None = None  # the box's (path, name)s
        self._build_ui()
        self._connect_signals()
        self._refresh_documents()

    def _build_ui(self) -> None:
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        self.filter_box = QLineEdit(body)
        self.filter_box.setObjectName("annotation_filter")
        self.filter_box.setPlaceholderText(FILTER_HINT)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setToolTip("List the tags whose quote, note, tags, document name or "
                                   "title hold each of these words (\"a phrase\" as typed); "
                                   "tag:NAME (or #NAME) for one tag, tag:NAME words for its "
                                   "passages with those words")
        self.document_box = QComboBox(body)
        self.document_box.setObjectName("annotation_documents")
        self.document_box.setToolTip(DOCUMENT_BOX_TIP)
        self.document_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reattach_button = QPushButton("Re-attach to Selection", body)
        self.reattach_button.setObjectName("reattach_button")
        self.reattach_button.setToolTip(
            "Point the selected (orphaned) tag at the words selected in a pane")
        self.reattach_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.document_box)
        top.addWidget(self.reattach_button)
        self.export_button = QPushButton("Export…", body)
        self.export_button.setObjectName("export_annotations_button")
        self.export_button.setToolTip("Export the annotations listed (as filtered) to CSV, "
                                      "W3C Web Annotations (JSON-LD) or JSON")
        self.export_button.clicked.connect(self.export_requested)
        top.addWidget(self.export_button)
        column.addLayout(top)
        column.addWidget(self._build_table(body))
        self.setWidget(body)

    def _build_table(self, parent: QWidget) -> QTableView:
        self.table = QTableView(parent)
        self.table.setObjectName("annotation_table")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(TAGS, TagsDelegate(self.table))  # each its colour
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # file order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line a row: a long quote or note is cut with "…"
        # Rows of one height: the view need not measure 10,000 of them.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(COLUMN_WIDTH)
        header.resizeSection(TAGS, self.table.fontMetrics().horizontalAdvance(TAGS_SAMPLE)
                             + 2 * MARGIN + 8)  # and the grid line, with some room to spare
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        self.delete_action = QAction("Delete Tags", self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        self.edit_action = QAction("Edit Tags", self.table)  # Enter: the list of keys shows it
        self.edit_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.edit_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        return self.table

    def _connect_signals(self) -> None:
        self.filter_box.textChanged.connect(self.apply_filter)
        self.document_box.currentIndexChanged.connect(self.apply_filter)
        self.document_box.currentIndexChanged.connect(self._tell_document_chosen)
        self.controller.annotations_changed.connect(self._refresh_documents)
        self.controller.documents_changed.connect(self._refresh_documents)
        self.controller.loading_changed.connect(self._on_loading_changed)
        self.table.clicked.connect(self._on_table_clicked)
        self.table.activated.connect(self._on_table_activated)  # double-click, Enter
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_selection_changed)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.controller.rows_changed):  # (one the filter keeps out counts too)
            signal.connect(self._show_count)
        self.reattach_button.clicked.connect(self._on_reattach_button_clicked)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.edit_action.triggered.connect(self._on_edit_action_triggered)

    # -- filtering -----------------------------------------------------------------------

    def apply_filter(self) -> None:
        """List the annotations that the filter box and the document box let through."""
        kept = self.selected_ids()
        self.model.set_query(parse_query(self.filter_box.text(), self._documents_wanted()))
        if kept:
            self.select_ids(kept)

    def _documents_wanted(self) -> frozenset[str] | None:
        chosen = self.document_box.currentData()
        if chosen in (None, ALL_DOCUMENTS):
            return None
        return self._shown if chosen == SHOWN_DOCUMENTS else frozenset((str(chosen),))

    def set_shown_documents(self, paths: Iterable[str]) -> None:
        """The documents on screen now (what "Documents on Screen" filters by)."""
        self._shown = frozenset(paths)
        if self.document_box.currentData() == SHOWN_DOCUMENTS:
            self.apply_filter()

    def choose_documents(self, choice: str) -> None:
        """Choose ``ALL_DOCUMENTS``, ``SHOWN_DOCUMENTS`` or a document's path in the box."""
        index = self.document_box.findData(choice)
        if index >= 0:
            self.document_box.setCurrentIndex(index)

    def _tell_document_chosen(self, index: int) -> None:
        """The closed box's tooltip: the chosen document's whole title and path."""
        told = self.document_box.itemData(index, Qt.ItemDataRole.ToolTipRole)
        self.document_box.setToolTip(told or DOCUMENT_BOX_TIP)

    def titles_changed(self) -> None:
        """The library's documents changed: the table and the document box name them anew."""
        self.model.titles_changed()
        self._refresh_documents()

    def _refresh_documents(self, _touched: object = None) -> None:
        """List the documents that have annotations in the document box, by title where the
        library knows it, else by file name (when they or their titles change)."""
        names = {path: self.model.title_of(path) or Path(path).name or path
                 for path in self.controller.index.paths()}
        labels = box_labels(names)
        paths = sorted(names, key=lambda p: (names[p].casefold(), p))
        if [(path, names[path]) for path in paths] == self._listed_paths:
            return
        self._listed_paths = [(path, names[path]) for path in paths]
        box, chosen = self.document_box, self.document_box.currentData() or ALL_DOCUMENTS
        box.blockSignals(True)
        box.clear()
        box.addItem("All documents", ALL_DOCUMENTS)
        box.addItem("Documents on screen", SHOWN_DOCUMENTS)
        box.insertSeparator(box.count())
        for path in paths:
            box.addItem(labels[path], path)
            box.setItemData(box.count() - 1, plain_tooltip(f"{names[path]}\n{path}"),
                            Qt.ItemDataRole.ToolTipRole)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.blockSignals(False)
        if box.currentData() != chosen:  # its document lost its last tag
            self.apply_filter()

    # -- reading the table ---------------------------------------------------------------

    def row_count(self) -> int:
        return self.model.rowCount()

    def quotes(self) -> list[str]:
        """The quote column as shown, top to bottom."""
        return [str(self.model.index(row, QUOTE).data()) for row in range(self.row_count())]

    def selected_ids(self) -> tuple[str, ...]:
        rows = self.table.selectionModel().selectedRows()
        return tuple(str(index.data(ID_ROLE)) for index in sorted(rows, key=QModelIndex.row))

    def current_id(self) -> str | None:
        """The one selected annotation (None with none or several selected)."""
        ids = self.selected_ids()
        return ids[0] if len(ids) == 1 else None

    def select_ids(self, ids: Iterable[str]) -> None:
        """Select the rows of ``ids`` (those the filter shows)."""
        chosen = QItemSelection()
        last = self.model.columnCount() - 1
        for annotation_id in ids:
            row = self.model.row_of(annotation_id)
            if row is not None:
                chosen.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(chosen, flags)

    # -- the context menu ----------------------------------------------------------------

    def context_menu(self) -> QMenu:
        """The table's context menu for the rows selected now."""
        menu = QMenu(self.table)
        ids, one = self.selected_ids(), self.current_id()
        label = "&Edit…" if len(ids) <= 1 else f"&Edit {len(ids)} Tags…"
        edit = menu.addAction(label, lambda: self.edit_requested.emit(ids))
        edit.setEnabled(bool(ids))
        reattach = menu.addAction("&Re-attach to Selection", self._on_reattach_button_clicked)
        reattach.setEnabled(one is not None)
        self._add_colour_menu(menu, ids)
        menu.addSeparator()
        menu.addAction("Sort by &File Order", lambda: self.table.sortByColumn(
            -1, Qt.SortOrder.AscendingOrder))
        menu.addSeparator()
        menu.addAction("E&xport Annotations…", self.export_requested.emit)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _add_colour_menu(self, menu: QMenu, ids: tuple[str, ...]) -> None:
        tags: dict[str, str] = {}
        for annotation_id in ids:
            annotation = self.controller.store.get(annotation_id)
            for tag in annotation.tags if annotation else ():
                tags.setdefault(tag.casefold(), tag)
        colours = menu.addMenu("Tag &Colour")
        colours.setEnabled(bool(tags))
        for tag in list(tags.values())[:MAX_COLOUR_ENTRIES]:
            colours.addAction(plain_action(f"{tag}…"), lambda t=tag: self.colour_requested.emit(t))

    def _on_table_context_menu_requested(self, point: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(point))
        menu.deleteLater()

    # -- reacting ------------------------------------------------------------------------

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self.passage_requested.emit(str(index.data(ID_ROLE)))

    def _on_table_activated(self, index: QModelIndex) -> None:
        ids = self.selected_ids()
        clicked = str(index.data(ID_ROLE))
        self.edit_requested.emit(ids if clicked in ids else (clicked,))

    def _on_edit_action_triggered(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self._on_table_activated(current)  # as Enter did: the selection, or that row

    def _show_count(self) -> None:
        """The dock's title: how many annotations, and how many the filters let through."""
        shown, total = self.model.rowCount(), len(self.controller.store)
        self.setWindowTitle(f"Annotations ({total:,})" if shown == total
                            else f"Annotations ({shown:,} of {total:,})")

    def _on_loading_changed(self, loading: bool) -> None:
        self.filter_box.setPlaceholderText("Reading the annotation file…" if loading
                                           else FILTER_HINT)

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


def box_labels(names: dict[str, str]) -> dict[str, str]:
    """Each document's entry in the document box: its title (or file name) cut to
    ``DOCUMENT_BOX_CHARS``; where two would read the same ("Russian President Vladi…" for
    seeds 003 and 004), each of those with its file name too, then its path's end."""
    labels = {path: shorten(name, DOCUMENT_BOX_CHARS) for path, name in names.items()}
    half = DOCUMENT_BOX_CHARS // 2
    for told in (lambda path: shorten(Path(path).name, half + 8),
                 lambda path: shorten(path[::-1], half + 8)[::-1]):  # the path's end
        seen = Counter(labels.values())
        for path in [path for path, label in labels.items() if seen[label] > 1]:
            labels[path] = f"{shorten(names[path], half)} · {told(path)}"
    return labels
