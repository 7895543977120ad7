"""The window's one owner of the annotations: the store, its undo stack, its signals.

Every change goes command → ``QUndoStack`` → store (saved after each step) → store listener →
signals; views only listen. ``annotations_changed`` means "anything may differ" (another file,
a reload); ``rows_changed`` carries one change's kind and ids, ``documents_changed`` the
document paths whose underlines it touched, so views update what changed and no more (10,000
annotations re-listed after every tag took 0.2 s). Owns the tags' colours (chosen ones from
the file, the palette for the rest in order of first use, so a new tag never recolours the
others) and anchors, computed when first asked for and remembered until the annotation or the
document's text changes. The store's messages for the reader (a corrupt file set aside, a newer
format opened read-only), a file the window may not write (tags made cannot be saved) and
failures are re-emitted as ``message_shown``. Must not import
widgets other than through signals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QUndoStack

from reader_app.core.annotations.anchoring import AnchorCache, cached_anchor
from reader_app.core.annotations.commands import (
    AddAnnotations,
    Batch,
    Command,
    DeleteAnnotations,
    EditAnnotation,
    ReattachAnnotation,
    RetagAnnotation,
    SetTagColour,
)
from reader_app.core.annotations.index import AnnotationIndex
from reader_app.core.annotations.jsonfile.file import unsaved_reason
from reader_app.core.annotations.jsonfile.location import resolve_path
from reader_app.core.annotations.jsonfile.store import AnnotationStore
from reader_app.core.annotations.model import (
    ORPHAN,
    Anchor,
    Annotation,
    DocumentRef,
    Target,
    new_annotation,
)
from reader_app.core.annotations.ownership import owned_ids
from reader_app.core.annotations.store import COLOURS, Store, StoreChange
from reader_app.core.documents import Document, load_document
from reader_app.core.errors import ReaderError
from reader_app.ui.annotations.tag_marks import TagPalette
from reader_app.ui.annotations.undo_commands import StoreCommand
from reader_app.ui.workers import TaskRunner

DocumentLookup = Callable[[str], Document | None]
# Opens the storage at a path (None: in memory only); the JSON file unless told otherwise.
StoreFactory = Callable[[Path | None], Store]


class AnnotationController(QObject):
    annotations_changed = Signal()  # anything may differ: another file, a reload
    rows_changed = Signal(str, tuple)  # a StoreChange's kind and ids (added/removed/changed)
    documents_changed = Signal(set)  # document paths whose tagged passages changed
    colours_changed = Signal()  # a tag's colour was chosen (or given back)
    anchors_changed = Signal()  # documents were read again: anchors may differ
    file_opened = Signal()  # another file is now the annotation file (open, save as)
    message_shown = Signal(str)  # for the reader: set aside, read-only, not saved
    loading_changed = Signal(bool)  # the file is being read (off the UI thread), or done

    def __init__(self, parent: QObject | None = None, synchronous: bool = False,
                 open_store: StoreFactory = AnnotationStore) -> None:
        super().__init__(parent)
        self._open_store = open_store
        self.undo_stack = QUndoStack(self)
        self.loader = TaskRunner(self, synchronous)
        self.loader.succeeded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.refresher = TaskRunner(self, synchronous)
        self.refresher.succeeded.connect(self._on_changes_read)
        self.refresher.failed.connect(lambda message: self._refresh_here())
        self.loading = False
        self.store: Store = open_store(None)
        self.index = AnnotationIndex()
        self.lookup: DocumentLookup = lambda path: None  # the window's open documents
        self._texts: dict[str, str | None] = {}  # each document's text, None if unreadable
        self._anchors: AnchorCache = {}
        self._palette = TagPalette()

    @property
    def path(self) -> Path | None:
        return self.store.path

    def open(self, option: str | Path | None = None) -> None:
        """Open the file ``--annotations`` names, else ``$READER_APP_ANNOTATIONS``, else the
        default; an unreadable one is set aside (and reported) and the store starts empty.

        The file is read on a worker thread (10,000 annotations: 0.3 s with their lines
        encoded for the first save); changes wait until it is read."""
        path = resolve_path(option)

        def job(cancelled: Callable[[], bool], progress: Callable[[float], None]) -> object:
            store = self._open_store(path)
            try:
                store.load()
            except ReaderError as error:
                return store, f"Annotations not opened: {error}"
            if store.path is None or store.read_only:  # (a newer format has said it is)
                return store, None
            return store, unsaved_reason(store.path)

        self.undo_stack.clear()
        self._set_loading(True)
        self.loader.start(job)

    def _on_loaded(self, result: tuple[Store, str | None]) -> None:
        store, problem = result
        for message in [*store.messages, *([problem] if problem else [])]:
            self.message_shown.emit(message)
        store.message_listeners.append(self.message_shown.emit)
        store.listeners.append(self._on_store_changed)
        self.store = store
        self.index.rebuild(store)
        self._palette.reset(store, store.tag_colours())
        self._set_loading(False)
        self.annotations_changed.emit()
        self.file_opened.emit()

    def _on_load_failed(self, message: str) -> None:
        self._set_loading(False)
        self.message_shown.emit(f"Annotations not opened: {message}")

    def _set_loading(self, loading: bool) -> None:
        self.loading = loading
        self.loading_changed.emit(loading)

    # -- changing ------------------------------------------------------------------------

    def push(self, command: Command) -> None:
        if self.loading:
            self.message_shown.emit("The annotation file is still being read; try again")
            return
        if self.store.read_only:
            self.message_shown.emit(f"Cannot change annotations: {self.store.read_only_reason}")
            return
        self.undo_stack.push(StoreCommand(command, self.store, self._on_command_failed))

    def add(self, document: Document, start: int, end: int, tags: Iterable[str],
            note: str = "", colours: dict[str, str] | None = None) -> Annotation:
        """Tag a passage; ``colours`` chosen for its tags in the same undo step."""
        annotation = new_annotation(document, start, end, tags, note)
        self.push(self._with_colours(AddAnnotations((annotation,)), colours))
        return annotation

    def edit(self, annotation_id: str, tags: Iterable[str], note: str,
             colours: dict[str, str] | None = None) -> None:
        command = EditAnnotation(annotation_id, tags=tuple(tags), note=note)
        self.push(self._with_colours(command, colours))

    def retag(self, ids: Iterable[str], add: Iterable[str], remove: Iterable[str],
              note: str | None, colours: dict[str, str] | None = None) -> None:
        """Edit several annotations at once: tags added and removed, others kept."""
        add, remove = tuple(add), tuple(remove)
        steps = tuple(RetagAnnotation(i, add=add, remove=remove, note=note) for i in ids)
        if steps:
            self.push(self._with_colours(Batch(steps, f"Edit {len(steps)} tags"), colours))

    def set_colour(self, tag: str, colour: str | None) -> None:
        self.push(SetTagColour(tag, colour))

    def _with_colours(self, command: Command, colours: dict[str, str] | None) -> Command:
        chosen = self.store.tag_colours()
        changes = tuple(SetTagColour(tag, colour) for tag, colour in (colours or {}).items()
                        if chosen.get(tag.casefold()) != colour.lower())
        return Batch((command, *changes), command.label) if changes else command

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
        if self.loading:
            self.message_shown.emit("The annotation file is still being read; try again")
            return
        try:
            self.store.save_as(path)
        except ReaderError as error:
            self.message_shown.emit(f"Annotations not saved: {error}")
            return
        self.message_shown.emit(f"Annotations saved to {path}")
        self.file_opened.emit()

    def refresh(self) -> None:
        """Take in what other windows (or ``tags add``) saved since: the file is read on a
        worker thread (10,000 annotations: 60-130 ms), merged here. A file that cannot be
        read that way (corrupt: set aside, reported) is dealt with here, by the store."""
        if self.loading:
            return  # what is being read is newer than anything else there
        job = self.store.changes_since()
        self.refresher.start(lambda cancelled, progress: job())

    def _on_changes_read(self, changes: object) -> None:
        if changes is not None:
            self._refresh_here(lambda: self.store.take_changes(changes))

    def _refresh_here(self, step: Callable[[], object] | None = None) -> None:
        try:
            (step or self.store.refresh)()
        except ReaderError as error:
            self.message_shown.emit(str(error))

    # -- reading -------------------------------------------------------------------------

    def anchor_of(self, annotation: Annotation) -> Anchor:
        """Where the annotation is in its document's current text (remembered)."""
        text = self._text(annotation.document.path)
        return ORPHAN if text is None else cached_anchor(annotation, text, self._anchors)

    def anchor_in(self, annotation: Annotation, document: Document) -> Anchor:
        """Where the annotation is in ``document`` (the one on screen), remembered."""
        return cached_anchor(annotation, document.text, self._anchors)

    def forget_texts(self) -> None:
        """Documents were (re)read: look their texts up again when next needed."""
        self._texts.clear()
        self.anchors_changed.emit()

    def _text(self, path: str) -> str | None:
        if path not in self._texts:
            self._texts[path] = self._read_text(path)
        return self._texts[path]

    def _read_text(self, path: str) -> str | None:
        document = self.lookup(path)
        if document is not None:
            return document.text
        try:
            return load_document(path).text if path else None
        except ReaderError:
            return None

    def owned_ids(self, document: Document) -> set[str]:
        """The ids of ``document``'s annotations (the core's ownership rule)."""
        return owned_ids(self.index, document)

    def found_in(self, document: Document) -> list[tuple[Annotation, int, int]]:
        """``document``'s annotations found in its text now, each with its start and end
        there (an orphaned one left out)."""
        found = []
        for annotation_id in self.owned_ids(document):
            annotation = self.store.get(annotation_id)
            if annotation is not None:
                where = self.anchor_in(annotation, document)
                if where.start is not None and where.end is not None:
                    found.append((annotation, where.start, where.end))
        return found

    def tag_colour(self, tag: str | None) -> QColor:
        """The colour of a tag's underlines and of its name in the panel."""
        return self._palette.colour(tag)

    def tag_colours_to_come(self, tags: Sequence[str]) -> list[QColor]:
        """The colours ``tags`` will have once applied in this order (new ones included)."""
        return self._palette.colours_to_come(tags)

    # -- following the store -------------------------------------------------------------

    def _on_store_changed(self, change: StoreChange) -> None:
        if change.kind == COLOURS:
            self._palette.choose(self.store.tag_colours())
            self.colours_changed.emit()
            return
        touched = self.index.update(change, self.store)
        self._palette.follow(self.store.get(i) for i in change.ids)
        self.rows_changed.emit(change.kind, change.ids)
        self.documents_changed.emit(touched)

    def _on_command_failed(self, message: str) -> None:
        self.message_shown.emit(message)
