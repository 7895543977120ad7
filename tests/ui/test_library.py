"""Choosing documents in the library: keys, double click, swap, filter; the title and
statistics that follow; unreadable files; documents dropped onto the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from ui_helpers import (
    COMPARISON_TIMEOUT,
    SEED_FILES,
    SENTENCE_000,
    SENTENCE_001,
    SENTENCE_002,
    WindowFactory,
    select_in_library,
    side_marks,
    view_row_of,
)

from reader_app.core.documents import load_document
from reader_app.ui.library.model import DATE_COLUMN, OUTLET_COLUMN
from reader_app.ui.window.main_window import MainWindow

NAMES = [path.name for path in SEED_FILES]


def shown(window: MainWindow, side: str) -> str:
    return window.view.panes[side].toPlainText()


def stats_text(window: MainWindow) -> str:
    label = window.findChild(QLabel, "stats_label")
    assert label is not None
    return label.text()


def press_in_library(qtbot: QtBot, window: MainWindow, path: Path,
                     modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    select_in_library(qtbot, window, path)
    with qtbot.waitSignal(window.comparison_shown, timeout=COMPARISON_TIMEOUT):
        qtbot.keyClick(window.library.table, Qt.Key.Key_Return, modifier)


def test_opening_the_seeds_compares_the_first_two(window: MainWindow) -> None:
    assert window.library.proxy.rowCount() == len(SEED_FILES)
    assert SENTENCE_000 in shown(window, "left")
    assert SENTENCE_001 in shown(window, "right")
    assert side_marks(window) == {NAMES[0]: "L", NAMES[1]: "R", NAMES[2]: "", NAMES[3]: "",
                                  NAMES[4]: ""}
    assert "Similarity 39%" in stats_text(window)


def test_pane_shows_every_paragraph_as_one_block(window: MainWindow) -> None:
    document = load_document(SEED_FILES[1])
    pane = window.view.panes["right"]
    paragraphs = [document.paragraph_text(i) for i in range(len(document.paragraphs))]
    assert pane.toPlainText() == "\n".join(paragraphs)
    assert pane.document().blockCount() == len(paragraphs)


def test_enter_shows_the_selected_document_on_the_right(qtbot: QtBot, window: MainWindow) -> None:
    press_in_library(qtbot, window, SEED_FILES[2])
    assert SENTENCE_002 in shown(window, "right")
    assert SENTENCE_000 in shown(window, "left")
    marks = side_marks(window)
    assert (marks[NAMES[0]], marks[NAMES[1]], marks[NAMES[2]]) == ("L", "", "R")
    left, right = (load_document(SEED_FILES[i]).title for i in (0, 2))
    assert left in window.windowTitle() and right in window.windowTitle()
    assert window.windowTitle().index(left) < window.windowTitle().index(right)


def test_shift_enter_shows_the_selected_document_on_the_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    press_in_library(qtbot, window, SEED_FILES[2], Qt.KeyboardModifier.ShiftModifier)
    assert SENTENCE_002 in shown(window, "left")
    assert SENTENCE_001 in shown(window, "right")
    marks = side_marks(window)
    assert (marks[NAMES[0]], marks[NAMES[1]], marks[NAMES[2]]) == ("", "R", "L")


def test_choosing_the_other_sides_document_swaps_them(qtbot: QtBot, window: MainWindow) -> None:
    press_in_library(qtbot, window, SEED_FILES[1], Qt.KeyboardModifier.ShiftModifier)
    assert SENTENCE_001 in shown(window, "left")
    assert SENTENCE_000 in shown(window, "right")


def test_double_click_shows_the_document_on_the_right(qtbot: QtBot, window: MainWindow) -> None:
    table = window.library.table
    index = table.model().index(view_row_of(window, SEED_FILES[2]), 1)
    point = table.visualRect(index).center()
    with qtbot.waitSignal(window.comparison_shown, timeout=COMPARISON_TIMEOUT):
        # A double click is a press, a release, then the double-click press: QTest sends only
        # the last, and item views start editing or activating only after a first click.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert SENTENCE_002 in shown(window, "right")
    assert side_marks(window)[NAMES[2]] == "R"


def test_swap_sides_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    assert window.actions_by_name["swap"].shortcut().toString() == "Ctrl+Shift+S"
    before = window.windowTitle()
    with qtbot.waitSignal(window.comparison_shown, timeout=COMPARISON_TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert SENTENCE_001 in shown(window, "left")
    assert SENTENCE_000 in shown(window, "right")
    marks = side_marks(window)
    assert (marks[NAMES[0]], marks[NAMES[1]]) == ("R", "L")
    first, second = before.split(" — ")[0].split(" ⟷ ")
    assert window.windowTitle().startswith(f"{second} ⟷ {first}")
    assert "Similarity 39%" in stats_text(window)  # the measure does not depend on the sides


def test_filter_box_narrows_the_table(qtbot: QtBot, window: MainWindow) -> None:
    proxy = window.library.proxy
    qtbot.keyClicks(window.library.filter_box, "Kremlin")
    titles = {proxy.index(row, 1).data() for row in range(proxy.rowCount())}
    assert titles == {load_document(SEED_FILES[i]).title for i in (0, 1)}
    window.library.filter_box.clear()
    assert proxy.rowCount() == len(SEED_FILES)


def test_a_filter_leaves_the_columns_some_document_fills(qtbot: QtBot,
                                                         window: MainWindow) -> None:
    """The two rows left by "Russian President" name no outlet and no date: the columns
    went while the reader typed, and came back as the filter was cleared."""
    table = window.library.table
    shown = [c for c in (OUTLET_COLUMN, DATE_COLUMN) if not table.isColumnHidden(c)]
    assert shown == [OUTLET_COLUMN, DATE_COLUMN]
    qtbot.keyClicks(window.library.filter_box, "Russian President")
    window.library.columns.fit()  # (as its timer does)
    assert window.library.proxy.rowCount() == 2
    assert not any(table.isColumnHidden(c) for c in shown)


def test_a_filter_matching_nothing_says_so(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    qtbot.keyClicks(library.filter_box, "<b>zzz")
    assert library.proxy.rowCount() == 0
    assert library.no_match.isVisible()
    assert library.no_match.text() == "No document matches \u201c<b>zzz\u201d (5 documents in all)"
    assert library.no_match.textFormat() == Qt.TextFormat.PlainText  # the typed text as typed
    qtbot.keyClick(library.filter_box, Qt.Key.Key_Backspace)
    qtbot.keyClick(library.filter_box, Qt.Key.Key_Backspace)
    qtbot.keyClick(library.filter_box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(library.filter_box, "Kreml")  # "<b>Kreml": still none
    assert library.no_match.isVisible()
    library.filter_box.clear()
    assert not library.no_match.isVisible()
    qtbot.keyClicks(library.filter_box, "Kremlin")
    assert library.proxy.rowCount() == 2 and not library.no_match.isVisible()


def test_enter_on_a_filtered_row_picks_that_document(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.library.filter_box, "spokesman Dmitry Peskov")
    assert window.library.proxy.rowCount() == 1
    press_in_library(qtbot, window, SEED_FILES[4])
    assert load_document(SEED_FILES[4]).paragraph_text(0) in shown(window, "right")


def test_library_keeps_file_order_when_sides_change(qtbot: QtBot, window: MainWindow) -> None:
    # Sorting by the side column (Qt's default sort indicator) made chosen rows jump to the top.
    assert [view_row_of(window, path) for path in SEED_FILES] == [0, 1, 2, 3, 4]
    press_in_library(qtbot, window, SEED_FILES[3])
    assert view_row_of(window, SEED_FILES[3]) == 3


# -- unreadable files and drops ---------------------------------------------------------------


def test_unreadable_file_is_listed_with_its_reason(
    tmp_path: Path, make_window: WindowFactory
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"PK\x03\x04\x00\x00binary\x00stuff")
    good = folder / "good.txt"
    good.write_text("A good report.\n\nIt has a second paragraph.\n", encoding="utf-8")
    window = make_window(paths=[folder], synchronous=True)
    proxy = window.library.proxy
    titles = [proxy.index(row, 1).data() for row in range(proxy.rowCount())]
    assert len(titles) == 2
    assert "bad.txt — binary file (contains NUL bytes), not a text document" in titles
    error = window.findChild(QLabel, "error_label")
    assert error is not None
    assert "1 file could not be read; it is listed in red" in error.text()
    assert "It has a second paragraph." in shown(window, "left")
    assert shown(window, "right") == ""
    assert stats_text(window) == "Choose two documents to compare"


def test_several_unreadable_files_are_counted_in_plain_english(
    tmp_path: Path, make_window: WindowFactory
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("bad1.txt", "bad2.txt"):
        (folder / name).write_bytes(b"binary\x00stuff")
    (folder / "good.txt").write_text("A good report.\n", encoding="utf-8")
    window = make_window(paths=[folder], synchronous=True)
    error = window.findChild(QLabel, "error_label")
    assert error is not None
    assert "2 files could not be read; they are listed in red" in error.text()
    assert "file(s)" not in error.text()


def test_an_unreadable_file_and_a_read_only_annotation_file_are_both_told(
    tmp_path: Path, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file that could not be read hid the message that the tags are read-only."""
    newer = tmp_path / "newer.json"
    newer.write_text('{"format": "reader-app.annotations/9", "annotations": []}',
                     encoding="utf-8")
    monkeypatch.setenv("READER_APP_ANNOTATIONS", str(newer))
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"binary\x00stuff")
    (folder / "good.txt").write_text("A good report.\n", encoding="utf-8")
    window = make_window(paths=[folder], synchronous=True)
    error = window.findChild(QLabel, "error_label")
    assert error is not None
    assert "could not be read" in error.text() and "read-only" in error.text()
    assert "read-only" in error.toolTip() and "could not be read" in error.toolTip()


