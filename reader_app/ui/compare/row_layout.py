"""Where each paragraph must start so that linked paragraphs sit side by side.

Pure arithmetic over paragraph heights (no Qt): the panes measure their paragraphs, this
module says how much space to leave above each, and the panes apply it. A row is as tall as
its taller side; a paragraph with no counterpart faces an equally tall gap. Only space
*above* paragraphs is used, because Qt collapses a block's bottom margin with the next
block's top margin.

A run of unmatched paragraphs (``folding``) gets a slim marker row above it; folded, the
paragraphs of the sides it folds take no space and their rows start at the marker, while a
side it leaves (one or two paragraphs) keeps its rows below the marker, facing gaps.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass, field

from reader_app.core.compare.align import side_by_side
from reader_app.ui.compare.folding import Folded, Marker, Run

ROWS_PER_STEP = 4000
REMAINDER_SPACINGS = 6  # a row's rest on its shorter side, in spacings, to be hatched


@dataclass(frozen=True, slots=True)
class SideMargins:
    top: list[float]  # space above each paragraph; the first one's goes above the document
    trailing: float  # space below the last paragraph, so that both sides end together


@dataclass(frozen=True, slots=True)
class MarkerPlace:
    run: Run
    folded: Folded  # per side
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class RowLayout:
    left: SideMargins
    right: SideMargins
    row_tops: list[float]
    total_height: float
    row_heights: list[float] = field(default_factory=list)  # with the spacing below
    markers: list[MarkerPlace] = field(default_factory=list)
    heights: tuple[list[float], list[float]] = ([], [])  # each side's paragraphs' (0: hidden)
    paired: frozenset[int] = frozenset()  # rows shown beside the row before (one line)


def layout_rows(
    rows: Sequence[tuple[int | None, int | None]],
    left_heights: Sequence[float],
    right_heights: Sequence[float],
    spacing: float,
    markers: Sequence[Marker] = (),
    marker_height: float = 0.0,
) -> RowLayout:
    """Space above each paragraph so that both paragraphs of a row start at its top.

    A height of 0 means the paragraph is hidden (boilerplate): its row takes no space. Each
    of ``markers`` puts a row ``marker_height`` tall above its run; a folded run's paragraphs
    on the sides it folds count as hidden, and their rows start at the marker.
    """
    steps = layout_steps(rows, left_heights, right_heights, spacing, markers, marker_height)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def layout_steps(
    rows: Sequence[tuple[int | None, int | None]],
    left_heights: Sequence[float],
    right_heights: Sequence[float],
    spacing: float,
    markers: Sequence[Marker] = (),
    marker_height: float = 0.0,
    beside: set[int] | None = None,
) -> Generator[None, None, RowLayout]:
    """``layout_rows``, pausing (yielding) after every ``ROWS_PER_STEP`` rows: the window
    runs it between turns of its event loop (17,000 rows took ~60 ms)."""
    before = {run.marker_row(rows): (run, folded) for run, folded in markers}
    hidden = {row for run, folded in markers for row in run.rows
              if run.hides(rows[row], folded)}
    heights = ([*left_heights], [*right_heights])
    row_tops: list[float] = []
    row_heights: list[float] = []
    places: list[MarkerPlace] = []
    if beside is None:  # (rows to show beside the row before: those shown, no marker
        beside = side_by_side(rows)  # between, are ``paired``)
    paired: set[int] = set()
    top, at_marker = 0.0, False  # whether no row has been shown since the last marker
    for number, row in enumerate(rows):
        if number % ROWS_PER_STEP == ROWS_PER_STEP - 1:
            yield
        if number in before:
            places.append(MarkerPlace(*before[number], top, top + marker_height))
            top, at_marker = top + marker_height + spacing, True
        shown = [(side, index) for side, index in enumerate(row) if index is not None]
        if number in hidden:
            for side, index in shown:
                heights[side][index] = 0.0
        tallest = max(heights[side][index] for side, index in shown)
        if tallest > 0 and number in beside and number not in before and row_heights[-1]:
            row_tops.append(row_tops[-1])  # (one line: the taller of the two sets its height)
            row_heights.append(tallest + spacing)
            top = row_tops[-1] + max(row_heights[-2:])
            paired.add(number)
            continue
        # A hidden row starts at its marker, but after a row shown below the marker (a side
        # the run leaves) where it is: the rows' tops must never go back up.
        row_tops.append(places[-1].top if number in hidden and at_marker else top)
        row_heights.append(tallest + spacing if tallest > 0 else 0.0)
        top += row_heights[-1]
        at_marker = at_marker and number in hidden
    yield
    sides = []
    for side in (0, 1):  # (a side each step: both at once were 15-20 ms at 17,000 rows)
        sides.append(_side_margins(rows, row_tops, side, heights[side], top))
        yield
    return RowLayout(sides[0], sides[1], row_tops, top, row_heights, places, heights,
                     frozenset(paired))


def _side_margins(
    rows: Sequence[tuple[int | None, int | None]],
    row_tops: list[float],
    side: int,
    heights: Sequence[float],
    total: float,
) -> SideMargins:
    tops = [0.0] * len(heights)
    bottom = 0.0  # where the previous shown paragraph of this side ends
    for row_top, row in zip(row_tops, rows, strict=True):
        index = row[side]
        if index is None or heights[index] <= 0:
            continue
        tops[index] = row_top - bottom
        bottom = row_top + heights[index]
    return SideMargins(tops, total - bottom)


def gap_ranges(
    layout: RowLayout,
    rows: Sequence[tuple[int | None, int | None]],
    side: int,
    spacing: float,
    offset: float,
) -> list[tuple[float, float]]:
    """(top, bottom) + ``offset`` of the rows where ``side`` has no paragraph, less the
    spacing below them (but a row shown beside another: only the rest below the shorter of
    the two), and of a row's rest below a paragraph much shorter than the other side's;
    rows no taller than the spacing (hidden ones) have none. A run's
    marker row is a gap on a side the run does not fold (it has none, or too few, of the
    run's paragraphs: they are shown below the marker)."""
    gaps = []
    own_heights, paired = layout.heights[side], layout.paired
    for number, row in enumerate(rows):
        top, height = layout.row_tops[number], layout.row_heights[number]
        index = row[side]
        if number in paired or number + 1 in paired:  # (one line of two rows)
            partner = number + 1 if number + 1 in paired else number - 1
            line = max(height, layout.row_heights[partner])
            if index is not None and line - height > spacing:  # the rest below the shorter
                gaps.append((top + height + offset, top + line - spacing + offset))
        elif index is None:
            if height > spacing:
                gaps.append((top + offset, top + height - spacing + offset))
        elif own_heights and height - own_heights[index] > REMAINDER_SPACINGS * spacing:
            # The rest of a row facing a much longer paragraph (a merge: "Critics said…"
            # came screens below, after white paper): hatched, as nothing faces it.
            gaps.append((top + own_heights[index] + spacing + offset,
                         top + height - spacing + offset))
    gaps += [(place.top + offset, place.bottom + offset)
             for place in layout.markers if not place.run.folds[side]]
    return sorted(gaps)
