"""Long documents are drawn in slices, the event loop running between them: once done, the
panes look exactly as when everything is drawn at once (positions, highlights, gaps, bands,
overview marks), the gutter draws no band to an unaligned paragraph, and the reader's scroll
position survives a re-alignment."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from ui_helpers import SEED_FILES

from reader_app.ui.compare import view as compare_view
from reader_app.ui.compare.view import CompareView
from reader_app.ui.window.main_window import MainWindow


def snapshot(view: CompareView) -> dict[str, Any]:
    """What the reader sees of the comparison, as plain values."""
    seen: dict[str, Any] = {}
    for side, pane in view.panes.items():
        rects = [pane.paragraph_rect(i) for i in range(pane.paragraph_count())]
        seen[f"{side} rects"] = [(r.top(), r.height()) for r in rects]
        seen[f"{side} size"] = pane.document().size().height()
        seen[f"{side} gaps"] = pane.gaps()
        seen[f"{side} overview"] = view.overviews[side].marks()
        block, formats = pane.document().begin(), []
        while block.isValid():
            formats.append([(r.start, r.length, r.format.background().color().name(),
                             r.format.fontItalic()) for r in block.layout().formats()])
            block = block.next()
        seen[f"{side} formats"] = formats
    seen["bands"] = [(link.left, link.right) for link in view.gutter.visible_links()]
    return seen


@pytest.fixture
def in_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat the seed documents as long ones, one paragraph per slice."""
    monkeypatch.setattr(compare_view, "STEPWISE_WORDS", 0)
    monkeypatch.setattr(compare_view, "SLICE_SECONDS", 0.0)


def redraw_in_slices(qtbot: QtBot, view: CompareView) -> int:
    """Draw the comparison again; how often a 0 ms timer fired before it was aligned."""
    ticks = []
    timer = QTimer(view)
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(view.realigned, timeout=20_000):
        view.set_highlights(view.highlights)
        assert view.gutter.visible_links() == []  # nothing aligned yet: no band
    timer.stop()
    return len(ticks)


def test_drawn_in_slices_looks_as_drawn_at_once(
    qtbot: QtBot, sync_window: MainWindow, in_slices: None
) -> None:
    view = sync_window.view
    at_once = snapshot(view)
    assert at_once["bands"] and at_once["left gaps"] + at_once["right gaps"]
    ticks = redraw_in_slices(qtbot, view)
    assert ticks > 10  # the event loop ran between the slices
    assert snapshot(view) == at_once


def test_tags_set_while_drawing_in_slices_are_underlined(
    qtbot: QtBot, sync_window: MainWindow, in_slices: None
) -> None:
    view = sync_window.view
    pane = view.panes["right"]
    assert pane.source is not None
    last = pane.source.paragraphs[-1]
    marks = [(last.start, last.end, QColor("#d55e00"))]
    with qtbot.waitSignal(view.realigned, timeout=20_000):
        view.set_highlights(view.highlights)
        pane.set_tag_marks(marks)  # before the last paragraph is highlighted
    formats = pane.document().lastBlock().layout().formats()
    assert any(r.format.underlineColor().name() == "#d55e00" for r in formats)


