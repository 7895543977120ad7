"""The central area's two views: the comparison, or the corpus overview (View ▸ Corpus
Overview). It gets the parts it joins passed in and never imports the main window.

The overview is computed when shown (and again when the library changes while it is shown);
a pair it asks for, or one the reader picks in the library, is shown compared. What acts on
the comparison's panes only (finding, going to a difference) is disabled meanwhile. The
keyboard follows the switch: when the view that held the focus is hidden, the one shown takes
it (the matrix, or the comparison's active pane), not the library's filter box.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from reader_app.ui.compare.view import CompareView
from reader_app.ui.corpus.view import CorpusOverview
from reader_app.ui.library.model import LibraryModel

ACTION = "corpus_overview"
PANES_ONLY = ("next_difference", "previous_difference", "find", "find_next", "find_previous",
              "tag_selection")  # (Ctrl+T said "Select the words" over the matrix)


class OverviewSwitch(QObject):
    switched = Signal(bool)  # True: the overview shows (the pair's figures are not on screen)

    def __init__(self, parent: QWidget, compare_view: CompareView, library: LibraryModel,
                 show_pair: Callable[[int, int], None], synchronous: bool = False) -> None:
        super().__init__(parent)
        self.overview = CorpusOverview(parent, synchronous)
        self.stack = QStackedWidget(parent)
        self.stack.addWidget(compare_view)
        self.stack.addWidget(self.overview)
        self._compare_view = compare_view
        self._library = library
        self._show_pair = show_pair
        self._actions: Mapping[str, QAction] = {}
        self.overview.pair_requested.connect(self._compare)
        library.modelReset.connect(lambda: self.show(self.showing_overview))

    def bind(self, actions: Mapping[str, QAction]) -> None:
        """The window's actions: ``corpus_overview`` (checkable, kept in step with the view)
        and those disabled while the overview shows (``PANES_ONLY``)."""
        self._actions = actions

    @property
    def showing_overview(self) -> bool:
        return self.stack.currentWidget() is self.overview

    def show(self, on: bool) -> None:
        hidden = self.stack.currentWidget()
        had_focus = on != self.showing_overview and _holds_focus(hidden)
        self.stack.setCurrentWidget(self.overview if on else self._compare_view)
        self.switched.emit(on)
        for name in PANES_ONLY:
            if name in self._actions:
                self._actions[name].setEnabled(not on)
        if on:
            entries = enumerate(self._library.entries())
            self.overview.set_documents([(r, e.document) for r, e in entries if e.document])
        if had_focus and on:
            self.overview.take_focus()
        elif had_focus:
            self._compare_view.active_pane().setFocus()

    def show_comparison(self) -> None:
        if ACTION in self._actions:
            self._actions[ACTION].setChecked(False)  # which shows the comparison
        self.show(False)

    def _compare(self, left: int, right: int) -> None:
        self.show_comparison()
        self._show_pair(left, right)


def _holds_focus(widget: QWidget) -> bool:
    """Whether the keyboard focus is in ``widget`` (or nowhere)."""
    focused = QApplication.focusWidget()
    return focused is None or focused is widget or widget.isAncestorOf(focused)
