"""A pair of medium length is aligned in slices, the event loop running between them, with
the view's painting held: the reader sees the pair before until the new one is whole (two
5,000-word reports aligned at once stalled the window 80 ms, two 20,000-word ones 200 ms).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_render_slices import snapshot

from reader_app.ui.compare import view as compare_view
from reader_app.ui.compare.view import CompareView
from reader_app.ui.window.main_window import MainWindow


@pytest.fixture
def medium(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat the seed documents as of medium length, one paragraph per slice."""
    monkeypatch.setattr(compare_view, "ALIGN_STEPS_WORDS", 0)
    monkeypatch.setattr(compare_view, "SLICE_SECONDS", 0.0)


def held_until_aligned(qtbot: QtBot, view: CompareView) -> list[bool]:
    """Draw the comparison again; whether the view was painting, at each turn of the event
    loop until it was aligned."""
    painting: list[bool] = []
    timer = QTimer(view)
    timer.setInterval(0)
    timer.timeout.connect(lambda: painting.append(view.updatesEnabled()))
    timer.start()
    with qtbot.waitSignal(view.realigned, timeout=20_000):
        view.set_highlights(view.highlights)
    timer.stop()
    return painting


def test_a_medium_pair_is_aligned_in_slices_unseen_then_shown_whole(
    qtbot: QtBot, sync_window: MainWindow, medium: None
) -> None:
    view = sync_window.view
    at_once = snapshot(view)
    told: list[bool] = []
    view.realigned.connect(lambda: told.append(view.updatesEnabled()))
    painting = held_until_aligned(qtbot, view)
    assert painting.count(False) > 10  # the event loop ran between the slices, unseen
    assert told == [True] and view.updatesEnabled()  # shown before it is told
    assert snapshot(view) == at_once


def test_a_medium_pair_s_new_text_is_held_from_the_moment_it_is_set(
    qtbot: QtBot, sync_window: MainWindow, medium: None
) -> None:
    # Held only from the alignment's first step, the panes painted the new text unaligned
    # in between (a window walk: one pane wiped, the other's old text under the new title).
    view = sync_window.view
    with qtbot.waitSignal(view.realigned, timeout=20_000):
        view.set_highlights(view.highlights)
        assert not view.updatesEnabled()
    assert view.updatesEnabled()


def test_painting_comes_back_when_a_medium_alignment_is_replaced(
    qtbot: QtBot, sync_window: MainWindow, medium: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = sync_window.view
    view.set_highlights(view.highlights)
    for _ in range(100):  # (a few turns of the event loop: its first slices)
        QApplication.processEvents()
        if not view.updatesEnabled():
            break
    assert not view.updatesEnabled()
    monkeypatch.setattr(compare_view, "ALIGN_STEPS_WORDS", 10**9)  # now short: at once
    view.set_highlights(view.highlights)
    assert view.updatesEnabled()
    assert view.gutter.visible_links()  # aligned, its bands drawn


def test_a_short_pair_is_aligned_at_once(sync_window: MainWindow) -> None:
    view = sync_window.view
    view.set_highlights(view.highlights)
    assert view.updatesEnabled() and view.gutter.visible_links()
