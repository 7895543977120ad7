"""Merging two stores' annotations by id, against the file as one of them last saw it.

Owns ``merge``: a three-way merge of this store's annotations (``mine``) with the file's
(``theirs``) against the file as this store last read or wrote it (``base``). An annotation
only one side changed takes that side's version; one both changed takes the later
``modified`` (this side on a tie); one added on either side is kept; one deleted on one side
stays deleted unless the other side changed it (after the deletion, where its time is known)
— so neither a stale copy nor a concurrent save resurrects a deletion, and no side's new
tags are lost. Must not import Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from reader_app.core.annotations.model import Annotation, parse_time


def merge(base: Mapping[str, Annotation], mine: Mapping[str, Annotation],
          theirs: Mapping[str, Annotation],
          deleted: Mapping[str, datetime]) -> dict[str, Annotation]:
    """Three-way merge by id of this store's annotations with the file's (see the docstring).

    ``base`` is the file as this store last saw it, ``deleted`` what this store deleted since
    (with when). An annotation this store edited while another deleted it is kept: losing a
    tag is the one thing the file must never do.
    """
    merged: dict[str, Annotation] = {}
    for annotation_id in [*theirs, *(i for i in mine if i not in theirs)]:
        chosen = _merge_one(base.get(annotation_id), mine.get(annotation_id),
                            theirs.get(annotation_id), deleted.get(annotation_id))
        if chosen is not None:
            merged[annotation_id] = chosen
    return merged


def _merge_one(old: Annotation | None, ours: Annotation | None, their: Annotation | None,
               deleted_at: datetime | None) -> Annotation | None:
    if ours is their:  # the common case, and a quick one: unchanged on both sides
        return ours
    if ours is not None and their is not None:
        if ours == their or their == old:
            return ours
        if ours == old:
            return their
        return ours if parse_time(ours.modified) >= parse_time(their.modified) else their
    if their is not None:  # not here: deleted here, or added there
        if deleted_at is None:
            return their
        if their == old or parse_time(their.modified) <= deleted_at:
            return None
        return their  # changed there after it was deleted here
    if ours is not None and old is not None and ours == old:
        return None  # deleted there, untouched here
    return ours  # added here, or changed here while deleted there
