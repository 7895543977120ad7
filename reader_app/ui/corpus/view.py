"""The corpus overview: every report against every other as a heat-map, grouped by story.

``CorpusOverview`` gets the documents passed in (``set_documents``: each with its library
row) and computes both matrices and the stories off the UI thread with a ``TaskRunner``
(progress and Cancel shown above the table; a new set of documents supersedes the running
job). Double-clicking a cell, or Enter on it, emits ``pair_requested`` with the two library
rows; the window shows that pair compared. Colours follow the palette (light or dark).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader_app.core.corpus.stories import STORY_THRESHOLD
from reader_app.core.documents import Document
from reader_app.core.text import counted
from reader_app.ui.corpus.column_header import ColumnHeader
from reader_app.ui.corpus.data import Corpus, compute_corpus
from reader_app.ui.corpus.delegate import HeatDelegate
from reader_app.ui.corpus.header import StoryHeader
from reader_app.ui.corpus.legend import HeatLegend
from reader_app.ui.corpus.model import CorpusModel, PairRole
from reader_app.ui.workers import TaskRunner

HEADER_WIDTH = 420  # the row header's width when there is room; it gives way to the cells
MIN_HEADER_WIDTH = 180
MIN_CELL = 46
CELL_ROOM = 72  # the width a cell gets before the row header gives way
HINT = ("Each cell: the share of the two reports' words in paragraphs that report the same "
        "facts (shared wording in its tooltip). Reports are one story while they share "
        f"{round(STORY_THRESHOLD * 100)}% or more on average. "
        "Double-click a cell to compare the two reports side by side.")


class CorpusOverview(QWidget):
    pair_requested = Signal(int, int)  # library rows: left, right
    corpus_shown = Signal()  # the table now shows the documents last set

    def __init__(self, parent: QWidget | None = None, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(self, synchronous)
        self.model = CorpusModel(self)
        self._key: tuple[object, ...] | None = None
        self._build()
        self.runner.started.connect(self._on_started)
        self.runner.progressed.connect(lambda f: self.progress.setValue(round(f * 100)))
        self.runner.succeeded.connect(self._on_computed)
        self.runner.failed.connect(self._on_failed)
        self.model.modelReset.connect(self._layout_table)
        self._follow_palette()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        top.addWidget(self.heading, 1)
        self.legend = HeatLegend(self)
        top.addWidget(self.legend)
        layout.addLayout(top)
        layout.addLayout(self._build_progress())
        self.table = self._build_table()
        layout.addWidget(self.table, 1)
        self.hint = QLabel(HINT, self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addStretch(0)  # holds the heading at the top while the table is hidden

    def _build_progress(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setFormat("Comparing every pair of reports… %p%")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        return row

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        self.header = StoryHeader(table)
        table.setVerticalHeader(self.header)
        self.delegate = HeatDelegate(table)
        table.setItemDelegate(self.delegate)
        table.setShowGrid(False)
        table.setMouseTracking(True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns = columns = ColumnHeader(table)
        table.setHorizontalHeader(columns)
        columns.setMinimumSectionSize(MIN_CELL)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # A story's first row holds its label band above the cells: a double-click there, off
        # any cell, opens nothing.
        self._clicked_at = QPoint()
        table.viewport().installEventFilter(self)
        table.doubleClicked.connect(lambda index: self._open(index) if self._on_cell(
            index, self._clicked_at) else None)
        enter = QAction(table)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(lambda: self._open(table.currentIndex()))
        table.addAction(enter)
        return table

    # -- the documents and the work ------------------------------------------------------

    def set_documents(self, documents: Sequence[tuple[int, Document]]) -> None:
        """Show these documents (library row, document); computed unless already shown."""
        key = tuple((row, d.path, d.sha256) for row, d in documents)
        if key == self._key:
            return
        self._key = key
        self.model.set_corpus(None)  # its cells name library rows that may have changed
        if len(documents) < 2:
            self.runner.cancel()
            self.heading.setText("Open two or more reports to see how they relate")
            return
        rows = [row for row, _ in documents]
        found = [d for _, d in documents]
        self.heading.setText(f"Comparing {len(found)} reports…")
        self.runner.start(lambda cancelled, progress: compute_corpus(found, rows, cancelled,
                                                                     progress))

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def cancel(self) -> None:
        """Stop the computation; showing the overview again starts it again."""
        if self.runner.busy:
            self.runner.cancel()
            self._hide_progress()
            self._key = None
            self.heading.setText("Overview cancelled (show it again to compute it)")

    def _on_started(self) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()

    def _hide_progress(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _on_computed(self, corpus: Corpus) -> None:
        self._hide_progress()
        self.model.set_corpus(corpus)
        self.heading.setText(f"{counted(len(corpus.documents), 'report')} in "
                             f"{counted(len(corpus.stories), 'story', 'stories')}")
        self.corpus_shown.emit()

    def _on_failed(self, message: str) -> None:
        self._hide_progress()
        self._key = None  # try again when shown again
        self.heading.setText(f"The overview could not be computed: {message}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent):
            self._clicked_at = event.position().toPoint()
        return super().eventFilter(watched, event)

    def _on_cell(self, index: QModelIndex, point: QPoint) -> bool:
        """Whether ``point`` (in the table's viewport) lies on the painted cell of ``index``."""
        rect = self.table.visualRect(index)
        return self.delegate.cell_rect(rect, index.row(), index.column()).contains(point)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() != index.column():
            left, right = index.data(PairRole)
            self.pair_requested.emit(left, right)

    # -- layout and theme ----------------------------------------------------------------

    def take_focus(self) -> None:
        """Give the keyboard to the matrix; held here until the matrix is computed."""
        (self.table if self.table.isVisible() else self).setFocus()

    def _layout_table(self) -> None:
        shown = self.model.rowCount() > 0
        self.table.setVisible(shown)
        if shown and self.hasFocus():
            self.table.setFocus()  # the keys the overview held (``take_focus``)
        self.hint.setVisible(shown)
        self.legend.setVisible(shown)
        metrics = self.fontMetrics()
        band = metrics.height() + 16
        row_height = 2 * metrics.height() + 10
        starts = self.model.story_starts()
        self.delegate.story_starts = self.columns.story_starts = set(starts)
        self.delegate.band = band
        self.header.band = band
        for row in range(self.model.rowCount()):
            self.header.resizeSection(row, row_height + (band if row in starts else 0))
        self._fit_header()

    def _fit_header(self) -> None:
        """Titles get what the cells leave: every column fits without scrolling if it can."""
        room = self.table.width() - 2 * self.table.frameWidth() - 20  # a scroll bar's width
        wanted = room - self.model.columnCount() * CELL_ROOM
        self.header.setFixedWidth(max(MIN_HEADER_WIDTH, min(HEADER_WIDTH, wanted)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_header()

    def _follow_palette(self) -> None:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.model.set_dark(dark)
        self.table.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._follow_palette()
