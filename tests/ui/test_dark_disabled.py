"""The dark theme greys out what cannot be used: a disabled button ("Re-attach to Selection",
disabled until an orphaned tag is selected) is drawn dimmer than an enabled one."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory

DISABLED, ACTIVE = QPalette.ColorGroup.Disabled, QPalette.ColorGroup.Active


def brightest_text(button: QPushButton) -> int:
    """The lightness of the button's lightest pixel as drawn: its label, on a dark button."""
    image = button.grab().toImage()
    return max(image.pixelColor(x, y).lightness()
               for x in range(image.width()) for y in range(image.height()))


def test_a_disabled_button_looks_disabled_in_the_dark_theme(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(synchronous=True)
    window.set_theme("dark")
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 80)
    button = window.annotations.panel.reattach_button
    assert not button.isEnabled()
    palette = button.palette()
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.Text):
        enabled, greyed = palette.color(ACTIVE, role), palette.color(DISABLED, role)
        assert greyed.lightness() < enabled.lightness() - 60, role
    enabled_twin = QPushButton(button.text(), button.parentWidget())
    enabled_twin.resize(button.size())
    assert brightest_text(button) < brightest_text(enabled_twin) - 60
