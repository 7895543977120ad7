"""The library as a Qt table model: one row per document (or per file that failed to load).

Columns: which side it is shown on, title, outlet, date, words, and content in common
with the current left document: the share of its words in paragraphs linked to the left
one's, by copied wording or by the same facts in other words (``Stats.content``; the shared
wording alone is in the cell's tooltip). Handed bare numbers instead of stats, the column
says "Similarity", as those are. Testable without a view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from reader_app.core.compare import Stats
from reader_app.core.documents import Document, load_document
from reader_app.core.errors import ReaderError
from reader_app.ui.plain_text import plain_tooltip

COLUMNS = ("", "Title", "Outlet", "Date", "Words", "Content")
CONTENT_TIP = ("Content in common with the left document: the share of words in paragraphs "
               "linked to it, by the same wording or the same facts in other words")
SIMILARITY_HEADER, SIMILARITY_TIP = "Similarity", "Shared wording with the left document"
SIDE_COLUMN, TITLE_COLUMN, OUTLET_COLUMN, DATE_COLUMN, WORDS_COLUMN, SIMILARITY_COLUMN = range(6)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MISSING_TIP, MISSING_COLOUR = "Missing on disk", "#8a8a8a"  # a row whose file was deleted
Index = QModelIndex | QPersistentModelIndex


@dataclass
class LibraryEntry:
    path: Path
    document: Document | None = None
    problem: str | None = None
    similarity: float | None = None  # the content column's value
    shared: float | None = None  # the shared wording, when the comparison's stats were given
    missing: bool = False  # deleted on disk since it was read: its last text is kept


def load_entry(path: Path) -> LibraryEntry:
    """The library's entry for the file at ``path``: its document, or why it cannot be read."""
    try:
        return LibraryEntry(path.resolve(), document=load_document(path))
    except ReaderError as error:
        return LibraryEntry(path.resolve(), problem=str(error).removeprefix(f"{path}: "))


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[LibraryEntry] = []
        self.left: int | None = None
        self.right: int | None = None
        self._content = True  # whether the column holds content (stats) or bare similarities
        self._values_left: int | None = None  # the left row the column's values are against

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self.left = self.right = None
        self.endResetModel()

    def entries(self) -> list[LibraryEntry]:
        return list(self._entries)

    def entry(self, row: int) -> LibraryEntry:
        return self._entries[row]

    def row_of(self, path: str | Path | None) -> int | None:
        """The row of the file at ``path`` (resolved, as the entries' paths are), or None."""
        wanted = _resolved(path)
        if wanted is None:
            return None
        for row, entry in enumerate(self._entries):
            if entry.path == wanted:
                return row
        return None

    def document(self, row: int | None) -> Document | None:
        return None if row is None else self._entries[row].document

    def replace_document(self, row: int, document: Document) -> None:
        """The file of ``row`` was read again (changed on disk, or back after being missing)."""
        entry = self._entries[row]
        entry.document, entry.problem, entry.missing = document, None, False
        self._changed_row(row)

    def set_missing(self, row: int, missing: bool) -> None:
        """Mark ``row``'s file as gone from disk (its last text stays), or back."""
        self._entries[row].missing = missing
        self._changed_row(row)

    def _changed_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_sides(self, left: int | None, right: int | None) -> None:
        stale = left != self.left
        self.left, self.right = left, right
        self._changed_column(SIDE_COLUMN)
        if stale:  # (values against another left are not shown: blank until filled again)
            self._changed_column(SIMILARITY_COLUMN)

    def set_similarities(self, values: Mapping[int, float | Stats]) -> None:
        """Fill the content column: per row, its comparison's stats against the left
        document (their ``content`` is shown), or a bare similarity (then so titled)."""
        self._values_left = self.left
        for entry in self._entries:
            entry.similarity = entry.shared = None
        # (the left document against itself is a bare 1.0 either way)
        content = all(isinstance(v, Stats) for row, v in values.items() if row != self.left)
        if content != self._content:
            self._content = content
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, SIMILARITY_COLUMN,
                                        SIMILARITY_COLUMN)
        for row, value in values.items():
            entry = self._entries[row]
            if isinstance(value, Stats):
                entry.similarity, entry.shared = value.content, value.similarity
            else:
                entry.similarity = value
        self._changed_column(SIMILARITY_COLUMN)

    def _changed_column(self, column: int) -> None:
        if self._entries:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._entries) - 1, column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == SIMILARITY_COLUMN and not self._content:
                return SIMILARITY_HEADER
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == SIMILARITY_COLUMN:
            return CONTENT_TIP if self._content else SIMILARITY_TIP
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._entries[index.row()].document is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._display(index.row(), entry, column, sort=role == SORT_ROLE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and (entry.problem or entry.missing):
            return QColor(MISSING_COLOUR if entry.missing else "#c0392b")
        if role == Qt.ItemDataRole.FontRole and column == SIDE_COLUMN:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (WORDS_COLUMN,
                                                                     SIMILARITY_COLUMN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, entry: LibraryEntry, column: int) -> str:
        if entry.missing:
            return MISSING_TIP
        if (column == SIMILARITY_COLUMN and entry.similarity is not None and not entry.problem
                and self.left == self._values_left):
            if not self._content:
                return f"{entry.similarity:.0%} shared wording with the left document"
            tip = f"{entry.similarity:.0%} of the words in paragraphs linked to the left document"
            if entry.shared is not None:
                tip += f"; {entry.shared:.0%} shared wording"
            return tip
        if entry.problem or entry.document is None:
            return plain_tooltip(entry.problem or str(entry.path))
        # How it was read, where that was guessed ("not valid UTF-8; decoded as …"): the
        # command line warns of it, the window told nothing.
        told = [w.removeprefix(f"{entry.path}: ") for w in entry.document.warnings]
        return plain_tooltip("\n".join([str(entry.path), *told]))

    def _display(self, row: int, entry: LibraryEntry, column: int, sort: bool) -> Any:
        if column == SIDE_COLUMN:
            return "L" if row == self.left else "R" if row == self.right else ""
        document = entry.document
        if document is None:
            return f"{entry.path.name} — {entry.problem}" if column == TITLE_COLUMN else ""
        meta = document.metadata
        if column == TITLE_COLUMN:
            return document.shown_title
        if column == OUTLET_COLUMN:
            return meta.outlet or ""
        if column == DATE_COLUMN:
            return meta.date or ""
        if column == WORDS_COLUMN:
            return meta.word_count if sort else f"{meta.word_count:,}"
        if entry.similarity is None or self.left != self._values_left:
            return -1.0 if sort else ""
        return entry.similarity if sort else f"{entry.similarity:.0%}"


def _resolved(path: str | Path | None) -> Path | None:
    try:
        return Path(path).resolve() if path else None
    except OSError:
        return None
