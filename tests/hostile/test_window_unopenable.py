"""The window with paths it cannot open and files it cannot read: a folder without read
permission or a missing path is said in the status bar and the other paths are opened (before,
the window died at start-up, or opened an empty library); Enter on an unreadable (red) library
row keeps the pair on screen and says why in the status bar (before, it blanked the right pane
and stripped the left one's highlighting, the reason only in a tooltip)."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import SEED_FILES, SEEDS
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from reader_app.ui.window.main_window import MainWindow

Factory = Callable[[list[Path]], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[Factory]:
    monkeypatch.setenv("READER_APP_ANNOTATIONS", str(tmp_path / "tags.json"))
    made: list[MainWindow] = []

    def build(paths: list[Path]) -> MainWindow:
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, synchronous=True)
        qtbot.addWidget(window)
        made.append(window)
        window.open_paths(paths)
        qtbot.waitUntil(lambda: not window.annotations.controller.loading)
        return window

    yield build
    for window in made:
        window.close()


def deny_listing(monkeypatch: pytest.MonkeyPatch, locked: Path) -> None:
    """Listing ``locked`` fails as a folder without read permission does (root reads all)."""
    for name in ("scandir", "listdir"):
        real = getattr(os, name)

        def listing(path: object = ".", *args: object, _real: object = real) -> object:
            if not isinstance(path, int) and Path(str(path)).absolute() == locked.absolute():
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return _real(path, *args)  # type: ignore[operator]

        monkeypatch.setattr(os, name, listing)


def test_a_folder_without_permission_and_a_missing_path(
        open_window: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    shutil.copytree(SEEDS, locked)
    deny_listing(monkeypatch, locked)
    window = open_window([locked, SEEDS, tmp_path / "nowhere"])
    assert len(window.model.entries()) == len(SEED_FILES)
    assert window.view.comparison is not None  # the first two are compared
    assert window.status.error.text() == (f"{locked}: cannot open the folder (permission "
                                          f"denied); {tmp_path / 'nowhere'}: no such file or "
                                          "folder")


def test_a_path_with_a_newline_is_told_on_one_line(open_window: Factory,
                                                   tmp_path: Path) -> None:
    window = open_window([SEED_FILES[0], SEED_FILES[1], tmp_path / "new\nline.txt"])
    assert len(window.model.entries()) == 2
    assert window.status.error.text() == f"{tmp_path}/new\u240aline.txt: no such file or folder"


def test_enter_on_an_unreadable_row_keeps_the_pair(open_window: Factory, qtbot: QtBot,
                                                   tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    (folder / "zz-binary.txt").write_bytes(bytes(range(256)) * 8)
    window = open_window([folder])
    bad = window.model.row_of(folder / "zz-binary.txt")
    assert bad is not None and window.model.entries()[bad].document is None
    shown = window.view.comparison
    assert shown is not None
    left_text = window.view.panes["left"].toPlainText()
    table = window.library.table
    library = window.library
    bad_row = library.proxy.mapFromSource(library.model.index(bad, 0)).row()
    table.setCurrentIndex(library.proxy.index(bad_row, 1))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert (window.model.left, window.model.right) == (0, 1)
    assert window.view.comparison is shown
    assert window.view.panes["left"].toPlainText() == left_text
    assert window.view.panes["right"].toPlainText() != ""
    assert window.status.error.text().startswith(  # (the newest message first)
        "zz-binary.txt: binary file (contains NUL bytes), not a text document; the documents "
        "shown are kept")
