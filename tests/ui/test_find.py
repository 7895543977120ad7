"""The find bar as a reader uses it: Ctrl+F, type, Enter/F3/▼ to the next match in either
document (reading order: row by row, the left document's matches before the right one's),
Shift+F3/▲ back; the bar takes only its own height."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QToolButton
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, click_text, position_in

from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.found_marks import FOUND_BACKGROUND, FOUND_TEXT, match_rects
from reader_app.ui.window.main_window import MainWindow
from reader_app.ui.window.search import FOUND_COLOUR

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_find(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible()
    assert QApplication.focusWidget() is window.find_bar.field


def test_the_find_bar_leaves_the_panes_their_height(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    panes = sync_window.view.panes.values()
    before = [pane.height() for pane in panes]
    open_find(qtbot, sync_window)
    bar = sync_window.find_bar
    qtbot.waitUntil(lambda: all(p.height() < h for p, h in zip(panes, before, strict=True)))
    assert bar.height() <= bar.sizeHint().height() + 4  # no empty bands above and below
    for pane, height in zip(panes, before, strict=True):
        assert abs(height - pane.height() - bar.height()) <= 4


def test_the_search_field_shows_its_whole_placeholder(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    open_find(qtbot, sync_window)
    field = sync_window.find_bar.field
    assert field.text() == ""
    needed = field.fontMetrics().horizontalAdvance(field.placeholderText())
    assert field.width() >= needed + 24  # the frame, the text margins and some air


# -- walking the matches -------------------------------------------------------------------


def type_in_find(qtbot: QtBot, window: MainWindow, text: str) -> None:
    open_find(qtbot, window)
    qtbot.keyClicks(window.find_bar.field, text)


def selection(window: MainWindow, side: str) -> tuple[str, int]:
    cursor = window.view.panes[side].textCursor()
    return cursor.selectedText(), cursor.selectionStart()


def status(window: MainWindow) -> str:
    return window.find_bar.status.text()


def selected_on_screen(window: MainWindow, side: str) -> bool:
    """Whether the selection is in view with a line of context above and below it."""
    pane = window.view.panes[side]
    rect = pane.cursorRect(pane.textCursor())
    shown = pane.viewport().rect().adjusted(0, rect.height(), 0, -rect.height())
    return shown.contains(rect)


def button(window: MainWindow, text: str) -> QToolButton:
    found = [b for b in window.find_bar.findChildren(QToolButton) if b.text() == text]
    assert len(found) == 1
    return found[0]


def test_find_reaches_a_match_only_the_right_document_has(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    right = sync_window.view.panes["right"]
    type_in_find(qtbot, sync_window, "royalty")  # only in 001, far down
    assert selection(sync_window, "right") == ("royalty", position_in(right, "royalty"))
    assert right.verticalScrollBar().value() > 0 and selected_on_screen(sync_window, "right")
    assert status(sync_window) == "1 of 1"
    assert sync_window.find_bar.status.toolTip() == "0 on the left · 1 on the right"
    assert sync_window.view.active_pane() is right
    qtbot.keyClick(sync_window.find_bar.field, Qt.Key.Key_Return)
    assert selection(sync_window, "right") == ("royalty", position_in(right, "royalty"))
    assert status(sync_window) == "1 of 1"
    assert selection(sync_window, "left")[0] == ""


def test_next_match_walks_both_panes_in_reading_order_and_wraps(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    """"Peskov": once on the left, twice on the right; the left one's row comes first."""
    left, right = sync_window.view.panes["left"], sync_window.view.panes["right"]
    matches = [("left", position_in(left, "Peskov")), ("right", position_in(right, "Peskov")),
               ("right", position_in(right, "Peskov", 2))]
    type_in_find(qtbot, sync_window, "Peskov")
    nexts = [lambda: qtbot.keyClick(sync_window.find_bar.field, Qt.Key.Key_Return),
             lambda: qtbot.keyClick(sync_window, Qt.Key.Key_F3),
             lambda: qtbot.mouseClick(button(sync_window, "▼"), Qt.MouseButton.LeftButton)]
    for number, go_on in enumerate([*nexts, nexts[0]], start=1):
        side, position = matches[number % 3 - 1]
        assert status(sync_window) == f"{(number - 1) % 3 + 1} of 3"
        assert selection(sync_window, side) == ("Peskov", position)
        assert selected_on_screen(sync_window, side)
        other = "right" if side == "left" else "left"
        assert selection(sync_window, other)[0] == ""  # one match selected at a time
        go_on()


