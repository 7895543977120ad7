"""The formats a document pane lays over its paragraphs' layouts: the highlight of each piece
of wording, the mark-up's colours, the evidence marks and the tags' underlines.

The document keeps plain text; the formats are presentation only (as a syntax highlighter's
are), set per block: inserting formatted fragments, or a QSyntaxHighlighter, costs seconds on
a 200k-word document, this tens of ms. A piece of plain wording (an empty format) changes
nothing where it is laid and is left out, and a block with nothing to lay is left alone: a
document shown plain (``PlainPieces``, a long pair's while it is compared) has formats only on
its boilerplate and tagged paragraphs, and only those are visited (all 10,000 paragraphs of a
long one took 40-100 ms of the window's time, in slices the comparing worker stretched).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QTextCharFormat, QTextDocument, QTextLayout

from reader_app.ui.annotations.tag_marks import MarkPieces
from reader_app.ui.compare.display_data import PlainPieces
from reader_app.ui.compare.evidence_marks import Pieces
from reader_app.ui.compare.pane_formats import MarkupPieces, format_range

Ranges = list[QTextLayout.FormatRange]


class BlockFormats:
    """What is laid over one pane's blocks: its pieces painted up to ``painted``."""

    def __init__(self) -> None:
        self.pieces: Sequence[Pieces] = []
        self._formats: dict[str, QTextCharFormat] = {}
        self._shown: dict[str, QTextCharFormat] = {}  # the formats that change anything
        self._markup: list[MarkupPieces] = []
        self._overlays: list[Pieces] = []
        self.painted = 0  # paragraphs whose formats are laid
        self._formatted: set[int] = set()  # the blocks whose layouts have formats
        self.tags: MarkPieces = {}

    def start(self, pieces: Sequence[Pieces], formats: dict[str, QTextCharFormat],
              markup: list[MarkupPieces], overlays: list[Pieces], fresh: bool) -> None:
        """Pieces to paint from the first paragraph on; ``fresh``: the text was just set (no
        block has formats)."""
        self.pieces, self._formats, self._markup, self._overlays = (
            pieces, formats, markup, overlays)
        self._shown = {kind: fmt for kind, fmt in formats.items() if not fmt.isEmpty()}
        self.painted = 0
        if fresh:
            self._formatted = set()

    @property
    def done(self) -> bool:
        return self.painted >= len(self.pieces)

    def paint(self, text_document: QTextDocument, stop: int) -> None:
        """Lay the formats of the paragraphs up to ``stop`` (while Qt keeps no layout)."""
        start, stop = self.painted, min(stop, len(self.pieces))
        numbers: Iterable[int] = range(start, stop)
        if isinstance(self.pieces, PlainPieces) and not self._markup and not self._overlays:
            numbers = sorted(i for i in {*self.pieces.boilerplate(), *self._formatted, *self.tags}
                             if start <= i < stop)
        block, at = text_document.findBlockByNumber(start), start
        for number in numbers:
            if number - at > 8:  # (a sparse plain document: jumped to, not walked)
                block = text_document.findBlockByNumber(number)
            else:
                for _ in range(number - at):
                    block = block.next()
            at = number
            self._set(block.layout(), number, self._ranges(number) + self._tag_ranges(number))
        self.painted = stop

    def _ranges(self, number: int) -> Ranges:
        """Paragraph ``number``'s formats but the tags', made again when they are asked for:
        kept, a long pair's 70,000 of them were walked by each of the collector's passes."""
        shown, formats = self._shown, self._formats
        ranges = [format_range(start, length, shown[kind])
                  for start, length, kind in self.pieces[number] if kind in shown]
        if number < len(self._markup):  # later ranges are merged over earlier ones
            ranges += [format_range(start, length, fmt)
                       for start, length, fmt in self._markup[number]]
        if number < len(self._overlays):
            ranges += [format_range(start, length, formats[kind])
                       for start, length, kind in self._overlays[number]]
        return ranges

    def set_tags(self, text_document: QTextDocument, tags: MarkPieces) -> list[int]:
        """Lay ``tags``' underlines; the painted paragraphs whose underlines changed."""
        old, self.tags = self.tags, tags
        changed = sorted(i for i in old.keys() | tags.keys()
                         if old.get(i) != tags.get(i) and i < self.painted)
        for index in changed:
            layout = text_document.findBlockByNumber(index).layout()
            self._set(layout, index, self._ranges(index) + self._tag_ranges(index))
        return changed

    def _tag_ranges(self, index: int) -> Ranges:
        if not self.tags:  # (most documents: no call per paragraph, 25 ms in all)
            return []
        return [format_range(start, length, fmt)
                for start, length, fmt in self.tags.get(index, ())]

    def _set(self, layout: QTextLayout, number: int, ranges: Ranges) -> None:
        """Lay ``ranges`` over block ``number``'s layout; none over none is no change."""
        if ranges:
            self._formatted.add(number)
        elif number in self._formatted:
            self._formatted.discard(number)
        else:
            return
        layout.setFormats(ranges)
