"""Where each paragraph must start so that linked paragraphs sit side by side.

Pure arithmetic over paragraph heights (no Qt): the panes measure their paragraphs, this
module says how much space to put above and below each, and the panes apply it. A row is as
tall as its taller side; a paragraph with no counterpart faces an equally tall gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SideMargins:
    top: list[float]
    bottom: list[float]


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
    """Margins that put both paragraphs of each row at the row's top, ``spacing`` apart.

    A height of 0 means the paragraph is hidden (boilerplate): its row takes no space.
    """
    heights = (left_heights, right_heights)
    margins = (
        SideMargins([0.0] * len(left_heights), [0.0] * len(left_heights)),
        SideMargins([0.0] * len(right_heights), [0.0] * len(right_heights)),
    )
    pending = [0.0, 0.0]  # space owed above the next paragraph of each side (gaps)
    row_tops: list[float] = []
    top = 0.0
    for row in rows:
        row_tops.append(top)
        tallest = max(heights[s][i] for s, i in enumerate(row) if i is not None)
        row_height = tallest + spacing if tallest > 0 else 0.0  # all hidden: no row at all
        for side, index in enumerate(row):
            if index is None:
                pending[side] += row_height
                continue
            margins[side].top[index] = pending[side]
            margins[side].bottom[index] = row_height - heights[side][index]
            pending[side] = 0.0
        top += row_height
    for side in (0, 1):  # a trailing gap extends the last paragraph, so both ends agree
        if pending[side] and margins[side].bottom:
            margins[side].bottom[-1] += pending[side]
    return RowLayout(margins[0], margins[1], row_tops, top)
