"""What the highlights look like at known words of 000 (left) vs 001 (right): shared, unique,
unlinked, boilerplate; hiding boilerplate; the light and dark themes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import QUOTE, background_at, char_format_at, position_in

from reader_app.core.compare import Comparison, Side
from reader_app.ui.theme import DARK, LIGHT
from reader_app.ui.window.main_window import MainWindow

RIGHT_UNIQUE = "questions has to be answered"  # 001 says "has", 000 says "have"
LEFT_UNIQUE = "questions have to be answered"


def span_kind(comparison: Comparison, side: Side, text: str, skip: int = 0) -> str:
    """What the engine says about the character ``skip`` places into ``text`` of ``side``."""
    offset = comparison.document(side).text.index(text) + skip
    kinds = [s.kind for s in comparison.spans(side) if s.start <= offset < s.end]
    assert len(kinds) == 1
    return kinds[0]


def paragraph_with(comparison: Comparison, side: Side, text: str) -> int:
    document = comparison.document(side)
    offset = document.text.index(text)
    return next(i for i, p in enumerate(document.paragraphs) if p.start <= offset < p.end)


def app_base_lightness() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Base).lightness()


def test_paragraph_without_counterpart_is_tinted_unlinked(sync_window: MainWindow) -> None:
    comparison = sync_window.view.comparison
    assert comparison is not None
    assert comparison.links_of("right", paragraph_with(comparison, "right", "Kupyansk")) == []
    assert background_at(sync_window.view.panes["right"], "Kupyansk") == LIGHT.unlinked


def test_quote_both_reports_carry_is_shared_on_both_sides(sync_window: MainWindow) -> None:
    comparison = sync_window.view.comparison
    assert comparison is not None
    for side in ("left", "right"):
        assert span_kind(comparison, side, QUOTE) == "shared"
        pane = sync_window.view.panes[side]
        for offset in range(len("Putin")):
            assert background_at(pane, QUOTE, offset) == LIGHT.shared


def test_changed_word_inside_a_linked_pair_is_unique(sync_window: MainWindow) -> None:
    comparison = sync_window.view.comparison
    assert comparison is not None
    skip = len("questions ")
    for side, text in (("right", RIGHT_UNIQUE), ("left", LEFT_UNIQUE)):
        assert comparison.links_of(side, paragraph_with(comparison, side, text))  # linked
        assert span_kind(comparison, side, text, skip) == "unique"
        pane = sync_window.view.panes[side]
        assert background_at(pane, text, skip) == LIGHT.unique
        assert background_at(pane, text) == LIGHT.shared  # "questions" itself is shared


def test_boilerplate_is_grey_italic(sync_window: MainWindow) -> None:
    pane = sync_window.view.panes["left"]
    char_format = char_format_at(pane, position_in(pane, "Advertisement"))
    assert char_format.foreground().color() == LIGHT.boilerplate
    assert char_format.fontItalic()
    assert not char_format_at(pane, position_in(pane, QUOTE)).fontItalic()


def test_hide_boilerplate_hides_its_paragraphs_and_keeps_the_text(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    pane = sync_window.view.panes["left"]
    block = pane.document().findBlock(position_in(pane, "Advertisement"))
    content = pane.document().findBlock(position_in(pane, QUOTE))
    height = pane.document().size().height()
    action = sync_window.actions_by_name["hide_boilerplate"]
    assert action.shortcut().toString() == "Ctrl+B"
    with qtbot.waitSignal(sync_window.view.realigned):
        action.trigger()
    assert action.isChecked()
    assert not block.isVisible()
    assert content.isVisible()
    assert "Advertisement" in pane.toPlainText()  # hidden, not removed
    assert pane.document().size().height() < height
    with qtbot.waitSignal(sync_window.view.realigned):
        action.trigger()
    assert block.isVisible()


def legend_formats(window: MainWindow) -> dict[str, QTextCharFormat]:
    """Each entry of the status bar's key (its words, stripped) and the format it is drawn in."""
    found = {}
    block = window.status.legend.document().begin()
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        found[fragment.text().strip("\u2009 ")] = fragment.charFormat()
        iterator += 1
    return found


def test_the_key_draws_each_mark_as_the_panes_do(qtbot: QtBot, sync_window: MainWindow) -> None:
    """Qt's rich text drew the key's "variant" with a solid underline and "differs" with none."""
    key = legend_formats(sync_window)
    assert key["variant"].underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert key["differs"].underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert key["differs"].fontWeight() == QFont.Weight.Bold
    assert key["only here"].background().color() == LIGHT.unique
    legend = sync_window.status.legend
    assert legend.sizeHint().width() >= legend.document().size().width()


def test_dark_theme_and_back(qtbot: QtBot, sync_window: MainWindow) -> None:
    panes = sync_window.view.panes
    actions = sync_window.actions_by_name
    actions["theme_dark"].trigger()
    assert actions["theme_dark"].isChecked()
    assert app_base_lightness() < 128
    for pane in panes.values():
        assert background_at(pane, QUOTE) == DARK.shared
    assert background_at(panes["right"], RIGHT_UNIQUE, len("questions ")) == DARK.unique
    key = legend_formats(sync_window)
    assert key["shared"].background().color() == DARK.shared
    assert key["differs"].foreground().color() == DARK.differs_text  # the marks' key too
    actions["theme_light"].trigger()
    assert actions["theme_light"].isChecked() and not actions["theme_dark"].isChecked()
    assert app_base_lightness() >= 128
    for pane in panes.values():
        assert background_at(pane, QUOTE) == LIGHT.shared
    assert legend_formats(sync_window)["shared"].background().color() == LIGHT.shared
