"""A long pair's text is on screen at once, while it is compared: the status bar says
"Comparing…", then "Aligning…" while the comparison is drawn in slices, then nothing more.
A short pair goes straight from the pair shown before to the aligned view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_render_slices import snapshot
from ui_helpers import COMPARISON_TIMEOUT, SEED_FILES

from reader_app.core.documents import Document
from reader_app.ui.compare import text_steps
from reader_app.ui.compare import view as compare_view
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.pane_margins import DOCUMENT_MARGIN
from reader_app.ui.window.main_window import MainWindow


@pytest.fixture
def long_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat the seed documents as long ones, drawn one paragraph per slice."""
    monkeypatch.setattr(compare_view, "STEPWISE_WORDS", 0)
    monkeypatch.setattr(compare_view, "SLICE_SECONDS", 0.0)


def shows(pane: DocumentPane, document: Document) -> bool:
    """Whether the pane holds ``document``'s paragraphs, one block each."""
    first = document.paragraphs[0]
    text = document.text[first.start:first.end].replace("\n", "\u2028")
    return (pane.source is document and pane.document().blockCount() == len(
        document.paragraphs) and pane.document().firstBlock().text() == text)


def pair_rows(window: MainWindow) -> list[int]:
    rows = [window.model.row_of(path) for path in SEED_FILES[2:4]]
    assert None not in rows and (window.model.left, window.model.right) != tuple(rows)
    return rows  # type: ignore[return-value]


def test_a_long_pair_is_shown_at_once_then_aligned(
        qtbot: QtBot, window: MainWindow, long_pairs: None) -> None:
    rows = pair_rows(window)
    documents = [window.model.document(row) for row in rows]
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    view = window.view
    with qtbot.waitSignal(window.comparison_shown, timeout=COMPARISON_TIMEOUT):
        window.show_pair(*rows)
        # Not compared yet: the text is there a few turns of the event loop later (made in
        # slices), plain and unaligned; the right pane's after the left one's, then the
        # worker starts.
        left, right = documents
        assert left is not None and right is not None
        qtbot.waitUntil(lambda: shows(view.panes["left"], left))
        assert view.comparison is None and view.gutter.visible_links() == []
        qtbot.waitUntil(lambda: shows(view.panes["right"], right))
        assert window.statusBar().currentMessage() == "Comparing…"
    assert view.gutter.visible_links() == []  # (not drawn yet)
    qtbot.waitUntil(lambda: bool(view.gutter.visible_links())
                    and window.statusBar().currentMessage() == "", timeout=COMPARISON_TIMEOUT)
    said = [message for message in messages if message]
    assert said[-2:] == ["Comparing…", "Aligning…"]
    assert view.comparison is not None and view.comparison.left is documents[0]
    drawn = snapshot(view)  # (over the plain text already there)
    view.set_highlights(view.highlights)  # drawn again from scratch
    view.finish_alignment()
    assert snapshot(view) == drawn


def test_a_short_pair_goes_straight_to_the_aligned_view(
        qtbot: QtBot, window: MainWindow) -> None:
    rows = pair_rows(window)
    shown = [pane.source for pane in window.view.panes.values()]
    with qtbot.waitSignal(window.comparison_shown, timeout=COMPARISON_TIMEOUT):
        window.show_pair(*rows)
        assert [pane.source for pane in window.view.panes.values()] == shown
    assert window.view.gutter.visible_links()
    assert window.statusBar().currentMessage() == ""


def test_a_long_pair_read_again_keeps_its_highlights_until_compared_again(
        qtbot: QtBot, window: MainWindow, long_pairs: None) -> None:
    view = window.view
    with qtbot.waitSignal(view.realigned, timeout=COMPARISON_TIMEOUT):
        window.set_options(ignore_case=True)  # the same files, compared again
        assert view.comparison is not None  # the pair on screen stays until then
        assert [pane.source for pane in view.panes.values()] == [
            view.comparison.left, view.comparison.right]


