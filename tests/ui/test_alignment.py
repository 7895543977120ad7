"""Row alignment as the reader sees it: linked paragraphs start at the same height in both
panes at any width and zoom, a paragraph without counterpart faces a gap (or, on one line with
it, the other side's unmatched paragraph between the same links), and the gutter's bands jump
to a moved paragraph's counterpart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from pytestqt.qtbot import QtBot
from ui_helpers import SEED_FILES, WindowFactory, is_flashing, visible_range

from reader_app.core.compare import Link
from reader_app.ui.compare.gutter import Gutter
from reader_app.ui.compare.view import CompareView
from reader_app.ui.window.main_window import MainWindow
from reader_app.ui.window.search import find_in_panes

TOLERANCE = 2.0  # px


def misaligned_rows(view: CompareView) -> list[tuple[int, float, float]]:
    """(row, left top, right top) of every two-sided row whose paragraphs do not line up."""
    assert view.comparison is not None
    left, right = view.panes["left"], view.panes["right"]
    wrong = []
    for number, row in enumerate(view.comparison.rows):
        if row.left is None or row.right is None:
            continue
        tops = left.paragraph_rect(row.left).top(), right.paragraph_rect(row.right).top()
        if abs(tops[0] - tops[1]) > TOLERANCE:
            wrong.append((number, *tops))
    return wrong


def one_sided_rows(view: CompareView) -> list[tuple[int, str, str, int]]:
    """(row, side holding the paragraph, the other side, paragraph) of one-sided rows."""
    assert view.comparison is not None
    found = []
    for number, row in enumerate(view.comparison.rows):
        if (row.left is None) == (row.right is None):
            continue
        side, other = ("left", "right") if row.left is not None else ("right", "left")
        index = row.left if row.left is not None else row.right
        assert index is not None
        found.append((number, side, other, index))
    return found


def beside(view: CompareView, number: int) -> int | None:
    """The paragraph shown beside one-sided row ``number``'s, on the other side: that of the
    row before or after it when it is one of the other side only, on the same line."""
    assert view.comparison is not None
    rows = view.comparison.rows
    row = rows[number]
    for near in (number - 1, number + 1):
        if 0 <= near < len(rows) and abs(view.row_top(near) - view.row_top(number)) < 0.5:
            other = rows[near]
            if (other.left is None) != (other.right is None) and (other.left is None) == (
                    row.left is not None):
                side = "left" if other.left is not None else "right"
                index = other.left if other.left is not None else other.right
                assert index is not None
                if view.panes[side].paragraph_rect(index).height() > 0:  # (not hidden)
                    return index
    return None


def paragraphs_facing_text(view: CompareView) -> list[tuple[int, str, int]]:
    """(row, side, paragraph) of one-sided rows where the other pane shows text alongside,
    but the unmatched paragraph shown beside it on its line."""
    found = []
    for number, side, other, index in one_sided_rows(view):
        partner = beside(view, number)
        rect = view.panes[side].paragraph_rect(index)
        if rect.height() <= 0 or not view.panes[side].document().findBlockByNumber(
                index).isVisible():
            continue
        band = rect.adjusted(0, TOLERANCE, 0, -TOLERANCE)
        opposite = view.panes[other]
        for paragraph in range(opposite.paragraph_count()):
            block = opposite.document().findBlockByNumber(paragraph)
            facing = opposite.paragraph_rect(paragraph)
            if block.isVisible() and facing.top() < band.bottom() and \
                    facing.bottom() > band.top() and paragraph != partner:
                found.append((number, side, index))
    return found


def paragraphs_without_gap(view: CompareView) -> list[tuple[str, int]]:
    """(side, paragraph) of one-sided rows whose opposite pane paints no gap alongside (but
    beside the paragraph shown beside it on its line: below that one only)."""
    missing = []
    for number, side, other, index in one_sided_rows(view):
        rect = view.panes[side].paragraph_rect(index)
        partner = beside(view, number)
        if partner is not None:
            below = view.panes[other].paragraph_rect(partner).bottom()
            rect = rect.adjusted(0, max(0.0, below - rect.top()) + 2 * view._row_spacing(),
                                 0, 0)
        if rect.height() > 0 and not any(
            top <= rect.top() + TOLERANCE and bottom >= rect.bottom() - TOLERANCE
            for top, bottom in view.panes[other].gaps()
        ):
            missing.append((side, index))
    return missing


def resize_and_realign(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    pane = window.view.panes["left"]
    before = pane.viewport().width()
    with qtbot.waitSignal(window.view.realigned):
        window.resize(width, height)
    assert window.width() == width
    assert pane.viewport().width() != before


def test_rows_line_up_when_shown(sync_window: MainWindow) -> None:
    assert misaligned_rows(sync_window.view) == []


@pytest.mark.parametrize("width", [900, 1800])
def test_rows_line_up_at_other_widths(qtbot: QtBot, sync_window: MainWindow, width: int) -> None:
    resize_and_realign(qtbot, sync_window, width, 800)
    assert misaligned_rows(sync_window.view) == []
    assert paragraphs_facing_text(sync_window.view) == []
    assert paragraphs_without_gap(sync_window.view) == []


def test_narrow_window_wraps_more_and_stays_aligned(qtbot: QtBot, sync_window: MainWindow) -> None:
    pane = sync_window.view.panes["right"]
    resize_and_realign(qtbot, sync_window, 1800, 800)
    wide = pane.document().size().height()
    resize_and_realign(qtbot, sync_window, 900, 800)
    assert pane.document().size().height() > wide
    assert misaligned_rows(sync_window.view) == []


def test_rows_line_up_after_zoom_in(qtbot: QtBot, sync_window: MainWindow) -> None:
    pane = sync_window.view.panes["left"]
    size = pane.font().pointSizeF()
    with qtbot.waitSignal(sync_window.view.realigned):
        qtbot.keyClick(sync_window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pane.font().pointSizeF() > size
    assert sync_window.view.panes["right"].font().pointSizeF() == pane.font().pointSizeF()
    assert misaligned_rows(sync_window.view) == []
    assert paragraphs_facing_text(sync_window.view) == []
    assert paragraphs_without_gap(sync_window.view) == []


def test_rows_line_up_with_boilerplate_hidden(qtbot: QtBot, sync_window: MainWindow) -> None:
    with qtbot.waitSignal(sync_window.view.realigned):
        qtbot.keyClick(sync_window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert sync_window.actions_by_name["hide_boilerplate"].isChecked()
    assert misaligned_rows(sync_window.view) == []
    assert paragraphs_facing_text(sync_window.view) == []


def test_unmatched_paragraph_faces_a_gap(sync_window: MainWindow) -> None:
    view = sync_window.view
    assert view.comparison is not None
    assert view.comparison.rows[0].left is None  # 001's headline has no counterpart in 000
    headline = view.panes["right"].paragraph_rect(0)
    first_left = view.panes["left"].paragraph_rect(0)
    assert first_left.top() >= headline.bottom() - TOLERANCE
    assert paragraphs_facing_text(view) == []


def test_gap_is_painted_opposite_every_unmatched_paragraph(sync_window: MainWindow) -> None:
    assert paragraphs_without_gap(sync_window.view) == []
    panes = sync_window.view.panes.values()
    assert all(bottom > top for pane in panes for top, bottom in pane.gaps())


# -- scrolling and the gutter ---------------------------------------------------------------


def test_panes_scroll_together(qtbot: QtBot, sync_window: MainWindow) -> None:
    left, right = (sync_window.view.panes[s].verticalScrollBar() for s in ("left", "right"))
    qtbot.mouseClick(sync_window.view.panes["left"].viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(sync_window.view.panes["left"], Qt.Key.Key_PageDown)
    assert left.value() > 0
    assert right.value() == left.value()


def point_on_band(gutter: Gutter, link: Link) -> QPoint | None:
    """A point of the gutter inside the link's band and no other band, or None."""
    path = gutter.band_path(link)
    others = [gutter.band_path(k) for k in gutter.visible_links() if k != link]
    area = path.boundingRect().intersected(QRectF(gutter.rect()))
    for y in range(int(area.top()) + 1, int(area.bottom()), 2):
        for x in range(2, gutter.width() - 2, 2):
            point = QPointF(x, y)
            if path.contains(point) and not any(o.contains(point) for o in others):
                return point.toPoint()
    return None


