"""The window's one owner of the annotations: the store, its undo stack, its signals.

Every change goes command → ``QUndoStack`` → store (saved after each step) → store listener →
``annotations_changed``; views only listen. The store's messages for the reader (a corrupt
file set aside, a newer format opened read-only) and failures are re-emitted as
``message_shown``. Must not import widgets other than through signals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QUndoStack

from reader_app.core.annotation_commands import (
    AddAnnotations,
    Command,
    DeleteAnnotations,
    EditAnnotation,
    ReattachAnnotation,
)
from reader_app.core.annotation_export import AnchorCache, Listed, anchor_all
from reader_app.core.annotation_file import resolve_path
from reader_app.core.annotation_store import AnnotationStore, StoreChange
from reader_app.core.annotations import Annotation, DocumentRef, Target, new_annotation
from reader_app.core.documents import Document, load_document
from reader_app.core.errors import ReaderError
from reader_app.ui.tag_marks import colour_of, tag_colours
from reader_app.ui.undo_commands import StoreCommand

DocumentLookup = Callable[[str], Document | None]


class AnnotationController(QObject):
    annotations_changed = Signal()
    file_opened = Signal()  # another file is now the annotation file (open, save as)
    message_shown = Signal(str)  # for the reader: set aside, read-only, not saved

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.store = AnnotationStore(None)
        self._loaded: dict[str, Document | None] = {}  # documents read from disk, by path
        # Anchors by target and text: re-listing after a filter or an edit re-anchors only
        # what changed (10,000 annotations took 0.3 s per keystroke without it).
        self._anchors: AnchorCache = {}
        self.lookup: DocumentLookup = lambda path: None  # the window's open documents
        self._colours: dict[str, QColor] | None = None  # worked out again after each change

    @property
    def path(self) -> Path | None:
        return self.store.path

    def open(self, option: str | Path | None = None) -> None:
        """Open the file ``--annotations`` names, else ``$READER_APP_ANNOTATIONS``, else the
        default; an unreadable one is set aside (and reported) and the store starts empty."""
        self.undo_stack.clear()
        store = AnnotationStore(resolve_path(option))
        store.listeners.append(self._on_store_changed)
        store.message_listeners.append(self.message_shown.emit)
        self.store, self._colours = store, None
        try:
            store.reload()
        except ReaderError as error:
            self.message_shown.emit(f"Annotations not opened: {error}")
        self.annotations_changed.emit()
        self.file_opened.emit()

    def push(self, command: Command) -> None:
        if self.store.read_only:
            self.message_shown.emit(f"Cannot change annotations: {self.store.read_only_reason}")
            return
        self.undo_stack.push(StoreCommand(command, self.store, self._on_command_failed))

    def add(self, document: Document, start: int, end: int, tags: Iterable[str],
            note: str = "") -> Annotation:
        annotation = new_annotation(document, start, end, tags, note)
        self.push(AddAnnotations((annotation,)))
        return annotation

    def edit(self, annotation_id: str, tags: Iterable[str], note: str) -> None:
        self.push(EditAnnotation(annotation_id, tags=tuple(tags), note=note))

    def reattach(self, annotation_id: str, document: Document, start: int, end: int) -> None:
        """Point the annotation at ``document.text[start:end]`` (an orphan found again)."""
        target = Target.in_text(document.text, start, end)
        self.push(ReattachAnnotation(annotation_id, document=DocumentRef.of(document),
                                     target=target))

    def delete(self, ids: Iterable[str]) -> None:
        ids = tuple(ids)
        if ids:
            self.push(DeleteAnnotations(ids))

    def save_as(self, path: Path) -> None:
        """Make ``path`` the annotation file and write every annotation there."""
        try:
            self.store.save_as(path)
        except ReaderError as error:
            self.message_shown.emit(f"Annotations not saved: {error}")
            return
        self.message_shown.emit(f"Annotations saved to {path}")
        self.file_opened.emit()

    def refresh(self) -> None:
        """Take in what other windows (or ``tags add``) saved since."""
        try:
            self.store.refresh()
        except ReaderError as error:
            self.message_shown.emit(str(error))

    def listed(self, annotations: Iterable[Annotation] | None = None) -> list[Listed]:
        """Annotations with their anchors in their documents' current text."""
        chosen = self.store if annotations is None else annotations
        return anchor_all(chosen, self._document, self._anchors)

    def _document(self, path: str) -> Document:
        document = self.lookup(path)
        if document is not None:
            return document
        if path not in self._loaded:
            try:
                self._loaded[path] = load_document(path)
            except ReaderError:
                self._loaded[path] = None
        loaded = self._loaded[path]
        if loaded is None:
            raise ReaderError(f"{path}: cannot be read")
        return loaded

    def tag_colour(self, tag: str | None) -> QColor:
        """The colour of a tag's underlines and of its name in the panel."""
        if self._colours is None:
            oldest_first = sorted(self.store, key=lambda a: (a.created, a.id))
            self._colours = tag_colours(a.tags for a in oldest_first)
        return colour_of(self._colours, tag)

    def _on_store_changed(self, change: StoreChange) -> None:
        self._colours = None
        self.annotations_changed.emit()

    def _on_command_failed(self, message: str) -> None:
        self.message_shown.emit(message)
