"""Which annotations belong to a document: the one rule the window and ``tags list`` share.

An annotation belongs to the document at its recorded path; and to another document with the
very text it was tagged in (same sha256) only when that path is gone (a moved or renamed
file), so an edited file's old tags never turn up in an unchanged copy of it. Must not import
Qt.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence

from reader_app.core.annotations.index import AnnotationIndex
from reader_app.core.annotations.model import Annotation
from reader_app.core.annotations.query import AnnotationQuery
from reader_app.core.documents import Document


def is_gone(path: str) -> bool:
    """Whether nothing is at ``path`` (an empty path, or one the system cannot look up,
    included)."""
    try:
        return not (path and os.path.exists(path))
    except (OSError, ValueError):
        return True


def belongs_to(annotation: Annotation, document: Document) -> bool:
    ref = annotation.document
    if ref.path == document.path:
        return True
    return (bool(ref.sha256) and ref.sha256 == document.sha256 and bool(ref.path)
            and is_gone(ref.path))


def owned_ids(index: AnnotationIndex, document: Document) -> set[str]:
    """The ids of ``document``'s annotations (``belongs_to``), found through ``index``."""
    ids = index.on_path(document.path)
    moved = index.with_sha256(document.sha256) - ids
    if moved:
        gone = {p for p in {index.path_of(i) for i in moved} if p and is_gone(p)}
        ids |= {i for i in moved if index.path_of(i) in gone}
    return ids


def select_owned(query: AnnotationQuery, annotations: Iterable[Annotation],
                 documents: Sequence[Document]) -> list[Annotation]:
    """``query.select(annotations)``, where the query's documents also own the annotations
    of moved files (``belongs_to``); ``documents``: those of the query that could be read."""
    if query.documents is None or not documents:
        return query.select(annotations)
    anywhere = dataclasses.replace(query, documents=None)
    return [a for a in annotations if anywhere.matches(a) and (
        query.matches(a) or any(belongs_to(a, document) for document in documents))]
