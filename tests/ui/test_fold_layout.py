"""Folding runs of unmatched paragraphs, as plain arithmetic (no Qt): which rows make a run,
when a pair is folded by default, and how the row layout leaves a slim marker row in a
folded run's place."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader_app.core.compare import compare
from reader_app.core.documents import load_document
from reader_app.ui.compare import display_data
from reader_app.ui.compare.folding import (
    FoldState,
    Run,
    foldable_rows,
    folds_by_default,
    marker_text,
    unmatched_runs,
)
from reader_app.ui.compare.row_layout import gap_ranges, layout_rows

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"

# Left paragraph 0 faces right 0; then three paragraphs only the right has, one only the left
# has; then left 2 faces right 4.
ROWS: list[tuple[int | None, int | None]] = [(0, 0), (None, 1), (None, 2), (1, None),
                                             (None, 3), (2, 4)]
EVERY = [True] * len(ROWS)
SPACING = 10.0
MARKER = 20.0
RIGHT_ONLY = (False, True)  # the run folds the right's three, leaves the left's one
BOTH = (True, True)  # (the arithmetic of a run folding both sides, as with three a side)


def test_consecutive_one_sided_rows_make_one_run_counted_per_side() -> None:
    assert unmatched_runs(ROWS, EVERY) == [Run(1, 5, (1, 3), RIGHT_ONLY)]


def test_runs_of_one_or_two_rows_stay_unfolded() -> None:
    rows = [(None, 0), (None, 1), (0, 2), (1, None), (2, 3)]
    assert unmatched_runs(rows, [True] * 5) == []


def test_rows_of_both_sides_together_make_no_run_without_three_on_one_side() -> None:
    """Two paragraphs only the left has around one only the right has (a dateline): folding
    would hide each side's one or two paragraphs behind a row as tall."""
    rows = [(0, 0), (1, None), (None, 1), (2, None), (3, 2)]
    assert unmatched_runs(rows, [True] * 5) == []
    rows = [(0, 0), (1, None), (None, 1), (2, None), (3, None), (4, 2)]
    assert unmatched_runs(rows, [True] * 6) == [Run(1, 5, (3, 1), (True, False))]


def test_a_linked_paragraph_breaks_a_run() -> None:
    foldable = [True, True, False, True, True, True]  # row 2's paragraph moved, linked away
    assert unmatched_runs(ROWS, foldable) == []


def test_a_run_at_the_end_is_found() -> None:
    rows = [(0, 0), (None, 1), (None, 2), (None, 3)]
    assert unmatched_runs(rows, [True] * 4) == [Run(1, 4, (0, 3), RIGHT_ONLY)]


