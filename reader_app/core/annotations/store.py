"""The storage seam: the ``Store`` protocol every annotation storage implements.

Owns what the rest of the program may ask of a storage (read its annotations, apply a change
and save it, take in what other writers saved since, the tag colours chosen), the change
notices a store sends (``StoreChange``) and their kinds. Commands, the index, the window's
controller and ``tags`` are written against this protocol; the one implementation today is
the JSON file (``reader_app.core.annotations.jsonfile.store.AnnotationStore``). A SQLite
store would implement the same methods. Must not import Qt or any storage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from reader_app.core.annotations.model import Annotation

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
COLOURS = "colours"  # the chosen tag colours changed (a change without ids)


@dataclass(frozen=True, slots=True)
class StoreChange:
    kind: str  # ADDED, REMOVED, CHANGED or COLOURS
    ids: tuple[str, ...]


Listener = Callable[[StoreChange], None]
ChangesJob = Callable[[], object]  # run on a worker thread; its result goes to take_changes


class Store(Protocol):
    """Annotations by id, kept somewhere; every change is told to ``listeners``."""

    path: Path | None
    read_only_reason: str
    messages: list[str]  # what the user should be told (set aside, read-only)
    listeners: list[Listener]
    message_listeners: list[Callable[[str], None]]

    # -- reading
    @property
    def read_only(self) -> bool: ...

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Annotation]: ...

    def __contains__(self, annotation_id: object) -> bool: ...

    def get(self, annotation_id: str) -> Annotation | None: ...

    def tags(self) -> list[str]: ...

    def tag_colours(self) -> dict[str, str]: ...

    # -- loading, and what others saved since
    def load(self) -> None:
        """Read everything, ready for a first save (slow: call it off the UI thread)."""

    def changes_since(self) -> ChangesJob:
        """A job for a worker thread reading what others saved since this store last looked;
        its result goes to ``take_changes`` on this store's thread."""
        ...

    def take_changes(self, changes: object) -> bool:
        """Take in what a ``changes_since`` job read; False if it was stale (nothing done)."""
        ...

    def refresh(self) -> None:
        """``changes_since`` and ``take_changes`` at once, on this thread."""

    # -- changing (the commands call these), then saving
    def insert(self, annotation: Annotation, before: str | None = None) -> None: ...

    def delete(self, annotation_id: str) -> Annotation: ...

    def replace(self, annotation: Annotation) -> None: ...

    def set_tag_colour(self, tag: str, colour: str | None) -> None: ...

    def batched(self) -> AbstractContextManager[None]: ...

    def save(self) -> bool: ...

    def save_as(self, path: Path) -> None: ...


def grouped(changes: list[StoreChange]) -> list[StoreChange]:
    """Consecutive changes of one kind as one (the order of kinds is kept)."""
    runs: list[tuple[str, list[str]]] = []
    for change in changes:
        if not runs or runs[-1][0] != change.kind:
            runs.append((change.kind, []))
        runs[-1][1].extend(change.ids)
    return [StoreChange(kind, tuple(ids)) for kind, ids in runs]
