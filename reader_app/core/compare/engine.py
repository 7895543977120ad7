"""The one entry point of the engine: compare two documents into an immutable Comparison.

``compare`` proposes paragraph pairs (``align.candidate_pairs``), word-diffs each pair
(``worddiff``), keeps the pairs that share a real passage as links, lays the links out in
rows (``align.layout_rows``) and turns the per-word verdicts into shared/unique spans and
statistics. The window, the command line and every exporter render its result; none of them
diffs anything itself. Must not import Qt.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from reader_app.core.compare import align
from reader_app.core.compare.linking import SideTokens, confirm_links, side_spans
from reader_app.core.compare.worddiff import DiffOptions, Vocabulary
from reader_app.core.documents import Document
from reader_app.core.errors import Cancelled
from reader_app.core.util import paused_gc

__all__ = ["SIDES", "Comparison", "DiffOptions", "Link", "Row", "Span", "Stats", "compare",
           "other_side"]

DEFAULT_OPTIONS = DiffOptions()
Kind = Literal["shared", "unique"]
Side = Literal["left", "right"]
SIDES: tuple[Side, Side] = ("left", "right")


def other_side(side: Side) -> Side:
    return "right" if side == "left" else "left"


@dataclass(frozen=True, slots=True)
class Link:
    left: int
    right: int
    similarity: float
    moved: bool


@dataclass(frozen=True, slots=True)
class Row:
    left: int | None
    right: int | None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: Kind


@dataclass(frozen=True, slots=True)
class Stats:
    left_shared: float
    right_shared: float
    similarity: float


@dataclass(frozen=True)
class Comparison:
    left: Document
    right: Document
    links: tuple[Link, ...]
    rows: tuple[Row, ...]
    left_spans: tuple[Span, ...]
    right_spans: tuple[Span, ...]
    stats: Stats
    options: DiffOptions = DEFAULT_OPTIONS

    def document(self, side: Side) -> Document:
        return self.left if side == "left" else self.right

    def spans(self, side: Side) -> tuple[Span, ...]:
        return self.left_spans if side == "left" else self.right_spans

    def spans_between(self, side: Side, start: int, end: int) -> tuple[Span, ...]:
        """The spans of ``side`` that lie within ``[start, end)`` (a paragraph's range)."""
        spans = self.spans(side)
        starts = self._span_starts[side]
        return spans[bisect_left(starts, start) : bisect_left(starts, end)]

    @cached_property
    def _span_starts(self) -> dict[str, list[int]]:
        return {side: [s.start for s in self.spans(side)] for side in SIDES}

    def links_of(self, side: Side, paragraph: int) -> list[Link]:
        """The links that touch ``paragraph`` of ``side``."""
        return self._links_by_paragraph[side].get(paragraph, [])

    @cached_property
    def _links_by_paragraph(self) -> dict[str, dict[int, list[Link]]]:
        index: dict[str, dict[int, list[Link]]] = {"left": {}, "right": {}}
        for link in self.links:
            index["left"].setdefault(link.left, []).append(link)
            index["right"].setdefault(link.right, []).append(link)
        return index


ProgressCallback = Callable[[float], None]


def judged_swapped(left: Document, right: Document) -> bool:
    """Whether ``compare`` works the pair out the other way round (then mirrors it): its
    link rule looks at one side's runs, so the canonical order matters to the result."""
    return (right.sha256, right.path) < (left.sha256, left.path)


def compare(
    left: Document,
    right: Document,
    options: DiffOptions = DEFAULT_OPTIONS,
    cancelled: Callable[[], bool] = lambda: False,
    progress: ProgressCallback = lambda fraction: None,
) -> Comparison:
    """Compare two documents. ``cancelled`` is polled and raises ``Cancelled`` when true.

    The result does not depend on which document is on which side: the pair is computed in
    one canonical order and mirrored, so ``compare(a, b)`` and ``compare(b, a)`` agree.
    """
    swapped = judged_swapped(left, right)
    first, second = (right, left) if swapped else (left, right)
    if first.text == second.text:
        if cancelled():
            raise Cancelled
        progress(0.0)
        result = _identical(first, second, options)
        progress(1.0)
    else:
        result = _compare_ordered(first, second, options, cancelled, progress)
    return _mirrored(result) if swapped else result


def _identical(left: Document, right: Document, options: DiffOptions) -> Comparison:
    """The same text on both sides: every paragraph with words linked to itself, all shared.

    (Wordless paragraphs share nothing, so they get one-sided rows like any unlinked one.)
    """
    rows: list[Row] = []
    for index, paragraph in enumerate(left.paragraphs):
        rows.extend([Row(index, index)] if paragraph.words else [Row(index, None),
                                                                 Row(None, index)])
    spans = tuple(Span(p.start, p.end, "shared") for p in left.paragraphs if p.words)
    words = sum(p.words for p in left.paragraphs)
    return Comparison(
        left=left,
        right=right,
        links=tuple(Link(row.left, row.left, 1.0, False) for row in rows
                    if row.left is not None and row.right is not None),
        rows=tuple(rows),
        left_spans=spans,
        right_spans=spans,
        stats=_stats(words, words, words, words),
        options=options,
    )


def _mirrored(comparison: Comparison) -> Comparison:
    stats = comparison.stats
    return Comparison(
        left=comparison.right,
        right=comparison.left,
        links=tuple(
            Link(k.right, k.left, k.similarity, k.moved)
            for k in sorted(comparison.links, key=lambda k: (k.right, k.left))
        ),
        rows=tuple(Row(row.right, row.left) for row in comparison.rows),
        left_spans=comparison.right_spans,
        right_spans=comparison.left_spans,
        stats=Stats(stats.right_shared, stats.left_shared, stats.similarity),
        options=comparison.options,
    )


def _compare_ordered(
    left: Document,
    right: Document,
    options: DiffOptions,
    cancelled: Callable[[], bool],
    progress: ProgressCallback,
) -> Comparison:
    progress(0.0)
    with paused_gc():
        candidates = align.candidate_pairs(content_paragraphs(left), content_paragraphs(right),
                                           cancelled)
        progress(0.2)
        vocabulary = Vocabulary()
        left_side = SideTokens(left, options, vocabulary)
        right_side = SideTokens(right, options, vocabulary)
        verdicts = confirm_links(candidates, left_side, right_side, cancelled,
                                 lambda fraction: progress(0.2 + 0.7 * fraction))
        weighted = [(a, b, float(v.shared_words)) for (a, b), v in verdicts.items()]
        rows, chosen = align.layout_rows(weighted, len(left.paragraphs), len(right.paragraphs))
        moved = align.crossing_links(list(verdicts), chosen)
        left_spans, left_shared, left_words = side_spans(left_side, verdicts, 0)
        right_spans, right_shared, right_words = side_spans(right_side, verdicts, 1)
    progress(1.0)
    return Comparison(
        left=left,
        right=right,
        links=tuple(
            Link(a, b, round(v.similarity, 4), (a, b) in moved)
            for (a, b), v in sorted(verdicts.items())
        ),
        rows=tuple(Row(a, b) for a, b in rows),
        left_spans=tuple(Span(*span) for span in left_spans),  # type: ignore[arg-type]
        right_spans=tuple(Span(*span) for span in right_spans),  # type: ignore[arg-type]
        stats=_stats(left_shared, left_words, right_shared, right_words),
        options=options,
    )


def content_paragraphs(document: Document) -> list[str | None]:
    """Each paragraph's text, for the alignment; boilerplate (None) takes no part."""
    text = document.text
    return [None if p.boilerplate else text[p.start : p.end] for p in document.paragraphs]


def _stats(left_shared: int, left_words: int, right_shared: int, right_words: int) -> Stats:
    left_fraction = left_shared / left_words if left_words else 0.0
    right_fraction = right_shared / right_words if right_words else 0.0
    return Stats(round(left_fraction, 4), round(right_fraction, 4),
                 round((left_fraction + right_fraction) / 2, 4))
