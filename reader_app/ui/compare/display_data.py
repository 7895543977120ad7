"""What the panes draw of a comparison, as plain offsets: each document's text as a pane holds
it, each paragraph's pieces of shared, unique, unlinked, plain and boilerplate wording, the
pieces the overview bar marks and the runs that fold, worked out once per comparison and side
(``per_comparison``); and ``prepare``, which works out all that the view will ask for.

The comparison's worker runs ``compare_prepared``: the comparison, then ``prepare`` (a long
pair's spans and evidence pieces took the UI thread ~1 s to go through). No Qt objects are
made here: worker threads call it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence

from reader_app.core.compare import SIDES, Comparison, DiffOptions, Side, compare, rows_beside
from reader_app.core.compare.differences import difference_rows
from reader_app.core.documents import Document
from reader_app.core.text import control_pictures
from reader_app.core.util import paused_gc
from reader_app.ui.compare.evidence_marks import (
    Pieces,
    evidence_kinds,
    marked_differing,
    marked_ranges,
)
from reader_app.ui.compare.folding import Run, foldable_rows, unmatched_runs
from reader_app.ui.compare.lazy_sequence import LazySequence
from reader_app.ui.compare.per_comparison import remembered

LINE_SEPARATOR = "\u2028"


def paragraph_kinds(comparison: Comparison | None, document: Document) -> Sequence[Pieces]:
    """Per paragraph of ``document``: (offset in paragraph, length, kind) pieces covering it
    (as ``core.formats.text.paragraph_pieces`` cuts it); wording only this side has is
    "unlinked" in a paragraph with no counterpart at all (the gap opposite says so)."""
    if comparison is None:
        return PlainPieces(document)
    side: Side = "left" if document is comparison.left else "right"
    return remembered(comparison, f"pieces {side}", lambda: _kinds(comparison, side))


class PlainPieces(LazySequence[Pieces]):
    """A document's paragraphs shown plain, each one piece: made as they are painted (a long
    document's list of them took 20 ms of the window's time before its text could show)."""

    def __init__(self, document: Document) -> None:
        self._paragraphs = document.paragraphs

    def __len__(self) -> int:
        return len(self._paragraphs)

    def item(self, index: int) -> Pieces:
        p = self._paragraphs[index]
        return [(0, p.end - p.start, "boilerplate" if p.boilerplate else "plain")]

    def boilerplate(self) -> list[int]:
        """The paragraphs that are not one plain piece (the others have nothing to lay)."""
        return [index for index, p in enumerate(self._paragraphs) if p.boilerplate]


def _kinds(comparison: Comparison, side: Side) -> list[Pieces]:
    document = comparison.document(side)
    per_paragraph: list[Pieces] = []
    for index, paragraph in enumerate(document.paragraphs):
        start, end = paragraph.start, paragraph.end
        if paragraph.boilerplate:
            per_paragraph.append([(0, end - start, "boilerplate")])
            continue
        unique = "unique" if comparison.links_of(side, index) else "unlinked"
        pieces, position = [], start
        for span in comparison.spans_between(side, start, end):
            if span.start > position:
                pieces.append((position - start, span.start - position, "plain"))
            kind = unique if span.kind == "unique" else span.kind
            pieces.append((span.start - start, span.end - span.start, kind))
            position = span.end
        if position < end:
            pieces.append((position - start, end - position, "plain"))
        per_paragraph.append(pieces)
    return per_paragraph


def pane_text(document: Document) -> str:
    """The text a pane holds: one line per paragraph, a paragraph's own line breaks made
    Qt's line separator and its control characters their pictures (an escape sequence's
    ESC is "␛"): one character for one, so offsets map by arithmetic."""
    text = document.text
    return remembered(document, "pane text", lambda: control_pictures("\n".join(
        text[p.start:p.end].replace("\n", LINE_SEPARATOR) for p in document.paragraphs)))


def row_pairs(comparison: Comparison) -> list[tuple[int | None, int | None]]:
    """Each row's (left paragraph, right paragraph), either of them None."""
    return remembered(comparison, "rows", lambda: [(r.left, r.right) for r in comparison.rows])


