"""What the corpus overview shows, computed off the UI thread: both matrices and the stories.

``compute_corpus`` is a ``TaskRunner`` job body: it reports progress (the content matrix
first, the costlier part, then shared wording) and stops with ``Cancelled`` when asked.
Must not import Qt, so that it can run in a worker thread and be tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader_app.core.corpus.matrix import similarity_matrix
from reader_app.core.corpus.stories import content_matrix, stories
from reader_app.core.documents import Document
from reader_app.core.errors import Cancelled

CONTENT_SHARE = 0.75  # of the progress bar: the content matrix compares every pair


@dataclass(frozen=True)
class Corpus:
    """The documents (with the caller's key for each: a library row), in the caller's
    order; ``content`` and ``similarity`` indexed the same way; ``stories`` lists indexes."""

    documents: tuple[Document, ...]
    keys: tuple[int, ...]
    content: list[list[float]]
    similarity: list[list[float]]
    stories: list[list[int]]

    @property
    def order(self) -> list[int]:
        """The documents as the overview lists them: story by story, largest first."""
        return [index for story in self.stories for index in story]


def compute_corpus(
    documents: Sequence[Document], keys: Sequence[int],
    cancelled: Callable[[], bool], progress: Callable[[float], None],
) -> Corpus:
    def part(start: float, share: float) -> Callable[[float], None]:
        def report(fraction: float) -> None:
            if cancelled():
                raise Cancelled
            progress(start + share * fraction)
        return report

    content = content_matrix(documents, part(0.0, CONTENT_SHARE))
    similarity = similarity_matrix(documents, progress=part(CONTENT_SHARE, 1 - CONTENT_SHARE))
    if cancelled():
        raise Cancelled
    return Corpus(tuple(documents), tuple(keys), content, similarity, stories(content))
