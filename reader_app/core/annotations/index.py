"""Annotations by document, kept up to date change by change.

Owns ``AnnotationIndex``: which annotations belong to a document path, and to a document
sha256 (a file moved or renamed since it was tagged is still recognised by its text), updated
from the store's ``StoreChange``s so that drawing one document's underlines after an edit looks
at that document's annotations, not at 10,000. ``update`` says which document paths a change
touched (an annotation moved to another document touches both). Must not import Qt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from reader_app.core.annotations.model import Annotation
from reader_app.core.annotations.store import REMOVED, Store, StoreChange


class AnnotationIndex:
    def __init__(self) -> None:
        self._where: dict[str, tuple[str, str]] = {}  # id -> (path, sha256)
        self._by_path: defaultdict[str, set[str]] = defaultdict(set)
        self._by_sha: defaultdict[str, set[str]] = defaultdict(set)

    def rebuild(self, annotations: Iterable[Annotation]) -> None:
        self._where.clear()
        self._by_path.clear()
        self._by_sha.clear()
        for annotation in annotations:
            self._add(annotation)

    def update(self, change: StoreChange, store: Store) -> set[str]:
        """Follow ``change`` (already made in ``store``); the document paths it touched."""
        touched: set[str] = set()
        for annotation_id in change.ids:
            old = self._where.get(annotation_id)
            if old is not None:
                touched.add(old[0])
                self._remove(annotation_id, *old)
            current = None if change.kind == REMOVED else store.get(annotation_id)
            if current is not None:
                touched.add(current.document.path)
                self._add(current)
        return touched

    def paths(self) -> set[str]:
        """Every document path some annotation belongs to."""
        return {path for path, ids in self._by_path.items() if ids}

    def on_path(self, path: str) -> set[str]:
        return set(self._by_path.get(path, ()))

    def with_sha256(self, sha256: str) -> set[str]:
        return set(self._by_sha.get(sha256, ())) if sha256 else set()

    def path_of(self, annotation_id: str) -> str | None:
        where = self._where.get(annotation_id)
        return where[0] if where else None

    def _add(self, annotation: Annotation) -> None:
        ref = annotation.document
        self._where[annotation.id] = (ref.path, ref.sha256)
        self._by_path[ref.path].add(annotation.id)
        if ref.sha256:
            self._by_sha[ref.sha256].add(annotation.id)

    def _remove(self, annotation_id: str, path: str, sha256: str) -> None:
        del self._where[annotation_id]
        self._by_path[path].discard(annotation_id)
        if not self._by_path[path]:
            del self._by_path[path]
        if sha256:
            self._by_sha[sha256].discard(annotation_id)
            if not self._by_sha[sha256]:
                del self._by_sha[sha256]
