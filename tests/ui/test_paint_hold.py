"""A long pair re-laid out in slices (a new font, theme, margins): a pane scrolled down
shows what it showed before until the slices come down to its view, instead of laying out
everything above the view in one paint; the gutter draws no band until the slices have
indexed them (a paint never indexes them itself, at once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from reader_app.ui.compare import band_index
from reader_app.ui.compare import view as compare_view
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.view import CompareView
from reader_app.ui.window.main_window import MainWindow


@pytest.fixture
def in_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat the seed documents as long ones, one paragraph per slice."""
    monkeypatch.setattr(compare_view, "STEPWISE_WORDS", 0)
    monkeypatch.setattr(compare_view, "SLICE_SECONDS", 0.0)


def shown(pane: DocumentPane) -> QImage:
    return pane.viewport().grab().toImage()


def test_a_pane_shows_its_last_frame_until_the_slices_reach_its_view(
    qtbot: QtBot, sync_window: MainWindow, in_slices: None
) -> None:
    view = sync_window.view
    pane = view.panes["left"]
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum())  # (the view far below the first paragraphs)
    before = shown(pane)
    passes: list[list[QImage]] = []  # per measuring pass, the view while it is far above
    last = [pane.paragraph_count()]  # paragraphs measured at the last turn

    def look() -> None:
        measured = len(pane.measured_rects())
        if measured < last[0]:  # the layout started again from the top
            passes.append([])
        last[0] = measured
        if passes and measured < pane.paragraph_count() // 2:
            passes[-1].append(shown(pane))

    zoom_watching(qtbot, view, 4, look)
    assert len(passes) >= 2 and all(len(frames) > 3 for frames in passes)
    assert all(frame == before for frame in passes[0])  # the frame from before the change
    # Padded again: the frame it showed once first measured (larger type), held throughout.
    assert passes[1][0] != before and all(frame == passes[1][0] for frame in passes[1])
    assert shown(pane) != passes[1][0] and shown(pane) != before  # aligned, in larger type


def zoom_watching(qtbot: QtBot, view: CompareView, points: float,
                  each_turn: Callable[[], None]) -> None:
    """Make the type ``points`` larger, calling ``each_turn`` at every turn of the event loop
    until the pair is aligned again."""
    timer = QTimer(view)
    timer.setInterval(0)
    timer.timeout.connect(each_turn)
    timer.start()
    with qtbot.waitSignal(view.realigned, timeout=20_000):
        view.set_point_size(view.point_size + points)
    timer.stop()


def test_the_gutter_draws_bands_again_only_once_they_are_indexed_in_slices(
    qtbot: QtBot, sync_window: MainWindow, in_slices: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = sync_window.view
    made_at_once: list[int] = []  # a paint making the index itself, all at once
    init = band_index.BandIndex.__init__

    def counted(index: band_index.BandIndex, *args: Any, **kwargs: Any) -> None:
        made_at_once.extend([1] if len(args) + len(kwargs) < 5 else [])
        init(index, *args, **kwargs)

    monkeypatch.setattr(band_index.BandIndex, "__init__", counted)
    drawn: list[int] = []  # bands in view, at each turn of the event loop

    def paint() -> None:
        view.gutter.repaint()
        drawn.append(len(view.gutter.visible_links()))

    zoom_watching(qtbot, view, 2, paint)
    assert len(drawn) > 10 and made_at_once == []
    # None while it is laid out; once indexed (the last steps), drawn to the end.
    held = drawn.index(next(n for n in drawn if n)) if any(drawn) else len(drawn)
    assert held > len(drawn) // 2 and all(drawn[held:]) and view.gutter.visible_links()