def test_a_comparisons_runs_are_worked_out_with_it_in_its_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``prepare`` (the comparing worker) finds the runs: the window only looks them up (a
    long pair's 17,000 rows took it ~100 ms)."""
    seeds = sorted(SEEDS.glob("*.txt"))
    comparison = compare(load_document(seeds[0]), load_document(seeds[2]))
    rows = display_data.row_pairs(comparison)
    expected = unmatched_runs(rows, foldable_rows(comparison))
    assert expected  # (an unrelated pair: it has runs)
    display_data.prepare(comparison)

    def unexpected(*args: object) -> None:
        raise AssertionError("runs worked out again")

    monkeypatch.setattr(display_data, "unmatched_runs", unexpected)
    assert display_data.fold_runs(comparison) == expected


def test_runs_of_no_minimum_are_still_every_stretch_between_two_sided_rows() -> None:
    rows = [(0, 0), (None, 1), (1, 2)]
    assert unmatched_runs(rows, [True] * 3, minimum=0) == [
        Run(0, 0, (0, 0), (True, True)), Run(1, 2, (0, 1), (True, True)),
        Run(3, 3, (0, 0), (True, True))]


def test_unrelated_pairs_fold_by_default_related_ones_do_not() -> None:
    assert folds_by_default(similarity=0.01, content=0.16)  # seeds 000 vs 002
    assert not folds_by_default(similarity=0.39, content=0.68)  # seeds 000 vs 001
    assert not folds_by_default(similarity=0.01, content=0.5)  # little shared, much linked
    assert not folds_by_default(similarity=0.0, content=0.0)  # no link: side by side, whole


def test_marker_text_says_how_many_and_which_way() -> None:
    assert marker_text(12, folded=True) == "12 paragraphs only here ▸"
    assert marker_text(1, folded=False) == "1 paragraph only here ▾"


def test_the_readers_choice_wins_and_expanding_is_per_run() -> None:
    state = FoldState()
    state.set_pair(unmatched_runs(ROWS, EVERY), by_default=True)
    assert state.markers() == [(Run(1, 5, (1, 3), RIGHT_ONLY), RIGHT_ONLY)]
    assert state.folded_paragraphs(ROWS, 1) == {1, 2, 3}
    state.toggle(1, 1)
    assert state.markers() == [(Run(1, 5, (1, 3), RIGHT_ONLY), (False, False))]
    assert state.folded_paragraphs(ROWS, 1) == set()
    state.choose(False)
    assert state.markers() == []
    state.set_pair(unmatched_runs(ROWS, EVERY), by_default=True)  # another pair
    assert not state.enabled


def test_a_folded_run_is_one_marker_row() -> None:
    heights = ([30.0, 40.0, 50.0], [30.0, 60.0, 60.0, 60.0, 50.0])
    layout = layout_rows(ROWS, *heights, SPACING, [(Run(1, 5, (1, 3), BOTH), BOTH)], MARKER)
    assert layout.row_tops == [0.0, 40.0, 40.0, 40.0, 40.0, 70.0]
    assert layout.total_height == 70.0 + 50.0 + SPACING
    [place] = layout.markers
    assert (place.top, place.bottom, place.folded) == (40.0, 60.0, BOTH)
    assert layout.right.top[4] == 70.0 - 30.0  # the paragraph after the run, below the marker
    assert layout.left.top[2] == 70.0 - 30.0
    unfolded = layout_rows(ROWS, *heights, SPACING)
    # (the right's paragraph 2 and the left's 1, both unmatched, are shown on one line)
    assert unfolded.total_height == 40.0 + 70.0 + max(70.0, 50.0) + 70.0 + 60.0
    assert unfolded.row_tops[2] == unfolded.row_tops[3] == 110.0
    assert unfolded.total_height > layout.total_height * 2


def test_an_expanded_run_keeps_its_marker_above_its_rows() -> None:
    heights = ([30.0, 40.0, 50.0], [30.0, 60.0, 60.0, 60.0, 50.0])
    layout = layout_rows(ROWS, *heights, SPACING, [(Run(1, 5, (1, 3), RIGHT_ONLY), (False, False))],
                         MARKER)
    assert layout.row_tops[:3] == [0.0, 70.0, 140.0]
    assert layout.markers[0].top == 40.0
    assert layout.right.top[1] == 70.0 - 30.0


def test_the_marker_row_is_a_gap_only_where_the_run_has_no_paragraph() -> None:
    rows = [(0, 0), (None, 1), (None, 2), (None, 3), (1, 4)]
    heights = ([30.0, 30.0], [30.0] * 5)
    layout = layout_rows(rows, *heights, SPACING, [(Run(1, 4, (0, 3), RIGHT_ONLY), RIGHT_ONLY)],
                         MARKER)
    assert gap_ranges(layout, rows, 0, SPACING, 0.0) == [(40.0, 60.0)]
    assert gap_ranges(layout, rows, 1, SPACING, 0.0) == []
    unfolded = layout_rows(rows, *heights, SPACING)
    assert gap_ranges(unfolded, rows, 0, SPACING, 0.0) == [(40.0, 70.0), (80.0, 110.0),
                                                           (120.0, 150.0)]


def test_a_run_never_hides_one_or_two_paragraphs_of_a_side() -> None:
    """Three paragraphs only the right has beside one only the left has: the three fold, the
    left's one stays in view (a fold hiding it would save nothing and only hide it)."""
    state = FoldState()
    state.set_pair(unmatched_runs(ROWS, EVERY), by_default=True)
    assert state.folded_paragraphs(ROWS, 0) == set()
    rows = [(0, 0), (1, None), (2, None), (None, 1), (None, 2), (3, None), (4, 3)]
    state.set_pair(unmatched_runs(rows, [True] * len(rows)), by_default=True)
    assert state.folded_paragraphs(rows, 0) == {1, 2, 3}
    assert state.folded_paragraphs(rows, 1) == set()


def test_a_side_the_run_leaves_is_shown_below_the_marker_facing_gaps() -> None:
    heights = ([30.0, 40.0, 50.0], [30.0, 60.0, 60.0, 60.0, 50.0])
    layout = layout_rows(ROWS, *heights, SPACING, [(Run(1, 5, (1, 3), RIGHT_ONLY), RIGHT_ONLY)],
                         MARKER)
    [place] = layout.markers
    assert (place.top, place.bottom) == (40.0, 60.0)
    # The right's rows 1 and 2 start at the marker; the left's paragraph 1 (row 3) is shown
    # below it; row 4, hidden after it, stays where it is (tops never go back up).
    assert layout.row_tops == [0.0, 40.0, 40.0, 70.0, 120.0, 120.0]
    assert layout.left.top[1] == 70.0 - 30.0
    assert layout.row_tops == sorted(layout.row_tops)
    assert gap_ranges(layout, ROWS, 0, SPACING, 0.0) == [(40.0, 60.0)]  # the marker's row
    assert gap_ranges(layout, ROWS, 1, SPACING, 0.0) == [(70.0, 110.0)]  # facing the left's


def test_the_marker_goes_above_the_first_row_it_folds() -> None:
    """A run that starts with the left's two paragraphs and folds the right's three: the left's
    are shown first, as they come, then the marker of the right's."""
    rows = [(0, 0), (1, None), (2, None), (None, 1), (None, 2), (None, 3), (3, 4)]
    [run] = unmatched_runs(rows, [True] * len(rows))
    assert run.marker_row(rows) == 3
    layout = layout_rows(rows, [30.0] * 4, [30.0] * 5, SPACING, [(run, run.folds)], MARKER)
    assert layout.row_tops == [0.0, 40.0, 80.0, 120.0, 120.0, 120.0, 150.0]
    assert (layout.markers[0].top, layout.markers[0].bottom) == (120.0, 140.0)


def test_a_run_expanded_on_one_side_shows_that_side_just_below_its_marker() -> None:
    """Three left-only paragraphs, then three right-only: expanded on both sides, the right's
    came pages below the marker clicked, under the left's. Expanded on the right alone, the
    left's stay folded and the right's start at the marker."""
    rows = [(0, 0), (1, None), (2, None), (3, None), (None, 1), (None, 2), (None, 3), (4, 4)]
    [run] = unmatched_runs(rows, [True] * len(rows))
    state = FoldState()
    state.set_pair([run], by_default=True)
    state.toggle(run.start, 1)
    [(_, folded)] = state.markers()
    assert folded == (True, False)
    assert state.folded_paragraphs(rows, 0) == {1, 2, 3}
    assert state.folded_paragraphs(rows, 1) == set()
    layout = layout_rows(rows, [30.0] * 5, [30.0] * 5, SPACING, state.markers(), MARKER)
    marker = layout.markers[0]
    assert marker.top == 40.0 and marker.folded == (True, False)
    assert layout.row_tops[4:] == [70.0, 110.0, 150.0, 190.0]  # just below the marker
