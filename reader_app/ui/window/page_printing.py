"""A laid-out ``QTextDocument`` painted page by page onto a PDF writer or a printer, each page
with a footer: a caption on the left (the two titles) and "3 / 7" on the right.

The document is laid out in CSS pixels at the screen's resolution, as a browser would lay out
the page, in one column at the width of the device's printable area; ``paged_document`` cuts
it into pages of that area's height (less the footer) where no row of the comparison and no
passage of the follow-up report is cut (Qt's own pages cut a row after any line: its last
lines at the top of the next page, under no number); ``paint_pages`` scales each page up to
the device's resolution (at a PDF's 300 or a printer's 1,200 dots an inch, a 15 px font
laid out in device pixels would be 4 or 1 point).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPainter,
    QTextBlock,
    QTextDocument,
    QTextFrame,
    QTextTable,
)

from reader_app.core.formats.followup import KEEP_HEAD, KEEP_START

FOOTER_POINTS = 8  # the footer's font size
FOOTER_GAP_POINTS = 6  # between the text and the footer
FOOTER_COLOUR = QColor("#666666")
# Anchors (``<a name="…"></a>``) a page marks the blocks with that are kept on one page: from
# a ``keep-start`` block to the next, led by a ``keep-head`` block (a heading) just before it
# (each numbered: ``keep-start-3``).


def layout_dpi() -> float:
    """What ``QTextDocument`` lays out in when it has no device: the screen's logical dpi."""
    screen = QGuiApplication.primaryScreen()
    return float(round(screen.logicalDotsPerInchX())) if screen is not None else 100.0


def _footer_points() -> float:
    return FOOTER_POINTS * 1.6 + FOOTER_GAP_POINTS


@dataclass(frozen=True)
class PagedLayout:
    """A page laid out at the width of the device's pages, in one column as long as it is,
    and where each printed page starts in it (``tops``, in the document's pixels)."""

    document: QTextDocument
    tops: tuple[float, ...]

    @property
    def page_count(self) -> int:
        return len(self.tops)

    def page_bottom(self, number: int) -> float:
        last = number + 1 == len(self.tops)
        return self.document.size().height() if last else self.tops[number + 1]


def paged_document(html: str, device: QPagedPaintDevice) -> PagedLayout:
    """``html`` laid out for the device's printable area (the footer's room left), cut into
    pages where no row or kept run is cut (``page_tops``)."""
    document = QTextDocument()
    document.setHtml(html)
    page = device.pageLayout().paintRectPoints()
    scale = layout_dpi() / 72  # CSS pixels a point
    height = max(page.height() - _footer_points(), page.height() / 2)
    document.setTextWidth(page.width() * scale)  # one column: the pages are cut here
    return PagedLayout(document, page_tops(document, height * scale))


def _anchors(block: QTextBlock) -> set[str]:
    """The kinds of the block's anchors: "keep-start" for "keep-start-3"."""
    names: set[str] = set()
    fragments = block.begin()
    while not fragments.atEnd():
        names.update(name.rsplit("-", 1)[0] if name.rsplit("-", 1)[-1].isdigit() else name
                     for name in fragments.fragment().charFormat().anchorNames())
        fragments += 1
    return names


def kept_runs(document: QTextDocument) -> list[tuple[QTextBlock, QTextBlock]]:
    """The first and last block of each run marked to be kept on one page."""
    runs: list[tuple[QTextBlock, QTextBlock]] = []
    block, head, start = document.begin(), None, None
    previous = block
    while block.isValid():
        names = _anchors(block)
        if KEEP_HEAD in names or KEEP_START in names:
            if start is not None:
                runs.append((start, previous))
            start = (head if head is not None and head == previous else block) \
                if KEEP_START in names else None
            head = block if KEEP_HEAD in names else None
        previous, block = block, block.next()
    if start is not None:
        runs.append((start, previous))
    return runs


def kept_units(document: QTextDocument) -> list[tuple[float, float]]:
    """The stretches (top, bottom) that a page's end is not to cut, by their tops: each frame
    of the document's own (each row of the comparison, a table of its own) and each run
    marked to be kept (a passage of the follow-up report with its source and note)."""
    layout, units = document.documentLayout(), []
    for frame in document.rootFrame().childFrames():
        rect, above = layout.frameBoundingRect(frame), _cell_inset(frame)
        units.append((rect.top() - above, rect.bottom() - above))
    units += [(layout.blockBoundingRect(first).top(), layout.blockBoundingRect(last).bottom())
              for first, last in kept_runs(document)]
    return sorted(units)


