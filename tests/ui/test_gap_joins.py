"""A stretch only the other side has is one hatched gap, not a staircase: gaps facing
consecutive paragraphs are painted across the spacing between them (002 vs 003 showed a
block per paragraph of 003's, white strips between)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtGui import QPalette

from reader_app.ui.compare.pane_gaps import JOIN_APART
from reader_app.ui.window.main_window import MainWindow


def test_the_spacing_between_two_gaps_is_hatched_too(window_002_003: MainWindow) -> None:
    pane = window_002_003.view.panes["left"]
    gaps = pane.gaps()
    scroll = pane.verticalScrollBar().value()
    height = pane.viewport().height()
    between = next((bottom, top) for (_, bottom), (top, _) in pairwise(gaps)
                   if 2 <= top - bottom <= JOIN_APART and 0 <= bottom - scroll
                   and top - scroll < height)
    image = pane.viewport().grab().toImage()
    y = int((between[0] + between[1]) / 2) - scroll
    base = pane.palette().color(QPalette.ColorRole.Base)
    row = [image.pixelColor(x, y) for x in range(20, pane.viewport().width() - 20)]
    assert any(colour != base for colour in row)  # (the page's own colour all along, before)
