"""Tagging passages in the window: select words, Ctrl+T, type a tag; the panel lists it, the
pane underlines it, Ctrl+Z / Ctrl+Shift+Z undo and redo it, Del deletes it, a restarted window
still has it; a corrupt file is set aside and reported, a newer one is read-only."""

from __future__ import annotations

import json
from pathlib import Path

from annotation_helpers import (
    SINGLE,
    colour,
    saved_quotes,
    select_words,
    store_with,
    tag_selection,
    underline_at,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from ui_helpers import QUOTE, SEED_FILES, SENTENCE_000, WindowFactory, is_flashing

from reader_app.core.annotations.jsonfile.store import AnnotationStore
from reader_app.core.annotations.model import new_annotation
from reader_app.core.documents import load_document
from reader_app.ui.annotations.model import DOCUMENT, NOTE, TAGS
from reader_app.ui.annotations.tag_delegate import MARGIN, shown_pieces
from reader_app.ui.annotations.tag_marks import PALETTE
from reader_app.ui.window.main_window import MainWindow


def test_tagging_a_selection_lists_and_underlines_it(
        qtbot: QtBot, sync_window: MainWindow, annotations_file: Path) -> None:
    pane = sync_window.view.panes["left"]
    select_words(qtbot, pane, SENTENCE_000)
    tag_selection(qtbot, sync_window, pane, "verify")
    panel = sync_window.annotations.panel
    assert panel.quotes() == [SENTENCE_000]
    for skip in (0, len(SENTENCE_000) - 1):
        shown = underline_at(pane, SENTENCE_000, skip)
        assert shown.underlineStyle() == SINGLE
        assert shown.underlineColor() == colour(sync_window, "verify")
    assert underline_at(pane, SENTENCE_000, len(SENTENCE_000)).underlineStyle() != SINGLE
    assert saved_quotes(annotations_file) == [SENTENCE_000]
    assert not pane.textCursor().hasSelection()  # (it hid the new underline, a walk saw)


def test_underline_keeps_the_comparison_highlight(qtbot: QtBot, sync_window: MainWindow) -> None:
    pane = sync_window.view.panes["right"]
    background = underline_at(pane, QUOTE).background().color()
    select_words(qtbot, pane, QUOTE)
    tag_selection(qtbot, sync_window, pane, "contradiction")
    shown = underline_at(pane, QUOTE)
    assert shown.underlineStyle() == SINGLE
    assert shown.background().color() == background


def test_undo_and_redo_of_a_tag(qtbot: QtBot, sync_window: MainWindow,
                                annotations_file: Path) -> None:
    pane = sync_window.view.panes["left"]
    select_words(qtbot, pane, SENTENCE_000)
    tag_selection(qtbot, sync_window, pane, "verify")
    panel = sync_window.annotations.panel
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane, Qt.Key.Key_Z, control)
    assert panel.row_count() == 0
    assert saved_quotes(annotations_file) == []
    assert underline_at(pane, SENTENCE_000).underlineStyle() != SINGLE
    qtbot.keyClick(pane, Qt.Key.Key_Z, control | shift)
    assert panel.quotes() == [SENTENCE_000]
    assert saved_quotes(annotations_file) == [SENTENCE_000]
    assert underline_at(pane, SENTENCE_000).underlineStyle() == SINGLE


def test_a_restarted_window_still_lists_the_tag(
        qtbot: QtBot, make_window: WindowFactory, settings_file: Path) -> None:
    first = make_window(synchronous=True)
    pane = first.view.panes["left"]
    select_words(qtbot, pane, SENTENCE_000)
    tag_selection(qtbot, first, pane, "verify")
    first.close()
    second = make_window(synchronous=True)
    assert second.annotations.panel.quotes() == [SENTENCE_000]
    again = second.view.panes["left"]
    assert underline_at(again, SENTENCE_000).underlineColor() == colour(second, "verify")


def test_delete_key_in_the_panel_deletes_the_selected_tag(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")
    window = make_window(synchronous=True)
    table = window.annotations.panel.table
    index = table.model().index(0, 0)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert window.annotations.panel.row_count() == 0
    assert saved_quotes(annotations_file) == []


def test_undoing_a_delete_puts_the_row_back_where_it_was(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    """Undo put the deleted tag back at the bottom of the list (and of the file)."""
    quotes = [QUOTE, SENTENCE_000, "These questions are hanging in the air"]  # (in 000)
    for quote in quotes:
        store_with(annotations_file, SEED_FILES[0], quote, "verify")
    window = make_window(synchronous=True)
    panel, table = window.annotations.panel, window.annotations.panel.table
    assert panel.quotes() == quotes
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(1, 0)).center())
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert panel.quotes() == [quotes[0], quotes[2]]
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.quotes() == quotes
    assert saved_quotes(annotations_file) == quotes


def test_the_document_column_shows_the_documents_title(
        make_window: WindowFactory, annotations_file: Path) -> None:
    """It showed "000_1b580a6550eb9092.txt"; the title says which report it is, the tooltip
    its path."""
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")
    window = make_window(synchronous=True)
    index = window.annotations.panel.model.index(0, DOCUMENT)
    title = load_document(SEED_FILES[0]).title
    assert index.data() == title and title.startswith("Blaming the lack of progress")
    assert str(SEED_FILES[0].name) in index.data(Qt.ItemDataRole.ToolTipRole)


