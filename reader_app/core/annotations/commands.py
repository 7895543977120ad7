"""Undoable annotation changes: each a command whose ``apply`` and ``revert`` change a store.

Owns ``AddAnnotations``, ``DeleteAnnotations``, ``EditAnnotation`` (tags and/or note),
``RetagAnnotation`` (tags added and removed, for editing several at once),
``ReattachAnnotation`` (an orphan, or any annotation, given a new passage), ``SetTagColour``
and ``Batch`` (several commands as one undo step). ``apply`` then
``revert`` leaves the store as it was; ``apply`` again (redo) gives the same result as the
first time, because what a command changes is worked out once, on its first ``apply``. The
window wraps each in a ``QUndoCommand`` (``redo`` = ``apply``, ``undo`` = ``revert``) and saves
the store after each; nothing here saves. Must not import Qt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from reader_app.core.annotations.colours import tag_key
from reader_app.core.annotations.model import (
    Annotation,
    DocumentRef,
    Target,
    normalise_tags,
    utc_now,
)
from reader_app.core.annotations.store import Store
from reader_app.core.errors import ReaderError


class Command(Protocol):
    @property
    def label(self) -> str: ...

    def apply(self, store: Store) -> None: ...

    def revert(self, store: Store) -> None: ...


@dataclass
class AddAnnotations:
    """Add annotations (one passage, or a passage and its counterparts in other sources)."""

    annotations: tuple[Annotation, ...]

    @property
    def label(self) -> str:
        return "Add tag" if len(self.annotations) == 1 else f"Add {len(self.annotations)} tags"

    def apply(self, store: Store) -> None:
        for annotation in self.annotations:
            store.insert(annotation)

    def revert(self, store: Store) -> None:
        for annotation in reversed(self.annotations):
            store.delete(annotation.id)


@dataclass
class DeleteAnnotations:
    ids: tuple[str, ...]
    _removed: list[Annotation] = field(default_factory=list, init=False, repr=False)
    _next: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)

    @property
    def label(self) -> str:
        return "Delete tag" if len(self.ids) == 1 else f"Delete {len(self.ids)} tags"

    def apply(self, store: Store) -> None:
        missing = [i for i in self.ids if i not in store]
        if missing:
            raise ReaderError(f"no annotation {missing[0]}")
        # Each one's first successor that stays, so that undo puts it back where it was
        # (not at the end of the list and the file): reverted in the store's order, each
        # goes in just before that successor.
        going, successor = set(self.ids), None
        self._next = {}
        for annotation in reversed(list(store)):
            if annotation.id in going:
                self._next[annotation.id] = successor
            else:
                successor = annotation.id
        order = [annotation.id for annotation in store if annotation.id in going]
        self._removed = [store.delete(annotation_id) for annotation_id in order]

    def revert(self, store: Store) -> None:
        for annotation in self._removed:
            store.insert(annotation, before=self._next[annotation.id])


@dataclass
class _ReplaceAnnotation:
    """Swap one annotation for a changed copy; the copy is made once, on the first apply."""

    annotation_id: str
    _before: Annotation | None = field(default=None, init=False, repr=False)
    _after: Annotation | None = field(default=None, init=False, repr=False)

    label = "Change tag"

    def apply(self, store: Store) -> None:
        current = store.get(self.annotation_id)
        if current is None:
            raise ReaderError(f"no annotation {self.annotation_id}")
        if self._after is None or current != self._before:
            self._before, self._after = current, self._changed(current)
        store.replace(self._after)

    def revert(self, store: Store) -> None:
        if self._before is None:
            raise ReaderError("cannot undo a change that was never made")
        store.replace(self._before)

    def _changed(self, current: Annotation) -> Annotation:
        raise NotImplementedError


@dataclass
class EditAnnotation(_ReplaceAnnotation):
    """New tags and/or a new note (``None`` leaves that part as it is)."""

    tags: Iterable[str] | None = None
    note: str | None = None

    label = "Edit tag"

    def __post_init__(self) -> None:
        if self.tags is not None:
            self.tags = normalise_tags(self.tags)

    def _changed(self, current: Annotation) -> Annotation:
        tags = current.tags if self.tags is None else tuple(self.tags)
        note = current.note if self.note is None else self.note
        return dataclasses.replace(current, tags=tags, note=note, modified=utc_now())


@dataclass
class ReattachAnnotation(_ReplaceAnnotation):
    """Point an annotation (typically an orphan) at a new passage, perhaps of another file."""

    document: DocumentRef | None = None
    target: Target | None = None

    label = "Re-attach tag"

    def _changed(self, current: Annotation) -> Annotation:
        if self.document is None or self.target is None:
            raise ReaderError("re-attaching needs a document and a passage")
        return dataclasses.replace(current, document=self.document, target=self.target,
                                   modified=utc_now())


@dataclass
class RetagAnnotation(_ReplaceAnnotation):
    """Add and remove tags (any case), keeping the others; a new note unless ``None``.

    What editing several passages at once does to each: the tags they all had and the reader
    took away are removed, the ones typed are added, every other tag stays."""

    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    note: str | None = None

    label = "Edit tags"

    def _changed(self, current: Annotation) -> Annotation:
        removed = {tag.casefold() for tag in self.remove}
        kept = [tag for tag in current.tags if tag.casefold() not in removed]
        tags = normalise_tags([*kept, *self.add])
        note = current.note if self.note is None else self.note
        return dataclasses.replace(current, tags=tags, note=note, modified=utc_now())


@dataclass
class SetTagColour:
    """Choose a tag's colour (``None``: back to the automatic one)."""

    tag: str
    colour: str | None
    _before: str | None = field(default=None, init=False, repr=False)
    _applied: bool = field(default=False, init=False, repr=False)

    @property
    def label(self) -> str:
        return f"Colour of “{self.tag}”"

    def apply(self, store: Store) -> None:
        if not self._applied:
            self._before = store.tag_colours().get(tag_key(self.tag))
            self._applied = True
        store.set_tag_colour(self.tag, self.colour)

    def revert(self, store: Store) -> None:
        store.set_tag_colour(self.tag, self._before)


@dataclass
class Batch:
    """Several commands as one step: applied in order, reverted in reverse order. A command
    that fails to apply reverts the ones before it, so the store is left as it was."""

    commands: tuple[Command, ...]
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or (self.commands[0].label if self.commands else "Nothing")

    def apply(self, store: Store) -> None:
        done: list[Command] = []
        try:
            for command in self.commands:
                command.apply(store)
                done.append(command)
        except ReaderError:
            for command in reversed(done):
                command.revert(store)
            raise

    def revert(self, store: Store) -> None:
        for command in reversed(self.commands):
            command.revert(store)
