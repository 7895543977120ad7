"""Empty documents and failed reads say so in the pane (issue 11): a grey message centred
over the pane, plain text, not only "(0 words)" in its header."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from ui_helpers import SEED_FILES, WindowFactory

from reader_app.ui.window.main_window import MainWindow
from reader_app.ui.window.pane_notices import EMPTY, NO_DOCUMENTS, ONE_DOCUMENT


def test_an_empty_document_says_so(make_window: WindowFactory, tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_text("\n\n  \n", encoding="utf-8")
    shutil.copy(SEED_FILES[0], tmp_path / "b_seed.txt")
    window: MainWindow = make_window([tmp_path], synchronous=True)
    window.show_pair(0, 1)  # (the folder opens on the report with words: the empty one left)
    left, right = window.extras.pane_notices.notices["left"], \
        window.extras.pane_notices.notices["right"]
    assert window.view.panes["left"].source is not None
    assert left.text() == EMPTY and right.text() == ""
    label = left.label
    assert label.isVisible() and label.foregroundRole() == QPalette.ColorRole.PlaceholderText
    viewport = window.view.panes["left"].viewport()
    assert abs(label.geometry().center().x() - viewport.rect().center().x()) <= 2
    window.show_pair(1, 0)  # the seed on the left now: its pane says nothing
    assert left.text() == "" and right.text() == EMPTY and not left.label.isVisible()


def test_a_failed_read_says_why(make_window: WindowFactory, tmp_path: Path) -> None:
    shutil.copy(SEED_FILES[0], tmp_path / "a_seed.txt")
    (tmp_path / "b_<i>broken.txt").write_bytes(b"\x00\x01binary\x00" * 20)
    window: MainWindow = make_window([tmp_path], synchronous=True)
    notice = window.extras.pane_notices.notices["right"]
    assert window.view.panes["right"].source is None
    assert notice.text().startswith("Could not read: b_<i>broken.txt\n")
    assert "binary file" in notice.text()
    assert notice.label.text() == notice.text()  # drawn as typed: no mark-up
    assert notice.label.textFormat() == Qt.TextFormat.PlainText
    assert window.extras.pane_notices.notices["left"].text() == ""


def test_an_empty_folder_says_how_to_open_documents(
        make_window: WindowFactory, tmp_path: Path) -> None:
    """An empty folder left two blank panes and a silent status bar."""
    window: MainWindow = make_window([tmp_path], synchronous=True)
    notices = window.extras.pane_notices.notices
    assert window.model.entries() == []
    assert notices["left"].text() == NO_DOCUMENTS
    assert "Ctrl+O" in NO_DOCUMENTS and "drop" in NO_DOCUMENTS
    assert notices["right"].text() == ""


def test_a_lone_document_asks_for_a_second_one(
        make_window: WindowFactory, tmp_path: Path) -> None:
    shutil.copy(SEED_FILES[0], tmp_path / "only.txt")
    window: MainWindow = make_window([tmp_path], synchronous=True)
    notices = window.extras.pane_notices.notices
    assert window.view.panes["left"].source is not None
    assert notices["left"].text() == ""
    assert notices["right"].text() == ONE_DOCUMENT
    window.open_paths([SEED_FILES[1]], append=True)  # a second one: compared, no notice
    assert window.view.panes["right"].source is not None
    assert notices["right"].text() == ""
