"""File names, titles and annotation-file contents are drawn in the window as typed, never as
Qt rich text: a file named ``<h1><font color=red>…`` shows those characters, not large red
letters — in the status bar, the library's and the Annotations panel's tooltips, menus (where
``&`` would be a mnemonic) and the linked-passage bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_helpers import run
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from reader_app.ui.annotations.linked_bar import LinkedTagBar
from reader_app.ui.window.main_window import MainWindow

MARKUP = "<h1><font color=red>BIG"  # no "/": it is part of a file name
BODY = "Some words stand here in this report, and more of them stand here too."


def shown(tooltip: str) -> str:
    """The text a tooltip shows: Qt takes it for rich text when it looks like markup."""
    document = QTextDocument()
    if GuiQt.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def window_on(qtbot: QtBot, folder: Path, annotations: Path) -> MainWindow:
    settings = QSettings(str(folder.parent / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, synchronous=True, annotations=str(annotations))
    qtbot.addWidget(window)
    window.open_paths([folder])
    qtbot.waitUntil(lambda: not window.annotations.controller.loading)
    window.show()
    return window


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two reports, one whose file name and title are markup (and an ``&``)."""
    found = tmp_path / "docs"
    found.mkdir()
    (found / f"{MARKUP}.txt").write_text(f"{MARKUP} AT&T\n\n{BODY}\n", encoding="utf-8")
    (found / "plain.txt").write_text(f"Plain\n\n{BODY} More.\n", encoding="utf-8")
    return found


def test_the_status_bar_shows_a_message_naming_a_file_as_typed(
        qtbot: QtBot, folder: Path, tmp_path: Path) -> None:
    annotations = tmp_path / f"{MARKUP}.json"
    annotations.mkdir()  # no annotation file: the window says so, naming it
    window = window_on(qtbot, folder, annotations)
    label = window.findChild(QLabel, "error_label")
    assert label is not None
    assert f"{annotations}: is a folder" in label.text()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert shown(label.toolTip()) == label.text()


def test_library_tooltips_show_the_file_name_as_typed(qtbot: QtBot, folder: Path,
                                                      tmp_path: Path) -> None:
    window = window_on(qtbot, folder, tmp_path / "annotations.json")
    tips = [shown(window.model.data(window.model.index(row, column),
                                    Qt.ItemDataRole.ToolTipRole) or "")
            for row in range(window.model.rowCount())
            for column in range(window.model.columnCount())]
    assert str(folder / f"{MARKUP}.txt") in tips


def test_the_compare_with_menu_shows_titles_as_typed(qtbot: QtBot, folder: Path,
                                                     tmp_path: Path) -> None:
    window = window_on(qtbot, folder, tmp_path / "annotations.json")
    plain = next(row for row, entry in enumerate(window.model.entries())
                 if entry.path is not None and entry.path.name == "plain.txt")
    menu = window.library._context_menu(plain)
    [compare_with] = [a.menu() for a in menu.actions() if a.menu() is not None]
    [action] = compare_with.actions()
    assert action.text().replace("&&", "&") == f"{MARKUP} AT&T"
    assert QKeySequence.mnemonic(action.text()).isEmpty()  # "&T" is no Alt+T


def test_annotation_tooltips_show_tags_and_notes_as_typed(qtbot: QtBot, folder: Path,
                                                          tmp_path: Path) -> None:
    annotations = tmp_path / "annotations.json"
    result = run("tags", "add", str(folder / "plain.txt"), "--quote", "Some words",
                 "--tag", f"{MARKUP} tag", "--note", f"{MARKUP} note",
                 "--annotations", str(annotations))
    assert result.returncode == 0, result.stderr
    window = window_on(qtbot, folder, annotations)
    model = window.annotations.panel.table.model()
    assert model.rowCount() == 1
    tips = [shown(model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole) or "")
            for column in range(model.columnCount())]
    assert f"{MARKUP} tag" in tips
    assert f"{MARKUP} note" in tips


def test_the_linked_passage_bar_shows_the_title_as_typed(qtbot: QtBot) -> None:
    bar = LinkedTagBar()
    qtbot.addWidget(bar)
    bar.offer(f"{MARKUP} title", ())
    assert bar.label.textFormat() == Qt.TextFormat.PlainText
    assert shown(bar.label.toolTip()) == f"{MARKUP} title"


def test_the_pane_headers_show_the_path_as_typed(qtbot: QtBot, folder: Path,
                                                 tmp_path: Path) -> None:
    window = window_on(qtbot, folder, tmp_path / "annotations.json")
    tips = {shown(header.toolTip()) for header in window.view.headers.values()}
    assert str(folder / f"{MARKUP}.txt") in tips


def test_control_characters_show_as_their_pictures_in_panes_and_titles(
        qtbot: QtBot, tmp_path: Path) -> None:
    """An escape sequence in a report is shown as what it is ("␛[31m"), in the pane one
    character for one (a tag on the words after it still quotes the document's own text),
    and in its title in the library and the pane's heading, not as empty boxes; a
    bidirectional override, which reordered the words after it, as "\ufffd"."""
    found = tmp_path / "docs"
    found.mkdir()
    body = f"{BODY} \x1b[2J \u202eevil\u202c end."
    (found / "a.txt").write_text(f"Title \x1b[31mred\x07 here\n\n{body}\n", encoding="utf-8")
    (found / "b.txt").write_text(f"Plain title\n\n{BODY} More.\n", encoding="utf-8")
    window = window_on(qtbot, found, tmp_path / "annotations.json")
    window.show_pair(0, 1)
    window.view.finish_alignment()
    pane = window.view.panes["left"]
    text = pane.document().toPlainText()
    assert "Title ␛[31mred␇ here" in text and "␛[2J \ufffdevil\ufffd end." in text
    assert "\x1b" not in text and "\x07" not in text
    assert window.library.proxy.index(0, 1).data() == "Title ␛[31mred␇ here"
    heading = window.view.headers["left"]
    assert "␛[31mred␇" in heading.text() and "\x1b" not in heading.text()
    document = window.view.comparison.document("left")
    at = text.index("end.")
    assert document.text[pane.offset_of(at):pane.offset_of(at) + 4] == "end."
