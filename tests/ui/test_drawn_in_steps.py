"""The last steps of drawing a long comparison go in slices too, the event loop running
between them: the overview bars' marks and the gutter's index of bands come out as when made
at once."""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

import pytest

from reader_app.core.compare import Link
from reader_app.ui.compare import band_index, overview_bar
from reader_app.ui.compare.band_index import BandIndex, band_steps
from reader_app.ui.compare.overview_bar import overview_marks, overview_steps
from reader_app.ui.window.main_window import MainWindow

T = TypeVar("T")


def run(steps: Generator[None, None, T]) -> tuple[T, int]:
    """What ``steps`` makes, and how often it paused."""
    pauses = 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value, pauses
        pauses += 1


def test_overview_marks_made_in_steps_are_those_made_at_once(
        sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    view = sync_window.view
    assert view.comparison is not None
    for side, pane in view.panes.items():
        document = view.comparison.document(side)
        made = (view.comparison, side, document, pane.measured_rects(),
                pane.document().size().height())
        at_once = overview_marks(*made)
        assert len(at_once) > 6 and at_once == view.overviews[side].marks()
        monkeypatch.setattr(overview_bar, "PIECES_PER_STEP", 3)
        marks, pauses = run(overview_steps(*made))
        assert marks == at_once and pauses >= len(at_once) // 3
        monkeypatch.undo()


def test_the_band_index_made_in_steps_finds_what_one_made_at_once_finds(
        sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    view = sync_window.view
    assert view.comparison is not None
    links = view.comparison.links
    left, right = (pane.measured_spans() for pane in view.panes.values())
    at_once = BandIndex(links, left, right, 7.0)
    monkeypatch.setattr(band_index, "LINKS_PER_STEP", 2)
    index, pauses = run(band_steps(links, left, right, 7.0))
    assert pauses >= len(links) // 2 > 3
    bottom = max(bottom for _, bottom in left)
    for top in range(0, int(bottom), 50):
        assert index.between(top, top + 300) == at_once.between(top, top + 300)
    assert index.fits(links, left, right, 7.0)


def test_bands_only_passing_far_through_the_view_are_drawn_as_one() -> None:
    # Two long documents with their halves swapped: at the middle, thousands of moved links
    # run from above the view to far below it. Clamped at half a view beyond it, each drew
    # the same line: painting them took 8-10 s a scroll step. One of a kind is kept; bands
    # ending in view or near it are all kept.
    rows = 4000
    spans = [(20.0 * i, 20.0 * i + 18) for i in range(rows)]
    half = rows // 2
    links = [Link(i, (i + half) % rows, 1.0, True) for i in range(rows)]
    links += [Link(1000, 1002, 0.5, False, "rewrite"), Link(1003, 1000, 0.5, False, "rewrite")]
    index = BandIndex(links, spans, spans, 0.0)
    top, bottom = 20_000.0, 20_600.0  # paragraphs 1000-1029 in view
    found = index.between(top, bottom)

    def ends_near(link: Link) -> bool:
        return any(top - 300 <= spans[i][1] and spans[i][0] <= bottom + 300
                   for i in (link.left, link.right))

    def meets(link: Link) -> bool:
        ends = spans[link.left] + spans[link.right]
        return min(ends) <= bottom and max(ends) >= top

    assert [k for k in found if ends_near(k)] == [k for k in links if meets(k) and ends_near(k)]
    passing = [k for k in found if not ends_near(k)]
    assert len(passing) == 2  # one running down, one running up
    assert {(spans[k.left][0] < top) for k in passing} == {True, False}
    assert found == sorted(found, key=links.index)
