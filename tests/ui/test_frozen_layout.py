"""A long pair's measurements and layout, once aligned, are frozen out of the collector's
full passes (which went over them for nothing, several times an action); garbage left when
it was aligned is collected first, never frozen for good."""

from __future__ import annotations

import gc
import weakref

import pytest
from pytestqt.qtbot import QtBot

from reader_app.ui.compare import view as compare_view
from reader_app.ui.window.main_window import MainWindow


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


@pytest.mark.parametrize("long_pair", [True, False])
def test_an_aligned_long_pairs_objects_are_frozen_and_garbage_is_not(
    qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch, long_pair: bool
) -> None:
    view = sync_window.view
    if long_pair:
        monkeypatch.setattr(compare_view, "STEPWISE_WORDS", 0)
    frozen = gc.get_freeze_count()
    garbage = weakref.ref(Node())
    gc.disable()  # (so that only the alignment can collect it)
    try:
        with qtbot.waitSignal(view.realigned, timeout=20_000):
            view.set_point_size(view.point_size + 1)
        assert (gc.get_freeze_count() > frozen) is long_pair
        assert (garbage() is None) is long_pair
    finally:
        gc.enable()
