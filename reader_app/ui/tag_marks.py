"""Tagged passages as the panes draw them: a colour per tag and underline formats per paragraph.

Owns the fixed colour-blind-safe palette (Okabe and Ito's eight colours, black left out), the
choice of tags' colours (the palette in the order the tags were first used, so adding a tag
never recolours the others) and the cutting of ``(start, end, colour)`` document ranges
into per-paragraph underline ranges.
Knows nothing of the store; must not import the core's annotation modules.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from PySide6.QtGui import QColor, QTextCharFormat

from reader_app.core.documents import Paragraph

# Okabe & Ito (2008), "Color Universal Design": told apart under every common colour blindness.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
UNTAGGED = "#7F7F7F"

# A document range to underline: (start, end, colour).
Mark = tuple[int, int, QColor]
# Per paragraph: (offset in paragraph, length, format).
MarkPieces = dict[int, list[tuple[int, int, QTextCharFormat]]]


def tag_colours(tags_in_order_of_use: Iterable[Sequence[str]]) -> dict[str, QColor]:
    """Each tag's colour (keyed by its case-folded name): the palette in order of first use,
    ``tags_in_order_of_use`` being the annotations' tags, oldest annotation first."""
    colours: dict[str, QColor] = {}
    for tags in tags_in_order_of_use:
        for tag in tags:
            key = tag.casefold()
            if key not in colours:
                colours[key] = QColor(PALETTE[len(colours) % len(PALETTE)])
    return colours


def colour_of(colours: dict[str, QColor], tag: str | None) -> QColor:
    """A tag's colour; grey for a passage with no tag (or a tag not in ``colours``)."""
    return QColor(colours.get(tag.casefold(), UNTAGGED)) if tag else QColor(UNTAGGED)


def underline_format(colour: QColor) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    char_format.setUnderlineColor(colour)
    return char_format


def mark_pieces(marks: Sequence[Mark], paragraphs: Sequence[Paragraph]) -> MarkPieces:
    """Each mark cut at paragraph boundaries, keyed by paragraph index."""
    starts = [p.start for p in paragraphs]
    pieces: MarkPieces = {}
    for start, end, colour in marks:
        char_format = underline_format(colour)
        index = max(0, bisect_right(starts, start) - 1)
        while index < len(paragraphs) and paragraphs[index].start < end:
            paragraph = paragraphs[index]
            first, last = max(start, paragraph.start), min(end, paragraph.end)
            if first < last:
                pieces.setdefault(index, []).append(
                    (first - paragraph.start, last - first, char_format))
            index += 1
    return pieces
