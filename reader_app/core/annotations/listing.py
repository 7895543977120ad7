"""Every annotation with its anchor now: what ``tags list`` and the window list.

Owns ``Listed`` and ``anchor_all`` (every annotation re-anchored against its document as it
is now, each document read once; one that cannot be read leaves its annotations orphaned;
one moved elsewhere is anchored in the document given that owns it, ``ownership``).
The four ``tags list`` formats live in ``reader_app.core.formats.annotations``. Must not
import Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reader_app.core.annotations.anchoring import AnchorCache, cached_anchor
from reader_app.core.annotations.model import ORPHAN, Anchor, Annotation
from reader_app.core.annotations.ownership import belongs_to
from reader_app.core.documents import Document, load_document
from reader_app.core.errors import ReaderError


@dataclass(frozen=True, slots=True)
class Listed:
    annotation: Annotation
    anchor: Anchor


def anchor_all(annotations: Iterable[Annotation],
               load: Callable[[str], Document] = load_document,
               cache: AnchorCache | None = None,
               owners: Sequence[Document] = ()) -> list[Listed]:
    """Each annotation with its anchor in its document's current text, or in that of the
    one of ``owners`` it belongs to (its file moved there: ``tags list --document NEW``).

    ``cache`` (kept by a long-lived caller such as the window) remembers anchors, so listing
    again after a filter or one edit re-anchors only what changed.
    """
    texts: dict[str, str | None] = {}
    cache = {} if cache is None else cache
    listed = []
    for annotation in annotations:
        owner = next((d for d in owners if belongs_to(annotation, d)), None)
        path = annotation.document.path
        if owner is None and path not in texts:
            texts[path] = _text_of(path, load)
        text = owner.text if owner is not None else texts[path]
        found = ORPHAN if text is None else cached_anchor(annotation, text, cache)
        listed.append(Listed(annotation, found))
    return listed


def _text_of(path: str, load: Callable[[str], Document]) -> str | None:
    try:
        return load(path).text if path else None
    except ReaderError:
        return None
