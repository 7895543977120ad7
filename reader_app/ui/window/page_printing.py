"""A laid-out ``QTextDocument`` painted page by page onto a PDF writer or a printer, each page
with a footer: a caption on the left (the two titles) and "3 / 7" on the right.

The document is laid out in CSS pixels at the screen's resolution, as a browser would lay out
the page; ``paged_document`` sizes its pages to the device's printable area less the footer,
and ``paint_pages`` scales each page up to the device's resolution (at a PDF's 300 or a
printer's 1,200 dots an inch, a 15 px font laid out in device pixels would be 4 or 1 point).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPainter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
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


def paged_document(html: str, device: QPagedPaintDevice) -> QTextDocument:
    """``html`` laid out in pages of the device's printable area, the footer's room left."""
    document = QTextDocument()
    document.setHtml(html)
    page = device.pageLayout().paintRectPoints()
    scale = layout_dpi() / 72  # CSS pixels a point
    height = max(page.height() - _footer_points(), page.height() / 2)
    document.setPageSize(QSizeF(page.width() * scale, height * scale))
    keep_together(document)
    return document


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


def keep_together(document: QTextDocument) -> None:
    """Start a new page before each marked run (``KEEP_START``) that a page's end would cut,
    unless it is longer than a page: a passage, its source and note are read together."""
    page = document.pageSize().height()
    if page <= 0:
        return
    layout = document.documentLayout()
    for first, last in kept_runs(document):
        top = layout.blockBoundingRect(first).top()
        bottom = layout.blockBoundingRect(last).bottom()
        if bottom - top < page and int(top // page) != int((bottom - 1) // page):
            moved = QTextBlockFormat()
            moved.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(first).mergeBlockFormat(moved)


def paint_pages(document: QTextDocument, device: QPagedPaintDevice, caption: str) -> int:
    """Paint every page of ``document`` (from ``paged_document``) with its footer; the number
    of pages. ``OSError`` if the device cannot be painted on (a file that cannot be made)."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the page could not be drawn (the file or printer refused it)")
    try:
        count, span = document.pageCount(), _content_span(document, device)
        for number in range(count):
            if number:
                device.newPage()
            _paint_page(painter, document, device, number)
            _paint_footer(painter, device, span, caption, f"{number + 1} / {count}")
    finally:
        painter.end()
    return count


def _paint_page(painter: QPainter, document: QTextDocument, device: QPagedPaintDevice,
                number: int) -> None:
    scale = device.logicalDpiX() / layout_dpi()
    page = document.pageSize()
    painter.save()
    painter.scale(scale, scale)
    painter.translate(0, -number * page.height())
    document.drawContents(painter, QRectF(0, number * page.height(), page.width(),
                                          page.height()))
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
