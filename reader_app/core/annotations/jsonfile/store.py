"""The annotation store: one file's annotations in memory, merged with the file on every save.

Owns ``AnnotationStore``: opening a file (a corrupt one set aside and reported, or refused; a
newer ``format`` opened read-only), the in-memory annotations that commands change through
``insert`` / ``delete`` / ``replace``, plain listener callbacks told of every change and of
every message for the user (the window forwards them as Qt signals), filtering, and
``save()``. Saving holds the file's lock, re-reads the file, merges by id what other stores
(another window, a ``tags add``) wrote since this one last read or wrote it (``merge``), and
writes the result atomically. Must not import Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader_app.core.annotations.colours import (
    ColourEdits,
    chosen_colours,
    normalise_colour,
    tag_key,
    with_edits,
)
from reader_app.core.annotations.jsonfile.file import (
    LOCK_TIMEOUT_SECONDS,
    Reading,
    Signature,
    locked,
    read_file,
    remove_stale_temporaries,
    set_aside,
    signature,
    write_file,
)
from reader_app.core.annotations.jsonfile.format import (
    CorruptFileError,
    EncodedCache,
    FileContents,
    encoded_lines,
)
from reader_app.core.annotations.jsonfile.merge import merge
from reader_app.core.annotations.model import FORMAT_NAME, FORMAT_VERSION, Annotation
from reader_app.core.annotations.query import AnnotationQuery
from reader_app.core.annotations.store import (
    ADDED,
    CHANGED,
    COLOURS,
    REMOVED,
    ChangesJob,
    Listener,
    StoreChange,
    grouped,
)
from reader_app.core.errors import ReaderError
from reader_app.core.text import counted

SET_ASIDE, REFUSE = "set-aside", "refuse"  # what to do with a file that cannot be parsed


class AnnotationStore:
    """Annotations by id, kept in the JSON file (the ``Store`` protocol's implementation);
    ``path=None`` keeps them in memory only."""

    def __init__(self, path: Path | None = None, *, corrupt: str = SET_ASIDE,
                 lock_timeout: float | None = None) -> None:
        self.path = path
        self.corrupt = corrupt
        self.lock_timeout = LOCK_TIMEOUT_SECONDS if lock_timeout is None else lock_timeout
        self.read_only_reason = ""
        self.messages: list[str] = []  # what the user should be told: set aside, read-only
        self.listeners: list[Listener] = []  # told of every change to the annotations
        self.message_listeners: list[Callable[[str], None]] = []  # told each new message
        self._items: dict[str, Annotation] = {}
        self._base: dict[str, Annotation] = {}  # the file as this store last read or wrote it
        self._deleted: dict[str, datetime] = {}  # deleted here since then, and when
        self._extra: Mapping[str, Any] = {}  # the file's other top-level keys
        self._colour_edits: ColourEdits = {}  # tag colours chosen here since the last save
        self._signature: Signature | None = None
        self._dirty = False  # changed since the last save or reload
        self._encoded: EncodedCache = {}  # each annotation's line as last read or written
        self._held: list[StoreChange] | None = None  # changes kept back by ``batched``

    @classmethod
    def open(cls, path: Path, *, corrupt: str = SET_ASIDE,
             lock_timeout: float | None = None) -> AnnotationStore:
        """The store of the file at ``path`` (a missing file is an empty store)."""
        store = cls(path, corrupt=corrupt, lock_timeout=lock_timeout)
        store.reload()
        return store

    # --- reading ------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Annotation]:
        return iter(list(self._items.values()))

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._items

    def get(self, annotation_id: str) -> Annotation | None:
        return self._items.get(annotation_id)

    def tags(self) -> list[str]:
        """Every tag in use, sorted without regard to case (for completion and filters)."""
        used = {tag for annotation in self._items.values() for tag in annotation.tags}
        return sorted(used, key=lambda tag: (tag.casefold(), tag))

    def filter(self, tag: str | None = None, text: str | None = None,
               document: str | None = None) -> list[Annotation]:
        """Annotations with ``tag`` (any case), ``text`` in quote, note, tags or document
        name (any case), on ``document`` (its path or name); ``None`` matches all."""
        documents = frozenset((document,)) if document else None
        return AnnotationQuery(tag, text, documents).select(self._items.values())

    def tag_colours(self) -> dict[str, str]:
        """The colours the reader chose, by case-folded tag (``#rrggbb``)."""
        return chosen_colours(with_edits(self._extra, self._colour_edits))

    # --- changing (the commands call these) ---------------------------------------------

    def set_tag_colour(self, tag: str, colour: str | None) -> None:
        """Choose ``tag``'s colour (``#rrggbb``); ``None`` gives it back its automatic one."""
        self._check_writable()
        key = tag_key(tag)
        if not key:
            raise ReaderError("a tag colour needs a tag")
        self._colour_edits[key] = None if colour is None else normalise_colour(colour)
        self._dirty = True
        self._emit(COLOURS, ())

    def insert(self, annotation: Annotation, before: str | None = None) -> None:
        """Add ``annotation`` at the end, or just before the annotation ``before`` (where an
        undone delete had it: the list and the file keep their order)."""
        self._check_writable()
        if annotation.id in self._items:
            raise ReaderError(f"annotation {annotation.id} exists already")
        if before is None or before not in self._items:
            self._items[annotation.id] = annotation
        else:
            items = list(self._items.items())
            at = next(n for n, (key, _) in enumerate(items) if key == before)
            items.insert(at, (annotation.id, annotation))
            self._items = dict(items)
        self._deleted.pop(annotation.id, None)
        self._dirty = True
        self._emit(ADDED, (annotation.id,))

    def delete(self, annotation_id: str) -> Annotation:
        self._check_writable()
        removed = self._items.pop(annotation_id, None)
        if removed is None:
            raise ReaderError(f"no annotation {annotation_id}")
        self._deleted[annotation_id] = datetime.now(UTC).replace(microsecond=0)
        self._dirty = True
        self._emit(REMOVED, (annotation_id,))
        return removed

    def replace(self, annotation: Annotation) -> None:
        self._check_writable()
        if annotation.id not in self._items:
            raise ReaderError(f"no annotation {annotation.id}")
        self._items[annotation.id] = annotation
        self._dirty = True
        self._emit(CHANGED, (annotation.id,))

    # --- the file -----------------------------------------------------------------------

    def reload(self) -> None:
        """Replace the annotations with the file's (unsaved changes here are dropped)."""
        if self.path is None:
            return
        self.read_only_reason = ""
        contents = self._read()
        items = {a.id: a for a in contents.annotations} if contents else {}
        self._colour_edits.clear()
        self._take_extra(contents.extra if contents else {})
        self._base, self._dirty = dict(items), False
        self._deleted.clear()
        self._become(items)

    def refresh(self) -> None:
        """Take in what other stores saved, keeping this store's unsaved changes."""
        if self.path is None:
            return
        if self._signature is not None and signature(self.path) == self._signature:
            return  # the file is as this store last read or wrote it (e.g. its own save)
        self._take_theirs(self._read())

    def read_ahead(self) -> Callable[[], Reading | None]:
        """What ``refresh`` reads, as a job for a worker thread: it touches nothing of this
        store's (the lines it knows are copied now), and its ``Reading`` is handed back to
        ``take_reading`` on this store's thread. ``None``: nothing new to read."""
        path, seen, encoded = self.path, self._signature, dict(self._encoded)

        def job() -> Reading | None:
            if path is None or signature(path) == seen:  # as last read or written, or absent
                return None
            known = {line: annotation for annotation, line in encoded.values()}
            contents, read = read_file(path, known)  # CorruptFileError: refresh() instead
            return Reading(path, seen, contents, read)

        return job

    def take_reading(self, reading: Reading) -> bool:
        """Take in what ``read_ahead`` read; False (nothing done) if it is stale: this store
        has read or written the file since, merging what the reading holds on the way, or
        holds another file now. A newer format is taken in through ``refresh``."""
        if reading.path != self.path or reading.seen != self._signature:
            return False
        contents = reading.contents
        if contents is not None and contents.newer:
            self.refresh()
            return True
        self._signature = reading.signature
        self._encoded = dict(contents.encoded) if contents else {}
        self._take_theirs(contents)
        return True

    # The Store protocol's names for the file's mechanics above and below.
    def load(self) -> None:
        """Read the file whole and encode every line (see ``encode_all``)."""
        self.reload()
        self.encode_all()

    def changes_since(self) -> ChangesJob:
        return self.read_ahead()

    def take_changes(self, changes: object) -> bool:
        return isinstance(changes, Reading) and self.take_reading(changes)

    def _take_theirs(self, contents: FileContents | None) -> None:
        if contents is None:  # gone, or set aside: what is here is all there is
            return
        theirs = {a.id: a for a in contents.annotations}
        self._become(merge(self._base, self._items, theirs, self._deleted))
        self._base = theirs
        self._take_extra(contents.extra)

    def encode_all(self) -> None:
        """Encode every annotation's line now (a first read parses the file whole, which
        keeps no lines), so that the first save only writes: call it where time is cheap, on
        a worker thread before the store is handed to the window."""
        self._encoded = encoded_lines(self._items.values(), self._encoded)

    def save(self, before_replace: Callable[[], None] | None = None) -> bool:
        """Merge with the file under its lock and write it; True if the file was written.
        ``before_replace``: run once written, before the file is replaced (``replacement``)."""
        if self.path is None:
            return False
        self._check_writable()
        with locked(self.path, self.lock_timeout):
            theirs = self._theirs()
            ours = theirs is self._base or theirs is None  # what is written is what is here
            if theirs is self._base:  # nobody else wrote since: the merge would give ours
                merged, written = dict(self._items), self._dirty
            elif theirs is None:  # no file (deleted, or corrupt and set aside): keep all ours
                merged, written = dict(self._items), bool(self._items) or self._dirty
            else:
                merged = merge(self._base, self._items, theirs, self._deleted)
                written = merged != theirs or self._colours_differ()
            extra = with_edits(self._extra, self._colour_edits)
            if written:
                remove_stale_temporaries(self.path)
                write_file(self.path, merged.values(), extra, self._encoded, before_replace)
                self._signature = signature(self.path)
            elif before_replace is not None:
                before_replace()
        self._base, self._dirty, self._extra = merged, False, extra
        self._colour_edits.clear()
        self._deleted.clear()
        if not ours:
            self._become(merged)
        return written

    def save_as(self, path: Path) -> None:
        """Make ``path`` this store's file and save there (merging what it already holds)."""
        self._colour_edits = dict(self.tag_colours())  # written into the new file
        self.path, self._base, self._signature, self._extra = path, {}, None, {}
        self._dirty = True  # the file is written even with nothing in it yet
        self.read_only_reason = ""
        self.save()

    def _read(self, holding_lock: bool = False) -> FileContents | None:
        assert self.path is not None
        known = {line: annotation for annotation, line in self._encoded.values()}
        try:
            contents, self._signature = read_file(self.path, known)
        except CorruptFileError:
            if self.corrupt == REFUSE:
                raise
            contents, self._signature = self._set_corrupt_file_aside(holding_lock)
        self._encoded = dict(contents.encoded) if contents else {}
        if contents is not None and contents.newer:
            self._open_read_only(contents)
        return contents

    def _theirs(self) -> dict[str, Annotation] | None:
        """The file's annotations now (lock held), ``None`` if there is no file; the very
        ``_base`` when nobody wrote it since this store last did (it is then not re-read)."""
        assert self.path is not None
        if self._signature is not None and signature(self.path) == self._signature:
            return self._base
        contents = self._read(holding_lock=True)
        if contents is not None and contents.newer:
            raise ReaderError(f"{self.path}: not saved: {self.read_only_reason}")
        if contents is None:
            return None
        self._take_extra(contents.extra)
        return {a.id: a for a in contents.annotations}

    def _set_corrupt_file_aside(
            self, holding_lock: bool) -> tuple[FileContents | None, Signature | None]:
        assert self.path is not None
        if not holding_lock:
            with locked(self.path, self.lock_timeout):
                return self._set_corrupt_file_aside(holding_lock=True)
        try:  # read again under the lock: another store may have set it aside already
            return read_file(self.path)
        except CorruptFileError as error:
            aside = set_aside(self.path)
            kept = "the annotations open here are kept" if self._items else "starting empty"
            self._tell(f"{error}; renamed to {aside.name}; {kept}")
            return None, None

    def _open_read_only(self, contents: FileContents) -> None:
        skipped = (f"; {counted(contents.skipped, 'annotation')} not understood"
                   if contents.skipped else "")
        reason = (f"its format {FORMAT_NAME}/{contents.version_shown} is newer than this "
                  f"program's ({FORMAT_NAME}/{FORMAT_VERSION}); opened read-only{skipped}")
        if reason != self.read_only_reason:  # said once, not at every re-read
            self.read_only_reason = reason
            self._tell(f"{self.path}: {reason}")

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReaderError(f"{self.path}: cannot change annotations: {self.read_only_reason}")

    def _become(self, items: dict[str, Annotation]) -> None:
        """Take ``items`` as the annotations and tell listeners what that changed."""
        old = self._items
        self._items = dict(items)
        removed = tuple(i for i in old if i not in items)
        added = tuple(i for i in items if i not in old)
        changed = tuple(i for i in items if i in old and old[i] is not items[i]
                        and old[i] != items[i])
        for kind, ids in ((REMOVED, removed), (ADDED, added), (CHANGED, changed)):
            if ids:
                self._emit(kind, ids)

    def _take_extra(self, extra: Mapping[str, Any]) -> None:
        """Take the file's top-level keys (this store's unsaved colour choices kept)."""
        before = self.tag_colours()
        self._extra = extra
        if self.tag_colours() != before:
            self._emit(COLOURS, ())

    def _colours_differ(self) -> bool:
        return chosen_colours(with_edits(self._extra, self._colour_edits)) != chosen_colours(
            self._extra)

    def _tell(self, message: str) -> None:
        self.messages.append(message)
        for listener in list(self.message_listeners):
            listener(message)

    @contextmanager
    def batched(self) -> Iterator[None]:
        """Tell listeners of the changes made inside at the end, like ones grouped: deleting
        100 annotations is then one ``REMOVED`` of 100 ids, not 100 redraws. Listeners then
        see the final state: an id told as ``CHANGED`` may be gone (a later ``REMOVED``)."""
        if self._held is not None:  # already batching: the outer one tells
            yield
            return
        self._held = []
        try:
            yield
        finally:
            held, self._held = self._held, None
            for change in grouped(held):
                self._tell_listeners(change)

    def _emit(self, kind: str, ids: tuple[str, ...]) -> None:
        change = StoreChange(kind, ids)
        if self._held is not None:
            self._held.append(change)
        else:
            self._tell_listeners(change)

    def _tell_listeners(self, change: StoreChange) -> None:
        for listener in list(self.listeners):
            listener(change)
