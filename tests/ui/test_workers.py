"""Comparisons off the UI thread: the newest request wins, stale results are dropped, and
the reader can cancel a running comparison."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import (
    COMPARISON_TIMEOUT,
    SEED_FILES,
    SENTENCE_001,
    drain_workers,
    select_in_library,
)

from reader_app.core.compare import Comparison
from reader_app.core.documents import load_document
from reader_app.ui.window.main_window import MainWindow


def current_path(window: MainWindow) -> Path:
    proxy_row = window.library.table.currentIndex().row()
    source = window.library.proxy.mapToSource(window.library.proxy.index(proxy_row, 0))
    return window.model.entry(source.row()).path


def record(window: MainWindow) -> list[Comparison]:
    shown: list[Comparison] = []
    window.comparison_shown.connect(shown.append)
    return shown


def test_only_the_newest_request_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    table = window.library.table
    shown = record(window)
    select_in_library(qtbot, window, SEED_FILES[2])
    qtbot.keyClick(table, Qt.Key.Key_Return)  # 000 vs 002: started, not waited for
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    wanted = current_path(window)
    assert wanted not in (SEED_FILES[0].resolve(), SEED_FILES[2].resolve())
    with qtbot.waitSignal(window.comparison_shown, timeout=COMPARISON_TIMEOUT,
                          check_params_cb=lambda c: Path(c.right.path) == wanted):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    drain_workers()  # the superseded comparison has finished and reported by now
    assert [Path(c.right.path) for c in shown] == [wanted]
    assert window.view.comparison is not None
    assert Path(window.view.comparison.right.path) == wanted
    assert load_document(wanted).paragraph_text(0) in window.view.panes["right"].toPlainText()
    assert not window.status.progress.isVisible()


def start_comparison_of(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    select_in_library(qtbot, window, path)
    qtbot.keyClick(window.library.table, Qt.Key.Key_Return)
    assert window.compare_runner.busy
    assert window.status.progress.isVisible()
    assert window.status.cancel.isVisible()
    assert window.statusBar().currentMessage() == "Comparing…"


def test_cancel_button_stops_the_comparison(qtbot: QtBot, window: MainWindow) -> None:
    shown = record(window)
    start_comparison_of(qtbot, window, SEED_FILES[3])
    qtbot.mouseClick(window.status.cancel, Qt.MouseButton.LeftButton)
    assert not window.status.progress.isVisible()
    assert not window.status.cancel.isVisible()
    assert window.statusBar().currentMessage() == "Comparison cancelled"
    drain_workers()
    assert shown == []  # its result, if it came, was dropped
    assert SENTENCE_001 in window.view.panes["right"].toPlainText()  # still the old pair


def test_cancel_from_code_hides_the_progress(qtbot: QtBot, window: MainWindow) -> None:
    start_comparison_of(qtbot, window, SEED_FILES[3])
    window.compare_runner.cancel()
    assert not window.status.progress.isVisible()
    assert not window.compare_runner.busy


def test_after_cancel_the_title_names_what_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    start_comparison_of(qtbot, window, SEED_FILES[3])
    qtbot.mouseClick(window.status.cancel, Qt.MouseButton.LeftButton)
    drain_workers()
    shown_right = load_document(SEED_FILES[1]).title  # what the right pane still shows
    assert shown_right in window.view.headers["right"].text()
    assert shown_right in window.windowTitle()
