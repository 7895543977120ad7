"""The Tags column's cells: each tag drawn in its own colour, "contradiction, verify" in
orange and blue, not the whole cell in the first tag's colour.

Reads the model's ``TAG_COLOURS_ROLE`` (``[(tag, QColor), …]``); the background, selection and
focus are the style's. A selected row draws its tags in the highlighted-text colour (as the
other cells do), a tag's colour too faint on the base is made legible (``legible_colour``),
and tags that do not fit end in "…".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader_app.ui.annotations.model import TAG_COLOURS_ROLE
from reader_app.ui.legible_colour import legible_on

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
    base = option.palette.color(QPalette.ColorRole.Base)  # (a tag's colour, legible on it)
    coloured = [(tag, plain if selected else legible_on(colour, base)) for tag, colour in tags]
    x = area.left()
    for text, colour in shown_pieces(coloured, option.fontMetrics, area.width(), plain):
        painter.setPen(colour)
        painter.drawText(QRect(x, area.top(), area.right() + 1 - x, area.height()),
                         Qt.AlignmentFlag.AlignVCenter, text)
        x += option.fontMetrics.horizontalAdvance(text)


def shown_pieces(tags: Sequence[tuple[str, QColor]], metrics: QFontMetrics, width: int,
                 plain: QColor) -> list[tuple[str, QColor]]:
    """What fits in ``width`` of "tag, tag, …" as (text, colour) pieces: the separators in
    ``plain``, and the "…" (when cut) in the colour of the tag it cuts."""
    full = SEPARATOR.join(tag for tag, _ in tags)
    shown = metrics.elidedText(full, Qt.TextElideMode.ElideRight, max(0, width))
    cut = shown != full
    kept = shown[:-1] if cut else shown
    if not full.startswith(kept):  # not a plain prefix: draw it as it is
        return [(shown, plain)]
    pieces: list[tuple[str, QColor]] = []
    left = len(kept)
    for number, (tag, colour) in enumerate(tags):
        for text, pen in ([(SEPARATOR, plain)] if number else []) + [(tag, colour)]:
            if left > 0:
                pieces.append((text[:left], pen))
                left -= len(text)
    if cut:
        pieces.append((shown[-1], pieces[-1][1] if pieces else plain))
    return pieces
