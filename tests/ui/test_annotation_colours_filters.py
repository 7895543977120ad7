"""Tag colours chosen by the reader, the document filter, editing several rows at once, sorting,
and which document a tag belongs to once its file has changed or moved."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotation_helpers import select_words, store_with, tag_selection, underline_at
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QMenu
from pytestqt.qtbot import QtBot
from test_annotation_editing import cell, click_row, open_editor, press_ok
from ui_helpers import QUOTE, SEED_FILES, SENTENCE_000, SENTENCE_001, WindowFactory

from reader_app.core.documents import load_document
from reader_app.core.text import shorten
from reader_app.ui.annotations.model import NOTE, TAGS
from reader_app.ui.annotations.panel import DOCUMENT_BOX_CHARS, SHOWN_DOCUMENTS

CONTROL = Qt.KeyboardModifier.ControlModifier
CHOSEN = "#123456"


def pick(qtbot: QtBot, dialog: QColorDialog | None, colour: str) -> None:
    """Choose ``colour`` in an open colour dialog and press OK, as the reader would."""
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.setCurrentColor(QColor(colour))
    dialog.accept()


def test_a_colour_chosen_while_tagging_colours_the_underline_until_undone(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    window = make_window(synchronous=True)
    pane, panel = window.view.panes["left"], window.annotations.panel
    select_words(qtbot, pane, SENTENCE_000)
    qtbot.keyClick(pane, Qt.Key.Key_T, CONTROL)
    editor = open_editor(qtbot, window)
    qtbot.keyClicks(editor.tags_field, "verify")
    [swatch] = editor.swatch_buttons()
    assert swatch.text() == "verify"
    qtbot.mouseClick(swatch, Qt.MouseButton.LeftButton)
    pick(qtbot, editor.colour_dialog, CHOSEN)
    press_ok(qtbot, editor)
    assert underline_at(pane, SENTENCE_000).underlineColor().name() == CHOSEN
    tags_colour = panel.model.index(0, TAGS).data(Qt.ItemDataRole.ForegroundRole)
    assert tags_colour.name() == CHOSEN
    assert f'"verify": "{CHOSEN}"' in annotations_file.read_text()
    qtbot.keyClick(pane, Qt.Key.Key_Z, CONTROL)  # one step: the tag and its colour
    assert panel.row_count() == 0
    assert CHOSEN not in annotations_file.read_text()


def test_the_panel_recolours_a_tag_everywhere(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")
    window = make_window(synchronous=True)
    pane, panel = window.view.panes["left"], window.annotations.panel
    before = underline_at(pane, SENTENCE_000).underlineColor().name()
    click_row(qtbot, panel)
    menu = panel.context_menu()
    [colours] = [m for m in menu.findChildren(QMenu) if m.title() == "Tag &Colour"]
    [entry] = colours.actions()
    assert entry.text() == "verify…"
    entry.trigger()
    pick(qtbot, window.annotations.colour_dialog, CHOSEN)
    assert before != CHOSEN
    assert underline_at(pane, SENTENCE_000).underlineColor().name() == CHOSEN
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, CONTROL)
    assert underline_at(pane, SENTENCE_000).underlineColor().name() == before


def test_the_document_box_shows_one_document_or_those_on_screen(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")
    store_with(annotations_file, SEED_FILES[2], "there is a problem", "state media")
    window = make_window(synchronous=True)  # 000 and 001 on screen
    panel, box = window.annotations.panel, window.annotations.panel.document_box
    assert box.currentText() == "All documents"
    assert panel.row_count() == 2
    assert panel.windowTitle() == "Annotations (2)"
    title_002 = load_document(SEED_FILES[2]).shown_title  # listed by title, not file name
    box.setCurrentIndex(box.findText(shorten(title_002, DOCUMENT_BOX_CHARS)))
    assert box.itemData(box.currentIndex(), Qt.ItemDataRole.ToolTipRole) == (
        f"{title_002}\n{SEED_FILES[2].resolve()}") == box.toolTip()  # (the closed box's)
    assert panel.quotes() == ["there is a problem"]
    assert panel.windowTitle() == "Annotations (1 of 2)"
    box.setCurrentIndex(box.findData(SHOWN_DOCUMENTS))
    assert panel.quotes() == [SENTENCE_000]
    window.show_pair(2, 3)
    assert panel.quotes() == ["there is a problem"]
    box.setCurrentIndex(0)  # all documents
    assert panel.row_count() == 2


def test_the_filter_finds_words_of_a_documents_title_and_narrows_a_tag(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")
    store_with(annotations_file, SEED_FILES[1], SENTENCE_001, "verify")
    window = make_window(synchronous=True)
    panel = window.annotations.panel
    qtbot.keyClicks(panel.filter_box, "Still Supports")  # in 001's title only
    assert panel.quotes() == [SENTENCE_001]
    panel.filter_box.clear()
    qtbot.keyClicks(panel.filter_box, "tag:verify unanswered")  # words of 000's quote
    assert panel.quotes() == [SENTENCE_000]


def test_editing_two_rows_at_once_changes_both_in_one_undo_step(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")
    store_with(annotations_file, SEED_FILES[1], SENTENCE_001, "verify")
    window = make_window(synchronous=True)
    panel = window.annotations.panel
    second = panel.model.annotation_at(1)
    assert second is not None
    window.annotations.controller.edit(second.id, ["verify", "wire"], "kept")
    click_row(qtbot, panel, 0)
    qtbot.keyClick(panel.table, Qt.Key.Key_A, CONTROL)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    editor = open_editor(qtbot, window)
    assert editor.windowTitle() == "Edit 2 Tags"
    assert editor.tags_field.text() == "verify"  # the tag both have
    assert "keep each" in editor.note_field.placeholderText()  # their notes differ
    editor.tags_field.clear()
    qtbot.keyClicks(editor.tags_field, "checked")
    press_ok(qtbot, editor)
    assert [cell(panel, TAGS, row) for row in (0, 1)] == ["checked", "wire, checked"]
    assert [cell(panel, NOTE, row) for row in (0, 1)] == ["", "kept"]
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, CONTROL)
    assert [cell(panel, TAGS, row) for row in (0, 1)] == ["verify", "verify, wire"]


def test_a_header_click_sorts_and_a_new_tag_takes_its_sorted_place(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    for tag, quote in (("b", SENTENCE_000), ("c", "questions"), ("a", "remained")):
        store_with(annotations_file, SEED_FILES[0], quote, tag)
    window = make_window(synchronous=True)
    panel = window.annotations.panel
    header = panel.table.horizontalHeader()
    point = QPoint(header.sectionViewportPosition(TAGS) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert [cell(panel, TAGS, row) for row in range(3)] == ["a", "b", "c"]
    select_words(qtbot, window.view.panes["left"], "unanswered")  # (words not tagged yet)
    tag_selection(qtbot, window, window.view.panes["left"], "bb")
    assert [cell(panel, TAGS, row) for row in range(4)] == ["a", "b", "bb", "c"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)  # descending
    assert [cell(panel, TAGS, row) for row in range(4)] == ["c", "bb", "b", "a"]


def test_a_tag_stays_with_its_changed_file_not_with_a_copy_of_the_old_text(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path,
        tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    copy, tagged = folder / "a_copy.txt", folder / "b_tagged.txt"
    shutil.copy(SEED_FILES[0], copy)
    shutil.copy(SEED_FILES[0], tagged)
    store_with(annotations_file, tagged, QUOTE, "verify")
    with tagged.open("a", encoding="utf-8") as stream:
        stream.write("\n\nA correction was appended later.\n")
    window = make_window([folder], synchronous=True)  # the copy left, the tagged file right
    left, right = window.view.panes["left"], window.view.panes["right"]
    assert left.source is not None and left.source.path.endswith("a_copy.txt")
    assert left.tag_marks() == []
    assert len(right.tag_marks()) == 1


def test_a_tag_of_a_moved_file_is_found_in_the_file_with_its_text(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path,
        tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    moved = tmp_path / "old_name.txt"
    shutil.copy(SEED_FILES[0], moved)
    store_with(annotations_file, moved, QUOTE, "verify")
    moved.rename(folder / "new_name.txt")
    shutil.copy(SEED_FILES[1], folder / "other.txt")
    window = make_window([folder], synchronous=True)
    left = window.view.panes["left"]
    assert left.source is not None and left.source.path.endswith("new_name.txt")
    assert len(left.tag_marks()) == 1


def test_two_titles_that_read_alike_are_told_apart_in_the_document_box(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    # 003 and 004 both start "Russian President Vladimir Putin …": two entries read alike.
    store_with(annotations_file, SEED_FILES[3], "Russian President Vladimir Putin", "a")
    store_with(annotations_file, SEED_FILES[4], "Russian President Vladimir Putin", "b")
    window = make_window(synchronous=True)
    box = window.annotations.panel.document_box
    entries = [box.itemText(i) for i in range(3, box.count())]
    assert len(entries) == len(set(entries)) == 2
    assert all(SEED_FILES[n].name[:8] in " ".join(entries) for n in (3, 4))
