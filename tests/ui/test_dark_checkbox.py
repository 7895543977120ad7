"""In the dark theme an unticked box can be seen: the find bar's "Match case" box was drawn
#1e1e1e edged #222222 on the bar's #2b2b2b, next to invisible; its edge stands out now."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMenu, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory


def test_the_match_case_box_shows_in_the_dark_theme(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(synchronous=True)
    window.set_theme("dark")
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 80)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar, box = window.find_bar, window.find_bar.case
    qtbot.waitUntil(lambda: box.isVisible())
    assert not box.isChecked()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    indicator.translate(box.mapTo(bar, indicator.topLeft()) - indicator.topLeft())
    image = bar.grab().toImage()  # the bar as it is on screen, the box drawn over it
    background = image.pixelColor(indicator.left() - 3, indicator.center().y()).lightness()
    edge = max(abs(image.pixelColor(x, y).lightness() - background)
               for x in range(indicator.left(), indicator.right() + 1)
               for y in range(indicator.top(), indicator.bottom() + 1))
    assert edge >= 40


def test_the_light_theme_after_the_dark_one_gives_boxes_the_window_colours(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(synchronous=True)
    window.set_theme("dark")
    window.set_theme("light")
    box = window.find_bar.case
    qtbot.waitUntil(lambda: box.palette().color(QPalette.ColorRole.Window)
                    == window.palette().color(QPalette.ColorRole.Window))


def test_an_unticked_menu_entry_shows_its_box_in_the_dark_theme(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    # View ▸ Hide Boilerplate, unticked, was a #1e1e1e box edged #222222 on the menu.
    window = make_window(synchronous=True)
    window.set_theme("dark")
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 80)
    action = window.actions_by_name["hide_boilerplate"]
    menu = next(m for m in window.menuBar().findChildren(QMenu) if action in m.actions())
    assert not action.isChecked()
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    place = menu.actionGeometry(action)
    image = menu.grab().toImage()
    background = image.pixelColor(place.right() - 4, place.center().y()).lightness()
    text_left = menu.fontMetrics().horizontalAdvance("x") * 3  # the box lies left of it
    box_area = [image.pixelColor(x, y).lightness() for x in range(place.left() + 2, text_left)
                for y in range(place.top(), place.bottom() + 1)]
    menu.close()
    assert max(abs(lightness - background) for lightness in box_area) >= 40
