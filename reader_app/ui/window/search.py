"""Find in both panes: every match outlined, one selected at a time, walked in reading order.

Reading order is the order of the aligned rows, top to bottom: a match in an earlier row
comes first, and within a row the left document's matches come before the right one's (each
pane's in text order). Without a comparison a pane's paragraph number stands for its row.

The walk starts where the reader is: from the match selected in the active pane (the one
clicked last, or holding the last match found), else from its cursor. Typing in the field
looks again from the start of the selection, so a longer word stays on the same place; the
next match (Enter, F3, ▼) and the previous one (Shift+F3, ▲) wrap around at either end. The
pane holding the match becomes the active one; the other pane's selection is cleared.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCursor, QTextDocument

from reader_app.core.compare import SIDES, Side
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.pane_geometry import bring_into_view
from reader_app.ui.compare.view import CompareView

FOUND_COLOUR = "#d55e00"
ReadingKey = tuple[int, int, int]  # (row, 0 for left or 1 for right, position in the pane)


@dataclass(frozen=True)
class Match:
    side: Side
    cursor: QTextCursor  # the match selected
    key: ReadingKey


@dataclass(frozen=True)
class FindResult:
    """What the find bar shows: "3 of 5", and the matches per side for its tooltip."""

    status: str
    detail: str = ""


def _pane_matches(pane: DocumentPane, text: str, flags: QTextDocument.FindFlag,
                  folded: set[int]) -> list[QTextCursor]:
    """Every match in the pane, in text order (none in hidden paragraphs but ``folded`` ones:
    a folded run opens when a match in it is selected)."""
    matches: list[QTextCursor] = []
    cursor = QTextCursor(pane.document())
    while True:
        cursor = pane.document().find(text, cursor, flags)
        if cursor.isNull():
            return matches
        if cursor.block().isVisible() or cursor.blockNumber() in folded:
            matches.append(QTextCursor(cursor))


def _rows_of(view: CompareView, side: Side) -> dict[int, int]:
    """Paragraph number -> row number on one side (empty without a comparison)."""
    if view.comparison is None:
        return {}
    rows: dict[int, int] = {}
    for number, row in enumerate(view.comparison.rows):
        index = row.left if side == "left" else row.right
        if index is not None:
            rows[index] = number
    return rows


def _key(view: CompareView, side: Side, rows: dict[int, int], position: int) -> ReadingKey:
    paragraph = view.panes[side].document().findBlock(position).blockNumber()
    return rows.get(paragraph, paragraph), SIDES.index(side), position


def matches_in_reading_order(view: CompareView, text: str,
                             flags: QTextDocument.FindFlag) -> list[Match]:
    """Every match of ``text`` in both panes, outlined, in reading order."""
    found: list[Match] = []
    for side in SIDES:
        pane, rows = view.panes[side], _rows_of(view, side)
        cursors = _pane_matches(pane, text, flags, view.folds.folded(side)) if text else []
        pane.mark_found(cursors, QColor(FOUND_COLOUR))
        found += [Match(side, c, _key(view, side, rows, c.selectionStart())) for c in cursors]
    return sorted(found, key=lambda match: match.key)


def _side_of(view: CompareView, pane: DocumentPane) -> Side:
    return next(side for side in SIDES if view.panes[side] is pane)


def _chosen(view: CompareView, matches: Sequence[Match], backwards: bool) -> int:
    """The index of the match to select next (``matches`` is not empty)."""
    side = _side_of(view, view.active_pane())
    cursor = view.active_pane().textCursor()
    selected = (cursor.selectionStart(), cursor.selectionEnd())
    step = -1 if backwards else 1
    for number, match in enumerate(matches):
        if match.side == side and (match.cursor.selectionStart(),
                                   match.cursor.selectionEnd()) == selected:
            return (number + step) % len(matches)
    start = _key(view, side, _rows_of(view, side), cursor.selectionStart())
    first_after = bisect_left([match.key for match in matches], start)
    return (first_after - 1 if backwards else first_after) % len(matches)


def _select(view: CompareView, match: Match) -> None:
    for side, pane in view.panes.items():
        if side != match.side:  # one selection at a time: the other pane keeps its caret
            cursor = pane.textCursor()
            cursor.clearSelection()
            pane.setTextCursor(cursor)
    pane = view.panes[match.side]
    if view.folds.reveal(pane, match.cursor.blockNumber()):
        view.finish_alignment()  # (the run holding the match is open now, and aligned)
    pane.setTextCursor(match.cursor)
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
    flags = QTextDocument.FindFlag(0)
    if case_sensitive:
        flags |= QTextDocument.FindFlag.FindCaseSensitively
    matches = matches_in_reading_order(view, text, flags)
    if not text:
        return FindResult("")
    if not matches:  # an earlier, shorter match must not stay selected
        _clear_selections(view)
        return FindResult("Not found")
    number = _chosen(view, matches, backwards)
    _select(view, matches[number])
    left = sum(match.side == "left" for match in matches)
    return FindResult(f"{number + 1} of {len(matches)}",
                      f"{left} on the left · {len(matches) - left} on the right")
