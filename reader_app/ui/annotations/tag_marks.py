"""Tagged passages as the panes draw them: a colour per tag and underline formats per paragraph.

Owns the fixed colour-blind-safe palette (Okabe and Ito's eight colours, black left out), the
choice of tags' colours (``TagPalette``: the reader's choice, else the palette in the order the
tags were first used, so adding a tag never recolours the others), the cutting of
``(start, end, colour)`` document ranges into per-paragraph underline ranges (``layered``:
each piece with the colours of every passage covering it, which ``tag_stripes`` draws as one
bar, or a double bar where passages overlap) and the lanes of the margin stripes (overlapping
passages side by side). Never a wave: that is the ``differs`` evidence mark's shape.
Knows nothing of the store; must not import the core's annotation modules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtGui import QColor, QTextCharFormat

from reader_app.core.documents import Document

# Okabe & Ito (2008), "Color Universal Design": told apart under every common colour blindness.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
UNTAGGED = "#7F7F7F"

# A document range to underline: (start, end, colour).
Mark = tuple[int, int, QColor]
# A piece of tagged text: (start, end, the colours of the marks covering it, in start order).
Layer = tuple[int, int, tuple[QColor, ...]]
# Per paragraph: (offset in paragraph, length, format).
MarkPieces = dict[int, list[tuple[int, int, QTextCharFormat]]]


class TagPalette:
    """Tags' colours: the reader's choice, else the palette's in order of first use.

    Kept up to date change by change (``follow``): a new tag takes the next palette colour and
    nothing else is recoloured, even when a tag's last use is deleted."""

    def __init__(self) -> None:
        self.automatic: dict[str, QColor] = {}
        self._chosen: dict[str, QColor] = {}

    def reset(self, annotations: Iterable[Any], chosen: Mapping[str, str]) -> None:
        """Start again from ``annotations`` (objects with ``tags``, ``created`` and ``id``)."""
        self.automatic.clear()
        oldest_first = sorted(annotations, key=lambda a: (a.created, a.id))
        self.follow_tags(a.tags for a in oldest_first)
        self.choose(chosen)

    def follow(self, annotations: Iterable[Any]) -> None:
        """Give the tags of new or changed annotations (``None`` skipped) their colours."""
        self.follow_tags(a.tags for a in annotations if a is not None)

    def follow_tags(self, tags_in_order_of_use: Iterable[Sequence[str]]) -> None:
        for tags in tags_in_order_of_use:
            for tag in tags:
                key = tag.casefold()
                if key not in self.automatic:
                    self.automatic[key] = QColor(PALETTE[len(self.automatic) % len(PALETTE)])

    def choose(self, chosen: Mapping[str, str]) -> None:
        """The colours the reader chose, by case-folded tag (``#rrggbb``)."""
        self._chosen = {tag: QColor(colour) for tag, colour in chosen.items()}

    def colour(self, tag: str | None) -> QColor:
        """A tag's colour; grey for a passage with no tag (or a tag never seen)."""
        if not tag:
            return QColor(UNTAGGED)
        key = tag.casefold()
        found = self._chosen.get(key) or self.automatic.get(key)
        return QColor(found) if found is not None else QColor(UNTAGGED)

    def colours_to_come(self, tags: Sequence[str]) -> list[QColor]:
        """The colours ``tags`` will have once used in this order: a tag never seen takes the
        palette colour ``follow_tags`` would give it (unless one was chosen for it)."""
        upcoming: dict[str, QColor] = {}
        for tag in tags:
            key = tag.casefold()
            if key and key not in self.automatic and key not in upcoming:
                taken = len(self.automatic) + len(upcoming)
                upcoming[key] = QColor(PALETTE[taken % len(PALETTE)])
        return [QColor(self._chosen.get(key) or upcoming[key]) if key in upcoming
                else self.colour(tag) for tag in tags for key in [tag.casefold()]]

def underline_format(colour: QColor) -> QTextCharFormat:
    """A single underline in the colour of the piece's first passage (the bars the stripes
    paint lie over it; where passages overlap, the second tag's bar goes under it)."""
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    char_format.setUnderlineColor(colour)
    return char_format


def layered(marks: Sequence[Mark]) -> list[Layer]:
    """The marks cut where they overlap: ``(start, end, colours)``, the colours of the marks
    covering the piece, the earliest-starting first (its bar keeps its place on the line)."""
    bounds = sorted({m[0] for m in marks} | {m[1] for m in marks})
    order = sorted(marks, key=lambda mark: (mark[0], mark[1]))
    active: list[Mark] = []
    pieces: list[Layer] = []
    taken = 0
    for first, last in pairwise(bounds):
        while taken < len(order) and order[taken][0] <= first:
            active.append(order[taken])
            taken += 1
        active = [mark for mark in active if mark[1] > first]
        if not active:
            continue
        colours = tuple(mark[2] for mark in active)
        if pieces and pieces[-1][1] == first and pieces[-1][2] == colours:
            pieces[-1] = (pieces[-1][0], last, colours)
        else:
            pieces.append((first, last, colours))
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


def mark_pieces(marks: Sequence[Mark], document: Document) -> MarkPieces:
    """Each mark cut where marks overlap and at paragraph boundaries, by paragraph index."""
    paragraphs = document.paragraphs
    pieces: MarkPieces = {}
    formats: dict[int, QTextCharFormat] = {}
    for start, end, colours in layered(marks):
        key = colours[0].rgba()
        char_format = formats.get(key) or formats.setdefault(key, underline_format(colours[0]))
        index = document.paragraph_at(start)
        while index < len(paragraphs) and paragraphs[index].start < end:
            paragraph = paragraphs[index]
            first, last = max(start, paragraph.start), min(end, paragraph.end)
            if first < last:
                pieces.setdefault(index, []).append(
                    (first - paragraph.start, last - first, char_format))
            index += 1
    return pieces
