"""The annotation table's model: one row per annotation with where it stands now.

Columns: quote, document, tags, note, status (exact / fuzzy / orphaned). Rows are
``Listed`` (annotation + anchor) handed in by whoever anchors them; the model computes
nothing. Testable without a view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from reader_app.core.annotation_export import Listed
from reader_app.core.annotations import ORPHANED

COLUMNS = ("Quote", "Document", "Tags", "Note", "Status")
QUOTE, DOCUMENT, TAGS, NOTE, STATUS = range(len(COLUMNS))
QUOTE_CHARS = 120  # of a long quote shown in its cell (the tooltip has it all)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ORPHAN_COLOUR = QColor("#c0392b")

Index = QModelIndex | QPersistentModelIndex


class AnnotationTableModel(QAbstractTableModel):
    def __init__(self, tag_colour: Callable[[str], QColor], parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[Listed] = []
        self._tag_colour = tag_colour

    def set_rows(self, rows: Sequence[Listed]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def listed(self, row: int) -> Listed:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

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
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _text(item, index.column(), full=role == Qt.ItemDataRole.ToolTipRole)
        if role == ID_ROLE:
            return item.annotation.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == STATUS and item.anchor.status == ORPHANED:
                return ORPHAN_COLOUR
            if index.column() == TAGS and item.annotation.tags:
                return self._tag_colour(item.annotation.tags[0])
        return None


def _text(item: Listed, column: int, full: bool) -> str:
    annotation = item.annotation
    if column == QUOTE:
        quote = " ".join(annotation.target.exact.split())
        return quote if full or len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + "…"
    if column == DOCUMENT:
        return annotation.document.path if full else annotation.document.name
    if column == TAGS:
        return ", ".join(annotation.tags)
    if column == NOTE:
        return annotation.note
    return item.anchor.status
