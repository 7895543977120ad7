"""View ▸ Fold Unmatched Runs as the reader meets it: an unrelated pair (000 vs 002) comes up
folded, each run of paragraphs only one side has shown as one slim row that says how many;
clicking it expands the run and clicking again folds it; the menu unfolds everything, and
that choice is remembered; a related pair (000 vs 001) is not folded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from annotation_helpers import store_with
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_alignment import misaligned_rows, paragraphs_facing_text, paragraphs_without_gap
from ui_helpers import SEED_FILES, WindowFactory, is_flashing, position_in

from reader_app.core.documents import load_document
from reader_app.ui.annotations.tag_stripes import stripe_rects
from reader_app.ui.compare import view as compare_view
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.view import CompareView
from reader_app.ui.window.main_window import MainWindow
from reader_app.ui.window.search import find_in_panes

TOLERANCE = 2.0


def show_seeds(window: MainWindow, left: int, right: int) -> CompareView:
    rows = [window.model.row_of(SEED_FILES[n]) for n in (left, right)]
    window.show_pair(rows[0], rows[1])
    window.view.finish_alignment()
    return window.view


def heights(view: CompareView) -> list[float]:
    return [pane.document().size().height() for pane in view.panes.values()]


def hidden(pane: DocumentPane) -> list[int]:
    """The paragraphs whose blocks the pane does not show."""
    return [index for index in range(pane.paragraph_count())
            if not pane.document().findBlockByNumber(index).isVisible()]


def labels(view: CompareView, side: str) -> list[str]:
    return [text for _, text in view.folds.markers[side].labels()]


def scroll_to_end(view: CompareView) -> None:
    """Where 000 vs 002's last run (27 paragraphs of 002's, 9 of 000's with its closing
    "Advertisement") is in view."""
    bar = view.panes["right"].verticalScrollBar()
    bar.setValue(bar.maximum())  # (the panes scroll together)


@pytest.fixture
def folded(sync_window: MainWindow) -> MainWindow:
    """The window showing the unrelated pair 000 vs 002."""
    show_seeds(sync_window, 0, 2)
    return sync_window


def test_unrelated_pair_comes_up_folded(folded: MainWindow) -> None:
    view = folded.view
    assert view.folds.enabled
    assert folded.actions_by_name["fold_unmatched"].isChecked()
    assert hidden(view.panes["right"])  # the 27 paragraphs only 002 has after the quote
    assert misaligned_rows(view) == []
    folded_heights = heights(view)
    folded.actions_by_name["fold_unmatched"].trigger()
    assert all(f < u / 3 for f, u in zip(folded_heights, heights(view), strict=True))


def test_a_folded_run_says_how_many_paragraphs_it_holds(folded: MainWindow) -> None:
    scroll_to_end(folded.view)
    assert "27 paragraphs only here ▸" in labels(folded.view, "right")
    assert "9 paragraphs only here ▸" in labels(folded.view, "left")
    # The first rows, two paragraphs on the left and a dateline on the right, save no room.
    assert "1 paragraph only here ▸" not in labels(folded.view, "right")
    assert hidden(folded.view.panes["right"])[0] > 0  # its dateline is shown
    assert hidden(folded.view.panes["left"])[0] > 1


def test_a_fold_never_hides_one_or_two_paragraphs(folded: MainWindow) -> None:
    """After 000's lead, 002 has three paragraphs of its own and 000 two: the three fold,
    the two stay in view, facing hatched gaps (no "2 paragraphs only here" to click)."""
    view = folded.view
    said = [int(text.split()[0]) for side in view.panes for text in labels(view, side)]
    assert said and min(said) >= 3
    assert "2 paragraphs only here ▸" not in labels(view, "left")
    assert "3 paragraphs only here ▸" in labels(view, "right")
    left = view.panes["left"]
    shown = [index for index in range(left.paragraph_count()) if index not in hidden(left)]
    assert {2, 3} <= set(shown)  # 000's two paragraphs only it has before its quote
    assert all(left.paragraph_rect(index).height() > 0 for index in (2, 3))
    assert paragraphs_facing_text(view) == [] and paragraphs_without_gap(view) == []
    assert misaligned_rows(view) == []


def test_clicking_a_run_expands_it_and_clicking_again_folds_it(
        qtbot: QtBot, folded: MainWindow) -> None:
    view, pane = folded.view, folded.view.panes["right"]
    before, hidden_before = heights(view), hidden(pane)
    scroll_to_end(view)
    rect = next(r for r, text in view.folds.markers["right"].labels() if text.startswith("27 "))
    with qtbot.waitSignal(view.realigned):
        qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert "27 paragraphs only here ▾" in labels(view, "right")
    assert len(hidden(pane)) == len(hidden_before) - 27  # those paragraphs are shown now
    assert all(after > b + 500 for after, b in zip(heights(view), before, strict=True))
    assert misaligned_rows(view) == []
    rect = next(r for r, text in view.folds.markers["right"].labels() if text.startswith("27 "))
    with qtbot.waitSignal(view.realigned):
        qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert hidden(pane) == hidden_before
    assert heights(view) == pytest.approx(before, abs=TOLERANCE)


def test_clicking_one_side_of_a_run_shows_that_sides_paragraphs_below_the_marker(
        qtbot: QtBot, folded: MainWindow) -> None:
    """000 vs 002's last run holds 9 paragraphs of 000's, then 27 of 002's. Clicking the
    right's marker expanded both: 002's paragraphs came pages below, under 000's. Now the
    left's stay folded and 002's first one follows the marker clicked."""
    view, pane = folded.view, folded.view.panes["right"]
    scroll_to_end(view)
    rect = next(r for r, text in view.folds.markers["right"].labels() if text.startswith("27 "))
    top = rect.top() + pane.verticalScrollBar().value()
    with qtbot.waitSignal(view.realigned):
        qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert "9 paragraphs only here ▸" in labels(view, "left")
    run = view.folds.state.runs[-1]
    assert view.comparison is not None
    first = next(row.right for row in view.comparison.rows[run.start:run.stop]
                 if row.right is not None)
    below = pane.paragraph_rect(first).top() - top  # (document coordinates, both)
    assert 0 < below < 3 * rect.height()
    assert misaligned_rows(view) == []


def test_the_other_side_of_a_run_only_one_side_has_is_a_hatched_gap(
        sync_window: MainWindow) -> None:
    sync_window.actions_by_name["fold_unmatched"].trigger()  # 000 vs 001, folded by choice
    view = sync_window.view
    rect, text = view.folds.markers["right"].labels()[0]
    assert text == "3 paragraphs only here ▸"  # 001's three paragraphs after its lead
    assert labels(view, "left") == []  # (a later run, of two a side, saves no room)
    top = rect.top() + view.panes["left"].verticalScrollBar().value()
    assert any(abs(gap_top - top) <= TOLERANCE and bottom - gap_top == rect.height()
               for gap_top, bottom in view.panes["left"].gaps())


def test_the_menu_unfolds_everything_and_is_remembered(
        folded: MainWindow, make_window: WindowFactory) -> None:
    action = folded.actions_by_name["fold_unmatched"]
    action.trigger()
    view = folded.view
    assert not action.isChecked() and not view.folds.enabled
    assert all(hidden(pane) == [] for pane in view.panes.values())
    assert labels(view, "left") == labels(view, "right") == []
    assert folded.settings.value("view/fold_unmatched") in (False, "false")
    show_seeds(folded, 0, 3)  # another unrelated pair: the choice holds
    assert not view.folds.enabled and not action.isChecked()
    again = make_window(synchronous=True)  # a new session with the same settings
    show_seeds(again, 0, 2)
    assert not again.view.folds.enabled
    assert not again.actions_by_name["fold_unmatched"].isChecked()
    assert all(hidden(pane) == [] for pane in again.view.panes.values())


def test_a_chosen_fold_folds_a_related_pair(sync_window: MainWindow) -> None:
    action = sync_window.actions_by_name["fold_unmatched"]
    action.trigger()  # 000 vs 001 is not folded by default: this turns folding on
    view = sync_window.view
    assert view.folds.enabled and action.isChecked()
    assert "3 paragraphs only here ▸" in labels(view, "right")
    bar = view.panes["right"].verticalScrollBar()
    bar.setValue(bar.maximum())  # (the panes scroll together)
    assert "6 paragraphs only here ▸" in labels(view, "right")
    assert misaligned_rows(view) == []


def test_similar_pair_is_not_folded_by_default(sync_window: MainWindow) -> None:
    view = sync_window.view
    assert not view.folds.enabled
    assert not sync_window.actions_by_name["fold_unmatched"].isChecked()
    assert all(hidden(pane) == [] for pane in view.panes.values())
    assert labels(view, "left") == labels(view, "right") == []


def test_a_folded_paragraph_is_in_the_pane_but_not_shown(folded: MainWindow) -> None:
    pane = folded.view.panes["right"]
    last = pane.paragraph_count() - 1
    assert last in hidden(pane)
    text = pane.document().findBlockByNumber(last).text()[:30]
    block = pane.document().findBlock(position_in(pane, text))
    assert not block.isVisible()
    assert folded.view.overviews["right"].marks()  # the bar still marks what is shown


def test_folded_in_slices_looks_as_folded_at_once(
        folded: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    view = folded.view

    def seen() -> dict[str, Any]:
        return {"heights": heights(view), "labels": [labels(view, s) for s in view.panes],
                "hidden": [hidden(p) for p in view.panes.values()],
                "gaps": [p.gaps() for p in view.panes.values()],
                "marks": [view.overviews[s].marks() for s in view.panes]}

    at_once = seen()
    monkeypatch.setattr(compare_view, "STEPWISE_WORDS", 0)
    monkeypatch.setattr(compare_view, "SLICE_SECONDS", 0.0)
    with qtbot.waitSignal(view.realigned, timeout=20_000):
        view.set_highlights(view.highlights)
    assert seen() == at_once


def test_next_difference_stops_once_at_a_folded_run(folded: MainWindow) -> None:
    view = folded.view
    runs = [run for run, is_folded in view.folds.state.markers() if any(is_folded)]
    rows = view.difference_rows()
    assert rows == sorted(set(rows))
    assert view.comparison is not None
    pairs = [(row.left, row.right) for row in view.comparison.rows]
    for run in runs:  # (the rows of a side a run leaves are shown, and stopped at)
        assert [row for row in rows if row in run.rows and run.hides(pairs[row])] in (
            [], [run.marker_row(pairs)])
    said = []
    for _ in rows:
        folded.go_to_difference(1)
        said.append(folded.statusBar().currentMessage())
    assert said == [f"Difference {k} of {len(rows)}" for k in range(1, len(rows) + 1)]


def test_next_difference_at_a_folded_run_flashes_its_marker(folded: MainWindow) -> None:
    """Its paragraphs are hidden: flashing them showed nothing; the marker row flashes."""
    view = folded.view
    assert view.comparison is not None
    pairs = [(row.left, row.right) for row in view.comparison.rows]
    markers = {run.marker_row(pairs): run for run, is_folded in view.folds.state.markers()
               if any(is_folded)}
    for _ in view.difference_rows():
        row = view.go_to_difference(1)
        if row in markers:
            break
    else:
        pytest.fail("no folded run among the differences")
    assert [view.folds.markers[side].flashed() for side in ("left", "right")] == [
        markers[row].start] * 2


def test_folded_runs_stay_folded_and_aligned_through_boilerplate_zoom_and_width(
        qtbot: QtBot, folded: MainWindow) -> None:
    view = folded.view
    folded_paragraphs = [hidden(pane) for pane in view.panes.values()]
    folded.actions_by_name["hide_boilerplate"].trigger()
    folded.zoom(2)
    with qtbot.waitSignal(view.realigned):
        folded.resize(1100, 800)
    for pane, before in zip(view.panes.values(), folded_paragraphs, strict=True):
        assert set(before) <= set(hidden(pane))
    assert misaligned_rows(view) == []
    bar = view.panes["right"].verticalScrollBar()
    bar.setValue(bar.maximum())
    assert "27 paragraphs only here ▸" in labels(view, "right")
    folded.actions_by_name["hide_boilerplate"].trigger()
    assert [hidden(pane) for pane in view.panes.values()] == folded_paragraphs


def last_paragraph_text(pane: DocumentPane) -> str:
    return pane.document().findBlockByNumber(pane.paragraph_count() - 1).text()[:40]


def test_find_reaches_into_a_folded_run_and_opens_it(folded: MainWindow) -> None:
    view, pane = folded.view, folded.view.panes["right"]
    text = last_paragraph_text(pane)
    assert pane.paragraph_count() - 1 in hidden(pane)
    found = find_in_panes(view, text, backwards=False, case_sensitive=True)
    assert found.status == "1 of 1"
    assert pane.paragraph_count() - 1 not in hidden(pane)
    assert pane.textCursor().selectedText() == text
    assert pane.textCursor().block().isVisible()
    assert pane.viewport().rect().contains(pane.cursorRect())  # scrolled to it
    assert misaligned_rows(view) == []


def test_going_to_a_tagged_passage_in_a_folded_run_opens_it(
        annotations_file: Path, make_window: WindowFactory) -> None:
    document = load_document(SEED_FILES[2])
    quote = document.text[document.paragraphs[-1].start:][:40]
    store_with(annotations_file, SEED_FILES[2], quote, "verify")
    window = make_window(synchronous=True)
    view = show_seeds(window, 0, 2)
    pane = view.panes["right"]
    assert pane.paragraph_count() - 1 in hidden(pane)
    assert pane.tag_marks() and stripe_rects(pane, pane.tag_marks()) == []  # none astray
    [annotation] = list(window.annotations.controller.store)
    window.annotations.go_to(annotation.id)
    assert pane.paragraph_count() - 1 not in hidden(pane)
    assert is_flashing(pane)
    assert len(stripe_rects(pane, pane.tag_marks())) == 1
    assert misaligned_rows(view) == []


@pytest.mark.parametrize("expanded", [(), (0,), (1,), (0, 1)])
def test_folded_pair_keeps_rows_aligned_and_gaps_facing(folded: MainWindow,
                                                        expanded: tuple[int, ...]) -> None:
    view = folded.view
    for side in expanded:
        view.folds.toggle(view.folds.state.runs[-1].start, side)
        view.finish_alignment()
    assert misaligned_rows(view) == []
    assert paragraphs_facing_text(view) == []
    assert paragraphs_without_gap(view) == []