def moved_links(window: MainWindow) -> list[Link]:
    assert window.view.comparison is not None
    return [link for link in window.view.comparison.links if link.moved]


def test_seeds_have_moved_paragraphs(sync_window: MainWindow) -> None:
    assert len(moved_links(sync_window)) >= 2


@pytest.mark.parametrize("which", [0, 1])
def test_clicking_a_moved_band_jumps_to_the_counterpart(
    qtbot: QtBot, sync_window: MainWindow, which: int
) -> None:
    view = sync_window.view
    link = moved_links(sync_window)[which]
    point = point_on_band(view.gutter, link)
    if point is None:  # bring the left paragraph to mid-view, then its band shows
        left = view.panes["left"]
        top = left.paragraph_rect(link.left).top()
        left.verticalScrollBar().setValue(int(top - left.viewport().height() / 2))
        point = point_on_band(view.gutter, link)
    assert point is not None, f"no clickable point on the band of {link}"
    qtbot.mouseClick(view.gutter, Qt.MouseButton.LeftButton, pos=point)
    for side, index in (("left", link.left), ("right", link.right)):
        pane = view.panes[side]
        top, bottom = visible_range(pane)
        rect = pane.paragraph_rect(index)
        assert top <= rect.top() < bottom, f"{side} paragraph {index} is not in view"
        assert is_flashing(pane)
        flashed = [s.cursor.blockNumber() for s in pane.extraSelections()]
        assert flashed == [index]
    qtbot.waitUntil(lambda: not is_flashing(view.panes["right"]), timeout=3000)
    assert not is_flashing(view.panes["left"])
    assert view.panes["right"].extraSelections() == []


