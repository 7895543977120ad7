"""Test helpers for the annotation file's bytes (what production code never needs whole)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reader_app.core.annotations.jsonfile.format import chunks
from reader_app.core.annotations.model import Annotation


def serialise(annotations: Iterable[Annotation], extra: Mapping[str, Any]) -> bytes:
    """The file's bytes, as the store writes them (see ``format.chunks``)."""
    return "".join(chunks(annotations, extra)).encode("utf-8")
