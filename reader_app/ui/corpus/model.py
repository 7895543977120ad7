"""The corpus as a table: one row and one column per document, in story order.

Cell (r, c) holds the content in common of the r-th and c-th documents as the overview lists
them (``Corpus.order``): the share of their words in paragraphs that report the same facts,
shown as a percentage over a heat colour; the tooltip gives shared wording as well. The
vertical header names each document (title; outlet and date below, ``OutletRole``); the
horizontal one numbers them. Custom roles tell a view where stories begin and which library
rows a cell compares.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader_app.core.documents import Document
from reader_app.core.text import counted
from reader_app.ui.corpus.colours import DIAGONAL, cell_text_colour, heat_colour, text_colour
from reader_app.ui.corpus.data import Corpus
from reader_app.ui.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
ValueRole = Qt.ItemDataRole.UserRole + 1  # float: content in common
SimilarityRole = Qt.ItemDataRole.UserRole + 2  # float: shared wording
PairRole = Qt.ItemDataRole.UserRole + 3  # (key, key): the two documents' library rows
StoryRole = Qt.ItemDataRole.UserRole + 4  # header: the story's index (0 = largest)
StoryLabelRole = Qt.ItemDataRole.UserRole + 5  # header: "Story 1 (3 reports)" or None
OutletRole = Qt.ItemDataRole.UserRole + 6  # vertical header: "outlet · date" or ""


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def story_label(number: int, size: int) -> str:
    return f"Story {number} ({counted(size, 'report')})"


class CorpusModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corpus: Corpus | None = None
        self._order: list[int] = []
        self._story_of: list[int] = []  # per position
        self._starts: list[int] = []  # the positions where a story begins
        self._dark = False

    @property
    def corpus(self) -> Corpus | None:
        return self._corpus

    def set_corpus(self, corpus: Corpus | None) -> None:
        self.beginResetModel()
        self._corpus = corpus
        self._order = corpus.order if corpus else []
        self._story_of = [number for number, story in enumerate(corpus.stories if corpus else [])
                          for _ in story]
        self._starts = [p for p in range(len(self._order))
                        if p == 0 or self._story_of[p] != self._story_of[p - 1]]
        self.endResetModel()

    def set_dark(self, dark: bool) -> None:
        if dark != self._dark:
            self._dark = dark
            if self._order:
                last = len(self._order) - 1
                self.dataChanged.emit(self.index(0, 0), self.index(last, last))

    def document_at(self, position: int) -> Document:
        assert self._corpus is not None
        return self._corpus.documents[self._order[position]]

    def story_starts(self) -> list[int]:
        """The positions where a story begins (the first is 0)."""
        return list(self._starts)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._order)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._corpus is None or not index.isValid():
            return None
        i, j = self._order[index.row()], self._order[index.column()]
        content = self._corpus.content[i][j]
        if role == ValueRole:
            return content
        if role == SimilarityRole:
            return self._corpus.similarity[i][j]
        if role == PairRole:
            return (self._corpus.keys[i], self._corpus.keys[j])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if i == j:
            return self._diagonal(role)
        if role == Qt.ItemDataRole.DisplayRole:
            return percent(content)
        if role == Qt.ItemDataRole.BackgroundRole:
            return heat_colour(content, self._dark)
        if role == Qt.ItemDataRole.ForegroundRole:
            return cell_text_colour(content, self._dark)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._cell_tooltip(i, j))  # titles are document text
        return None

    def _diagonal(self, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return "—"
        if role == Qt.ItemDataRole.BackgroundRole:
            return DIAGONAL[self._dark]
        if role == Qt.ItemDataRole.ForegroundRole:
            return text_colour(DIAGONAL[self._dark])
        if role == Qt.ItemDataRole.ToolTipRole:
            return "The same report"
        return None

    def _cell_tooltip(self, i: int, j: int) -> str:
        assert self._corpus is not None
        left, right = self._corpus.documents[i], self._corpus.documents[j]
        return (f"{left.shown_title}\n⟷ {right.shown_title}\n\n"
                f"Same facts: {percent(self._corpus.content[i][j])} of their words lie in "
                "paragraphs that report the same facts\n"
                f"Shared wording: {percent(self._corpus.similarity[i][j])} word for word\n\n"
                "Double-click to compare them side by side")

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._corpus is None or not 0 <= section < len(self._order):
            return None
        if role == StoryRole:
            return self._story_of[section]
        if role == StoryLabelRole:
            return self._story_label(section)
        document = self.document_at(section)
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
        elif role == Qt.ItemDataRole.DisplayRole:
            return f"{section + 1}  {document.shown_title}"
        elif role == OutletRole:
            meta = document.metadata
            return " · ".join(x for x in (meta.outlet, meta.date, document.name) if x)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._document_tooltip(section, document))
        return None

    def _story_label(self, section: int) -> str | None:
        assert self._corpus is not None
        if section in self._starts:
            number = self._story_of[section]
            return story_label(number + 1, len(self._corpus.stories[number]))
        return None

    def _document_tooltip(self, section: int, document: Document) -> str:
        meta = document.metadata
        details = [f"{section + 1}. {document.shown_title}", meta.outlet or "", meta.date or "",
                   counted(meta.word_count, "word"), document.path]
        return "\n".join(x for x in details if x)
