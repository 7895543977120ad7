"""The annotation table's model: a row per annotation the filter lets through, kept change
by change.

Columns: quote, document (its title where the library knows it: "000_1b58….txt" told the
reader nothing; the tooltip has the path), tags (each tag with its colour:
``TAG_COLOURS_ROLE``), note, status (exact / fuzzy / orphaned). Rows are ids; each cell is
read from the controller's store when it is drawn, and a row's status (its anchor) is worked
out only when it is first drawn or sorted on — so opening 10,000 annotations anchors the few
on screen. The filter (an ``AnnotationQuery``) and the sort are applied here, in Python over
the store, rather than by a ``QSortFilterProxyModel``, which asks Python once per row to
filter (60-110 ms a keystroke at 10,000) and twice per comparison to sort (0.5 s).
Added annotations that pass the filter are inserted (at their sorted place when sorted),
removed ones removed, changed ones redrawn (or dropped or taken in, by the filter); the
view's selection and scroll position survive. Testable without a view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from reader_app.core.annotations.model import ORPHANED, Annotation
from reader_app.core.annotations.query import AnnotationQuery
from reader_app.core.annotations.store import REMOVED
from reader_app.core.text import shorten
from reader_app.ui.annotations.controller import AnnotationController
from reader_app.ui.plain_text import plain_tooltip

COLUMNS = ("Quote", "Document", "Tags", "Note", "Status")
QUOTE, DOCUMENT, TAGS, NOTE, STATUS = range(len(COLUMNS))
QUOTE_CHARS = 120  # of a long quote shown in its cell (the tooltip has it all)
NOTE_CHARS = 60  # of a note's start shown in its cell, on one line (the tooltip has it all)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
TAG_COLOURS_ROLE = Qt.ItemDataRole.UserRole + 2  # the Tags cell: [(tag, its colour), …]
ORPHAN_COLOUR = QColor("#c0392b")
MANY = 200  # more rows than this changed at once: a reset is quicker
MANY_RANGES = 20  # more separate runs of rows than this removed at once: a reset is quicker
EVERYTHING = AnnotationQuery()

Index = QModelIndex | QPersistentModelIndex


class AnnotationTableModel(QAbstractTableModel):
    def __init__(self, controller: AnnotationController, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.controller = controller
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None  # None: the file's order
        self.query = EVERYTHING
        self.title_of: Callable[[str], str | None] = lambda _path: None  # a path's title
        controller.annotations_changed.connect(self.reload)
        controller.rows_changed.connect(self._on_rows_changed)
        controller.colours_changed.connect(lambda: self._column_changed(TAGS))
        controller.anchors_changed.connect(lambda: self._column_changed(STATUS))
        self.reload()

    # -- reading -------------------------------------------------------------------------

    def annotation_at(self, row: int) -> Annotation | None:
        return self.controller.store.get(self._ids[row])

    def row_of(self, annotation_id: str) -> int | None:
        return self._row_of.get(annotation_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        annotation = self.annotation_at(index.row())
        if annotation is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(annotation, column, full=False)
        if role == Qt.ItemDataRole.ToolTipRole:  # quotes, notes and tags are no markup
            return plain_tooltip(self._text(annotation, column, full=True))
        if role == ID_ROLE:
            return annotation.id
        if role == TAG_COLOURS_ROLE and column == TAGS:
            tags = annotation.tags
            return list(zip(tags, map(self.controller.tag_colour, tags), strict=True))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == STATUS and self._status(annotation) == ORPHANED:
                return ORPHAN_COLOUR
            if column == TAGS and annotation.tags:
                return self.controller.tag_colour(annotation.tags[0])
        return None

    def _text(self, annotation: Annotation, column: int, full: bool) -> str:
        if column == QUOTE:
            quote = " ".join(annotation.target.exact.split())
            return quote if full else shorten(quote, QUOTE_CHARS)
        if column == DOCUMENT:
            document = annotation.document
            return document.path if full else (self.title_of(document.path) or document.name)
        if column == TAGS:
            return ", ".join(annotation.tags)
        if column == NOTE:
            return annotation.note if full else shorten(" ".join(annotation.note.split()),
                                                        NOTE_CHARS)
        return self._status(annotation)

    def _status(self, annotation: Annotation) -> str:
        return self.controller.anchor_of(annotation).status

    # -- sorting -------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (``-1``: the file's order again), keeping the view's selection."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids_before = [self._ids[index.row()] for index in before]
        self._sorted_by = None if column < 0 else (column, order)
        self._ids = self._in_order(self._ids)
        self._row_of = {annotation_id: row for row, annotation_id in enumerate(self._ids)}
        after = [self.index(self._row_of[i], index.column()) for i, index in
                 zip(ids_before, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _in_order(self, ids: Iterable[str]) -> list[str]:
        store = self.controller.store
        if self._sorted_by is None:
            wanted = set(ids)
            return [a.id for a in store if a.id in wanted]
        column, order = self._sorted_by
        present = [a for i in ids if (a := store.get(i)) is not None]
        present.sort(key=lambda a: self._key(a, column),
                     reverse=order == Qt.SortOrder.DescendingOrder)
        return [a.id for a in present]

    def _key(self, annotation: Annotation | None, column: int) -> tuple[str, str]:
        if annotation is None:
            return ("", "")
        return (self._text(annotation, column, full=False).casefold(), annotation.id)

    # -- following the store -------------------------------------------------------------

    def set_query(self, query: AnnotationQuery) -> None:
        """List only the annotations ``query`` lets through."""
        if query != self.query:
            self.query = query
            self.reload()

    def reload(self) -> None:
        """List the store's annotations again (a reset: views forget their selection)."""
        self.beginResetModel()
        chosen = self.query.select(self.controller.store, self.title_of)
        self._ids = self._in_order(a.id for a in chosen)
        self._row_of = {annotation_id: row for row, annotation_id in enumerate(self._ids)}
        self.endResetModel()

    def _on_rows_changed(self, kind: str, ids: Sequence[str]) -> None:
        if len(ids) > MANY:
            self.reload()
        elif kind == REMOVED:
            self._remove(ids)
        else:
            self._follow(ids)

    def _follow(self, ids: Sequence[str]) -> None:
        """Added or changed annotations: in, out or redrawn, as the filter says."""
        store = self.controller.store
        leaving = []
        for annotation_id in ids:
            annotation = store.get(annotation_id)
            wanted = annotation is not None and self.query.matches(annotation, self.title_of)
            row = self._row_of.get(annotation_id)
            if row is None and wanted:
                self._insert(annotation_id)
            elif row is not None and not wanted:
                leaving.append(annotation_id)
            elif row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, STATUS))
        self._remove(leaving)

    def _insert(self, annotation_id: str) -> None:
        row = self._insertion_row(annotation_id)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, annotation_id)
        self._renumber(row)
        self.endInsertRows()

    def _insertion_row(self, annotation_id: str) -> int:
        """At its sorted place when sorted (a binary search: keys of ~14 rows, not all);
        else where the store has it: at the end for a new one, back in its place for one
        an undo restores (it went to the bottom of the list)."""
        if self._sorted_by is None:
            return self._row_in_store_order(annotation_id)
        column, order = self._sorted_by
        store = self.controller.store
        key = self._key(store.get(annotation_id), column)
        descending = order == Qt.SortOrder.DescendingOrder
        low, high = 0, len(self._ids)
        while low < high:
            middle = (low + high) // 2
            other = self._key(store.get(self._ids[middle]), column)
            if (other > key) if descending else (other < key):
                low = middle + 1
            else:
                high = middle
        return low

    def _row_in_store_order(self, annotation_id: str) -> int:
        """The row of the first annotation listed after ``annotation_id`` in the store."""
        after = False
        for annotation in self.controller.store:
            if after and annotation.id in self._row_of:
                return self._row_of[annotation.id]
            after = after or annotation.id == annotation_id
        return len(self._ids)

    def _remove(self, ids: Iterable[str]) -> None:
        rows = sorted({self._row_of[i] for i in ids if i in self._row_of}, reverse=True)
        if not rows:
            return
        runs = _runs(rows)
        if len(runs) > MANY_RANGES:
            self.reload()
            return
        for first, last in runs:  # from the bottom up: the rows above keep their numbers
            self.beginRemoveRows(QModelIndex(), first, last)
            for row in range(first, last + 1):
                del self._row_of[self._ids[row]]
            del self._ids[first : last + 1]
            self.endRemoveRows()
        self._renumber(rows[-1])

    def _renumber(self, first: int) -> None:
        for row in range(first, len(self._ids)):
            self._row_of[self._ids[row]] = row

    def titles_changed(self) -> None:
        """The library's documents changed: the Document column is drawn again (and the
        rows chosen again if words are looked for: they are looked for in titles too)."""
        if self.query.text:
            self.reload()
        else:
            self._column_changed(DOCUMENT)

    def _column_changed(self, column: int) -> None:
        if self._ids:
            last = len(self._ids) - 1
            self.dataChanged.emit(self.index(0, column), self.index(last, column))


def _runs(rows_descending: Sequence[int]) -> list[tuple[int, int]]:
    """Runs of consecutive rows as ``(first, last)``, the bottom run first."""
    runs: list[tuple[int, int]] = []
    for row in rows_descending:
        if runs and runs[-1][0] == row + 1:
            runs[-1] = (row, runs[-1][1])
        else:
            runs.append((row, row))
    return runs
