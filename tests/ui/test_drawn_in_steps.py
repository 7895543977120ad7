"""The last steps of drawing a long comparison go in slices too, the event loop running
between them: the overview bars' marks and the gutter's index of bands come out as when made
at once."""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

import pytest

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
