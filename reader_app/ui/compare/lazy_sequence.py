"""A sequence whose items are made as they are asked for (``item``), by index or by slice.

A long document's per-paragraph lists (its plain pieces, its paragraphs' places in the
gutter) took tens of milliseconds of the window's time to make whole, and most of their
items are never read. No Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class LazySequence(Sequence[T]):
    """Subclasses give ``__len__`` and ``item``; indexing and slicing are worked out here."""

    def item(self, index: int) -> T:  # 0 <= index < len(self)
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self.item(i) for i in range(*index.indices(len(self)))]
        at = index + len(self) if index < 0 else index
        if not 0 <= at < len(self):
            raise IndexError(index)
        return self.item(at)