def beside_rows(comparison: Comparison) -> set[int]:
    """The rows shown beside the row before them (``core.compare.rows_beside``)."""
    return remembered(comparison, "beside", lambda: rows_beside(comparison))


def differing_rows(comparison: Comparison) -> list[int]:
    """The rows F7 steps to (``core.compare.differences``): a long pair's took 170 ms to
    find, twice per key press."""
    return remembered(comparison, "differences", lambda: difference_rows(comparison))


def fold_runs(comparison: Comparison) -> list[Run]:
    """The comparison's runs of unmatched paragraphs (``folding``), foldable or not."""
    return remembered(comparison, "runs", lambda: unmatched_runs(
        row_pairs(comparison), foldable_rows(comparison)))


def prepare(comparison: Comparison) -> Comparison:
    """Work out, for both sides, what the view draws of ``comparison`` (and return it)."""
    fold_runs(comparison)
    differing_rows(comparison)
    marked_differing(comparison)
    for side in SIDES:
        pane_text(comparison.document(side))
        paragraph_kinds(comparison, comparison.document(side))
        evidence_kinds(comparison, side)
        overview_pieces(comparison, side)
    return comparison


# (paragraph, start and end offsets in it, its length (at least 1), kind)
OverviewPiece = tuple[int, int, int, int, str]


def overview_pieces(comparison: Comparison, side: Side) -> list[OverviewPiece]:
    """The pieces ``overview_marks`` places, in paragraphs: worked out once per comparison
    (in its worker: 27,000 spans took the UI thread 0.3 s)."""
    return remembered(comparison, f"overview {side}",
                      lambda: _spans_pieces(comparison, side) + _differs_pieces(comparison, side))


def _spans_pieces(comparison: Comparison, side: Side) -> list[OverviewPiece]:
    pieces: list[OverviewPiece] = []
    for index, paragraph in enumerate(comparison.document(side).paragraphs):
        length = max(1, paragraph.end - paragraph.start)
        pieces += [(index, span.start - paragraph.start, span.end - paragraph.start, length,
                    span.kind)
                   for span in comparison.spans_between(side, paragraph.start, paragraph.end)]
    return pieces


def _differs_pieces(comparison: Comparison, side: Side) -> list[OverviewPiece]:
    document = comparison.document(side)
    pieces: list[OverviewPiece] = []
    for start, end, kind, _, _ in marked_ranges(comparison, side):
        if kind == "differs":
            index = document.paragraph_at(start)
            paragraph = document.paragraphs[index]
            length = max(1, paragraph.end - paragraph.start)
            pieces.append((index, start - paragraph.start, end - paragraph.start, length,
                           "differs"))
    return pieces


def compare_prepared(left: Document, right: Document, options: DiffOptions,
                     cancelled: Callable[[], bool],
                     progress: Callable[[float], None]) -> Comparison:
    """``compare`` the pair and ``prepare`` the result, whose objects the collector's passes
    then leave alone."""
    with paused_gc():
        comparison = prepare(compare(left, right, options, cancelled, progress))
        if left.metadata.word_count + right.metadata.word_count > FREEZE_WORDS:
            # A long pair is millions of objects: the collector's next passes over them
            # took 120-240 ms each, holding the interpreter lock (in the worker or the UI
            # thread). Frozen, they are skipped; reference counting still frees them (they
            # hold no cycles) once the comparison is dropped. Only then: what is alive at a
            # freeze and later becomes cyclic garbage is never collected.
            gc.freeze()
    return comparison


FREEZE_WORDS = 50_000  # both documents' words; below, the collector's passes are short


def freeze_aligned() -> None:
    """Once a long pair is aligned: the measurements, rows and bands just made (~10^5
    objects, no cycles) out of the collector's way, as the comparison's are. Its full passes
    over them took 6-14 ms each, two to four per action (21 in the long-pair bench, 0.2 s).
    Frozen, they are skipped, and reference counting still frees them once replaced. Any
    garbage is collected first (in the same step), so that none is frozen for good."""
    gc.collect()
    gc.freeze()