def test_a_long_pairs_text_is_made_in_slices_and_never_shown_half_made(
        qtbot: QtBot, window: MainWindow, long_pairs: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # While a pane's text is made, the pane shows what it showed before, whole, and can be
    # read, searched and tagged as that: a half-made text is never on screen.
    monkeypatch.setattr(text_steps, "CHARACTERS_PER_STEP", 200)
    rows = pair_rows(window)
    documents = [window.model.document(row) for row in rows]
    view, seen = window.view, []

    def look() -> None:
        for pane in view.panes.values():
            document = pane.source
            assert document is None or shows(pane, document)
            seen.append(document)

    timer = QTimer(window)
    timer.setInterval(0)
    timer.timeout.connect(look)
    timer.start()
    with qtbot.waitSignal(window.comparison_shown, timeout=COMPARISON_TIMEOUT):
        window.show_pair(*rows)
    timer.stop()
    before = seen.index(documents[0])
    assert seen[:before].count(None) == 0 and before > 2 * 10  # (ten turns a pane, at least)
    # Both texts made, the panes take them a turn apart: the right one is empty that long.
    pairs = list(zip(seen[before::2], seen[before + 1::2], strict=False))
    assert 1 <= pairs.count((documents[0], None)) <= 3
    for pane in window.view.panes.values():  # (set up as the pane's first text document)
        text_document = pane.document()
        assert pane.isReadOnly() and not text_document.isUndoRedoEnabled()
        assert text_document.documentMargin() == DOCUMENT_MARGIN
        assert text_document.defaultFont() == pane.font()
        assert text_document.defaultTextOption().wrapMode() == pane.wordWrapMode()


def test_the_library_column_waits_while_a_long_pairs_text_is_made(
        qtbot: QtBot, window: MainWindow, long_pairs: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The left pane's plain text is drawn while the right one's is still made: the library's
    # comparisons wait for the pair's own, and until it is drawn (two Python threads at work
    # starve the UI thread of the interpreter lock).
    monkeypatch.setattr(text_steps, "CHARACTERS_PER_STEP", 200)
    view, started = window.view, []
    window.similarity_runner.started.connect(
        lambda: started.append(view.comparison is not None and bool(view.gutter.visible_links())))
    with qtbot.waitSignal(window.similarities_shown, timeout=COMPARISON_TIMEOUT):
        window.show_pair(*pair_rows(window))
    assert started == [True]


def test_another_long_pair_asked_for_while_one_is_made_replaces_it(
        qtbot: QtBot, window: MainWindow, long_pairs: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_steps, "CHARACTERS_PER_STEP", 200)
    first = pair_rows(window)
    second = [window.model.row_of(path) for path in (SEED_FILES[4], SEED_FILES[2])]
    documents = [window.model.document(row) for row in second]
    view = window.view
    with qtbot.waitSignal(window.comparison_shown, timeout=COMPARISON_TIMEOUT):
        window.show_pair(*first)
        for _ in range(3):  # (a few slices of its text made, a turn of the event loop each)
            QApplication.processEvents()
        assert window.pair_progress.pending
        window.show_pair(*second)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "",
                    timeout=COMPARISON_TIMEOUT)
    assert view.comparison is not None
    assert [view.comparison.left, view.comparison.right] == documents
    for pane, document in zip(view.panes.values(), documents, strict=True):
        assert document is not None and shows(pane, document)


def test_cancelling_a_long_pair_brings_back_the_pair_drawn_before(
        qtbot: QtBot, window: MainWindow, long_pairs: None) -> None:
    """Its plain text was on screen while it was compared: Cancel puts the aligned pair from
    before back, with its links, sides and statistics (not the cancelled pair's text under
    the old pair's figures)."""
    view = window.view
    before = view.comparison
    assert before is not None and view.gutter.visible_links()
    rows = pair_rows(window)
    cancelled = window.model.document(rows[0])
    assert cancelled is not None
    window.show_pair(*rows)
    qtbot.waitUntil(lambda: shows(view.panes["left"], cancelled))
    window.cancel_comparison()
    assert view.comparison is before
    assert [pane.source for pane in view.panes.values()] == [before.left, before.right]
    assert (window.model.document(window.model.left), window.model.document(
        window.model.right)) == (before.left, before.right)
    qtbot.waitUntil(lambda: bool(view.gutter.visible_links()), timeout=COMPARISON_TIMEOUT)
    qtbot.wait(300)
    assert view.comparison is before  # (the cancelled comparison never arrives)


@pytest.fixture
def endless_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's comparisons run until they are cancelled."""
    import time

    from reader_app.core.errors import Cancelled
    from reader_app.ui.window import main_window

    def endless(*args: object) -> None:
        cancelled = args[3]
        while not cancelled():  # type: ignore[operator]
            time.sleep(0.01)
        raise Cancelled

    monkeypatch.setattr(main_window, "compare_prepared", endless)


def test_escape_cancels_a_comparison_but_first_closes_the_find_bar(
        qtbot: QtBot, window: MainWindow, endless_comparison: None) -> None:
    view = window.view
    before = view.comparison
    window.show()
    window.activateWindow()  # (a shortcut works in the active window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_pair(*pair_rows(window))
    qtbot.waitUntil(lambda: window.status.cancel.isVisible())
    window.find_bar.open_bar()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert window.find_bar.isHidden()
    qtbot.wait(200)
    assert window.status.cancel.isVisible()  # (Esc in the find bar closed only the bar)
    qtbot.keyClick(view.panes["left"], Qt.Key.Key_Escape)  # (the button, pressed: a blink)
    qtbot.waitUntil(lambda: not window.status.cancel.isVisible())
    assert view.comparison is before
    assert window.statusBar().currentMessage() == "Comparison cancelled"


def test_next_difference_while_comparing_says_it_waits_for_the_pair(
        qtbot: QtBot, window: MainWindow, long_pairs: None, endless_comparison: None) -> None:
    window.show_pair(*pair_rows(window))
    qtbot.waitUntil(lambda: window.compare_runner.busy)  # (its text shown, plain)
    window.go_to_difference(1)
    assert window.statusBar().currentMessage() == (
        "No differences to go to until the pair is compared and aligned")
    window.cancel_comparison()


def test_cancel_is_offered_while_a_long_pairs_text_is_made(
        qtbot: QtBot, window: MainWindow, long_pairs: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The first turns of a long pair go to making its text: "Comparing…" and Cancel show
    # from the request on (they came only once the worker started), and Cancel then stops
    # it with the pair before still on screen and nothing left running.
    monkeypatch.setattr(text_steps, "CHARACTERS_PER_STEP", 200)
    view = window.view
    window.show()
    before = view.comparison
    window.show_pair(*pair_rows(window))
    QApplication.processEvents()
    assert window.pair_progress.pending
    assert window.status.cancel.isVisible()
    assert window.statusBar().currentMessage() == "Comparing…"
    qtbot.mouseClick(window.status.cancel, Qt.MouseButton.LeftButton)
    assert not window.pair_progress.pending and not window.compare_runner.busy
    assert not window.status.cancel.isVisible() and not window.status.progress.isVisible()
    assert window.statusBar().currentMessage() == "Comparison cancelled"
    qtbot.wait(300)
    assert view.comparison is before
    assert [pane.source for pane in view.panes.values()] == [before.left, before.right]
