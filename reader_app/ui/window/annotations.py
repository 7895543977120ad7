"""The window's side of the annotations: tagging a selection, the panel, the underlines.

Owns the ``AnnotationController`` and the ``AnnotationPanel`` of one ``MainWindow``, turns the
reader's intent (Ctrl+T or a pane's "Tag Selection…"; a click, Enter, "Edit…", "Tag Colour",
"Re-attach to Selection" or Del in the panel; "Tag Linked Passage" after tagging a passage that
the comparison links to the other document) into the controller's commands, keeps a watch on
the file for what other windows save, and draws each shown document's tagged passages
(anchored against the text on screen) as underlines in the panes, redrawing only the panes
whose document a change touched. Which passages belong to a document is the core's rule
(``reader_app.core.annotations.ownership``), shared with ``tags list --document``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QColorDialog, QMainWindow

from reader_app.core.annotations.commands import AddAnnotations
from reader_app.core.annotations.counterparts import counterparts
from reader_app.core.annotations.model import Annotation, new_annotation
from reader_app.core.annotations.ownership import is_gone
from reader_app.core.annotations.store import REMOVED
from reader_app.core.compare import SIDES, Side, other_side
from reader_app.core.documents import Document
from reader_app.core.text import snap_to_words
from reader_app.ui.annotations.controller import AnnotationController
from reader_app.ui.annotations.editor_place import place_beside, selected_lines
from reader_app.ui.annotations.linked_bar import LinkedTagBar
from reader_app.ui.annotations.panel import AnnotationPanel
from reader_app.ui.annotations.tag_editor import TagEditor, open_colour_dialog
from reader_app.ui.annotations.tag_marks import Mark
from reader_app.ui.annotations.watcher import AnnotationFileWatcher
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.view import CompareView
from reader_app.ui.library.model import LibraryModel
from reader_app.ui.window.status import StatusArea


class WindowAnnotations(QObject):
    """The annotation docks and commands of one window, given the parts they work with: the
    window (to dock the panel and parent dialogs), the comparison view, the library and the
    status area. Asks the window to show a document by ``document_requested``."""

    document_requested = Signal(int, str)  # a library row, and the side to show it on

    def __init__(self, window: QMainWindow, view: CompareView, library: LibraryModel,
                 status: StatusArea, synchronous: bool = False) -> None:
        super().__init__(window)
        self.window = window
        self.view, self.library, self.status = view, library, status
        self.controller = AnnotationController(self, synchronous)
        self.controller.lookup = self._open_document
        self.panel = AnnotationPanel(self.controller, window)
        self.panel.model.title_of = self._title_of
        # Under the comparison only: the library keeps the window's full height.
        window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.panel)
        self.watcher = AnnotationFileWatcher(self.controller, self)
        self.linked_bar = LinkedTagBar(window)
        status.add_widget(self.linked_bar)
        self.editor: TagEditor | None = None
        self.colour_dialog: QColorDialog | None = None
        self._pending: str | None = None  # an annotation to show once its comparison is shown
        self.tag_action = QAction("&Tag Selection…", window)
        self.tag_action.setShortcut(QKeySequence("Ctrl+T"))
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.tag_action.triggered.connect(lambda: self.tag_selection())
        self.controller.message_shown.connect(self.status.show_error)
        self.controller.annotations_changed.connect(self.repaint)
        self.controller.colours_changed.connect(self.repaint)
        self.controller.documents_changed.connect(self._on_documents_changed)
        self.controller.rows_changed.connect(self._on_controller_rows_changed)
        self.library.modelReset.connect(self.controller.forget_texts)
        self.library.modelReset.connect(self.panel.titles_changed)
        self.panel.passage_requested.connect(self.go_to)
        self.panel.delete_requested.connect(self.controller.delete)
        self.panel.edit_requested.connect(self.edit)
        self.panel.colour_requested.connect(self.choose_colour)
        self.panel.reattach_requested.connect(self.reattach)
        self.linked_bar.accepted.connect(lambda found: self.controller.push(AddAnnotations(found)))
        for pane in self.view.panes.values():
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(
                lambda point, p=pane: self._on_pane_context_menu_requested(p, point))

    def open(self, option: str | Path | None) -> None:
        self.controller.open(option)

    # -- tagging -------------------------------------------------------------------------

    def selection_offsets(self, pane: DocumentPane) -> tuple[int, int] | None:
        """The pane's selection as document offsets, snapped to whole words (``…needed, b``
        tags ``…needed,``: ``snap_to_words``), surrounding whitespace left out."""
        cursor, document = pane.textCursor(), pane.source
        if document is None or not cursor.hasSelection():
            return None
        start = pane.offset_of(cursor.selectionStart())
        end = pane.offset_of(cursor.selectionEnd())
        if start is None or end is None:
            return None
        start, end = snap_to_words(document.text, start, end)
        return (start, end) if start < end else None

    def tag_selection(self, pane: DocumentPane | None = None) -> None:
        """Open the tag editor for the selected words of ``pane`` (default: the active one)."""
        pane = pane or self.view.active_pane()
        offsets = self.selection_offsets(pane)
        document = pane.source
        if offsets is None or document is None:
            self.status.show_message("Select the words to tag first")
            return
        start, end = offsets
        tagged = self._tagged_as(document, start, end)
        if tagged is not None:  # the same words again: its tags edited, not a second tag
            self.status.show_message("These words are tagged already: their tags and note")
            self.edit([tagged])
            return
        lines = selected_lines(pane)
        editor = self._show_editor(TagEditor(
            document.text[start:end], self.controller.store.tags(),
            colours_of=self.controller.tag_colours_to_come, parent=self.window))
        if lines is not None:  # not over the words it asks about
            place_beside(editor, lines)
        editor.accepted.connect(lambda: self._tag(
            pane, start, end, editor.tags(), editor.note() or "", editor.chosen_colours()))

    def _tagged_as(self, document: Document, start: int, end: int) -> str | None:
        """The annotation of ``document`` on exactly ``[start, end)`` now, if there is one."""
        return next((annotation.id for annotation, first, last
                     in self.controller.found_in(document) if (first, last) == (start, end)),
                    None)

    def edit(self, ids: Iterable[str]) -> None:
        """Open the tag editor on one annotation's (or several's) tags and note; OK changes
        them, in one undoable step."""
        store = self.controller.store
        chosen = [annotation for i in ids if (annotation := store.get(i)) is not None]
        if len(chosen) > 1:
            self._edit_several(chosen)
            return
        if not chosen:
            return
        annotation = chosen[0]
        editor = self._show_editor(TagEditor(
            annotation.target.exact, store.tags(), annotation.tags, annotation.note,
            colours_of=self.controller.tag_colours_to_come, parent=self.window))
        editor.setWindowTitle("Edit Tags")
        editor.accepted.connect(lambda: self.controller.edit(
            annotation.id, editor.tags(), editor.note() or "", editor.chosen_colours()))

    def _edit_several(self, chosen: list[Annotation]) -> None:
        common = [t for t in chosen[0].tags
                  if all(t.casefold() in {u.casefold() for u in a.tags} for a in chosen)]
        notes = {a.note for a in chosen}
        editor = self._show_editor(TagEditor.for_several(
            len(chosen), self.controller.store.tags(), common,
            notes.pop() if len(notes) == 1 else None,
            colours_of=self.controller.tag_colours_to_come, parent=self.window))

        def accepted() -> None:
            typed = {t.casefold() for t in editor.tags()}
            removed = [t for t in common if t.casefold() not in typed]
            self.controller.retag([a.id for a in chosen], editor.tags(), removed,
                                  editor.note(), editor.chosen_colours())

        editor.accepted.connect(accepted)

    def choose_colour(self, tag: str) -> QColorDialog:
        """Open a colour dialog for ``tag``; the colour picked is the tag's (undoably)."""
        self.colour_dialog = open_colour_dialog(
            self.window, tag, self.controller.tag_colour(tag),
            lambda colour: self.controller.set_colour(tag, colour.name()))
        return self.colour_dialog

    def _show_editor(self, editor: TagEditor) -> TagEditor:
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.destroyed.connect(lambda: setattr(self, "editor", None))
        self.editor = editor
        editor.open()
        return editor

    def _tag(self, pane: DocumentPane, start: int, end: int, tags: tuple[str, ...],
             note: str, colours: dict[str, str] | None = None) -> None:
        """Tag the passage, then offer to tag its counterparts in the compared document."""
        document = pane.source
        assert document is not None
        added = self.controller.add(document, start, end, tags, note, colours)
        cursor = pane.textCursor()  # (the selection hid the new tag's underline)
        cursor.clearSelection()
        pane.setTextCursor(cursor)
        comparison = self.view.comparison
        side = self._side_of(pane)
        if comparison is None or side is None or comparison.document(side) is not document:
            return
        other = comparison.document(other_side(side))
        found = tuple(new_annotation(other, first, last, tags, note)
                      for first, last in counterparts(comparison, side, start, end)
                      if first < last)
        if found:
            self.linked_bar.offer(other.shown_title, found, added.id)
        else:
            self.linked_bar.withdraw()

    def _on_controller_rows_changed(self, kind: str, ids: tuple[str, ...]) -> None:
        if kind == REMOVED:
            self.linked_bar.follow_removal(ids)

    def _side_of(self, pane: DocumentPane) -> Side | None:
        for side in SIDES:
            if self.view.panes[side] is pane:
                return side
        return None

    def reattach(self, annotation_id: str) -> None:
        """Point the annotation at the words selected in a pane (the active one first)."""
        active = self.view.active_pane()
        panes = [active, *(p for p in self.view.panes.values() if p is not active)]
        for pane in panes:
            offsets = self.selection_offsets(pane)
            if offsets is not None and pane.source is not None:
                self.controller.reattach(annotation_id, pane.source, *offsets)
                return
        self.status.show_message("Select the words to re-attach the tag to first")

    def _on_pane_context_menu_requested(self, pane: DocumentPane, point: QPoint) -> None:
        menu = pane.createStandardContextMenu(point)
        menu.addSeparator()
        action = menu.addAction("Tag Selection…", lambda: self.tag_selection(pane))
        action.setShortcut(self.tag_action.shortcut())
        action.setEnabled(self.selection_offsets(pane) is not None)
        menu.exec(pane.viewport().mapToGlobal(point))
        menu.deleteLater()

    # -- drawing -------------------------------------------------------------------------

    def repaint(self) -> None:
        """Underline, in each pane, the tagged passages of the document it shows."""
        for side in SIDES:
            pane = self.view.panes[side]
            if pane.source is not None:
                pane.set_tag_marks(self.marks_for(pane.source))

    def _on_documents_changed(self, paths: set[str]) -> None:
        """Redraw the panes showing a document whose tags changed (all of them for a tag of a
        moved file, which may belong to a pane by its text)."""
        panes = [p for p in self.view.panes.values() if p.source is not None]
        elsewhere = paths - {p.source.path for p in panes if p.source is not None}
        moved = any(is_gone(path) for path in elsewhere)
        for pane in panes:
            if pane.source is not None and (moved or pane.source.path in paths):
                pane.set_tag_marks(self.marks_for(pane.source))

    def marks_for(self, document: Document) -> list[Mark]:
        tag_colour = self.controller.tag_colour
        marks = [(start, end, tag_colour(annotation.tags[0] if annotation.tags else None))
                 for annotation, start, end in self.controller.found_in(document)]
        return sorted(marks, key=lambda mark: (mark[0], mark[1]))

    def belongs_to(self, annotation: Annotation, document: Document) -> bool:
        return annotation.id in self.controller.owned_ids(document)

    # -- going to a passage --------------------------------------------------------------

    def go_to(self, annotation_id: str) -> None:
        """Show the annotation's document (on the left unless it is shown already), scroll
        to the passage and flash it."""
        annotation = self.controller.store.get(annotation_id)
        if annotation is None:
            return
        for side in SIDES:
            pane = self.view.panes[side]
            if pane.source is not None and self.belongs_to(annotation, pane.source):
                self._flash(annotation, pane)
                return
        row = self._library_row(annotation)
        if row is None:
            self.status.show_error(
                f"{annotation.document.name} is not in the library; open its folder first")
            return
        self._pending = annotation_id
        self.document_requested.emit(row, "left")

    def _flash(self, annotation: Annotation, pane: DocumentPane) -> None:
        assert pane.source is not None
        found = self.controller.anchor_in(annotation, pane.source)
        if found.start is None or found.end is None:
            self.status.show_message(
                f"“{annotation.target.exact[:40]}” is no longer in {pane.source.name} (orphaned)")
            return
        if self.view.folds.reveal(pane, pane.source.paragraph_at(found.start)):
            self.view.finish_alignment()  # (a folded run held the passage: open now, aligned)
        pane.scroll_to_range(found.start, found.end)

    def follow_comparison(self, _comparison: object) -> None:
        """Follow the comparison the window now shows (connect its ``comparison_shown``)."""
        self.linked_bar.withdraw()  # its passages belong to the comparison shown before
        panes = self.view.panes.values()
        self.panel.set_shown_documents(p.source.path for p in panes if p.source is not None)
        self.repaint()
        pending, self._pending = self._pending, None
        if pending is not None:
            self.go_to(pending)

    def _library_row(self, annotation: Annotation) -> int | None:
        row = self.library.row_of(annotation.document.path)
        return row if self.library.document(row) is not None else None

    def _open_document(self, path: str) -> Document | None:
        return self.library.document(self.library.row_of(path))

    def _title_of(self, path: str) -> str | None:
        """The title of the library's document at ``path`` (None: not in the library)."""
        document = self._open_document(path)
        return None if document is None else document.shown_title or None
