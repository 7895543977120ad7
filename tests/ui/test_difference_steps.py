"""Which difference F7 and Shift+F7 go to, from where the reader is (no window needed)."""

from __future__ import annotations

from reader_app.ui.compare.difference_steps import DifferenceSteps

ROWS, TOPS = [2, 5, 9], [40, 100, 180]
PAIR = object()


def test_from_the_top_of_the_view() -> None:
    steps = DifferenceSteps()
    assert steps.target(PAIR, ROWS, TOPS, 0, 1) == 2
    assert steps.target(PAIR, ROWS, TOPS, 100, 1) == 9
    assert steps.target(PAIR, ROWS, TOPS, 100, -1) == 2


def test_at_a_difference_the_next_one_even_where_the_view_could_not_scroll() -> None:
    steps = DifferenceSteps()
    steps.arrived(PAIR, 5, 150)  # (the end of the document held the view at 150)
    assert steps.target(PAIR, ROWS, TOPS, 150, 1) == 9
    assert steps.target(PAIR, ROWS, TOPS, 150, -1) == 2


def test_at_the_end_of_the_pair_nothing_is_next_and_the_last_is_previous() -> None:
    steps = DifferenceSteps()
    assert steps.target(PAIR, ROWS, TOPS, 150, 1, at_end=True) is None
    assert steps.target(PAIR, ROWS, TOPS, 150, -1, at_end=True) == 9
    steps.arrived(PAIR, 9, 150)  # gone there: from it, as from any difference
    assert steps.target(PAIR, ROWS, TOPS, 150, -1, at_end=True) == 5
