"""Find in both panes: every match outlined, one selected at a time, walked in reading order.

Reading order is the order of the aligned rows, top to bottom: a match in an earlier row
comes first, and within a row the left document's matches come before the right one's (each
pane's in text order). Without a comparison a pane's paragraph number stands for its row.

The walk starts where the reader is: from the match selected in the active pane (the one
clicked last, or holding the last match found), else from its cursor; a cursor at the very
start of its document stands for the top of the pair. Typing in the field
looks again from the start of the selection, so a longer word stays on the same place; the
next match (Enter, F3, ▼) and the previous one (Shift+F3, ▲) wrap around at either end. The
pane holding the match becomes the active one; the other pane's selection is cleared.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCursor

from reader_app.core.compare import SIDES, Side
from reader_app.ui.compare.display_data import beside_rows
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.match_spans import Span, find_in_blocks, hidden_blocks
from reader_app.ui.compare.pane_geometry import bring_into_view
from reader_app.ui.compare.per_comparison import remembered
from reader_app.ui.compare.view import CompareView

FOUND_COLOUR = "#d55e00"
LONG_TEXT = 200_000  # characters in both panes: from here a search is felt while typing
ReadingKey = tuple[int, int, int]  # (row, 0 for left or 1 for right, position in the pane)


# A match: (row, 0 for left or 1 for right, start, end), its reading key first. A plain
# tuple: a one-letter search makes a hundred thousand of them, and sorts them.
Match = tuple[int, int, int, int]


@dataclass(frozen=True)
class FindResult:
    """What the find bar shows: "3 of 5", and the matches per side for its tooltip."""

    status: str
    detail: str = ""


def _pane_matches(pane: DocumentPane, text: str, case_sensitive: bool,
                  folded: set[int]) -> tuple[list[Span], list[int]]:
    """Every match in the pane, in text order, and its paragraph's number (none in hidden
    paragraphs but ``folded`` ones: a folded run opens when a match in it is selected)."""
    spans, blocks = find_in_blocks(pane.document(), text, case_sensitive)
    skipped = hidden_blocks(pane.document(), among=blocks) - folded  # (of those with matches)
    if not skipped:
        return spans, blocks
    kept = [n for n, block in enumerate(blocks) if block not in skipped]
    return [spans[n] for n in kept], [blocks[n] for n in kept]


def _rows_of(view: CompareView, side: Side) -> dict[int, int]:
    """Paragraph number -> row number on one side (empty without a comparison); two rows
    shown on one line are one row, the first: its left paragraph is read before its right."""
    comparison = view.comparison
    if comparison is None:
        return {}
    beside = beside_rows(comparison)
    return remembered(comparison, f"rows of {side}", lambda: {
        index: number - 1 if number in beside else number for number, index in enumerate(
            row.left if side == "left" else row.right for row in comparison.rows)
        if index is not None})


def _key(view: CompareView, side: Side, rows: dict[int, int], position: int) -> ReadingKey:
    paragraph = view.panes[side].document().findBlock(position).blockNumber()
    return rows.get(paragraph, paragraph), SIDES.index(side), position


def _matches_of(view: CompareView, side: Side, spans: Sequence[Span],
                blocks: Sequence[int]) -> list[Match]:
    """The pane's matches (in paragraphs ``blocks``) with their reading keys."""
    rows, order = _rows_of(view, side), SIDES.index(side)
    return [(rows.get(block, block), order, start, stop)
            for (start, stop), block in zip(spans, blocks, strict=True)]


def matches_in_reading_order(view: CompareView, text: str, case_sensitive: bool) -> list[Match]:
    """Every match of ``text`` in both panes, marked, in reading order."""
    found: list[Match] = []
    for side in SIDES:
        pane = view.panes[side]
        spans, blocks = _pane_matches(pane, text, case_sensitive,
                                      view.folds.folded(side)) if text else ([], [])
        pane.mark_found(spans, QColor(FOUND_COLOUR))
        found += _matches_of(view, side, spans, blocks)
    found.sort()  # (each side's are in order already: a merge of two runs)
    return found


def _side_of(view: CompareView, pane: DocumentPane) -> Side:
    return next(side for side in SIDES if view.panes[side] is pane)


def _chosen(view: CompareView, matches: Sequence[Match], backwards: bool) -> int:
    """The index of the match to select next (``matches`` is not empty)."""
    side = _side_of(view, view.active_pane())
    cursor = view.active_pane().textCursor()
    if cursor.position() == 0 and not cursor.hasSelection():
        # A caret at the start of its document (never moved) reads as the top of the pair:
        # a right-only title above the left's first paragraph is match 1, not the last.
        return len(matches) - 1 if backwards else 0
    start = _key(view, side, _rows_of(view, side), cursor.selectionStart())
    first_after = bisect_left(matches, start)  # (a key sorts before the matches it begins)
    if first_after < len(matches) and cursor.hasSelection():
        row, order, begin, end = matches[first_after]  # the match selected has the same key
        if (row, order, begin, end) == (*start, cursor.selectionEnd()):
            return (first_after + (-1 if backwards else 1)) % len(matches)
    return (first_after - 1 if backwards else first_after) % len(matches)


def _select(view: CompareView, match: Match) -> None:
    _, order, start, end = match
    for side, pane in view.panes.items():
        if side != SIDES[order]:  # one selection at a time: the other pane keeps its caret
            cursor = pane.textCursor()
            cursor.clearSelection()
            pane.setTextCursor(cursor)
    pane = view.panes[SIDES[order]]
    if view.folds.reveal(pane, pane.document().findBlock(start).blockNumber()):
        view.finish_alignment()  # (the run holding the match is open now, and aligned)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    bring_into_view(pane)
    view.set_active_pane(pane)


def _clear_selections(view: CompareView) -> None:
    for pane in view.panes.values():
        cursor = pane.textCursor()
        cursor.setPosition(cursor.selectionStart())
        pane.setTextCursor(cursor)


def find_in_panes(view: CompareView, text: str, backwards: bool,
                  case_sensitive: bool) -> FindResult:
    """Outline all matches of ``text`` and select the next one (or the previous one)."""
    matches = matches_in_reading_order(view, text, case_sensitive)
    if not text:
        return FindResult("")
    if not matches:  # an earlier, shorter match must not stay selected
        _clear_selections(view)
        return FindResult("Not found")
    number = _chosen(view, matches, backwards)
    _select(view, matches[number])
    left = [order for _, order, _, _ in matches].count(SIDES.index("left"))
    return FindResult(f"{number + 1} of {len(matches)}",
                      f"{left} on the left · {len(matches) - left} on the right")


def searches_take_long(view: CompareView) -> bool:
    """Whether the panes hold enough text for a search to be felt between keystrokes."""
    return sum(pane.document().characterCount() for pane in view.panes.values()) > LONG_TEXT
