"""The central area's two views: the comparison, or the corpus overview (View ▸ Corpus
Overview). It gets the parts it joins passed in and never imports the main window.

The overview is computed when shown (and again when the library changes while it is shown);
a pair it asks for, or one the reader picks in the library, is shown compared.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStackedWidget, QWidget

from reader_app.ui.corpus.view import CorpusOverview
from reader_app.ui.library.model import LibraryModel


class OverviewSwitch(QObject):
    def __init__(self, parent: QWidget, compare_view: QWidget, library: LibraryModel,
                 show_pair: Callable[[int, int], None], synchronous: bool = False) -> None:
        super().__init__(parent)
        self.overview = CorpusOverview(parent, synchronous)
        self.stack = QStackedWidget(parent)
        self.stack.addWidget(compare_view)
        self.stack.addWidget(self.overview)
        self._compare_view = compare_view
        self._library = library
        self._show_pair = show_pair
        self._action: QAction | None = None
        self.overview.pair_requested.connect(self._compare)
        library.modelReset.connect(lambda: self.show(self.showing_overview))

    def bind(self, action: QAction) -> None:
        """The checkable menu action that shows the overview: kept in step with the view."""
        self._action = action

    @property
    def showing_overview(self) -> bool:
        return self.stack.currentWidget() is self.overview

    def show(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.overview if on else self._compare_view)
        if on:
            entries = enumerate(self._library.entries())
            self.overview.set_documents([(r, e.document) for r, e in entries if e.document])

    def show_comparison(self) -> None:
        if self._action is not None:
            self._action.setChecked(False)  # which shows the comparison
        self.show(False)

    def _compare(self, left: int, right: int) -> None:
        self.show_comparison()
        self._show_pair(left, right)