def test_clicking_a_row_shows_a_document_not_compared_and_flashes_the_passage(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    document = load_document(SEED_FILES[2])
    quote = document.text[document.paragraphs[-1].start:][:30].strip()
    store_with(annotations_file, SEED_FILES[2], quote, "wire copy")
    window = make_window(synchronous=True)
    table = window.annotations.panel.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())
    pane = window.view.panes["left"]
    assert pane.source is not None and pane.source.path == document.path
    assert is_flashing(pane)
    assert underline_at(pane, quote).underlineColor() == colour(window, "wire copy")


def test_filter_by_tag_and_text(qtbot: QtBot, make_window: WindowFactory,
                                annotations_file: Path) -> None:
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")
    store_with(annotations_file, SEED_FILES[1], QUOTE, "contradiction")
    window = make_window(synchronous=True)
    panel = window.annotations.panel
    colours = {colour(window, tag).name().upper() for tag in ("verify", "contradiction")}
    assert len(colours) == 2 and colours <= set(PALETTE)
    right = window.view.panes["right"]
    assert underline_at(right, QUOTE).underlineColor() == colour(window, "contradiction")
    assert sorted(panel.quotes()) == sorted([SENTENCE_000, QUOTE])
    qtbot.keyClicks(panel.filter_box, "tag:verify")
    assert panel.quotes() == [SENTENCE_000]
    panel.filter_box.clear()
    qtbot.keyClicks(panel.filter_box, "putin")
    assert panel.quotes() == [QUOTE]


def test_corrupt_file_is_reported_and_set_aside_not_overwritten(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    broken = b'{"format": "reader-app.annotations/1", "annotations": [{"id": '
    annotations_file.write_bytes(broken)
    window = make_window(synchronous=True)
    assert "renamed to annotations.json.corrupt-" in window.status.error.text()
    aside = list(annotations_file.parent.glob("annotations.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == broken
    assert window.annotations.panel.row_count() == 0
    pane = window.view.panes["left"]
    select_words(qtbot, pane, SENTENCE_000)
    tag_selection(qtbot, window, pane, "verify")
    assert saved_quotes(annotations_file) == [SENTENCE_000]
    assert aside[0].read_bytes() == broken


def test_newer_format_is_read_only(qtbot: QtBot, make_window: WindowFactory,
                                   annotations_file: Path) -> None:
    newer = {"format": "reader-app.annotations/2", "annotations": []}
    annotations_file.write_text(json.dumps(newer))
    window = make_window(synchronous=True)
    assert "read-only" in window.status.error.text()
    pane = window.view.panes["left"]
    select_words(qtbot, pane, SENTENCE_000)
    tag_selection(qtbot, window, pane, "verify")
    assert window.annotations.panel.row_count() == 0
    assert "Cannot change annotations" in window.status.error.text()
    assert json.loads(annotations_file.read_text()) == newer


def test_orphaned_passage_is_listed_with_its_status(
        make_window: WindowFactory, annotations_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(SEED_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    store_with(annotations_file, copy, SENTENCE_000, "verify")
    copy.write_text("Nothing of the original is left here at all.\n", encoding="utf-8")
    window = make_window(synchronous=True)
    model = window.annotations.panel.model
    assert model.index(0, 4).data() == "orphaned"
    assert model.index(0, 0).data() == SENTENCE_000


def test_offset_of_inverts_position_of(sync_window: MainWindow) -> None:
    pane = sync_window.view.panes["right"]
    assert pane.source is not None
    for paragraph in pane.source.paragraphs:
        for offset in (paragraph.start, (paragraph.start + paragraph.end) // 2, paragraph.end):
            position = pane.position_of(offset)
            assert position is not None
            assert pane.offset_of(position) == offset


def _text_lines(image: QImage) -> int:
    """How many bands of dark (text) pixel rows the image holds."""
    lines, inside = 0, False
    for y in range(image.height()):
        dark = any(QColor(image.pixel(x, y)).lightness() < 110 for x in range(image.width()))
        lines += dark and not inside
        inside = dark
    return lines


def test_a_long_note_is_one_cut_line_in_its_cell(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    """A note's start was wrapped onto two cramped lines in a one-line row ("Check" over
    "<b>Thursd…"); it is one line, cut with "…"."""
    document = load_document(SEED_FILES[0])
    start = document.text.index(SENTENCE_000)
    store = AnnotationStore.open(annotations_file)
    store.insert(new_annotation(document, start, start + len(SENTENCE_000), ["verify"],
                                "Check the date against the wire copy before publishing"))
    store.save()
    window = make_window(synchronous=True)
    table = window.annotations.panel.table
    table.setColumnWidth(NOTE, 110)
    index = table.model().index(0, NOTE)
    qtbot.waitUntil(lambda: 0 < table.visualRect(index).width() < 200)
    image = table.viewport().grab(table.visualRect(index)).toImage()
    assert _text_lines(image) == 1


def test_the_tags_column_shows_two_usual_tags_whole(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    """At its first width the Tags column cut "contradiction, follow-up" to "contradicti…",
    hiding the second tag; it shows both."""
    document = load_document(SEED_FILES[0])
    start = document.text.index(SENTENCE_000)
    store = AnnotationStore.open(annotations_file)
    store.insert(new_annotation(document, start, start + len(SENTENCE_000),
                                ["contradiction", "follow-up"]))
    store.save()
    window = make_window(synchronous=True)
    table = window.annotations.panel.table
    index = table.model().index(0, TAGS)
    qtbot.waitUntil(lambda: table.visualRect(index).width() > 0)
    width = table.visualRect(index).width() - 2 * MARGIN  # the area the delegate draws in
    shown = shown_pieces([("contradiction", QColor("red")), ("follow-up", QColor("blue"))],
                         table.fontMetrics(), width, QColor("black"))
    assert "".join(text for text, _ in shown) == "contradiction, follow-up"