def test_clicking_between_bands_does_nothing(qtbot: QtBot, sync_window: MainWindow) -> None:
    view = sync_window.view
    gutter = view.gutter
    bands = [gutter.band_path(link) for link in gutter.visible_links()]
    empty = next(
        QPoint(x, y) for y in range(2, gutter.height(), 4) for x in range(2, gutter.width(), 4)
        if not any(band.contains(QPointF(x, y)) for band in bands)
    )
    with qtbot.assertNotEmitted(gutter.link_clicked):
        qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=empty)
    assert not is_flashing(view.panes["left"])
    assert view.panes["left"].verticalScrollBar().value() == 0


def test_unmatched_paragraphs_between_the_same_links_are_shown_side_by_side(
        make_window: WindowFactory) -> None:
    # 000 and 004 each hold unmatched paragraphs after their linked leads: all the left's and
    # then all the right's made a staircase of hatched gaps, each facing nothing.
    window = make_window(synchronous=True)
    window.show_pair(*(window.model.row_of(path) for path in (SEED_FILES[0], SEED_FILES[4])))
    fold = window.actions_by_name["fold_unmatched"]
    if fold.isChecked():  # (a pair this unlike is shown folded by default: all runs shown)
        fold.trigger()
    window.view.finish_alignment()
    view = window.view
    assert view.comparison is not None
    lines = [number for number, *_ in one_sided_rows(view) if beside(view, number) is not None]
    assert len(lines) >= 4  # (two lines at least, two rows each)
    for number in lines:
        row, side = view.comparison.rows[number], "left"
        index = row.left if row.left is not None else row.right
        if row.left is None:
            side = "right"
        partner = beside(view, number)
        other = "right" if side == "left" else "left"
        assert index is not None and partner is not None
        mine, theirs = view.panes[side].paragraph_rect(index), view.panes[other].paragraph_rect(
            partner)
        assert abs(mine.top() - theirs.top()) <= TOLERANCE  # one line, both at its top
    assert paragraphs_facing_text(view) == [] and paragraphs_without_gap(view) == []
    assert misaligned_rows(view) == []
    stops = view.difference_rows()  # (F7: a line is one place, not its right then its left)
    assert len({view.row_top(row) for row in stops}) == len(stops)


def test_find_reads_a_line_s_left_paragraph_before_its_right(make_window: WindowFactory) -> None:
    # (rows are worked out in one order of the pair and mirrored: the right one came first)
    window = make_window(synchronous=True)
    window.show_pair(*(window.model.row_of(path) for path in (SEED_FILES[0], SEED_FILES[4])))
    window.view.finish_alignment()
    view = window.view
    lines = [(number, beside(view, number)) for number, *_ in one_sided_rows(view)
             if beside(view, number) is not None]
    visits: list[tuple[str, int]] = []
    first = find_in_panes(view, "the", backwards=False, case_sensitive=False).status
    total = int(first.split(" of ")[1])
    for _ in range(total):
        pane = view.active_pane()
        side = "left" if pane is view.panes["left"] else "right"
        visits.append((side, pane.textCursor().block().blockNumber()))
        find_in_panes(view, "the", backwards=False, case_sensitive=False)
    assert view.comparison is not None
    checked = 0
    for number, partner in lines:
        row = view.comparison.rows[number]
        mine = ("left", row.left) if row.left is not None else ("right", row.right)
        other = ("right" if mine[0] == "left" else "left", partner)
        left, right = (mine, other) if mine[0] == "left" else (other, mine)
        if left in visits and right in visits:
            assert visits.index(left) < visits.index(right)
            checked += 1
    assert checked
