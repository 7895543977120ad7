"""Test helpers for the annotation file's bytes (what production code never needs whole)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reader_app.core.annotations.jsonfile.format import chunks
from reader_app.core.annotations.model import Annotation
from reader_app.core.annotations.store import Store


def serialise(annotations: Iterable[Annotation], extra: Mapping[str, Any]) -> bytes:
    """The file's bytes, as the store writes them (see ``format.chunks``)."""
    return "".join(chunks(annotations, extra)).encode("utf-8")


def snapshot(store: Store) -> dict[str, Annotation]:
    """The store's annotations by id (a copy: later changes leave it as it is)."""
    return {annotation.id: annotation for annotation in store}