def test_previous_match_goes_back_across_panes_and_wraps(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    left, right = sync_window.view.panes["left"], sync_window.view.panes["right"]
    type_in_find(qtbot, sync_window, "Peskov")
    assert (status(sync_window), selection(sync_window, "left")) == (
        "1 of 3", ("Peskov", position_in(left, "Peskov")))
    qtbot.keyClick(sync_window, Qt.Key.Key_F3, SHIFT)  # wraps to the last one
    assert (status(sync_window), selection(sync_window, "right")) == (
        "3 of 3", ("Peskov", position_in(right, "Peskov", 2)))
    qtbot.mouseClick(button(sync_window, "▲"), Qt.MouseButton.LeftButton)
    assert (status(sync_window), selection(sync_window, "right")) == (
        "2 of 3", ("Peskov", position_in(right, "Peskov")))
    qtbot.keyClick(sync_window, Qt.Key.Key_F3, SHIFT)
    assert (status(sync_window), selection(sync_window, "left")) == (
        "1 of 3", ("Peskov", position_in(left, "Peskov")))
    assert selection(sync_window, "right")[0] == ""


def test_find_starts_where_the_reader_clicked(qtbot: QtBot, sync_window: MainWindow) -> None:
    """Clicked in the right pane just before its first "Peskov": that one comes first, then
    the right's second, then round to the left's."""
    left, right = sync_window.view.panes["left"], sync_window.view.panes["right"]
    click_text(qtbot, right, "Kremlin spokesman")
    assert sync_window.view.active_pane() is right
    type_in_find(qtbot, sync_window, "Peskov")
    assert (status(sync_window), selection(sync_window, "right")) == (
        "2 of 3", ("Peskov", position_in(right, "Peskov")))
    assert sync_window.find_bar.status.toolTip() == "1 on the left · 2 on the right"
    assert len(right.extraSelections()) == 2  # every match outlined
    assert len(left.extraSelections()) == 1
    qtbot.keyClick(sync_window, Qt.Key.Key_F3)
    assert selection(sync_window, "right") == ("Peskov", position_in(right, "Peskov", 2))
    qtbot.keyClick(sync_window, Qt.Key.Key_F3)
    assert (status(sync_window), selection(sync_window, "left")) == (
        "1 of 3", ("Peskov", position_in(left, "Peskov")))


def test_find_in_the_left_pane_after_clicking_it(qtbot: QtBot, sync_window: MainWindow) -> None:
    left = sync_window.view.panes["left"]
    click_text(qtbot, left, "Kremlin spokesman")
    type_in_find(qtbot, sync_window, "Peskov")
    assert selection(sync_window, "left") == ("Peskov", position_in(left, "Peskov"))
    assert selection(sync_window, "right")[0] == ""


def test_find_reports_text_not_found(qtbot: QtBot, sync_window: MainWindow) -> None:
    type_in_find(qtbot, sync_window, "Zelensky's goldfish")
    assert status(sync_window) == "Not found"
    for side in ("left", "right"):
        assert selection(sync_window, side)[0] == ""


def test_escape_closes_the_find_bar_and_clears_the_outlines(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    type_in_find(qtbot, sync_window, "Kremlin")
    assert sync_window.view.panes["left"].extraSelections()
    qtbot.keyClick(sync_window.find_bar.field, Qt.Key.Key_Escape)
    assert not sync_window.find_bar.isVisible()
    for pane in sync_window.view.panes.values():
        assert pane.extraSelections() == []
    # the pane holding the match found (the right one's title is "Kremlin"'s first) reads on
    assert QApplication.focusWidget() is sync_window.view.panes["right"]


def test_f3_after_the_bar_was_closed_opens_it_again(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    """F3 with the bar closed went on to the next match and marked every match again, with
    the bar (its count, its Esc) gone: the yellow marks stayed with nothing to clear them."""
    type_in_find(qtbot, sync_window, "Peskov")
    qtbot.keyClick(sync_window.find_bar.field, Qt.Key.Key_Escape)
    assert not sync_window.find_bar.isVisible()
    qtbot.keyClick(sync_window, Qt.Key.Key_F3)
    assert sync_window.find_bar.isVisible()
    assert sync_window.find_bar.field.text() == "Peskov"
    assert status(sync_window) == "2 of 3"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not sync_window.find_bar.isVisible()
    for pane in sync_window.view.panes.values():
        assert pane.extraSelections() == []


def test_typing_a_word_selects_its_next_match(qtbot: QtBot, sync_window: MainWindow) -> None:
    right = sync_window.view.panes["right"]
    click_text(qtbot, right, "Kremlin Says")
    type_in_find(qtbot, sync_window, "Putin")
    assert selection(sync_window, "right") == ("Putin", position_in(right, "Putin"))


def test_find_stays_in_the_clicked_pane_after_a_theme_change(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    left = sync_window.view.panes["left"]
    click_text(qtbot, left, "Kremlin spokesman")
    sync_window.actions_by_name["theme_dark"].trigger()
    type_in_find(qtbot, sync_window, "Peskov")
    assert selection(sync_window, "left") == ("Peskov", position_in(left, "Peskov"))


def test_escape_leaves_the_match_selected_where_it_was_found_ready_to_tag(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    """Escape sent the focus to the left pane whatever the match: a word found on the right
    lost its selection's focus, and Ctrl+T said "Select the words to tag first"."""
    right = sync_window.view.panes["right"]
    type_in_find(qtbot, sync_window, "royalty")  # only in 001, on the right
    qtbot.keyClick(sync_window.find_bar.field, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is right
    assert selection(sync_window, "right") == ("royalty", position_in(right, "royalty"))
    qtbot.keyClick(right, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: sync_window.annotations.editor is not None)
    assert "royalty" in sync_window.annotations.editor.findChild(QLabel).text()


def _pixels(pane: DocumentPane, rect: QRectF) -> list[QColor]:
    """The colours drawn on the pane inside ``rect`` (viewport coordinates)."""
    image = pane.viewport().grab().toImage()
    return [image.pixelColor(x, y)
            for x in range(int(rect.left()) + 1, int(rect.right()))
            for y in range(int(rect.top()) + 1, int(rect.bottom()))]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_match_is_marked_on_screen_and_the_current_one_boxed(
    qtbot: QtBot, sync_window: MainWindow, theme: str
) -> None:
    """The match not selected shows the find background on screen (not the highlight kind
    under it); the selected one is boxed in the find colour."""
    sync_window.set_theme(theme)
    right = sync_window.view.panes["right"]
    click_text(qtbot, right, "Kremlin spokesman")
    type_in_find(qtbot, sync_window, "Peskov")
    first, second = position_in(right, "Peskov"), position_in(right, "Peskov", 2)
    assert selection(sync_window, "right") == ("Peskov", first)
    for marked in right.extraSelections():
        assert marked.format.background().color() == FOUND_BACKGROUND
        assert marked.format.foreground().color() == FOUND_TEXT
    other = next(QTextCursor(s.cursor) for s in right.extraSelections()
                 if s.cursor.selectionStart() == second)
    [current] = match_rects(right, right.textCursor())
    edge = QRectF(current.left() - 2, current.top(), 3, current.height())
    found = QColor(FOUND_COLOUR)
    assert any(abs(c.red() - found.red()) + abs(c.green() - found.green())
               + abs(c.blue() - found.blue()) < 60 for c in _pixels(right, edge))
    bar = right.verticalScrollBar()  # the other match brought into view
    bar.setValue(bar.value() + int(match_rects(right, other)[0].top()) - 40)
    [other_rect] = match_rects(right, other)
    assert right.viewport().rect().contains(other_rect.toRect())
    drawn = _pixels(right, other_rect)
    assert sum(c == FOUND_BACKGROUND for c in drawn) > len(drawn) / 3


def test_the_current_match_is_outlined_only_once_its_paragraph_is_laid_out(
        qtbot: QtBot) -> None:
    # While a long pair is aligned again its layout starts over: asking where the current
    # match is laid out everything above it at once, at every paint (0.3-1 s a paint).
    pane = DocumentPane()
    qtbot.addWidget(pane)
    pane.resize(400, 300)
    pane.setPlainText("\n".join(f"Paragraph {n} of the report." for n in range(300)))
    pane.show()
    qtbot.waitExposed(pane)
    text_document = pane.document()
    cursor = QTextCursor(text_document.lastBlock())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    page = text_document.pageSize()
    text_document.setPageSize(page * 0)
    text_document.setPageSize(page)  # (its layout starts again from the top)
    assert match_rects(pane, cursor) == []
    assert text_document.findBlockByNumber(150).layout().lineCount() == 0  # (none made)
    text_document.documentLayout().blockBoundingRect(text_document.lastBlock())
    assert len(match_rects(pane, cursor)) == 1


def test_find_from_an_unmoved_caret_starts_at_the_top_of_the_pair(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    """The right document's own title row comes above the left's first paragraph: typing
    selected "2 of 3" (the match after the left caret), skipping the title's match above."""
    body = ("The storm closed the harbour on Monday and the ferries stayed in port. "
            "Officials said the harbour would open again once the storm had passed.")
    (tmp_path / "a.txt").write_text(body + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Harbour shut by storm\n\n" + body + "\n", encoding="utf-8")
    window = make_window([tmp_path], synchronous=True)
    window.show_pair(window.model.row_of(tmp_path / "a.txt"),
                     window.model.row_of(tmp_path / "b.txt"))
    window.view.finish_alignment()
    window.view.set_active_pane(window.view.panes["left"])
    type_in_find(qtbot, window, "harbour")
    assert status(window).startswith("1 of ")
    assert selection(window, "right") == ("Harbour", 0)
