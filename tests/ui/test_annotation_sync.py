"""What another program saves to the annotation file shows up in an open window; overlapping
tagged passages are told apart (a double bar under the overlap, margin stripes side by side)."""

from __future__ import annotations

from pathlib import Path

from annotation_helpers import SINGLE, WAVE, colour, store_with, underline_at
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from ui_helpers import SEED_FILES, SENTENCE_000, SENTENCE_001, WindowFactory, position_in

from reader_app.core.annotations.jsonfile.store import AnnotationStore
from reader_app.core.documents import load_document
from reader_app.ui.annotations.controller import AnnotationController
from reader_app.ui.annotations.tag_stripes import FIRST_X, STRIPE_STEP, STRIPE_WIDTH
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.window.main_window import MainWindow

WAIT = 5000  # ms: a bound for the file system's notification, not a timing check


def test_tags_another_store_saves_show_up_in_the_panel_and_the_pane(
        qtbot: QtBot, sync_window: MainWindow, annotations_file: Path) -> None:
    panel = sync_window.annotations.panel
    assert panel.row_count() == 0
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")  # creates the file
    qtbot.waitUntil(lambda: panel.quotes() == [SENTENCE_000], timeout=WAIT)
    left = sync_window.view.panes["left"]
    assert underline_at(left, SENTENCE_000).underlineColor() == colour(sync_window, "verify")
    store_with(annotations_file, SEED_FILES[1], SENTENCE_001, "wire copy")  # replaces it
    qtbot.waitUntil(lambda: sorted(panel.quotes()) == sorted([SENTENCE_000, SENTENCE_001]),
                    timeout=WAIT)
    right = sync_window.view.panes["right"]
    assert underline_at(right, SENTENCE_001).underlineStyle() == SINGLE
    other = AnnotationStore.open(annotations_file)
    other.delete(next(a.id for a in other if a.target.exact == SENTENCE_000))
    other.save()
    qtbot.waitUntil(lambda: panel.quotes() == [SENTENCE_001], timeout=WAIT)
    assert underline_at(left, SENTENCE_000).underlineStyle() != SINGLE


def test_a_window_sees_what_another_window_tagged(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    first, second = make_window(synchronous=True), make_window(synchronous=True)
    pane = first.view.panes["left"]
    assert pane.source is not None
    start = pane.source.text.index(SENTENCE_000)
    first.annotations.controller.add(pane.source, start, start + len(SENTENCE_000), ["verify"])
    qtbot.waitUntil(lambda: second.annotations.panel.quotes() == [SENTENCE_000], timeout=WAIT)


def stripe_colours(pane: DocumentPane, text: str) -> list[str]:
    """The colours of the margin stripes beside the middle of ``text``'s first line."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(position_in(pane, text))
    y = pane.cursorRect(cursor).center().y()
    image = pane.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return [image.pixelColor(int((FIRST_X + lane * STRIPE_STEP + STRIPE_WIDTH / 2) * ratio),
                             int(y * ratio)).name() for lane in range(2)]


def test_overlapping_tags_are_told_apart(
        make_window: WindowFactory, annotations_file: Path) -> None:
    first, second = "several questions remained", "remained unanswered"
    store_with(annotations_file, SEED_FILES[0], first, "verify")
    store_with(annotations_file, SEED_FILES[0], second, "contradiction")
    window = make_window(synchronous=True)
    pane = window.view.panes["left"]
    verify, contradiction = colour(window, "verify"), colour(window, "contradiction")
    alone = underline_at(pane, "several")
    assert (alone.underlineStyle(), alone.underlineColor()) == (SINGLE, verify)
    overlap = underline_at(pane, "remained")
    assert overlap.underlineStyle() != WAVE  # a wave is the differs mark (the double bar:
    # test_overlap_marks)
    end = underline_at(pane, "unanswered")
    assert (end.underlineStyle(), end.underlineColor()) == (SINGLE, contradiction)
    assert pane.source is not None
    start = pane.source.text.index(first)
    pane.scroll_to_range(start, start + len(first))
    assert stripe_colours(pane, "remained") == [verify.name(), contradiction.name()]
    text = pane.source.text
    untagged = next(text[p.start:p.start + 12] for p in pane.source.paragraphs
                    if not p.boilerplate and first not in text[p.start:p.end])
    pane.verticalScrollBar().setValue(0)
    assert verify.name() not in stripe_colours(pane, untagged)


def test_a_change_asked_for_while_the_file_is_read_waits_and_loses_nothing(
        qtbot: QtBot, annotations_file: Path) -> None:
    store_with(annotations_file, SEED_FILES[0], SENTENCE_000, "verify")
    before = annotations_file.read_bytes()
    controller = AnnotationController()  # reads the file on a worker thread
    said: list[str] = []
    controller.message_shown.connect(said.append)
    controller.open(annotations_file)
    assert controller.loading  # its result reaches this thread through the event loop
    document = load_document(SEED_FILES[1])
    controller.add(document, 0, 10, ["too early"])
    assert "still being read" in said[-1]
    qtbot.waitUntil(lambda: not controller.loading)
    assert [a.tags for a in controller.store] == [("verify",)]
    assert annotations_file.read_bytes() == before
    controller.add(document, 0, 10, ["in time"])
    assert len(AnnotationStore.open(annotations_file)) == 2
