"""The overview bar beside a pane: its marks (drawn once, then reused while scrolling) follow
new marks and a new size, and the part on screen is shaded over them."""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from reader_app.ui.compare.overview_bar import OverviewBar
from reader_app.ui.theme import LIGHT


def colour_at(bar: OverviewBar, fraction: float) -> QColor:
    image = bar.grab().toImage()
    return image.pixelColor(image.width() // 2, int(fraction * (image.height() - 1)))


def test_marks_are_redrawn_when_they_change_and_when_the_bar_resizes(qtbot: QtBot) -> None:
    bar = OverviewBar()
    qtbot.addWidget(bar)
    bar.resize(bar.width(), 200)
    bar.set_view(0.0, 0.0)  # nothing shaded
    bar.set_marks([(0.0, 0.5, "shared")], LIGHT)
    shared, background = colour_at(bar, 0.25), colour_at(bar, 0.75)
    assert shared != background
    bar.set_marks([(0.5, 1.0, "unique")], LIGHT)
    assert colour_at(bar, 0.25) == background
    assert colour_at(bar, 0.75) not in (background, shared)
    bar.resize(bar.width(), 400)  # the same fractions, at the new height
    assert colour_at(bar, 0.25) == background
    assert colour_at(bar, 0.9) not in (background, shared)
    bar.set_view(0.0, 0.5)
    assert colour_at(bar, 0.25) != background  # the part on screen, shaded


def test_a_resized_bar_is_drawn_again_at_its_new_size_once_the_loop_turns(
        qtbot: QtBot) -> None:
    """Resized, the bar first shows its last marks stretched (redrawing a long pair's two
    bars in the window's paint stalled it), then the marks drawn at the new height: a thin
    differs tick stays thin, as in a bar drawn at that height from the start."""
    marks = [(0.0, 0.5, "shared"), (0.7, 0.7, "differs")]
    resized, fresh = OverviewBar(), OverviewBar()
    for bar in (resized, fresh):
        qtbot.addWidget(bar)
        bar.set_view(0.0, 0.0)
    resized.resize(resized.width(), 100)
    resized.set_marks(marks, LIGHT)
    resized.grab()  # (drawn at 100 px)
    resized.resize(resized.width(), 400)
    fresh.resize(fresh.width(), 400)
    fresh.set_marks(marks, LIGHT)
    qtbot.waitUntil(lambda: resized.grab().toImage() == fresh.grab().toImage())
