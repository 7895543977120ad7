"""Every paragraph of a compared pane starts on a whole pixel, folded or not, at any size.

The space between rows was a fraction of a line (0.8 x 17 px = 13.6 px): the lines below
started at fractions of a pixel, and the highlight of each wrapped line was painted over the
lowest row of pixels of the line above it, where an underscore is drawn — the panes showed
"my_file_name.txt" as "my file name.txt" on every line but a paragraph's last."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import SEED_FILES

from reader_app.ui.compare.view import CompareView
from reader_app.ui.window.main_window import MainWindow


def fractional_tops(view: CompareView) -> list[tuple[str, int, float]]:
    """(side, paragraph, top) of each shown paragraph that starts between two pixels."""
    found = []
    for side, pane in view.panes.items():
        layout = pane.document().documentLayout()
        block = pane.document().begin()
        while block.isValid():
            top = layout.blockBoundingRect(block).top()
            if block.isVisible() and top != round(top):
                found.append((side, block.blockNumber(), top))
            block = block.next()
    return found


def show(window: MainWindow, left: int, right: int) -> CompareView:
    window.show_pair(*(window.model.row_of(SEED_FILES[n]) for n in (left, right)))
    window.view.finish_alignment()
    return window.view


def test_aligned_paragraphs_start_on_whole_pixels(sync_window: MainWindow) -> None:
    view = show(sync_window, 0, 1)
    assert view.comparison is not None and len(view.comparison.links) > 5
    assert fractional_tops(view) == []


def test_folded_and_zoomed_panes_too(qtbot: QtBot, sync_window: MainWindow) -> None:
    view = show(sync_window, 0, 2)
    assert view.folds.enabled  # an unrelated pair: runs folded behind markers
    assert fractional_tops(view) == []
    for _ in range(3):
        qtbot.keyClick(sync_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    view.finish_alignment()
    assert view.point_size > 11
    assert fractional_tops(view) == []
