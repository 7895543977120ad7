"""Which difference "next" and "previous" go to, from where the reader is.

Where the reader is, is the top of the view (the left pane's scroll value), with one
exception: once a step has brought a difference to the top, the reader is *at* it until the
view moves (or another pair is shown), even where the end of the document kept the view from
scrolling all the way to it. So:

- not at a difference, "next" goes to the first difference whose row starts below the top of
  the view, "previous" to the last one that starts above it. A new pair is shown scrolled to
  0, above the first row's top (the document margin), so the first F7 lands on difference 1
  even when that row is already on screen;
- at difference *k*, "next" goes to *k* + 1 and "previous" to *k* - 1;
- at the end of the pair (Ctrl+End: the caret at its document's very end, the view at its
  end), "next" finds none and "previous" goes to the last one. Judged by the top of the
  view, "next" went up to a difference on the last page, and "previous" skipped those.

No Qt here: the view passes in the rows' tops and its scroll value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class _Stop:
    comparison: object  # the comparison on screen when the step was taken
    row: int
    scroll: int  # the scroll value the step left the view at


class DifferenceSteps:
    """Remembers where the last step left the view; picks the row of the next step."""

    def __init__(self) -> None:
        self._stop: _Stop | None = None

    def target(self, comparison: object, rows: Sequence[int], tops: Sequence[int],
               scroll: int, step: int, at_end: bool = False) -> int | None:
        """The row to go to: ``rows`` are the difference rows top to bottom, ``tops[i]`` the
        top of row ``rows[i]`` in scroll coordinates; None when there is none that way.
        ``at_end``: the reader is past the last row (Ctrl+End)."""
        stop = self._stop
        if stop is not None and stop.comparison is comparison and stop.scroll == scroll:
            ahead = [row for row in rows if (row > stop.row if step > 0 else row < stop.row)]
        elif at_end:
            ahead = [] if step > 0 else list(rows)
        else:
            ahead = [row for row, top in zip(rows, tops, strict=True)
                     if (top > scroll if step > 0 else top < scroll)]
        if not ahead:
            return None
        return ahead[0] if step > 0 else ahead[-1]

    def arrived(self, comparison: object, row: int, scroll: int) -> None:
        """A step brought ``row`` to the top; the view now stands at ``scroll``."""
        self._stop = _Stop(comparison, row, scroll)