def test_scroll_position_survives_a_realignment_in_slices(
    qtbot: QtBot, sync_window: MainWindow, in_slices: None
) -> None:
    view = sync_window.view
    left, right = view.panes["left"], view.panes["right"]
    left.verticalScrollBar().setValue(left.verticalScrollBar().maximum() // 2)
    values = left.verticalScrollBar().value(), right.verticalScrollBar().value()
    assert values[0] > 0
    with qtbot.waitSignal(view.realigned, timeout=20_000):
        view.set_hide_boilerplate(True)  # re-aligns; the panes' layouts start again
    assert (left.verticalScrollBar().value(), right.verticalScrollBar().value()) == values


def test_the_library_column_waits_until_the_pair_is_drawn(
    qtbot: QtBot, window: MainWindow, in_slices: None
) -> None:
    # Two Python threads at work starve the UI thread of the interpreter lock: the library's
    # comparisons start only once the pair on screen is aligned (its bands drawn).
    aligned_when_started: list[bool] = []
    window.similarity_runner.started.connect(
        lambda: aligned_when_started.append(bool(window.view.gutter.visible_links())))
    rows = [window.model.row_of(path) for path in SEED_FILES[2:4]]
    with qtbot.waitSignal(window.similarities_shown, timeout=30_000):
        window.show_pair(*rows)
    assert aligned_when_started == [True]


def test_the_scroll_bars_span_the_documents_once_drawn_in_slices(
    qtbot: QtBot, sync_window: MainWindow, in_slices: None
) -> None:
    # Qt's own layout of the panes (and its size reports) wait while they are drawn in
    # slices: once drawn, each scroll bar reaches the end of its document.
    view = sync_window.view
    at_once = [pane.verticalScrollBar().maximum() for pane in view.panes.values()]
    redraw_in_slices(qtbot, view)
    for pane, maximum in zip(view.panes.values(), at_once, strict=True):
        bar = pane.verticalScrollBar()
        assert bar.maximum() == maximum > 0
        assert bar.maximum() + pane.viewport().height() >= pane.document().size().height() - 1


def test_a_padded_pane_hatches_its_gaps_at_once(
    qtbot: QtBot, sync_window: MainWindow, in_slices: None
) -> None:
    # A pane padded into rows but not yet hatched showed its gaps as blank paper (a long
    # pair's top could be one tall white gap for seconds), or the pair before's hatching:
    # its gaps are hatched as it is padded, not once both panes are done.
    view = sync_window.view
    seen: list[tuple[str, str, list[tuple[float, float]]]] = []

    def look() -> None:
        for side, pane in view.panes.items():
            spacing = 2 * pane.fontMetrics().lineSpacing()
            if any(pane.document().findBlockByNumber(i).blockFormat().topMargin() > spacing
                   for i in range(1, pane.paragraph_count())):  # padded into rows
                seen.append((side, pane.source.path if pane.source else "", pane.gaps()))

    timer = QTimer(view)
    timer.setInterval(0)
    timer.timeout.connect(look)
    timer.start()
    rows = [sync_window.model.row_of(path) for path in (SEED_FILES[2], SEED_FILES[4])]
    with qtbot.waitSignal(view.realigned, timeout=20_000):
        sync_window.show_pair(*rows)
    timer.stop()
    final = {side: pane.gaps() for side, pane in view.panes.items()}
    assert seen and all(final.values())
    shown = {side: pane.source.path if pane.source else "" for side, pane in view.panes.items()}
    padded = [(side, gaps) for side, path, gaps in seen if path == shown[side]]
    assert padded  # (the pair before stays on screen, padded, while this one is compared)
    assert [side for side, gaps in padded if gaps != final[side]] == []


def test_find_marks_wait_for_a_realigned_pane_then_follow_its_view(
    qtbot: QtBot, sync_window: MainWindow, in_slices: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Asked what is in view while a long pair was aligned again (its layout started over),
    # Qt laid out everything above the view at once (0.3-0.5 s at 200k words): the marks
    # follow the view once the pane is laid out down to it.
    from reader_app.ui.compare import found_marks
    from reader_app.ui.window.search import find_in_panes

    monkeypatch.setattr(found_marks, "MARKED_AT_MOST", 2)  # (marks near the view only)
    view = sync_window.view
    find_in_panes(view, "the", backwards=False, case_sensitive=False)
    laid_out_when_asked: list[bool] = []
    shown = found_marks._positions_shown

    def watched(pane, screens):  # type: ignore[no-untyped-def]
        bottom = pane.verticalScrollBar().value() + pane.viewport().height()
        laid_out_when_asked.append(pane.document().documentLayout().documentSize().height()
                                   >= bottom)
        return shown(pane, screens)

    monkeypatch.setattr(found_marks, "_positions_shown", watched)
    left = view.panes["left"]
    bar = left.verticalScrollBar()
    scrolling = QTimer(view)  # (the reader scrolls while it is aligned)
    scrolling.setInterval(0)
    scrolling.timeout.connect(lambda: bar.setValue(bar.value() + 7 if bar.value() < 200 else 0))
    scrolling.start()
    redraw_in_slices(qtbot, view)  # (laid out again from the top, in slices)
    scrolling.stop()
    assert all(laid_out_when_asked)
    find_in_panes(view, "the", backwards=False, case_sensitive=False)
    before = [s.cursor.selectionStart() for s in left.extraSelections()]
    bar.setValue(bar.maximum())
    assert laid_out_when_asked and all(laid_out_when_asked)
    after = [s.cursor.selectionStart() for s in left.extraSelections()]
    assert after and min(after) > max(before, default=-1)  # (the marks followed the view)
