"""The corpus overview: its table model over the seeds, the View menu's toggle, a cell's
double-click opening the pair compared, the work kept off the UI thread (with Cancel), and
``reader-app screenshot --view overview``."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import SEED_FILES, SEEDS, WindowFactory

from reader_app.core.documents import load_document
from reader_app.core.errors import Cancelled
from reader_app.ui.corpus import view as overview_module
from reader_app.ui.corpus.colours import heat_colour
from reader_app.ui.corpus.data import Corpus, compute_corpus
from reader_app.ui.corpus.model import (
    CorpusModel,
    OutletRole,
    PairRole,
    SimilarityRole,
    StoryLabelRole,
    ValueRole,
)
from reader_app.ui.window.main_window import MainWindow

TIMEOUT = 20_000


def seed_corpus() -> Corpus:
    documents = [load_document(path) for path in SEED_FILES]
    return compute_corpus(documents, range(10, 15), lambda: False, lambda f: None)


def test_the_seeds_make_two_stories_of_three_and_two() -> None:
    corpus = seed_corpus()
    assert corpus.stories == [[2, 3, 4], [0, 1]]
    assert corpus.order == [2, 3, 4, 0, 1]


def test_the_model_lists_the_seeds_story_by_story(qtbot: QtBot) -> None:
    corpus = seed_corpus()
    model = CorpusModel()
    model.set_corpus(corpus)
    assert (model.rowCount(), model.columnCount()) == (5, 5)
    assert model.story_starts() == [0, 3]
    vertical = Qt.Orientation.Vertical
    labels = [model.headerData(p, vertical, StoryLabelRole) for p in range(5)]
    assert labels == ["Story 1 (3 reports)", None, None, "Story 2 (2 reports)", None]
    assert [model.document_at(p).name[:3] for p in range(5)] == ["002", "003", "004", "000",
                                                                 "001"]
    assert model.headerData(3, vertical) == f"4  {corpus.documents[0].title}"
    assert "AFP" in model.headerData(4, vertical, OutletRole)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "1"


def test_a_cell_holds_the_pairs_content_and_wording(qtbot: QtBot) -> None:
    corpus = seed_corpus()
    model = CorpusModel()
    model.set_corpus(corpus)
    cell = model.index(3, 4)  # 000 against 001
    content, wording = corpus.content[0][1], corpus.similarity[0][1]
    assert 0.5 < content < 0.9 and 0.2 < wording < content
    assert cell.data(ValueRole) == content and cell.data(SimilarityRole) == wording
    assert cell.data() == f"{round(content * 100)}%"
    assert cell.data(PairRole) == (10, 11)  # the keys given for 000 and 001
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert f"Same facts: {round(content * 100)}%" in tooltip
    assert f"Shared wording: {round(wording * 100)}%" in tooltip
    assert model.index(2, 2).data() == "—"
    assert model.index(0, 1).data(PairRole) == (12, 13)


def test_more_in_common_stands_out_more_in_both_themes(qtbot: QtBot) -> None:
    model = CorpusModel()
    model.set_corpus(seed_corpus())
    strong, weak = model.index(3, 4), model.index(4, 0)  # 68% and 0%
    for dark in (False, True):
        model.set_dark(dark)
        page = 30 if dark else 255
        contrast = [abs(QColor(i.data(Qt.ItemDataRole.BackgroundRole)).lightness() - page)
                    for i in (strong, weak)]
        assert contrast[0] > contrast[1] + 60
        for index in (strong, weak):  # the percentage stays legible on its colour
            text = index.data(Qt.ItemDataRole.ForegroundRole)
            back = index.data(Qt.ItemDataRole.BackgroundRole)
            assert abs(text.lightness() - back.lightness()) > 90


def test_the_view_menu_toggles_the_overview(sync_window: MainWindow, qtbot: QtBot) -> None:
    action = sync_window.actions_by_name["corpus_overview"]
    assert action.shortcut().toString() == "Ctrl+Shift+M"
    view_menu = next(a.menu() for a in sync_window.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions()
    action.trigger()
    assert sync_window.overview_switch.showing_overview
    assert sync_window.overview_switch.overview.model.rowCount() == 5
    assert sync_window.overview_switch.overview.heading.text() == "5 reports in 2 stories"
    assert not sync_window.actions_by_name["find"].isEnabled()  # the panes are hidden
    assert not sync_window.actions_by_name["next_difference"].isEnabled()
    assert not sync_window.actions_by_name["tag_selection"].isEnabled()  # nothing to tag
    qtbot.keyClick(sync_window, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not sync_window.overview_switch.showing_overview
    assert not action.isChecked()
    assert sync_window.actions_by_name["find"].isEnabled()
    assert sync_window.actions_by_name["tag_selection"].isEnabled()
    assert sync_window.actions_by_name["theme_dark"].text() == "&Dark"  # Alt+V, T, D


def test_the_pairs_figures_leave_the_status_bar_with_the_pair(
        sync_window: MainWindow, qtbot: QtBot) -> None:
    stats, legend = sync_window.status.stats, sync_window.status.legend
    assert stats.isVisible() and "Similarity" in stats.text() and legend.isVisible()
    sync_window.actions_by_name["corpus_overview"].trigger()
    assert not stats.isVisible() and not legend.isVisible()  # no pair on screen
    sync_window.actions_by_name["corpus_overview"].trigger()
    assert stats.isVisible() and legend.isVisible()


def test_double_clicking_a_cell_opens_that_pair(sync_window: MainWindow, qtbot: QtBot) -> None:
    sync_window.actions_by_name["corpus_overview"].trigger()
    table = sync_window.overview_switch.overview.table
    index = table.model().index(0, 2)  # 002 against 004
    left, right = index.data(PairRole)
    centre = table.visualRect(index).center()
    with qtbot.waitSignal(sync_window.overview_switch.overview.pair_requested) as signal:
        # A double-click is a press and a release, then the double-click event.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert signal.args == [left, right]
    assert not sync_window.overview_switch.showing_overview
    assert not sync_window.actions_by_name["corpus_overview"].isChecked()
    assert (sync_window.model.left, sync_window.model.right) == (left, right)
    shown = sync_window.view.comparison
    assert shown is not None
    assert (Path(shown.left.path).name[:3], Path(shown.right.path).name[:3]) == ("002", "004")


def test_double_clicking_a_story_s_label_band_opens_nothing(sync_window: MainWindow,
                                                            qtbot: QtBot) -> None:
    """A story's first row holds its label ("Story 1 (3 reports)") in a band above its
    cells; a double-click there, off any cell, opened the pair below it."""
    sync_window.actions_by_name["corpus_overview"].trigger()
    overview = sync_window.overview_switch.overview
    table = overview.table
    index = table.model().index(0, 2)
    rect = table.visualRect(index)
    band = overview.delegate.band
    assert band > 0
    in_band = QPoint(rect.center().x(), rect.top() + band // 2)
    with qtbot.assertNotEmitted(overview.pair_requested):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=in_band)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=in_band)
    assert sync_window.overview_switch.showing_overview


def test_picking_in_the_library_shows_the_comparison(sync_window: MainWindow,
                                                     qtbot: QtBot) -> None:
    sync_window.actions_by_name["corpus_overview"].trigger()
    sync_window.library.side_requested.emit(3, "right")
    assert not sync_window.overview_switch.showing_overview
    assert not sync_window.actions_by_name["corpus_overview"].isChecked()
    assert sync_window.model.right == 3


def test_enter_on_a_cell_opens_that_pair(sync_window: MainWindow, qtbot: QtBot) -> None:
    sync_window.actions_by_name["corpus_overview"].trigger()
    table = sync_window.overview_switch.overview.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(3, 4))
    with qtbot.waitSignal(sync_window.overview_switch.overview.pair_requested) as signal:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert signal.args == list(table.model().index(3, 4).data(PairRole))


def test_the_cells_follow_the_theme(sync_window: MainWindow, qtbot: QtBot) -> None:
    sync_window.actions_by_name["corpus_overview"].trigger()
    model = sync_window.overview_switch.overview.model
    cell = model.index(4, 0)  # 0%: the page's own shade

    def shade() -> int:
        return QColor(cell.data(Qt.ItemDataRole.BackgroundRole)).lightness()

    for theme, dark in (("dark", True), ("light", False), ("dark", True)):
        sync_window.actions_by_name[f"theme_{theme}"].setChecked(True)
        qtbot.waitUntil(lambda d=dark: (shade() < 80) is d)  # type: ignore[misc]


def test_the_matrices_are_computed_off_the_ui_thread(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []
    original = overview_module.compute_corpus

    def recording(*args: object) -> Corpus:
        threads.append(threading.current_thread())
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(overview_module, "compute_corpus", recording)
    with qtbot.waitSignal(window.overview_switch.overview.corpus_shown, timeout=TIMEOUT):
        window.actions_by_name["corpus_overview"].trigger()
    assert threads and threads[0] is not threading.main_thread()
    assert window.overview_switch.overview.model.rowCount() == 5
    assert window.overview_switch.overview.progress.isHidden()


def test_cancel_stops_the_computation(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    stopped = threading.Event()

    def endless(documents: object, keys: object, cancelled: Callable[[], bool],
                progress: Callable[[float], None]) -> Corpus:
        while not stopped.wait(0.01):
            progress(0.5)
            if cancelled():
                stopped.set()
                raise Cancelled
        raise Cancelled

    monkeypatch.setattr(overview_module, "compute_corpus", endless)
    overview = window.overview_switch.overview
    with qtbot.waitSignal(overview.runner.progressed, timeout=TIMEOUT):
        window.actions_by_name["corpus_overview"].trigger()
    assert overview.progress.isVisible() and overview.cancel_button.isVisible()
    qtbot.mouseClick(overview.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(stopped.is_set, timeout=TIMEOUT)
    assert not overview.busy and overview.progress.isHidden()
    assert "cancelled" in overview.heading.text()
    assert overview.model.rowCount() == 0


def test_a_single_document_asks_for_more(make_window: WindowFactory) -> None:
    window = make_window([SEED_FILES[0]], synchronous=True)
    window.actions_by_name["corpus_overview"].trigger()
    assert window.overview_switch.overview.model.rowCount() == 0
    assert "two or more" in window.overview_switch.overview.heading.text()


def test_screenshot_of_the_overview(tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    result = subprocess.run(
        [sys.executable, "-m", "reader_app", "screenshot", str(SEEDS), "--view", "overview",
         "-o", str(out), "--size", "1000x700"],
        capture_output=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr.decode()
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    corpus = seed_corpus()
    strongest = heat_colour(corpus.content[0][1], dark=False).rgb() & 0xFFFFFF
    found = sum(1 for y in range(0, 700, 3) for x in range(0, 1000, 3)
                if image.pixel(x, y) & 0xFFFFFF == strongest)
    assert found > 50  # the 68% cells are in the picture




def test_opening_other_documents_recomputes_the_shown_overview(sync_window: MainWindow) -> None:
    sync_window.actions_by_name["corpus_overview"].trigger()
    sync_window.open_paths(SEED_FILES[:2])
    overview = sync_window.overview_switch.overview
    assert sync_window.overview_switch.showing_overview
    assert overview.model.rowCount() == 2
    label = overview.model.headerData(0, Qt.Orientation.Vertical, StoryLabelRole)
    assert label == "Story 1 (2 reports)"
    assert overview.heading.text() == "2 reports in 1 story"


def test_the_overview_is_remembered(make_window: WindowFactory, settings_file: Path) -> None:
    first = make_window(synchronous=True)
    first.actions_by_name["corpus_overview"].trigger()
    first.close()
    again = make_window(synchronous=True)
    assert again.actions_by_name["corpus_overview"].isChecked()
    assert again.overview_switch.showing_overview
    assert again.overview_switch.overview.model.rowCount() == 5



def test_titles_in_the_overview_tooltips_are_plain_text(qtbot: QtBot) -> None:
    from reader_app.core.documents import parse_document
    from reader_app.ui.corpus.data import Corpus
    from reader_app.ui.corpus.model import CorpusModel

    hostile = parse_document("<h1><font color=red>Big red title</font></h1>\n\nText.", "x.txt")
    other = parse_document("An ordinary title\n\nMore text.", "y.txt")
    model = CorpusModel()
    model.set_corpus(Corpus((hostile, other), (0, 1), [[1.0, 0.0], [0.0, 1.0]],
                            [[1.0, 0.0], [0.0, 1.0]], [[0], [1]]))
    role = Qt.ItemDataRole.ToolTipRole
    row = next(r for r in range(2) if model.document_at(r) is hostile)
    for tip in (model.headerData(row, Qt.Orientation.Vertical, role),
                model.data(model.index(row, 1 - row), role)):
        assert "&lt;h1&gt;" in tip and "<h1>" not in tip  # shown as typed, never as markup


def test_the_keyboard_follows_the_view_shown(sync_window: MainWindow, qtbot: QtBot) -> None:
    """Ctrl+Shift+M left the focus in the library's filter box: the arrow keys typed there,
    not in the matrix, and Enter opened nothing. The keys go to the view shown."""
    left = sync_window.view.panes["left"]
    left.setFocus()
    chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(sync_window, Qt.Key.Key_M, chord)
    table = sync_window.overview_switch.overview.table
    assert QApplication.focusWidget() is table
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == 1
    qtbot.keyClick(sync_window, Qt.Key.Key_M, chord)  # back to the comparison: its pane
    assert QApplication.focusWidget() is sync_window.view.active_pane()


def test_the_matrix_computed_in_the_background_takes_the_keys_once_shown(
        window: MainWindow, qtbot: QtBot) -> None:
    window.view.panes["right"].setFocus()
    overview = window.overview_switch.overview
    with qtbot.waitSignal(overview.corpus_shown, timeout=20000):
        window.actions_by_name["corpus_overview"].trigger()
    assert QApplication.focusWidget() is overview.table
