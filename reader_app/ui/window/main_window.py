"""The main window: library dock, comparison view, find bar, menus, status bar, settings.

It turns the reader's intent (pick two documents, change an option) into work for the core,
run off the UI thread by ``TaskRunner``, and hands the results to the views.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from reader_app.core.compare import Comparison, DiffOptions, Stats, compare_stats
from reader_app.core.corpus.partner import opening_order
from reader_app.core.documents import Document
from reader_app.core.library import scan_paths
from reader_app.core.text import visible_controls
from reader_app.ui.compare.display_data import compare_prepared
from reader_app.ui.compare.view import DEFAULT_POINT_SIZE, CompareView
from reader_app.ui.library.model import LibraryEntry, LibraryModel
from reader_app.ui.library.panel import LibraryPanel
from reader_app.ui.library.reading import ReadLibrary, read_library
from reader_app.ui.theme import apply_theme
from reader_app.ui.window import last_pair, recent_folders
from reader_app.ui.window import settings as window_settings
from reader_app.ui.window.annotations import WindowAnnotations
from reader_app.ui.window.extras import WindowExtras
from reader_app.ui.window.find_bar import FindBar
from reader_app.ui.window.menus import MenuInputs, build_menus
from reader_app.ui.window.overview_switch import OverviewSwitch
from reader_app.ui.window.pair_progress import COMPARING, PairProgress
from reader_app.ui.window.search import find_in_panes, searches_take_long
from reader_app.ui.window.status import StatusArea
from reader_app.ui.workers import TaskRunner, stop_workers

APP_NAME = "Source Reader"
LIBRARY_WIDTH = 460
ANNOTATIONS_HEIGHT = 170


class MainWindow(QMainWindow):
    comparison_shown = Signal(object)  # the Comparison now on screen
    similarities_shown = Signal()

    def __init__(
        self, settings: QSettings, synchronous: bool = False, parent: QWidget | None = None,
        annotations: str | Path | None = None,
    ) -> None:
        """``annotations``: the annotation file (default: ``$READER_APP_ANNOTATIONS``, else
        the one in the user data folder)."""
        super().__init__(parent)
        self.settings = settings
        self.model = LibraryModel(self)
        self.options = DiffOptions()
        self.theme = "system"
        self.compare_runner = TaskRunner(self, synchronous)
        self.similarity_runner = TaskRunner(self, synchronous)
        self.load_runner = TaskRunner(self, synchronous)
        self._append_next_load = False
        self._open_notes: list[str] = []  # what the last open_paths could not open
        self._opened: Sequence[str | Path] = ()  # what it opened (a folder: its last pair)
        self._similarities_due = False
        self._similarities_key: tuple[object, ...] | None = None
        self._build_ui(synchronous)
        self.actions_by_name = build_menus(self._menu_inputs())
        self._connect_signals()
        self.restore_settings()
        self.annotations.open(annotations)
        self.setAcceptDrops(True)
        self._shown_once = False

    def _build_ui(self, synchronous: bool) -> None:
        self.setWindowTitle(APP_NAME)
        self.view = CompareView(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.overview_switch = OverviewSwitch(central, self.view, self.model, self.show_pair,
                                              synchronous)  # or the corpus overview
        layout.addWidget(self.overview_switch.stack, 1)  # the find bar takes only its own height
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.library = LibraryPanel(self.model, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library)
        self.status = StatusArea(self)
        self.pair_progress = PairProgress(self.view, self.status, self.compare_runner, self)
        self.annotations = WindowAnnotations(self, self.view, self.model, self.status,
                                             self.load_runner.synchronous)
        self.annotations.document_requested.connect(self.show_on_side)
        self.comparison_shown.connect(self.annotations.follow_comparison)
        self.comparison_shown.connect(
            lambda shown: last_pair.remember(self.settings, self._opened, shown))
        self.extras = WindowExtras(self, self.settings, self.view, self.annotations, self.status,
                                   lambda: self.show_pair(self.model.left, self.model.right))
        self.extras.dock_actions += self.library.table.side_actions  # for the list of keys
        self.resize(1400, 900)

    def _menu_inputs(self) -> MenuInputs:
        controller = self.annotations.controller
        return MenuInputs(
            parent=self, bar=self.menuBar(), settings=self.settings,
            undo_stack=controller.undo_stack, tag_action=self.annotations.tag_action,
            tag_linked_action=self.annotations.linked_bar.action,
            dock_toggles=(self.library.toggleViewAction(),
                          self.annotations.panel.toggleViewAction()),
            open_paths=self.open_paths, recent_folders=self.recent_folders,
            annotations_path=lambda: controller.path, open_annotations=self.annotations.open,
            save_annotations_as=controller.save_as, quit=self.close,
            swap_sides=self.swap_sides,
            set_ignore_case=lambda on: self.set_options(ignore_case=on),
            set_ignore_punctuation=lambda on: self.set_options(ignore_punctuation=on),
            go_to_difference=self.go_to_difference, open_find=self.open_find,
            find=lambda backwards: self.find_bar.find_again(backwards), zoom=self.zoom,
            set_sync_scrolling=self.view.set_sync_scrolling,
            set_hide_boilerplate=self.view.set_hide_boilerplate,
            set_source_mode=self.view.set_source_mode, set_theme=self.set_theme,
            **self.extras.menu_inputs(lambda: self.actions_by_name.values()),
            show_overview=self.overview_switch.show, active_pane=self.view.active_pane,
        )

    def _connect_signals(self) -> None:
        self.library.side_requested.connect(self.show_on_side)
        self.library.pair_requested.connect(self.show_pair)
        self.overview_switch.bind(self.actions_by_name)
        self.overview_switch.switched.connect(lambda on: self.status.show_pair_figures(not on))
        self.library.side_requested.connect(self.overview_switch.show_comparison)
        self.library.pair_requested.connect(self.overview_switch.show_comparison)
        self.compare_runner.started.connect(lambda: self.status.show_busy(COMPARING))
        self.compare_runner.progressed.connect(self.status.show_progress)
        self.compare_runner.succeeded.connect(self._on_comparison_finished)
        self.compare_runner.failed.connect(self._on_comparison_failed)
        self.compare_runner.stopped.connect(self.status.show_idle)
        self.similarity_runner.succeeded.connect(self._on_similarities_finished)
        self.view.realigned.connect(self._run_due_similarities)  # once drawn: see below
        self.load_runner.started.connect(lambda: self.status.show_busy("Reading documents…"))
        self.load_runner.progressed.connect(self.status.show_progress)
        self.load_runner.succeeded.connect(self._on_documents_loaded)
        self.load_runner.stopped.connect(self.status.show_idle)
        self.status.cancel_requested.connect(self.cancel_comparison)
        self.find_bar.find_requested.connect(self._on_find_requested)
        self.find_bar.closed.connect(self._on_find_closed)
        self.find_bar.searches_take_long = lambda: searches_take_long(self.view)

    # -- library -------------------------------------------------------------------------

    def open_paths(self, paths: Sequence[str | Path], append: bool = False) -> None:
        """Open folders and files: every document in the library, unreadable ones listed.

        The files are read off the UI thread. Appending (a drop onto the window) keeps the
        current pair's left side and shows the first new document on the right.
        """
        scan = scan_paths(paths)  # a path that cannot be opened is told, the others kept
        self._open_notes = scan.errors + scan.warnings
        self._opened = list(paths) if not append else self._opened
        if scan.errors and not scan.files:
            self.status.show_error(visible_controls("; ".join(self._open_notes), one_line=True))
            return
        found = scan.files
        folders = [Path(p) for p in paths if Path(p).is_dir()]
        if folders:
            recent_folders.remember(self.settings, folders[0])
        known = {entry.path for entry in self.model.entries()} if append else set()
        wanted = list(dict.fromkeys(p.resolve() for p in found if p.resolve() not in known))

        self._append_next_load = append
        # (files named one by one are shown as named; a folder opens on a pair worth reading)
        self.load_runner.start(partial(read_library, wanted, bool(folders) and not append))

    def _on_documents_loaded(self, read: ReadLibrary) -> None:
        self.status.show_idle()
        append, loaded = self._append_next_load, read.entries
        entries = self.model.entries() if append else []
        sides = (self.model.left, self.model.right) if append else (None, None)
        first_new = len(entries)
        self.model.set_entries(entries + loaded)
        self.model.set_sides(*sides)
        problems = [e for e in loaded if e.problem]
        notes = self._open_notes + ([
            "1 file could not be read; it is listed in red in the library" if len(problems) == 1
            else f"{len(problems)} files could not be read; they are listed in red in the library"
        ] if problems else [])
        if notes:
            self.status.show_error(visible_controls("; ".join(notes), one_line=True))
        self._show_opened(self.model.entries(), first_new, append, read.partner)

    def _show_opened(self, entries: list[LibraryEntry], first_new: int, append: bool,
                     partner: int | None = None) -> None:
        readable = opening_order([e.document for e in entries])  # (with words first)
        new = [row for row in readable if row >= first_new]
        if append and new and self.model.left is not None:
            self.show_pair(self.model.left, new[0])
        elif readable:
            self.show_pair(*last_pair.opening_pair(self.settings, self._opened, self.model,
                                                   readable, partner))

    def recent_folders(self) -> list[str]:
        return recent_folders.listed(self.settings)

    # -- choosing and comparing ----------------------------------------------------------

    def show_on_side(self, row: int, side: str) -> None:
        entry = self.model.entries()[row]
        if entry.document is None:  # unreadable (listed in red): the pair shown stays
            self.status.show_error(visible_controls(
                f"{entry.path.name}: {entry.problem}; the documents shown are kept", True))
            return
        left, right = self.model.left, self.model.right
        if side == "left":
            left, right = row, (left if right == row else right)
        else:
            right, left = row, (right if left == row else left)
        self.show_pair(left, right)

    def show_pair(self, left: int | None, right: int | None) -> None:
        self.model.set_sides(left, right)
        self.compare_current()
        self._request_similarities()

    def _request_similarities(self) -> None:
        # One heavy job at a time: two Python threads computing at once starve the UI thread
        # of the interpreter lock (stalls of 150 ms and more were measured); so the library's
        # similarities wait for the comparison the reader is looking at.
        if self.compare_runner.busy or self.pair_progress.pending:
            self._similarities_due = True
        else:
            self.update_similarities()

    def swap_sides(self) -> None:
        self.show_pair(self.model.right, self.model.left)

    def documents(self) -> tuple[Document | None, Document | None]:
        return self.model.document(self.model.left), self.model.document(self.model.right)

    def compare_current(self) -> None:
        left, right = self.documents()
        self._update_title()
        if left is None or right is None:
            self.compare_runner.cancel()
            self.view.show_documents(left, right, None)
            self.status.show_stats(None)
            return
        options = self.options

        def start() -> None:
            self.compare_runner.start(lambda cancelled, progress: compare_prepared(
                left, right, options, cancelled, progress))

        self.pair_progress.comparing(left, right, start)  # (a long pair's text shown first)

    def cancel_comparison(self) -> None:
        """Stop the running work; the sides go back to the pair still on screen."""
        self.load_runner.cancel()
        self.compare_runner.cancel()
        self.pair_progress.cancel(back=True)
        shown = self.view.comparison
        if shown is not None:
            self.model.set_sides(self.model.row_of(shown.left.path),
                                 self.model.row_of(shown.right.path))
        self._run_due_similarities()
        self._update_title()
        self.status.show_message("Comparison cancelled")

    def _run_due_similarities(self) -> None:
        # (A plain pair drawn, or a long pair's left text shown while the right one's waits.)
        if self._similarities_due and not (self.compare_runner.busy or self.pair_progress.pending):
            self._similarities_due = False
            self.update_similarities()

    def _on_comparison_finished(self, comparison: Comparison) -> None:
        self.status.show_idle()
        self.view.show_documents(comparison.left, comparison.right, comparison)
        self.status.show_stats(comparison)
        self.comparison_shown.emit(comparison)  # similarities run once it is drawn (realigned)

    def _on_comparison_failed(self, message: str) -> None:
        self._run_due_similarities()
        self.status.show_idle()
        self.status.show_error(f"Comparison failed: {message}")

    def update_similarities(self) -> None:
        """Fill the library's similarity column: each document against the left one."""
        left_row = self.model.left
        entries = self.model.entries()
        if left_row is None or entries[left_row].document is None:
            self.model.set_similarities({})
            self._similarities_key = None
            return
        left, options, shown = entries[left_row].document, self.options, self.view.comparison
        others = {row: e.document for row, e in enumerate(entries) if e.document is not None}
        known = {self.model.row_of(shown.right.path): shown.stats} if (  # the pair on screen
            shown is not None and shown.left is left and shown.options == options) else {}
        key = (left.sha256, left.path, options,  # any document's change redoes the column
               tuple((r, d.path, d.sha256) for r, d in others.items()))
        if key == self._similarities_key:
            return  # only the right side changed: the column is still right
        self._similarities_key = key

        def job(cancelled, progress) -> dict[int, float | Stats]:  # type: ignore[no-untyped-def]
            values: dict[int, float | Stats] = {}
            for done, (row, document) in enumerate(others.items()):
                values[row] = 1.0 if row == left_row else known.get(row) or compare_stats(
                    left, document, options, cancelled)
                progress((done + 1) / len(others))
            return values

        self.similarity_runner.start(job)

    def _on_similarities_finished(self, values: dict[int, float]) -> None:
        self.model.set_similarities(values)
        self.similarities_shown.emit()

    def _update_title(self) -> None:
        left, right = self.documents()
        names = [d.shown_title for d in (left, right) if d is not None]
        self.setWindowTitle(" ⟷ ".join(names) + f" — {APP_NAME}" if names else APP_NAME)

    # -- options -------------------------------------------------------------------------

    def set_options(self, ignore_case: bool | None = None,
                    ignore_punctuation: bool | None = None) -> None:
        self.options = DiffOptions(
            self.options.ignore_case if ignore_case is None else ignore_case,
            self.options.ignore_punctuation if ignore_punctuation is None else ignore_punctuation,
        )
        self.compare_current()
        self._request_similarities()

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.view.set_highlights(apply_theme(app, theme))
        self.status.refresh_legend(self.view.highlights)

    def zoom(self, step: int) -> None:
        size = DEFAULT_POINT_SIZE if step == 0 else self.view.point_size + step
        self.view.set_point_size(size)

    def go_to_difference(self, step: int) -> None:
        row = self.view.go_to_difference(step)
        rows = self.view.difference_rows()
        if row is None:
            self.status.show_message(self.view.no_difference_message(step))
        else:
            self.status.show_message(f"Difference {rows.index(row) + 1} of {len(rows)}")

    # -- find ----------------------------------------------------------------------------

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def _on_find_requested(self, text: str, backwards: bool, case_sensitive: bool) -> None:
        found = find_in_panes(self.view, text, backwards, case_sensitive)
        self.find_bar.set_status(found.status, found.detail)

    def _on_find_closed(self) -> None:
        find_in_panes(self.view, "", False, False)
        self.view.active_pane().setFocus()  # the pane holding the match found last

    # -- settings, drops and closing -----------------------------------------------------

    def restore_settings(self) -> None:
        window_settings.restore(self.settings, self, self.view, self.actions_by_name,
                                self.annotations.panel)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.settings.value("window/state") is None and not self._shown_once:
            # First run: give the library room for its titles (later runs restore the state).
            self.resizeDocks([self.library], [LIBRARY_WIDTH], Qt.Orientation.Horizontal)
            height = min(ANNOTATIONS_HEIGHT, self.height() // 5)
            self.resizeDocks([self.annotations.panel], [height], Qt.Orientation.Vertical)
        self._shown_once = True

    def closeEvent(self, event: QCloseEvent) -> None:
        for runner in (self.load_runner, self.compare_runner, self.similarity_runner,
                       self.overview_switch.overview.runner):
            runner.cancel()
        stop_workers()  # every runner's (annotations, corpus too): quitting waits for none
        window_settings.save(self.settings, self, self.view, self.actions_by_name,
                             self.annotations.panel, self.theme)
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.open_paths(paths, append=True)
            event.acceptProposedAction()

