"""Where each paragraph must start so that linked paragraphs sit side by side.

Pure arithmetic over paragraph heights (no Qt): the panes measure their paragraphs, this
module says how much space to leave above each, and the panes apply it. A row is as tall as
its taller side; a paragraph with no counterpart faces an equally tall gap. Only space
*above* paragraphs is used, because Qt collapses a block's bottom margin with the next
block's top margin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SideMargins:
    top: list[float]  # space above each paragraph; the first one's goes above the document
    trailing: float  # space below the last paragraph, so that both sides end together


@dataclass(frozen=True, slots=True)
class RowLayout:
    left: SideMargins
    right: SideMargins
    row_tops: list[float]
    total_height: float


def layout_rows(
    rows: Sequence[tuple[int | None, int | None]],
    left_heights: Sequence[float],
    right_heights: Sequence[float],
    spacing: float,
) -> RowLayout:
    """Space above each paragraph so that both paragraphs of a row start at its top.

    A height of 0 means the paragraph is hidden (boilerplate): its row takes no space.
    """
    heights = (left_heights, right_heights)
    row_tops: list[float] = []
    top = 0.0
    for row in rows:
        row_tops.append(top)
        tallest = max(heights[side][index] for side, index in enumerate(row) if index is not None)
        top += tallest + spacing if tallest > 0 else 0.0
    sides = [_side_margins(rows, row_tops, side, heights[side], top) for side in (0, 1)]
    return RowLayout(sides[0], sides[1], row_tops, top)


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
    spacing below them; rows no taller than the spacing (hidden ones) have none."""
    tops = [*layout.row_tops, layout.total_height]
    gaps = []
    for number, row in enumerate(rows):
        if row[side] is None and tops[number + 1] - tops[number] > spacing:
            gaps.append((tops[number] + offset, tops[number + 1] + offset - spacing))
    return gaps
