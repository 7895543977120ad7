"""Ctrl+F7 / Ctrl+Shift+F7: the changed words of the linked pair at the top of the view, one
at a time, selected and said in the status bar ("Change 1 of 8 in this pair")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import visible_range

from reader_app.core.compare.word_steps import pair_changes, pair_row_from
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.window.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def selected(pane: DocumentPane) -> str:
    return pane.textCursor().selectedText()


def in_view(pane: DocumentPane) -> bool:
    top, bottom = visible_range(pane)
    rect = pane.cursorRect()
    return 0 <= rect.top() and rect.bottom() <= bottom - top


def test_ctrl_f7_selects_the_first_changed_word_of_the_pair(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    view = sync_window.view
    assert view.comparison is not None
    row = pair_row_from(view.comparison, 0)
    assert row is not None and view.comparison.rows[row].left == 1  # (0: 000's date field)
    total = len(pair_changes(view.comparison, row))
    qtbot.keyClick(sync_window, Qt.Key.Key_F7, CTRL)
    assert message(sync_window) == f"Change 1 of {total} in this pair"
    left, right = view.panes["left"], view.panes["right"]
    assert selected(left) == "Blaming"  # left-only wording, first in the pair (not the date)
    assert selected(right) == ""
    assert in_view(left)
    qtbot.keyClick(sync_window, Qt.Key.Key_F7, CTRL)
    assert message(sync_window) == f"Change 2 of {total} in this pair"
    assert selected(right) == "The Kremlin said Monday that" and selected(left) == ""
    assert in_view(right)
    qtbot.keyClick(sync_window, Qt.Key.Key_F7, CTRL_SHIFT)
    assert message(sync_window) == f"Change 1 of {total} in this pair"
    assert selected(left) == "Blaming" and selected(right) == ""
    qtbot.keyClick(sync_window, Qt.Key.Key_F7, CTRL_SHIFT)
    assert message(sync_window).startswith("No more changes in this pair above")
    assert selected(left) == "Blaming"


def test_a_variant_selects_both_forms_and_the_pair_ends(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    view = sync_window.view
    assert view.comparison is not None
    changes = pair_changes(view.comparison, pair_row_from(view.comparison, 0) or 0)
    variant = next(n for n, c in enumerate(changes) if c.kind == "variant")
    for _ in range(variant + 1):
        qtbot.keyClick(sync_window, Qt.Key.Key_F7, CTRL)
    assert message(sync_window) == f"Change {variant + 1} of {len(changes)} in this pair"
    assert (selected(view.panes["left"]), selected(view.panes["right"])) == ("ceasefire",
                                                                             "truce")
    for _ in range(len(changes) - variant - 1):
        qtbot.keyClick(sync_window, Qt.Key.Key_F7, CTRL)
    assert message(sync_window) == f"Change {len(changes)} of {len(changes)} in this pair"
    qtbot.keyClick(sync_window, Qt.Key.Key_F7, CTRL)
    assert message(sync_window).startswith("No more changes in this pair below")


def test_after_f7_the_steps_start_at_that_difference(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    view = sync_window.view
    assert view.comparison is not None
    pairs = [r for r in view.difference_rows() if pair_changes(view.comparison, r)]
    for _ in range(view.difference_rows().index(pairs[1]) + 1):
        qtbot.keyClick(sync_window, Qt.Key.Key_F7)
    assert view.current_row() == pairs[1]
    qtbot.keyClick(sync_window, Qt.Key.Key_F7, CTRL)
    first = pair_changes(view.comparison, pairs[1])[0]
    side = "left" if first.left is not None else "right"
    place = first.on(side)
    assert place is not None
    text = view.comparison.document(side).text
    assert selected(view.panes[side]) == text[place[0]:place[1]]
    assert message(sync_window).startswith("Change 1 of ")


def test_f7_after_ctrl_f7_moves_the_selection_to_the_next_difference(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    """QA saw the changed word Ctrl+F7 had selected stay highlighted after F7 had gone on to
    the next difference."""
    view = sync_window.view
    assert view.comparison is not None
    left, right = view.panes["left"], view.panes["right"]
    qtbot.keyClick(sync_window, Qt.Key.Key_F7, CTRL)
    assert selected(left) == "Blaming"
    qtbot.keyClick(sync_window, Qt.Key.Key_F7)
    assert message(sync_window).startswith("Difference ")
    assert (selected(left), selected(right)) == ("", "")
    entry = view.comparison.rows[view.current_row()]
    for side, index in (("left", entry.left), ("right", entry.right)):
        if index is not None:  # the cursor is at the start of the difference's paragraph
            pane = view.panes[side]
            assert pane.textCursor().block().blockNumber() == index, side
            assert pane.textCursor().positionInBlock() == 0, side


def test_f7_after_ctrl_f7_goes_on_from_the_pair_being_read(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    """Ctrl+F7 stepped into a pair below the top of the view (the view did not move): F7 goes
    to the difference after that pair, not back to the first one below the top."""
    view = sync_window.view
    assert view.comparison is not None
    rows = view.difference_rows()
    qtbot.keyClick(sync_window, Qt.Key.Key_F7, CTRL)
    reading = pair_row_from(view.comparison, 0)
    assert reading is not None and reading >= rows[0]
    qtbot.keyClick(sync_window, Qt.Key.Key_F7)
    assert view.current_row() == min(r for r in rows if r > reading)


def test_in_a_reworded_pair_the_steps_are_its_pieces_never_a_whole_paragraph(
    qtbot: QtBot, window_002_003: MainWindow
) -> None:
    """QA saw the first Ctrl+F7 in a reworded pair of 002 / 003 select the whole paragraph
    (all of it is wording only that side has). The steps go over the words the two hold
    (the same, in another form, stated otherwise), each selected in both panes."""
    window, view = window_002_003, window_002_003.view
    assert view.comparison is not None
    left, right = view.panes["left"], view.panes["right"]
    seen, said = [], []
    for _ in range(4):  # (the first reworded pair: 002's headline, 003's lead)
        qtbot.keyClick(window, Qt.Key.Key_F7, CTRL)
        seen.append((selected(left), selected(right)))
        said.append(message(window))
    assert seen[:3] == [("Putin", "Putin"), ("supports", "support"), ("ceasefire", "ceasefire")]
    assert said[0] == "Change 1 of 3 in this reworded pair: said in both"
    assert said[1] == "Change 2 of 3 in this reworded pair: in another form"
    assert said[3] == "No more changes in this pair below (F7: next difference)"
    assert in_view(left) and in_view(right)
    qtbot.keyClick(window, Qt.Key.Key_F7, CTRL_SHIFT)
    assert (selected(left), selected(right)) == ("supports", "support")
