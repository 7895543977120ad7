"""The rows F7 / Shift+F7 step between (those with wording only one side has) and their tops,
worked out once per layout of the panes: each F7 of a long pair went through 10,000 of them
twice (35 ms) when they were worked out at every step.

Which rows and where they are is asked of the callables it is given; it must not import the
view.
"""

from __future__ import annotations

from collections.abc import Callable

from reader_app.ui.compare.row_layout import RowLayout


class DifferencePlaces:
    """The difference rows and their tops, remembered for the layout they were found in."""

    def __init__(self, rows: Callable[[], list[int]], top_of: Callable[[int], float]) -> None:
        self._rows, self._top_of = rows, top_of
        self._found: tuple[RowLayout | None, list[int], list[int]] = (None, [], [])

    def of(self, layout: RowLayout | None) -> tuple[list[int], list[int]]:
        """The difference rows top to bottom and, once the panes are laid out (``layout``),
        each one's top in scroll coordinates (none before)."""
        if layout is None:
            return self._rows(), []
        if self._found[0] is not layout:
            rows = self._rows()
            self._found = (layout, rows, [int(self._top_of(row)) for row in rows])
        return self._found[1], self._found[2]
