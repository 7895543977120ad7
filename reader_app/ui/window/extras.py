"""The File menu's exports and printing and the Help menu's pages, wired for one window
(and the smaller parts: tag tips, pane notices, folding, word steps, the documents' watcher,
the focus given back after a dialog).

``WindowExtras`` is given the parts it works with (the window as the dialogs' parent, the
settings, the comparison view, the annotations, the status area) and hands the menus their
callables (``menu_inputs``); the Annotations dock's Export… asks it too. It reads only what
it is given: the comparison on screen, the dock's table as filtered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from reader_app.ui.compare.view import CompareView
from reader_app.ui.window.annotation_export import (
    AnnotationExportInputs,
    export_annotations,
    filtered_listing,
)
from reader_app.ui.window.annotations import WindowAnnotations
from reader_app.ui.window.document_watcher import DocumentWatcher
from reader_app.ui.window.export_actions import (
    ExportInputs,
    Protected,
    export_comparison,
    preview_print,
    print_with_dialog,
)
from reader_app.ui.window.focus_return import FocusReturn
from reader_app.ui.window.fold_switch import FoldSwitch
from reader_app.ui.window.followup_export import export_followup, followup_inputs
from reader_app.ui.window.help_pages import show_getting_started
from reader_app.ui.window.pane_notices import PaneNotices
from reader_app.ui.window.shortcuts_dialog import show_shortcuts
from reader_app.ui.window.status import StatusArea
from reader_app.ui.window.tag_tips import TagTips, passages_at
from reader_app.ui.window.word_navigation import WordNavigation

Intent = Callable[[], object]


class WindowExtras(QObject):
    def __init__(self, window: QMainWindow, settings: QSettings, view: CompareView,
                 annotations: WindowAnnotations, status: StatusArea,
                 recompare: Intent) -> None:
        """``recompare``: compare the pair on screen anew (a document of it changed on disk)."""
        super().__init__(window)
        self.window = window
        protected = partial(protected_files, annotations)
        self.comparison_inputs = ExportInputs(window, settings, lambda: view.comparison,
                                              status.show_error, status.show_message,
                                              lambda: view.hide_boilerplate, protected)
        model, anchor_of = annotations.panel.model, annotations.controller.anchor_of
        self.annotation_inputs = AnnotationExportInputs(
            window, settings, lambda: filtered_listing(model, anchor_of),
            lambda: not model.query.everything, status.show_error, status.show_message,
            protected)
        annotations.panel.export_requested.connect(self.export_annotations)
        self.followup_inputs = followup_inputs(self.comparison_inputs, annotations)
        self.tag_tips = {side: TagTips(pane, passages_at(annotations), view.tips[side])
                         for side, pane in view.panes.items()}  # a tagged passage's tags
        self.pane_notices = PaneNotices(view, annotations.library)  # empty, unreadable
        self.dock_actions: tuple[QAction, ...] = (annotations.panel.delete_action,  # no menu
                                                  annotations.panel.edit_action)
        self.folding = FoldSwitch(window, settings, view)  # View ▸ Fold Unmatched Runs
        self.words = WordNavigation(window, view, status.show_message)  # Ctrl+F7
        self.documents = DocumentWatcher(annotations.library, view, status, recompare,
                                         annotations.controller.forget_texts, self)  # on disk
        self.focus_return = FocusReturn(window)  # the keys work again after a dialog

    def menu_inputs(self, actions: Callable[[], Iterable[QAction]]
                    ) -> dict[str, Intent | QAction]:
        """The ``MenuInputs`` these provide; ``actions``: the window's, for the shortcuts."""
        return {
            "export_comparison": self.export_comparison,
            "print_comparison": self.print_comparison,
            "preview_print": lambda: preview_print(self.comparison_inputs),
            "export_annotations": self.export_annotations,
            "export_followup": lambda: export_followup(self.followup_inputs),
            "show_shortcuts": lambda: show_shortcuts([*actions(), *self.dock_actions],
                                                     self.window),
            "show_getting_started": lambda: show_getting_started(self.window),
            "fold_action": self.folding.action,
            "change_actions": (self.words.next_action, self.words.previous_action),
        }

    def export_comparison(self) -> Path | None:
        return export_comparison(self.comparison_inputs)

    def print_comparison(self) -> None:
        print_with_dialog(self.comparison_inputs)

    def export_annotations(self) -> Path | None:
        return export_annotations(self.annotation_inputs)


def protected_files(annotations: WindowAnnotations) -> Protected:
    """What no export may replace: the annotation file in use, the library's documents."""
    path = annotations.controller.path
    documents = [str(entry.path) for entry in annotations.library.entries()]
    return [([str(path)] if path is not None else [], "the annotation file in use"),
            (documents, "a document of the library")]
