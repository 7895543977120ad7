"""Documents that change on disk while shown: an edit is read again (the pane, the comparison
and the tags follow), a deleted file is marked missing with its tags kept, and one that comes
back is read again; a file that can no longer be read keeps its old text."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from annotation_helpers import SINGLE, store_with, underline_at
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import QUOTE, SEED_FILES, WindowFactory

from reader_app.ui.annotations.model import STATUS
from reader_app.ui.library.model import MISSING_TIP, TITLE_COLUMN
from reader_app.ui.window.main_window import MainWindow

WAIT = 10_000  # ms: a bound for the file system's notification and the comparison
NEW_PARAGRAPH = "A paragraph written after the window opened, about the reloading of files."


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "docs"
    folder.mkdir()
    for seed in SEED_FILES[:2]:
        shutil.copy(seed, folder / seed.name)
    return folder, (folder / SEED_FILES[1].name).resolve()


def _tagged_window(make_window: WindowFactory, tmp_path: Path,
                   annotations_file: Path) -> tuple[MainWindow, Path]:
    """A window on 000 and 001, with 001's QUOTE tagged "verify"; and 001's path."""
    folder, right_file = _folder(tmp_path)
    store_with(annotations_file, right_file, QUOTE, "verify")
    return make_window([folder]), right_file


def _save_as_an_editor_does(path: Path, text: str) -> None:
    """Write a new file beside it, then rename it over the old one."""
    temporary = path.with_name(path.name + ".tmp~")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _status_text(window: MainWindow) -> str:
    return window.statusBar().currentMessage() + " " + window.status.error.text()


def test_an_edited_document_is_read_again_and_compared_again(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    folder, right_file = _folder(tmp_path)
    window = make_window([folder])
    right = window.view.panes["right"]
    assert NEW_PARAGRAPH not in right.toPlainText()
    text = right_file.read_text(encoding="utf-8")
    assert "Kupyansk" in text
    _save_as_an_editor_does(right_file, text.replace("Kupyansk", "Kupiansk", 1)
                            + "\n\n" + NEW_PARAGRAPH + "\n")
    qtbot.waitUntil(lambda: window.view.comparison is not None
                    and NEW_PARAGRAPH in window.view.comparison.right.text, timeout=WAIT)
    qtbot.waitUntil(lambda: NEW_PARAGRAPH in right.toPlainText(), timeout=WAIT)
    assert "Kupiansk" in right.toPlainText()
    assert window.model.document(window.model.right).text == window.view.comparison.right.text
    qtbot.waitUntil(lambda: f"Reloaded {right_file.name} (changed on disk)"
                    in _status_text(window), timeout=WAIT)


def test_a_tag_on_a_passage_that_moved_follows_it(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path,
        annotations_file: Path) -> None:
    window, right_file = _tagged_window(make_window, tmp_path, annotations_file)
    right, panel = window.view.panes["right"], window.annotations.panel
    qtbot.waitUntil(lambda: underline_at(right, QUOTE).underlineStyle() == SINGLE, timeout=WAIT)
    text = right_file.read_text(encoding="utf-8")
    _save_as_an_editor_does(right_file, NEW_PARAGRAPH + "\n\n" + NEW_PARAGRAPH.upper()
                            + "\n\n" + text.replace(QUOTE, QUOTE.replace("does", "did")))
    moved = QUOTE.replace("does", "did")
    qtbot.waitUntil(lambda: NEW_PARAGRAPH in right.toPlainText(), timeout=WAIT)
    qtbot.waitUntil(lambda: underline_at(right, moved).underlineStyle() == SINGLE, timeout=WAIT)
    assert underline_at(right, moved, len(moved) - 1).underlineStyle() == SINGLE
    assert underline_at(right, NEW_PARAGRAPH).underlineStyle() != SINGLE
    status = panel.model.index(0, STATUS).data()
    assert status in ("exact", "fuzzy")


def test_a_deleted_document_is_marked_missing_and_keeps_its_tags(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path,
        annotations_file: Path) -> None:
    window, right_file = _tagged_window(make_window, tmp_path, annotations_file)
    right, panel = window.view.panes["right"], window.annotations.panel
    qtbot.waitUntil(lambda: panel.quotes() == [QUOTE], timeout=WAIT)
    shown = right.toPlainText()
    text = right_file.read_text(encoding="utf-8")
    row = window.model.row_of(right_file)
    assert row is not None
    right_file.unlink()
    qtbot.waitUntil(lambda: window.model.entry(row).missing, timeout=WAIT)
    index = window.model.index(row, TITLE_COLUMN)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == MISSING_TIP
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert "was deleted on disk" in _status_text(window)
    assert right.toPlainText() == shown
    assert panel.quotes() == [QUOTE]
    assert QUOTE in annotations_file.read_text(encoding="utf-8")
    assert panel.model.index(0, STATUS).data() == "exact"
    right_file.write_text(text + "\n\n" + NEW_PARAGRAPH + "\n", encoding="utf-8")
    qtbot.waitUntil(lambda: not window.model.entry(row).missing, timeout=WAIT)
    qtbot.waitUntil(lambda: NEW_PARAGRAPH in right.toPlainText(), timeout=WAIT)
    assert window.model.index(row, TITLE_COLUMN).data(Qt.ItemDataRole.ToolTipRole) != MISSING_TIP
    assert panel.quotes() == [QUOTE]


def test_a_document_that_can_no_longer_be_read_keeps_its_text(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    folder, right_file = _folder(tmp_path)
    window = make_window([folder])
    right = window.view.panes["right"]
    shown = right.toPlainText()
    right_file.write_bytes(b"\x00\x01\x02binary\x00" * 200)
    qtbot.waitUntil(lambda: "cannot be read" in _status_text(window), timeout=WAIT)
    assert right_file.name in window.status.error.text()
    assert right.toPlainText() == shown
    assert window.model.document(window.model.right) is not None


def test_the_library_column_follows_an_edited_right_document(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    from reader_app.ui.library.model import SIMILARITY_COLUMN

    folder, right_file = _folder(tmp_path)
    window = make_window([folder])
    row = window.model.right
    assert row is not None

    def cell() -> str:
        return str(window.model.index(row, SIMILARITY_COLUMN).data())

    qtbot.waitUntil(lambda: cell() not in ("", "None"), timeout=WAIT)
    before = cell()
    _save_as_an_editor_does(right_file, NEW_PARAGRAPH + "\n")  # nothing left in common
    qtbot.waitUntil(lambda: cell() == "0%", timeout=WAIT)
    assert before != "0%"
