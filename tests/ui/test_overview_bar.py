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
