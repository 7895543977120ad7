"""A small window: the library dock gives up width first (at 900 x 600 each pane had ~150
px while the library kept 460), its columns drop the least needed and the title is cut
with "…"; a wider window gives the library its width back."""

from __future__ import annotations

from annotation_helpers import select_words, tag_selection
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from ui_helpers import QUOTE

from reader_app.ui.library.columns import TITLE_MIN
from reader_app.ui.library.model import (
    DATE_COLUMN,
    SIMILARITY_COLUMN,
    TITLE_COLUMN,
    WORDS_COLUMN,
)
from reader_app.ui.window.main_window import MainWindow


def resized(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    for _ in range(5):  # the dock layout and the column fitter settle on their timers
        QApplication.processEvents()
        qtbot.wait(10)


def test_a_900_by_600_window_leaves_the_panes_room(qtbot: QtBot, sync_window: MainWindow) -> None:
    panes = sync_window.view.panes
    resized(qtbot, sync_window, 900, 600)
    assert panes["left"].width() >= 250 and panes["right"].width() >= 250
    assert sync_window.library.width() <= 900 // 3
    table = sync_window.library.table
    assert table.isColumnHidden(WORDS_COLUMN) and table.isColumnHidden(DATE_COLUMN)
    assert not table.isColumnHidden(SIMILARITY_COLUMN)
    assert table.columnWidth(TITLE_COLUMN) >= TITLE_MIN
    shown = sum(table.columnWidth(c) for c in range(table.model().columnCount())
                if not table.isColumnHidden(c))
    assert shown <= table.viewport().width()  # no sideways scrolling to see the figures


def test_a_wider_window_gives_the_library_its_width_back(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    library = sync_window.library
    before = library.width()
    assert before > 400  # the first run's width at 1400 x 900
    resized(qtbot, sync_window, 900, 600)
    assert library.width() <= 300
    resized(qtbot, sync_window, 1400, 900)
    qtbot.waitUntil(lambda: abs(library.width() - before) <= 8)
    assert not library.table.isColumnHidden(WORDS_COLUMN)


def test_a_message_has_room_in_a_small_window(qtbot: QtBot, sync_window: MainWindow) -> None:
    """At 900 px the statistics and the legend filled the status bar: "Change 1 of 8 in
    this pair" was shown in no room at all. The legend steps aside while a message shows."""
    resized(qtbot, sync_window, 900, 600)
    bar, status = sync_window.statusBar(), sync_window.status
    qtbot.keyClick(sync_window, Qt.Key.Key_F7, Qt.KeyboardModifier.ControlModifier)
    message = bar.currentMessage()
    assert message.startswith("Change 1 of ")
    assert status.legend.isHidden()
    QApplication.processEvents()
    room = status.stats.geometry().left()
    assert room >= bar.fontMetrics().horizontalAdvance(message)
    bar.clearMessage()
    resized(qtbot, sync_window, 1400, 900)  # at 900 px the statistics need the legend's room
    assert not status.legend.isHidden()


def test_a_long_message_keeps_a_gap_before_the_statistics(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    # "2 annotations exported to /tmp/out/ann.csv Similarity 39%": the path ran into them.
    resized(qtbot, sync_window, 1400, 900)
    bar, stats = sync_window.statusBar(), sync_window.status.stats
    for length in range(20, 300):  # (the legend steps aside for the longer ones)
        sync_window.status.show_message("exported to /tmp/" + "x" * length)
        QApplication.processEvents()
        message_end = bar.fontMetrics().horizontalAdvance(bar.currentMessage())
        assert stats.geometry().left() + stats.contentsRect().left() - message_end >= 12


def test_the_statistics_are_never_cut_in_a_small_window(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    """At 900 px the legend left the statistics no room: "12 linked (5" ended the line. The
    legend steps aside until the window is wide enough for both again."""
    status = sync_window.status
    resized(qtbot, sync_window, 900, 600)
    QApplication.processEvents()
    assert "linked (" in status.stats.text()
    assert status.stats.width() >= status.stats.sizeHint().width()
    assert status.legend.isHidden()
    resized(qtbot, sync_window, 1400, 900)
    QApplication.processEvents()
    assert not status.legend.isHidden()
    assert status.stats.width() >= status.stats.sizeHint().width()


def test_an_offer_made_while_a_note_is_up_waits_for_the_note_to_go(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    """"Also tag the linked passage…" shown while "Aligning…" is up was drawn under it."""
    sync_window.show()
    qtbot.waitExposed(sync_window)
    status, offer = sync_window.status, sync_window.annotations.linked_bar
    status.show_note("Aligning…")
    offer.show()
    assert offer.isHidden()
    status.show_idle()
    qtbot.waitUntil(offer.isVisible)


def test_the_linked_passage_offer_leaves_the_statistics_whole_in_a_small_window(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    """At 900 px, after tagging, "Also tag the linked passage in “Kremlin Say" was cut
    mid-word and so were the statistics ("content 68% ·", the links gone). The offer's
    question gives up its width first, ending with "…"; its button and the statistics
    stay whole."""
    resized(qtbot, sync_window, 900, 600)
    left = sync_window.view.panes["left"]
    select_words(qtbot, left, QUOTE)
    tag_selection(qtbot, sync_window, left, "verify")
    offer, stats = sync_window.annotations.linked_bar, sync_window.status.stats
    qtbot.waitUntil(offer.isVisible)
    for _ in range(3):
        QApplication.processEvents()
    assert "linked (" in stats.text()
    assert stats.width() >= stats.fontMetrics().horizontalAdvance(stats.text())
    assert offer.button.width() >= offer.button.sizeHint().width()
    assert offer.label.width() < offer.label.fontMetrics().horizontalAdvance(offer.label.text())
    image, twin = offer.label.grab().toImage(), QLabel(offer.label.parentWidget())
    twin.setTextFormat(Qt.TextFormat.PlainText)
    twin.setText(offer.label.fontMetrics().elidedText(
        offer.label.text(), Qt.TextElideMode.ElideRight, offer.label.contentsRect().width()))
    twin.setGeometry(offer.label.geometry())
    assert image == twin.grab().toImage()  # the question as shown ends with "…"


def shown_message_and_statistics(qtbot: QtBot, window: MainWindow) -> tuple[str, int]:
    for _ in range(3):
        QApplication.processEvents()
    bar, stats = window.statusBar(), window.status.stats
    return bar.currentMessage(), stats.geometry().left()


def test_a_message_in_a_narrow_window_is_never_cut_to_another_count(
        qtbot: QtBot, window_002_003: MainWindow) -> None:
    """At 700 px "Difference 1 of 21" was painted "Difference 1 of 2": the statistics kept
    their width and the bar cut the message under them. The statistics now give way,
    ending with "…", and the message is shown whole; once it goes they are whole again."""
    window = window_002_003
    resized(qtbot, window, 700, 500)
    bar, stats = window.statusBar(), window.status.stats
    qtbot.keyClick(window.view.panes["left"], Qt.Key.Key_F7)
    message, room = shown_message_and_statistics(qtbot, window)
    assert message.startswith("Difference 1 of ") and not message.endswith("…")
    assert room >= bar.fontMetrics().horizontalAdvance(message)
    assert stats.width() < stats.sizeHint().width()  # painted with "…"
    assert stats.shown_text().endswith("…")
    bar.clearMessage()
    for _ in range(3):
        QApplication.processEvents()
    assert stats.width() >= stats.sizeHint().width()


def test_a_message_wider_than_the_whole_bar_ends_with_an_ellipsis(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    resized(qtbot, sync_window, 700, 500)
    sync_window.status.show_message("Comparison exported to /" + "very-long-folder/" * 12)
    message, _room = shown_message_and_statistics(qtbot, sync_window)
    assert message.endswith("…") and message.startswith("Comparison exported to /")


def test_statistics_narrower_than_their_text_end_with_an_ellipsis(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    """Below ~720 px the statistics kept their whole width and the bar cut them off at its
    right edge, mid-word ("…content 68%  ·  12 lin"): now they end with "…" inside it."""
    resized(qtbot, sync_window, 600, 500)
    bar, stats = sync_window.statusBar(), sync_window.status.stats
    for _ in range(3):
        QApplication.processEvents()
    assert stats.geometry().right() <= bar.width()
    assert stats.width() < stats.sizeHint().width()
    assert stats.shown_text().endswith("…") and stats.shown_text().startswith("Similarity")
    resized(qtbot, sync_window, 1400, 900)
    for _ in range(3):
        QApplication.processEvents()
    assert stats.shown_text() == stats.text()


def test_an_error_is_read_whole_at_1000_px_and_the_statistics_come_back(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    """At 1000 px an export's error was cut after its folder ("… not exported to
    /home/someo…"), its reason lost, while the statistics stayed whole beside it."""
    resized(qtbot, sync_window, 1000, 700)
    status = sync_window.status
    error = ("Comparison not exported to /home/someone/Documents/reports/Kremlin vs Reuters"
             ".pdf: read-only (no write permission); not changed")
    status.show_error(error)
    qtbot.waitUntil(lambda: status.error.shown_text() == error)
    assert status.stats.shown_text().endswith("…")
    status.error.setText("")  # as its time runs out
    qtbot.waitUntil(lambda: status.stats.shown_text() == status.stats.text())
