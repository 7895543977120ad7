"""Reading tagged passages (issue 11, "Tags"): hovering one shows its tags and note, the
Annotations dock's Note column shows the start of a note (the tooltip has the rest), the
underline is thick enough to see, and Ctrl+T tags whole words."""

from __future__ import annotations

from annotation_helpers import select_words, tag_selection
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from ui_helpers import QUOTE, point_of, position_in

from reader_app.ui.annotations.model import NOTE
from reader_app.ui.window.main_window import MainWindow

NOTE_TEXT = ("Check <b>this</b> against the Kremlin transcript. The AFP version adds a comma "
             "and says 'has' where this one says 'have'.\nSecond line of the note.")


def _tag(qtbot: QtBot, window: MainWindow, words: str, tag: str, note: str = "") -> None:
    pane = window.view.panes["left"]
    select_words(qtbot, pane, words)
    tag_selection(qtbot, window, pane, tag, note)
    window.annotations.linked_bar.withdraw()


def test_hovering_a_tagged_word_shows_its_tags_and_note(qtbot: QtBot,
                                                        sync_window: MainWindow) -> None:
    _tag(qtbot, sync_window, QUOTE, "verify, quote check", NOTE_TEXT)
    pane = sync_window.view.panes["left"]
    point = point_of(pane, position_in(pane, QUOTE) + QUOTE.index("support") + 2)
    tip = sync_window.extras.tag_tips["left"].tip_at(point)
    assert tip is not None
    assert tip.startswith("Tagged: verify, quote check\n")
    assert "Check <b>this</b> against" in tip and "Second line of the note." in tip
    QApplication.sendEvent(pane.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point)))
    assert QToolTip.isVisible()
    shown = QToolTip.text()
    assert "Tagged: verify, quote check" in shown
    assert "&lt;b&gt;this&lt;/b&gt;" in shown  # the note's mark-up is text
    QToolTip.hideText()
    elsewhere = point_of(pane, position_in(pane, "Kremlin spokesman") + 3)
    assert sync_window.extras.tag_tips["left"].tip_at(elsewhere) is None


def test_the_note_column_shows_the_start_of_the_note(qtbot: QtBot,
                                                     sync_window: MainWindow) -> None:
    _tag(qtbot, sync_window, QUOTE, "verify", NOTE_TEXT)
    model = sync_window.annotations.panel.model
    cell = model.index(0, NOTE)
    shown = cell.data(Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("Check <b>this</b> against") and shown.endswith("…")
    assert "\n" not in shown and len(shown) <= 60
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "Second line of the note." in tip and "&lt;b&gt;" in tip  # all of it, as text


def _near(colour: QColor, other: QColor) -> bool:
    return all(abs(a - b) <= 40 for a, b in zip(colour.getRgb()[:3], other.getRgb()[:3],
                                                strict=True))


def test_a_tagged_passage_is_underlined_thickly(qtbot: QtBot, sync_window: MainWindow) -> None:
    _tag(qtbot, sync_window, QUOTE, "verify")
    pane = sync_window.view.panes["left"]
    colour = sync_window.annotations.controller.tag_colour("verify")
    cursor = QTextCursor(pane.document())
    cursor.setPosition(position_in(pane, QUOTE) + QUOTE.index("support") + 3)
    rect = pane.cursorRect(cursor)
    image = pane.viewport().grab().toImage()
    scale = image.devicePixelRatio()
    rows = [y for y in range(rect.top(), rect.bottom() + 6)
            if _near(image.pixelColor(int(rect.x() * scale), int(y * scale)), colour)]
    assert len(rows) >= 2, rows  # two pixels or more, in the tag's colour
    assert min(rows) > rect.center().y()  # under the words, not through them


def test_tagging_snaps_the_selection_to_whole_words(qtbot: QtBot,
                                                    sync_window: MainWindow) -> None:
    _tag(qtbot, sync_window, "ceasefire is needed, b", "verify")
    annotations = list(sync_window.annotations.controller.store)
    assert [a.target.exact for a in annotations] == ["ceasefire is needed,"]
    _tag(qtbot, sync_window, "upport the ide", "verify")  # most of each cut word: all of it
    exact = sorted(a.target.exact for a in sync_window.annotations.controller.store)
    assert exact == ["ceasefire is needed,", "support the idea"]
