"""Tagged passages as the panes draw them: a colour per tag and underline formats per paragraph.

Owns the fixed colour-blind-safe palette (Okabe and Ito's eight colours, black left out), the
choice of tags' colours (the palette in the order the tags were first used, so adding a tag
never recolours the others), the cutting of ``(start, end, colour)`` document ranges into
per-paragraph underline ranges (a single underline where one passage is tagged, a wave where
tagged passages overlap) and the lanes of the margin stripes (overlapping passages side by side).
Knows nothing of the store; must not import the core's annotation modules.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import pairwise

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


def underline_format(colour: QColor, overlapped: bool = False) -> QTextCharFormat:
    """A single underline in the tag's colour; a wave where two tagged passages overlap."""
    char_format = QTextCharFormat()
    style = QTextCharFormat.UnderlineStyle
    char_format.setUnderlineStyle(style.WaveUnderline if overlapped else style.SingleUnderline)
    char_format.setUnderlineColor(colour)
    return char_format


def layered(marks: Sequence[Mark]) -> list[tuple[int, int, QColor, int]]:
    """The marks cut where they overlap: ``(start, end, colour, depth)``, the colour being the
    last-starting mark's and ``depth`` how many marks cover the piece."""
    bounds = sorted({m[0] for m in marks} | {m[1] for m in marks})
    order = sorted(marks, key=lambda mark: (mark[0], mark[1]))
    active: list[Mark] = []
    pieces: list[tuple[int, int, QColor, int]] = []
    taken = 0
    for first, last in pairwise(bounds):
        while taken < len(order) and order[taken][0] <= first:
            active.append(order[taken])
            taken += 1
        active = [mark for mark in active if mark[1] > first]
        if not active:
            continue
        colour, depth = active[-1][2], len(active)
        if pieces and pieces[-1][1] == first and pieces[-1][2:] == (colour, depth):
            pieces[-1] = (pieces[-1][0], last, colour, depth)
        else:
            pieces.append((first, last, colour, depth))
    return pieces


def lanes(marks: Sequence[Mark]) -> list[int]:
    """Each mark's margin-stripe lane: the lowest lane free at its start, so overlapping
    passages get stripes side by side (``marks`` sorted by start)."""
    lane_ends: list[int] = []
    chosen = []
    for start, end, _colour in marks:
        lane = next((i for i, last in enumerate(lane_ends) if last <= start), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(end)
        lane_ends[lane] = end
        chosen.append(lane)
    return chosen


def mark_pieces(marks: Sequence[Mark], paragraphs: Sequence[Paragraph]) -> MarkPieces:
    """Each mark cut where marks overlap and at paragraph boundaries, by paragraph index."""
    starts = [p.start for p in paragraphs]
    pieces: MarkPieces = {}
    formats: dict[tuple[int, bool], QTextCharFormat] = {}
    for start, end, colour, depth in layered(marks):
        key = (colour.rgba(), depth > 1)
        char_format = formats.get(key) or formats.setdefault(
            key, underline_format(colour, depth > 1))
        index = max(0, bisect_right(starts, start) - 1)
        while index < len(paragraphs) and paragraphs[index].start < end:
            paragraph = paragraphs[index]
            first, last = max(start, paragraph.start), min(end, paragraph.end)
            if first < last:
                pieces.setdefault(index, []).append(
                    (first - paragraph.start, last - first, char_format))
            index += 1
    return pieces
