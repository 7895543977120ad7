"""The space above each paragraph of a document pane (its block's top margin) and below the
last (the root frame's), set a slice at a time: 10,000 paragraphs took ~100 ms at once.

Set on a laid-out document, the formats re-laid all of it out at once (0.25 s for 1 MB);
here they are set while the pane keeps no layout (``suspended``), and each slice starts one
lazy layout from the top instead (the view measures it again afterwards).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager

from PySide6.QtGui import QFont, QFontMetricsF, QTextBlockFormat, QTextCursor, QTextDocument

from reader_app.ui.compare.row_layout import SideMargins

DOCUMENT_MARGIN = 12.0  # around the text, inside the pane
SPACING_LINES = 0.8  # between paragraphs (rows): most of a line, so they read as paragraphs


def whole_lines(font: QFont, lines: float) -> float:
    """The height of ``lines`` lines of ``font`` in whole pixels, as the lines' own heights
    are, so that every line below it starts on a pixel. A line at a fraction of one has the
    highlight of the line below it painted over its lowest row of pixels, where an
    underscore is drawn: "my_file_name.txt" read "my file name.txt"."""
    return float(round(QFontMetricsF(font).lineSpacing() * lines))


def paragraph_spacing(font: QFont) -> float:
    """The space between paragraphs, compared (between rows) or not, in ``font``."""
    return whole_lines(font, SPACING_LINES)


def space_evenly(text_document: QTextDocument, spacing: float) -> None:
    """Put ``spacing`` above every paragraph (a document shown with no comparison) and only
    the document margin around them: one block format set over a selection of everything,
    a few ms for 200k words where block by block took a slice per 10,000 paragraphs."""
    root = text_document.rootFrame()
    frame_format = root.frameFormat()
    frame_format.setTopMargin(DOCUMENT_MARGIN)
    frame_format.setBottomMargin(DOCUMENT_MARGIN)
    root.setFrameFormat(frame_format)
    block_format = QTextBlockFormat()
    block_format.setTopMargin(spacing)  # (Qt ignores the first block's)
    cursor = QTextCursor(text_document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(block_format)


def margin_steps(text_document: QTextDocument, margins: SideMargins, seconds: float,
                 suspended: Callable[[], AbstractContextManager[None]]) -> Iterator[None]:
    """Put ``margins.top[i]`` of space above paragraph i, and the trailing space below,
    pausing (yielding) after about ``seconds`` of work each time."""
    first = margins.top[0] if margins.top else 0.0  # Qt ignores the first block's margin...
    frame = (DOCUMENT_MARGIN + first, DOCUMENT_MARGIN + margins.trailing)
    block, index = text_document.begin(), 0
    while True:
        changed: list[tuple[int, QTextBlockFormat]] = []
        # Half the time finding the changes: setting them takes about as long (a slice of
        # ``seconds`` took twice that).
        deadline = time.perf_counter() + seconds / 2
        while index < len(margins.top) and (not changed or time.perf_counter() < deadline):
            block_format = block.blockFormat()
            wanted = 0.0 if index == 0 else margins.top[index]  # ...so it goes above
            if block_format.topMargin() != wanted:
                block_format.setTopMargin(wanted)
                changed.append((block.position(), block_format))
            block, index = block.next(), index + 1
        _set_formats(text_document, changed, frame, suspended)
        if index >= len(margins.top):
            return
        yield


def _set_formats(text_document: QTextDocument,
                 changed: Sequence[tuple[int, QTextBlockFormat]], frame: tuple[float, float],
                 suspended: Callable[[], AbstractContextManager[None]]) -> None:
    """Set block formats (at positions) and the root frame's top and bottom margins."""
    root = text_document.rootFrame()
    frame_format = root.frameFormat()
    if not changed and (frame_format.topMargin(), frame_format.bottomMargin()) == frame:
        return
    with suspended():
        frame_format.setTopMargin(frame[0])
        frame_format.setBottomMargin(frame[1])
        root.setFrameFormat(frame_format)
        cursor = QTextCursor(text_document)
        cursor.beginEditBlock()
        for position, block_format in changed:
            cursor.setPosition(position)
            cursor.setBlockFormat(block_format)
        cursor.endEditBlock()
