"""Changing tags from the panel: Enter, double-click or "Edit…" opens the editor on a row's
tags and note; "Re-attach to Selection" points an orphan at the words selected in a pane;
after tagging a passage, one click tags its linked counterpart in the other document; every
change is undone by one Ctrl+Z."""

from __future__ import annotations

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
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from ui_helpers import QUOTE, SEED_FILES, SENTENCE_000, WindowFactory

from reader_app.ui.annotations.model import NOTE, STATUS, TAGS
from reader_app.ui.annotations.panel import AnnotationPanel
from reader_app.ui.annotations.tag_editor import TagEditor
from reader_app.ui.window.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
# One paragraph whose first sentence the other document copies and whose second it rewords.
MIXED_LEFT = ("The Kremlin said on Monday that talks on the ceasefire would go on next week in "
              "Riyadh. Putin thanked Trump for his efforts to end the war in Ukraine.\n")
MIXED_RIGHT = ("Putin expressed his gratitude to Trump, who has tried to stop the war in "
               "Ukraine.\n\nThe Kremlin said on Monday that talks on the ceasefire would go "
               "on next week in Riyadh, officials added.\n")


def click_row(qtbot: QtBot, panel: AnnotationPanel, row: int = 0) -> QModelIndex:
    index = panel.table.model().index(row, 0)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.table.visualRect(index).center())
    return index


def cell(panel: AnnotationPanel, column: int, row: int = 0) -> str:
    return str(panel.model.index(row, column).data())


def open_editor(qtbot: QtBot, window: MainWindow) -> TagEditor:
    qtbot.waitUntil(lambda: window.annotations.editor is not None
                    and window.annotations.editor.isVisible())
    editor = window.annotations.editor
    assert editor is not None
    return editor


def press_ok(qtbot: QtBot, editor: TagEditor) -> None:
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def edit_stored_tag(qtbot: QtBot, make_window: WindowFactory,
                    annotations_file: Path) -> tuple[AnnotationPanel, TagEditor]:
    """Store one "verify" tag, open the window and press Return on its row."""
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")
    window = make_window(synchronous=True)
    panel = window.annotations.panel
    click_row(qtbot, panel)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    return panel, open_editor(qtbot, window)


def test_enter_on_a_row_edits_its_tags_and_note_and_undo_restores_them(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    panel, editor = edit_stored_tag(qtbot, make_window, annotations_file)
    assert editor.tags_field.text() == "verify"
    assert SENTENCE_000 in editor.quote_label.text()
    qtbot.keyClicks(editor.tags_field, ", follow-up")
    qtbot.keyClicks(editor.note_field, "ask the envoy")
    press_ok(qtbot, editor)
    assert (cell(panel, TAGS), cell(panel, NOTE)) == ("verify, follow-up", "ask the envoy")
    assert "follow-up" in annotations_file.read_text()
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, CONTROL)
    assert (cell(panel, TAGS), cell(panel, NOTE)) == ("verify", "")
    assert "follow-up" not in annotations_file.read_text()


