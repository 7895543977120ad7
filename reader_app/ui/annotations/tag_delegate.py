"""The Tags column's cells: each tag drawn in its own colour, "contradiction, verify" in
orange and blue, not the whole cell in the first tag's colour.

Reads the model's ``TAG_COLOURS_ROLE`` (``[(tag, QColor), …]``); the background, selection and
focus are the style's. A selected row draws its tags in the highlighted-text colour (as the
other cells do), and tags that do not fit end in "…".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader_app.ui.annotations.model import TAG_COLOURS_ROLE

SEPARATOR = ", "
MARGIN = 4  # pixels left and right of the text, as the style's own cells have


class TagsDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        tags = index.data(TAG_COLOURS_ROLE)
        if not tags:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(option.font)
        painter.setClipRect(option.rect)
        _draw_tags(painter, option, tags, selected)
        painter.restore()


def _draw_tags(painter: QPainter, option: QStyleOptionViewItem,
               tags: Sequence[tuple[str, QColor]], selected: bool) -> None:
    """The tags left to right, each in its colour, ", " between them; "…" where they stop."""
    area = option.rect.adjusted(MARGIN, 0, -MARGIN, 0)
    plain = option.palette.color(QPalette.ColorRole.HighlightedText if selected
                                 else QPalette.ColorRole.Text)
    x = area.left()
    for number, (tag, colour) in enumerate(tags):
        if number:  # the separator in the text's colour, the tag in its own
            x, whole = _draw_piece(painter, option, area, x, SEPARATOR, plain)
            if not whole:
                return
        x, whole = _draw_piece(painter, option, area, x, tag, plain if selected else colour)
        if not whole:
            return


def _draw_piece(painter: QPainter, option: QStyleOptionViewItem, area: QRect, x: int,
                text: str, colour: QColor) -> tuple[int, bool]:
    """``text`` from ``x`` in ``colour``, elided to the room left: where it ends, and whether
    it was drawn whole."""
    metrics = option.fontMetrics
    room = area.right() + 1 - x
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, room))
    painter.setPen(colour)
    painter.drawText(QRect(x, area.top(), max(0, room), area.height()),
                     Qt.AlignmentFlag.AlignVCenter, shown)
    return x + metrics.horizontalAdvance(shown), shown == text
