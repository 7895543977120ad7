"""Hovering a marked word in a pane tells what the other side holds in its place.

Over a ``differs`` piece ("Thursday", bold vermilion) the tooltip says what differs means,
then "Thursday ≠ Wednesday (R9: “Trump had said…”)": the other side's words and paragraph
(its number and opening words); over a ``variant`` piece "U.S. ~ US (R2: “…”)" (or
"truce ~ ceasefire", said to be another word). Plain text from the documents, escaped
(``link_styles.as_tooltip``). Watches the pane's viewport, so the pane itself needs no code
for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from reader_app.core.compare import Comparison, Side, other_side
from reader_app.core.compare.evidence_marking import variant_wording
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.evidence_marks import MarkedPiece, marked_ranges
from reader_app.ui.compare.link_styles import as_tooltip, paragraph_opening
from reader_app.ui.compare.pane_geometry import offset_at

MEANINGS = {
    # Names as well as figures and dates: "spokesman Dmitry Peskov" / "spokesman Yuri Ushakov"
    # is a differs piece too, and a tip saying "figure" there sent the reader looking for one.
    "differs": "Differs: the other side states another figure, date or name here",
    "variant": "Variant: the same word or name in another form",
    "other word": "Variant: another word for the same thing (reports use them for one another)",
    "matched": "Same: the word the reworded counterpart holds too",
}
SIGNS = {"differs": "≠", "variant": "~", "matched": "="}


def evidence_tip(comparison: Comparison | None, side: Side, offset: int,
                 pieces: Sequence[MarkedPiece] | None = None) -> str | None:
    """The tooltip (plain text) over ``side``'s character at ``offset``: each marked piece
    there with its counterpart, or None where nothing is marked. ``pieces``: the side's
    ``marked_ranges``, if known."""
    if comparison is None:
        return None
    other = comparison.document(other_side(side))
    text = comparison.document(side).text
    prefix = "R" if side == "left" else "L"
    lines: list[str] = []
    kinds: list[str] = []
    if pieces is None:
        pieces = marked_ranges(comparison, side)
    for start, end, kind, other_start, other_end in pieces:
        if start <= offset < end:
            index = other.paragraph_at(other_start)
            # "(R9)" alone names a paragraph by a number the panes show nowhere.
            where = f"{prefix}{index + 1}: {paragraph_opening(comparison, other_side(side), index)}"
            here, there = text[start:end], other.text[other_start:other_end]
            line = f"{here} {SIGNS[kind]} {there} ({where})"
            if line not in lines:
                lines.append(line)
                kinds.append("other word" if kind == "variant" and variant_wording(
                    here, there) == "in another word" else kind)
    if not lines:
        return None
    heading = next(kind for kind in ("differs", "variant", "other word", "matched")
                   if kind in kinds)
    return "\n".join([MEANINGS[heading], *lines])


class EvidenceTips(QObject):
    """Shows ``evidence_tip`` over a pane's marked words (installed on its viewport)."""

    def __init__(self, pane: DocumentPane, side: Side,
                 comparison: Callable[[], Comparison | None]) -> None:
        super().__init__(pane)
        self._pane, self._side, self._comparison = pane, side, comparison
        self._pieces: tuple[Comparison | None, list[MarkedPiece]] = (None, [])
        pane.viewport().installEventFilter(self)

    def tip_at(self, point: QPoint) -> str | None:
        """The tooltip text at a point of the viewport (None: nothing marked there)."""
        offset = offset_at(self._pane, point)
        if offset is None:
            return None
        comparison = self._comparison()
        if comparison is None:
            return None
        if self._pieces[0] is not comparison:  # worked out once per comparison, not per hover
            self._pieces = (comparison, marked_ranges(comparison, self._side))
        pieces = self._pieces[1]
        # The cursor sits between characters: the one under the mouse is before or after it.
        tip = evidence_tip(comparison, self._side, offset, pieces)
        return tip or evidence_tip(comparison, self._side, offset - 1, pieces)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(event.pos())
            if tip is not None:
                QToolTip.showText(event.globalPos(), as_tooltip(tip), self._pane.viewport())
                return True
            QToolTip.hideText()
        return False
