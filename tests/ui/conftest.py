"""Fixtures for the window tests: a main window on the seeds, shown offscreen.

Each window keeps its settings in a throw-away INI file under ``tmp_path``, so tests never
touch the user's settings or each other's. ``window`` runs comparisons in the thread pool
(as the app does) and is handed over once the first comparison is on screen;
``sync_window`` runs them in the UI thread, so every action's result is there at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import COMPARISON_TIMEOUT, SEED_FILES, SEEDS, WindowFactory, drain_workers

from reader_app.ui.theme import apply_theme
from reader_app.ui.window.main_window import MainWindow

# Re-exported: pytest may leave this module as ``conftest`` in sys.modules, and other test
# folders import these two names from ``conftest``.
__all__ = ["SEEDS", "SEED_FILES"]


def settings_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def annotations_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's windows (and the commands it runs) use their own annotation file, never
    the user's."""
    path = tmp_path / "annotations.json"
    monkeypatch.setenv("READER_APP_ANNOTATIONS", str(path))
    return path


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "s.ini"


@pytest.fixture
def make_window(qtbot: QtBot, settings_file: Path) -> Iterator[WindowFactory]:
    """Build, open and show windows; each is closed and its workers drained afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style = app.style().name()
    made: list[MainWindow] = []

    def build(paths: list[Path] | None = None, synchronous: bool = False,
              settings: QSettings | None = None) -> MainWindow:
        window = MainWindow(settings or settings_at(settings_file), synchronous=synchronous)
        qtbot.addWidget(window)
        made.append(window)
        if synchronous:
            window.open_paths(paths or [SEEDS])
        else:
            with qtbot.waitSignal(window.comparison_shown, timeout=COMPARISON_TIMEOUT):
                window.open_paths(paths or [SEEDS])
        # The annotation file is read on a worker thread: tests start once it is in.
        qtbot.waitUntil(lambda: not window.annotations.controller.loading)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # keyboard shortcuts reach only the active window
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield build
    for window in made:
        window.close()
    drain_workers()
    # The theme is application-wide: leave the next test the palette and style it started with.
    apply_theme(app, "system")
    app.setStyle(style)


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    """The window as the app runs it: comparisons in the thread pool; 000 vs 001 shown."""
    return make_window()


@pytest.fixture
def sync_window(make_window: WindowFactory) -> MainWindow:
    """The window with comparisons run in the UI thread; 000 vs 001 shown."""
    return make_window(synchronous=True)


@pytest.fixture
def window_002_003(make_window: WindowFactory) -> MainWindow:
    """The window with 002 on the left and 003 on the right (two translations of one press
    conference, with many reworded links), compared in the UI thread."""
    window = make_window(synchronous=True)
    left, right = (window.model.row_of(path) for path in SEED_FILES[2:4])
    window.show_pair(left, right)
    window.view.finish_alignment()
    return window
