"""What the window remembers: options, zoom, theme and size come back in the next window
opened on the same settings file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import QUOTE, SEED_FILES, WindowFactory, background_at, position_in

from reader_app.ui.annotations.model import TAGS
from reader_app.ui.annotations.panel import SHOWN_DOCUMENTS
from reader_app.ui.compare.view import DEFAULT_POINT_SIZE
from reader_app.ui.theme import DARK
from reader_app.ui.window.main_window import MainWindow

CHANGED = ("ignore_case", "hide_boilerplate", "theme_dark")


def restorable_size(window: MainWindow) -> QSize:
    """1000x700, or less where the screen is smaller (the offscreen one is 800x600): Qt keeps
    a restored window on its screen."""
    screen = window.screen().availableGeometry()
    return QSize(min(1000, screen.width() - 100), min(700, screen.height() - 100))


def change_everything(qtbot: QtBot, window: MainWindow, size: QSize) -> None:
    actions = window.actions_by_name
    for name in CHANGED:
        actions[name].trigger()
    for _ in range(2):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)


def test_second_window_restores_options_zoom_theme_and_size(
    qtbot: QtBot, make_window: WindowFactory, settings_file: Path
) -> None:
    first = make_window(synchronous=True)
    size = restorable_size(first)
    assert size != first.size()
    change_everything(qtbot, first, size)
    zoomed = first.view.point_size
    assert zoomed == DEFAULT_POINT_SIZE + 2
    first.close()
    assert settings_file.exists()

    second = make_window(synchronous=True)
    actions = second.actions_by_name
    for name in CHANGED:
        assert actions[name].isChecked(), name
    assert not actions["ignore_punctuation"].isChecked()
    assert actions["sync_scroll"].isChecked()  # left at its default (on)
    assert second.size() == size
    for pane in second.view.panes.values():
        assert pane.font().pointSizeF() == zoomed
    # ...and the window behaves accordingly, not just its menu:
    assert second.view.comparison is not None
    assert second.view.comparison.options.ignore_case
    left = second.view.panes["left"]
    assert not left.document().findBlock(position_in(left, "Advertisement")).isVisible()
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    assert background_at(left, QUOTE) == DARK.shared


def test_first_window_uses_the_defaults(make_window: WindowFactory) -> None:
    window = make_window(synchronous=True)
    actions = window.actions_by_name
    assert actions["theme_system"].isChecked()
    assert actions["sync_scroll"].isChecked()
    for name in ("ignore_case", "ignore_punctuation", "hide_boilerplate", "show_source"):
        assert not actions[name].isChecked(), name
    assert window.view.panes["left"].font().pointSizeF() == DEFAULT_POINT_SIZE
    assert window.size() == QSize(1400, 900)


def test_reset_zoom_is_remembered_too(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    first = make_window(synchronous=True)
    qtbot.keyClick(first, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(first, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    first.close()
    second = make_window(synchronous=True)
    assert second.view.panes["right"].font().pointSizeF() == DEFAULT_POINT_SIZE


def test_opened_folder_becomes_the_recent_folder(
    tmp_path: Path, make_window: WindowFactory
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("One report.\n")
    (folder / "b.txt").write_text("Another report.\n")
    window = make_window(synchronous=True)
    window.open_paths([folder])
    assert window.recent_folders()[0] == str(folder.resolve())
    assert len(window.recent_folders()) == 2  # the seeds folder before it


def test_the_annotation_table_keeps_its_sort_and_document_filter(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    first = make_window(synchronous=True)
    panel = first.annotations.panel
    panel.table.sortByColumn(TAGS, Qt.SortOrder.DescendingOrder)
    panel.choose_documents(SHOWN_DOCUMENTS)
    first.close()

    second = make_window(synchronous=True).annotations.panel
    header = second.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        TAGS, Qt.SortOrder.DescendingOrder)
    assert second.document_box.currentData() == SHOWN_DOCUMENTS


def test_reopening_the_folder_shows_the_pair_compared_last(
    qtbot: QtBot, make_window: WindowFactory, settings_file: Path
) -> None:
    first = make_window(synchronous=True)
    first.show_pair(3, 2)  # 003 on the left, 002 on the right
    first.close()

    second = make_window(synchronous=True)
    comparison = second.view.comparison
    assert comparison is not None
    assert (comparison.left.name, comparison.right.name) == (
        SEED_FILES[3].name, SEED_FILES[2].name)
    assert second.model.left == 3 and second.model.right == 2


def test_files_named_on_opening_are_shown_as_named_not_as_last_time(
    qtbot: QtBot, make_window: WindowFactory, settings_file: Path
) -> None:
    first = make_window(synchronous=True)
    first.show_pair(3, 2)
    first.close()

    second = make_window([SEED_FILES[2], SEED_FILES[3]], synchronous=True)
    comparison = second.view.comparison
    assert comparison is not None
    assert (comparison.left.name, comparison.right.name) == (
        SEED_FILES[2].name, SEED_FILES[3].name)


def test_options_and_theme_are_written_when_chosen_not_only_at_quitting(
    make_window: WindowFactory, settings_file: Path
) -> None:
    from PySide6.QtCore import QSettings

    window = make_window(synchronous=True)
    for name in CHANGED:
        window.actions_by_name[name].trigger()
    # Read back by another QSettings on the file, before the window closes (as after a kill).
    written = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert written.value("options/ignore_case") in (True, "true")
    assert written.value("view/hide_boilerplate") in (True, "true")
    assert written.value("view/theme") == "dark"


def test_a_folder_opens_on_the_first_document_and_its_nearest_report(
        make_window: WindowFactory, tmp_path: Path) -> None:
    """The first two files by name were shown, often reports of different events (0 %)."""
    texts = {
        "a_storm.txt": "Storm closes the harbour\n\nA storm closed the harbour of Kalmar on "
                       "Monday; ferries to Öland stayed in port and two fishermen were "
                       "rescued by the coastguard.\n",
        "b_budget.txt": "Council passes budget\n\nThe city council approved its budget for "
                        "next year after a long debate about school funding and road repairs.\n",
        "c_storm.txt": "Ferries halted\n\nFerries between Kalmar and Öland were halted on "
                       "Monday as a storm shut the harbour; the coastguard rescued two "
                       "fishermen.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    window = make_window([tmp_path], synchronous=True)
    comparison = window.view.comparison
    assert comparison is not None
    assert (comparison.left.name, comparison.right.name) == ("a_storm.txt", "c_storm.txt")


def test_a_folder_whose_first_file_is_empty_opens_on_reports_with_words(
        make_window: WindowFactory, tmp_path: Path) -> None:
    """An empty first file was the left side: a blank page beside the next file by name."""
    (tmp_path / "0_empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "a_storm.txt").write_text(
        "Storm closes the harbour\n\nA storm closed the harbour of Kalmar on Monday; ferries "
        "to Öland stayed in port.\n", encoding="utf-8")
    (tmp_path / "b_budget.txt").write_text(
        "Council passes budget\n\nThe city council approved its budget for next year.\n",
        encoding="utf-8")
    (tmp_path / "c_storm.txt").write_text(
        "Ferries halted\n\nFerries between Kalmar and Öland were halted on Monday as a storm "
        "shut the harbour.\n", encoding="utf-8")
    window = make_window([tmp_path], synchronous=True)
    comparison = window.view.comparison
    assert comparison is not None
    assert (comparison.left.name, comparison.right.name) == ("a_storm.txt", "c_storm.txt")
    assert window.model.rowCount() == 4  # the empty file is still listed