def test_a_message_too_long_for_the_status_bar_ends_with_an_ellipsis(
    tmp_path: Path, make_window: WindowFactory
) -> None:
    """The message naming a skipped link and an unreadable file was cut mid-word at the bar's
    edge ("…; 1 file(s) cou"); it ends with "…" where it stops (its tooltip has it all)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"binary\x00stuff")
    (folder / "good.txt").write_text("A good report.\n", encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    window = make_window(paths=[folder], synchronous=True)
    window.resize(900, 600)
    error = window.findChild(QLabel, "error_label")
    assert error is not None
    assert "could not be read" in error.text() and "dangling link" in error.text()
    QApplication.processEvents()
    width = error.contentsRect().width()
    assert 0 < width < error.fontMetrics().horizontalAdvance(error.text())
    twin = QLabel(error.fontMetrics().elidedText(error.text(), Qt.TextElideMode.ElideRight,
                                                 width), error.parentWidget())
    twin.setTextFormat(Qt.TextFormat.PlainText)
    twin.setStyleSheet(error.styleSheet())
    twin.setGeometry(error.geometry())
    twin.setAlignment(error.alignment())
    assert error.grab().toImage() == twin.grab().toImage()


WRAPPED = (
    "The ceasefire talks in Riyadh continued on Monday with\n"
    "both delegations saying that progress had been made on\n"
    "the maritime part of the agreement.\n\n"
    "Officials said a second round would follow later in the\n"
    "week, once the technical teams had reported back to\n"
    "their capitals.\n"
)


def test_hard_wrapped_paragraph_stays_one_block(
    tmp_path: Path, make_window: WindowFactory
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(WRAPPED, encoding="utf-8")
    (folder / "b.txt").write_text("Officials said a second round would follow.\n")
    document = load_document(folder / "a.txt")
    assert len(document.paragraphs) == 2  # the engine joins the wrapped lines
    window = make_window(paths=[folder], synchronous=True)
    pane = window.view.panes["left"]
    assert pane.document().blockCount() == 2
    first = document.paragraph_text(0)
    assert "\n" in first
    assert pane.document().firstBlock().text() == first.replace("\n", "\u2028")


def drop_urls(window: MainWindow, urls: list[QUrl]) -> tuple[bool, bool]:
    """Drag ``urls`` over the window and drop them; (enter accepted, drop accepted)."""
    data = QMimeData()
    data.setUrls(urls)
    point = QPointF(window.rect().center())
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, data, buttons, keys)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False, False
    drop = QDropEvent(point, Qt.DropAction.CopyAction, data, buttons, keys)
    drop.ignore()
    QApplication.sendEvent(window, drop)
    return True, drop.isAccepted()


def test_dropped_file_is_added_to_the_library(tmp_path: Path, sync_window: MainWindow) -> None:
    dropped = tmp_path / "dropped.txt"
    dropped.write_text("A dropped report on the ceasefire.\n\nIt came by drag and drop.\n")
    assert drop_urls(sync_window, [QUrl.fromLocalFile(str(dropped))]) == (True, True)
    proxy = sync_window.library.proxy
    assert proxy.rowCount() == len(SEED_FILES) + 1
    titles = {proxy.index(row, 1).data() for row in range(proxy.rowCount())}
    assert "A dropped report on the ceasefire." in titles


def test_dropping_a_web_link_is_refused(sync_window: MainWindow) -> None:
    assert drop_urls(sync_window, [QUrl("https://example.org/report.txt")]) == (False, False)
    assert sync_window.library.proxy.rowCount() == len(SEED_FILES)


def test_a_row_s_tooltip_says_how_a_guessed_encoding_was_read(
        tmp_path: Path, make_window: WindowFactory) -> None:
    """The command line warns that a file was not UTF-8; the window said nothing of it."""
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 prices rise\n\nThe caf\u00e9 raised its prices.\n".encode(
        "cp1252"))
    plain = tmp_path / "plain.txt"
    plain.write_text("Tea prices rise\n\nThe tea shop raised its prices.\n", "utf-8")
    window = make_window([tmp_path], synchronous=True)
    model = window.library.model
    tips = {Path(model.entries()[row].path).name: str(model.index(row, 1).data(
        Qt.ItemDataRole.ToolTipRole)) for row in range(model.rowCount())}
    assert tips["latin.txt"] == f"{latin.resolve()}\nnot valid UTF-8; decoded as Windows-1252"
    assert tips["plain.txt"] == str(plain.resolve())