def test_return_in_the_note_saves_and_shift_return_starts_a_line(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    panel, editor = edit_stored_tag(qtbot, make_window, annotations_file)
    qtbot.keyClicks(editor.note_field, "first line")
    qtbot.keyClick(editor.note_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor.note_field, "second")
    assert editor.isVisible()
    qtbot.keyClick(editor.note_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert cell(panel, NOTE).startswith("first line")
    assert '"first line\\nsecond"' in annotations_file.read_text()


def test_return_in_the_note_of_an_editor_without_tags_does_not_close_it(qtbot: QtBot) -> None:
    editor = TagEditor("a quote", ["verify"])
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.note_field, "no tag yet")
    qtbot.keyClick(editor.note_field, Qt.Key.Key_Return)
    assert editor.isVisible() and editor.result() == 0
    assert editor.note_field.toPlainText() == "no tag yet"


def test_double_click_and_the_context_menu_open_the_editor_prefilled(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")
    window = make_window(synchronous=True)
    panel = window.annotations.panel
    index = click_row(qtbot, panel)
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=panel.table.visualRect(index).center())
    editor = open_editor(qtbot, window)
    assert editor.tags_field.text() == "verify"
    editor.tags_field.clear()
    qtbot.keyClicks(editor.tags_field, "wire copy")
    press_ok(qtbot, editor)
    assert cell(panel, TAGS) == "wire copy"
    menu = panel.context_menu()
    edit = next(a for a in menu.actions() if a.text() == "&Edit…")
    assert edit.isEnabled()
    edit.trigger()
    assert open_editor(qtbot, window).tags_field.text() == "wire copy"


def test_reattach_an_orphan_to_the_selected_words(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "draft.txt"  # a draft of seed 000 (not the same file, nor the same text)
    copy.write_text("Draft.\n\n" + SEED_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    store_with(annotations_file, copy, SENTENCE_000, "verify")
    copy.write_text("Nothing of the original is left here at all.\n", encoding="utf-8")
    window = make_window(synchronous=True)
    panel = window.annotations.panel
    assert cell(panel, STATUS) == "orphaned"
    pane = window.view.panes["left"]
    select_words(qtbot, pane, SENTENCE_000)
    click_row(qtbot, panel)
    assert panel.reattach_button.isEnabled()
    qtbot.mouseClick(panel.reattach_button, Qt.MouseButton.LeftButton)
    assert cell(panel, STATUS) == "exact"
    assert underline_at(pane, SENTENCE_000).underlineColor() == colour(window, "verify")
    assert SEED_FILES[0].name in annotations_file.read_text()
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, CONTROL)
    assert cell(panel, STATUS) == "orphaned"
    assert underline_at(pane, SENTENCE_000).underlineStyle() != SINGLE


def test_reattach_without_selected_words_says_what_to_do(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")
    window = make_window(synchronous=True)
    panel = window.annotations.panel
    click_row(qtbot, panel)
    qtbot.mouseClick(panel.reattach_button, Qt.MouseButton.LeftButton)
    assert "Select the words" in window.statusBar().currentMessage()
    assert window.annotations.controller.undo_stack.count() == 0


def test_tagging_offers_the_linked_passage_and_one_click_tags_it(
        qtbot: QtBot, sync_window: MainWindow, annotations_file: Path) -> None:
    right, left = sync_window.view.panes["right"], sync_window.view.panes["left"]
    select_words(qtbot, right, QUOTE)
    tag_selection(qtbot, sync_window, right, "contradiction")
    bar = sync_window.annotations.linked_bar
    assert bar.isVisible()
    left_document = left.source
    assert left_document is not None
    # The verbatim copy of the quote alone (not the rewordings linked beside it).
    assert "Also tag the linked passage in" in bar.label.text()
    assert bar.label.toolTip() == left_document.title
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert sync_window.annotations.panel.quotes().count(QUOTE) == 2
    assert underline_at(left, QUOTE).underlineColor() == colour(sync_window, "contradiction")
    assert saved_quotes(annotations_file).count(QUOTE) == 2
    qtbot.keyClick(right, Qt.Key.Key_Z, CONTROL)  # one undo takes the linked tag away
    assert sync_window.annotations.panel.quotes() == [QUOTE]
    assert underline_at(left, QUOTE).underlineStyle() != SINGLE
    assert underline_at(right, QUOTE).underlineStyle() == SINGLE


def test_ctrl_shift_t_tags_the_linked_passage_offered(
        qtbot: QtBot, sync_window: MainWindow, annotations_file: Path) -> None:
    right = sync_window.view.panes["right"]
    action = sync_window.actions_by_name["tag_linked"]
    assert not action.isEnabled()  # nothing offered yet
    select_words(qtbot, right, QUOTE)
    tag_selection(qtbot, sync_window, right, "contradiction")
    assert action.isEnabled() and "Ctrl+Shift+T" in sync_window.annotations.linked_bar \
        .button.toolTip()
    qtbot.keyClick(right, Qt.Key.Key_T, CONTROL | Qt.KeyboardModifier.ShiftModifier)
    assert sync_window.annotations.panel.quotes().count(QUOTE) == 2
    assert not sync_window.annotations.linked_bar.isVisible() and not action.isEnabled()


def test_no_offer_for_a_passage_without_counterpart(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    left = sync_window.view.panes["left"]
    comparison = sync_window.view.comparison
    assert comparison is not None
    unlinked = next(i for i, p in enumerate(comparison.left.paragraphs)
                    if not comparison.links_of("left", i) and p.end - p.start > 20)
    paragraph = comparison.left.paragraphs[unlinked]
    words = comparison.left.text[paragraph.start:paragraph.start + 20]
    select_words(qtbot, left, words)
    tag_selection(qtbot, sync_window, left, "verify")
    assert sync_window.annotations.panel.row_count() == 1
    assert not sync_window.annotations.linked_bar.isVisible()


def test_undoing_the_tag_withdraws_the_offer_to_tag_its_linked_passage(
        qtbot: QtBot, sync_window: MainWindow, annotations_file: Path) -> None:
    right = sync_window.view.panes["right"]
    select_words(qtbot, right, QUOTE)
    tag_selection(qtbot, sync_window, right, "contradiction")
    bar = sync_window.annotations.linked_bar
    assert bar.isVisible()
    qtbot.keyClick(right, Qt.Key.Key_Z, CONTROL)  # the tag is gone: nothing to follow it
    assert sync_window.annotations.panel.quotes() == []
    assert not bar.isVisible()
    assert saved_quotes(annotations_file) == []


def test_the_offer_leaves_the_statistics_their_room(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    """Beside "Tag Linked Passage" the legend cut the statistics ("12 linked ("): it steps
    aside while the offer is shown, and comes back when it goes."""
    right, status = sync_window.view.panes["right"], sync_window.status
    select_words(qtbot, right, QUOTE)
    tag_selection(qtbot, sync_window, right, "contradiction")
    bar = sync_window.annotations.linked_bar
    # (the offer's question can shrink now: it has its whole width once the legend is gone)
    qtbot.waitUntil(lambda: status.stats.width() >= status.stats.sizeHint().width()
                    and bar.width() >= bar.sizeHint().width())
    assert bar.isVisible()
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not status.legend.isHidden())


def test_tag_linked_passage_tags_only_the_words_that_correspond(
        qtbot: QtBot, sync_window: MainWindow, annotations_file: Path) -> None:
    """The paragraph of the quote is copied word for word into 001, and also linked, on
    content, to "These questions are hanging in the air…" (a different statement) and to
    "Putin still supports the idea…" (the same words reworded): the offer tags the copy
    alone, the selected words in it, not its whole paragraph."""
    left = sync_window.view.panes["left"]
    quote = '"Putin does support the idea that a'
    select_words(qtbot, left, quote)
    tag_selection(qtbot, sync_window, left, "quote")
    bar = sync_window.annotations.linked_bar
    assert bar.isVisible()
    assert "Also tag the linked passage in" in bar.label.text()  # one passage, not three
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert sync_window.annotations.panel.quotes() == [quote, quote]  # the tag, the copy's
    assert saved_quotes(annotations_file) == [quote, quote]


def test_without_a_copy_tag_linked_passage_offers_the_rewording(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path,
        annotations_file: Path) -> None:
    """A sentence no copy link holds anything of, reworded in the other document: its
    rewording is offered."""
    (tmp_path / "l.txt").write_text(MIXED_LEFT, encoding="utf-8")
    (tmp_path / "r.txt").write_text(MIXED_RIGHT, encoding="utf-8")
    window = make_window([tmp_path], synchronous=True)
    window.show_pair(window.model.row_of(tmp_path / "l.txt"),
                     window.model.row_of(tmp_path / "r.txt"))
    window.view.finish_alignment()
    left = window.view.panes["left"]
    select_words(qtbot, left, "Putin thanked Trump")
    tag_selection(qtbot, window, left, "verify")
    bar = window.annotations.linked_bar
    assert bar.isVisible() and "Also tag the linked passage in" in bar.label.text()
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert window.annotations.panel.quotes() == ["Putin thanked Trump",
                                                 "Putin expressed his gratitude to Trump"]


def test_ctrl_t_tags_the_words_just_selected_after_f7_made_the_other_pane_active(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    # Ctrl+F7 (or find) makes the pane of what it selects the active one, the keyboard focus
    # staying where it was: a drag in the focused pane then got no focus-in, and Ctrl+T
    # offered the other pane's old selection, or none ("Select the words to tag first").
    view = sync_window.view
    left, right = view.panes["left"], view.panes["right"]
    left.setFocus()
    view.set_active_pane(right)
    select_words(qtbot, left, SENTENCE_000)
    qtbot.keyClick(left, Qt.Key.Key_T, CONTROL)
    assert SENTENCE_000 in open_editor(qtbot, sync_window).quote_label.text()


def test_tagging_tagged_words_again_edits_their_tags(
        qtbot: QtBot, sync_window: MainWindow, annotations_file: Path) -> None:
    # Ctrl+T on the same words made a second annotation over the first (its underline then a
    # wave, as overlapping tags are drawn): now the editor opens on the one there is.
    left, panel = sync_window.view.panes["left"], sync_window.annotations.panel
    select_words(qtbot, left, SENTENCE_000)
    tag_selection(qtbot, sync_window, left, "verify", note="Ask AFP")
    select_words(qtbot, left, SENTENCE_000)
    qtbot.keyClick(left, Qt.Key.Key_T, CONTROL)
    editor = open_editor(qtbot, sync_window)
    assert editor.windowTitle() == "Edit Tags"
    assert editor.tags_field.text() == "verify" and editor.note() == "Ask AFP"
    qtbot.keyClicks(editor.tags_field, ", wire")
    press_ok(qtbot, editor)
    assert panel.row_count() == 1
    annotation = panel.model.annotation_at(0)
    assert annotation is not None and annotation.tags == ("verify", "wire")
    assert saved_quotes(annotations_file) == [SENTENCE_000]