def _cell_inset(frame: QTextFrame) -> float:
    """How far above a table's bounding rectangle (which starts at its cells' text) its
    first row is drawn: the cells' top padding and border (a page cut at the rectangle
    left the row's border and padding, and a sliver of its text's highlight, at the foot
    of the page before)."""
    if not isinstance(frame, QTextTable) or frame.rows() == 0:
        return 0.0
    cells = (frame.cellAt(0, column).format().toTableCellFormat()
             for column in range(frame.columns()))
    return max((cell.topPadding() + cell.topBorder() for cell in cells), default=0.0)


def page_tops(document: QTextDocument, height: float) -> tuple[float, ...]:
    """Where each page starts: each page holds as much as ``height`` does, but ends before
    a unit (``kept_units``) it would cut, unless the unit is taller than a page (a row cut
    across two pages read as two rows, its number on the first only)."""
    units, end = kept_units(document), document.size().height()
    starts = [top for top, _bottom in units]
    tops = [0.0]
    while tops[-1] + height < end:
        tops.append(_cut(units, starts, tops[-1], tops[-1] + height))
    return tuple(tops)


def _cut(units: list[tuple[float, float]], starts: list[float], top: float,
         limit: float) -> float:
    """The lowest place at most ``limit`` that no unit starting below ``top`` spans."""
    cut, index = limit, bisect_left(starts, limit) - 1
    while index >= 0 and units[index][0] > top:
        start, bottom = units[index]
        if bottom > cut:
            cut = start
        index -= 1
    return cut


def paint_pages(paged: PagedLayout, device: QPagedPaintDevice, caption: str) -> int:
    """Paint every page of ``paged`` (from ``paged_document``) with its footer; the number
    of pages. ``OSError`` if the device cannot be painted on (a file that cannot be made)."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the page could not be drawn (the file or printer refused it)")
    try:
        count, span = paged.page_count, _content_span(paged.document, device)
        for number in range(count):
            if number:
                device.newPage()
            _paint_page(painter, paged, device, number)
            _paint_footer(painter, device, span, caption, f"{number + 1} / {count}")
    finally:
        painter.end()
    return count


def _paint_page(painter: QPainter, paged: PagedLayout, device: QPagedPaintDevice,
                number: int) -> None:
    """The page's stretch of the document, from its top to the next page's (drawn clipped:
    what the next page starts with is not drawn at this one's foot)."""
    scale = device.logicalDpiX() / layout_dpi()
    top, bottom = paged.tops[number], paged.page_bottom(number)
    painter.save()
    painter.scale(scale, scale)
    painter.translate(0, -top)
    # Clipped here (drawContents draws whole the lines its rectangle touches: the next row's
    # first line showed as a sliver under this page's last row).
    stretch = QRectF(0, top, paged.document.textWidth(), bottom - top)
    painter.setClipRect(stretch)
    paged.document.drawContents(painter, stretch)
    painter.restore()


def _content_span(document: QTextDocument, device: QPagedPaintDevice) -> tuple[float, float]:
    """Where the text's frames (the comparison's table) begin and end across the page, in
    device pixels: the footer lines up with them (the page's margins are even)."""
    layout, scale = document.documentLayout(), device.logicalDpiX() / layout_dpi()
    frames = [layout.frameBoundingRect(f) for f in document.rootFrame().childFrames()]
    width = float(device.width())
    left = min((r.left() * scale for r in frames), default=0.0)
    return (left, width - left) if 0 <= left < width / 4 else (0.0, width)


def _paint_footer(painter: QPainter, device: QPagedPaintDevice, span: tuple[float, float],
                  caption: str, page_number: str) -> None:
    dots = device.logicalDpiY() / 72  # device pixels a point
    font = QFont(painter.font())
    font.setPointSizeF(FOOTER_POINTS)
    painter.setFont(font)
    painter.setPen(FOOTER_COLOUR)
    (left, right), height = span, device.height()
    width, line = right - left, FOOTER_POINTS * 1.6 * dots
    box = QRectF(left, height - line, width, line)
    number_width = QFontMetricsF(font, device).horizontalAdvance(page_number) + 4 * dots
    shown = QFontMetricsF(font, device).elidedText(
        caption, Qt.TextElideMode.ElideRight, width - number_width - 12 * dots)
    bottom = Qt.AlignmentFlag.AlignBottom
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | bottom), shown)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | bottom), page_number)
