"""File ▸ Export Comparison… and File ▸ Print…: the comparison on screen as a page.

The page is the one ``reader-app compare --format html`` writes
(``reader_app.core.formats.html.render_html``): saved as it is for HTML, and laid out by a
``QTextDocument`` for PDF (``QPdfWriter``) and for printing (``QPrinter``), landscape so that
both columns keep a readable width. The caller hands in the comparison, the settings (the
last folder exported to), a parent for the dialogs and where to show a failure; nothing here
walks the window. ``print_comparison`` takes a ready ``QPrinter`` (a test hands it one set to
PDF output: no dialog).
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSettings, Qt
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from reader_app.core.compare import Comparison
from reader_app.core.errors import ReaderError
from reader_app.core.formats import palette
from reader_app.core.formats.html import render_html
from reader_app.core.replace_file import refuse_to_overwrite, replace_file, replacement
from reader_app.ui.window.page_printing import PagedLayout, paged_document, paint_pages
from reader_app.ui.window.recent_folders import start_folder

LAST_FOLDER_KEY = "export/last_folder"
LAST_FORMAT_KEY = "export/last_format"  # "html" or "pdf": what the dialog proposes next
HTML_FILTER, PDF_FILTER = "HTML page (*.html)", "PDF document (*.pdf)"
MARGIN_MM = 12
PDF_RESOLUTION = 300  # dots per inch of the PDF's layout (its text stays text)
NAME_CHARS = 40  # of each title in a default file name
# What Qt's rich text makes of the page's CSS differently from a browser: it sizes columns by
# their content (no ``table-layout: fixed``), so the two texts are given equal widths; it knows
# no ``display: block`` on a span nor margins between spans, so the links start a line of
# their own and the legend's entries get spaces between them; ``color: inherit`` it takes
# for a colour and writes into the PDF as one that readers reject; and each row is a table of
# its own, which the pages are cut between (``for_qt``).
LINK_GREEN = palette.LINK_TEXT  # the links' colour in the page
_LEGEND = re.compile(r'<p class="legend">.*?</p>')
_ROW_TABLE = '<table class="cmp" width="100%" cellspacing="0" style="margin-top: 0">'
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
# Files no export may replace, each group with what its files are ("the annotation file in
# use"): a name typed into the save dialog over one would put a report in its place.
Protected = Sequence[tuple[Sequence[str], str]]


@dataclass(frozen=True)
class ExportInputs:
    """What an export needs: the dialogs' parent, the settings, the comparison on screen
    (``None``: nothing to export), where to tell the reader what happened, and whether the
    panes hide boilerplate now (the page leaves out what the reader chose not to see)."""

    parent: QWidget
    settings: QSettings
    comparison: Callable[[], Comparison | None]
    show_error: Callable[[str], None]
    show_message: Callable[[str], None]
    hide_boilerplate: Callable[[], bool] = lambda: False
    protected: Callable[[], Protected] = lambda: ()


def comparison_document(comparison: Comparison, device: QPagedPaintDevice,
                        hide_boilerplate: bool = False) -> PagedLayout:
    """The comparison's HTML page laid out by Qt in pages of ``device``'s size."""
    return paged_document(for_qt(render_html(comparison, hide_boilerplate)), device)


def _caption(comparison: Comparison) -> str:
    return f"{comparison.left.shown_title} ⟷ {comparison.right.shown_title}"


def for_qt(page: str) -> str:
    """The page with the line breaks and spaces a browser draws from its CSS written out.

    Only mark-up changes: the documents' text is escaped (no ``<`` of theirs is left), and
    the style sheet is changed in the head alone."""
    head, end, body = page.partition("</style>")
    head = head.replace(".links a { color: inherit; }", f".links a {{ color: {LINK_GREEN}; }}")
    head = head.replace("color: inherit;", "")
    body = body.replace('<span class="links">', '<br><span class="links">')
    body = body.replace('<td class="num"', '<td width="6%" class="num"')
    body = body.replace('<td class="text', '<td width="44%" class="text')
    body = body.replace("</tr>\n<tr ", f"</tr></table>\n{_ROW_TABLE}<tr ")
    body = _LEGEND.sub(lambda m: m.group().replace("</span><span", "</span>&nbsp;&nbsp; <span"),
                       body, count=1)
    return head + end + body


def set_a4_layout(device: QPagedPaintDevice, landscape: bool = True) -> None:
    orientation = QPageLayout.Orientation.Landscape if landscape else \
        QPageLayout.Orientation.Portrait
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                         QPageLayout.Unit.Millimeter)
    device.setPageLayout(layout)


def print_comparison(comparison: Comparison, printer: QPrinter,
                     hide_boilerplate: bool = False) -> None:
    """Print the comparison (both columns, landscape) on ``printer``, set up already."""
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    paint_pages(comparison_document(comparison, printer, hide_boilerplate), printer,
                _caption(comparison))


def write_pdf(comparison: Comparison, path: Path, hide_boilerplate: bool = False) -> None:
    """Write the comparison as a landscape A4 PDF; ``ReaderError`` if the file cannot be made."""
    write_page_pdf(for_qt(render_html(comparison, hide_boilerplate)), _caption(comparison),
                   path)


def write_page_pdf(page: str, caption: str, path: Path, landscape: bool = True) -> None:
    """Write an HTML page (as Qt's rich text draws it) as an A4 PDF, ``caption`` in each
    page's footer, whole or not at all; ``ReaderError`` if the file cannot be made."""
    with replacement(path, make_folder=True) as temporary:
        _paint_pdf(page, caption, temporary, landscape)
        if temporary.stat().st_size == 0:  # QPdfWriter says nothing when it cannot write
            raise OSError(errno.EIO, "nothing could be written")


def write_page_text(text: str, path: Path) -> None:
    """Write an exported page (HTML, CSV, JSON) whole or not at all (an export cut short
    by a full disk leaves the file it was to replace as it was); ``ReaderError`` if not."""
    replace_file(path, [text.encode("utf-8")], make_folder=True)


def refuse_protected(protected: Protected, path: Path) -> None:
    """``ReaderError`` if ``path`` is one of the ``protected`` files (the annotation file in
    use, a document of the library): an export never replaces one."""
    for paths, description in protected:
        refuse_to_overwrite(path, paths, description)


def not_exported(what: str, path: Path, error: OSError | ReaderError) -> str:
    """The status bar's line for an export that failed: what, where and why."""
    reason = (str(error).removeprefix(f"{path}: ") if isinstance(error, ReaderError)
              else error.strerror or str(error))
    return f"{what} not exported to {path}: {reason}"


def _paint_pdf(page: str, caption: str, path: Path, landscape: bool) -> None:
    writer = QPdfWriter(str(path))  # the file is finished when the writer goes, on return
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(caption)
    writer.setCreator("Source Reader")
    set_a4_layout(writer, landscape)
    paint_pages(paged_document(page, writer), writer, caption)


def write_html(comparison: Comparison, path: Path, hide_boilerplate: bool = False) -> None:
    write_page_text(render_html(comparison, hide_boilerplate), path)


def default_name(comparison: Comparison, suffix: str) -> str:
    """"<left title> vs <right title>.<suffix>", safe as a file name."""
    titles = []
    for document in (comparison.left, comparison.right):
        title = _UNSAFE.sub(" ", document.title or document.name).strip(" .")
        titles.append(_clipped(" ".join(title.split())) or "document")
    return f"{titles[0]} vs {titles[1]}.{suffix}"


def _clipped(title: str) -> str:
    """``title`` cut to ``NAME_CHARS`` between words (a first word longer than that is cut)."""
    if len(title) <= NAME_CHARS:
        return title
    cut = title[:NAME_CHARS]
    if title[NAME_CHARS].isspace() or " " not in cut:
        return cut.strip()
    return cut.rsplit(" ", 1)[0].strip()


@contextmanager
def busy(inputs: ExportInputs, message: str) -> Iterator[None]:
    """A wait cursor and a message while a page is laid out (a PDF of 50,000 words a side
    takes some 6 s, most of it in Qt reading the HTML, which cannot be split)."""
    inputs.show_message(message)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents()  # draw the message and the cursor before the wait
    try:
        yield
    except (OSError, ReaderError):
        inputs.show_message("")  # the error reported next is not to wait under the message
        raise
    finally:
        QApplication.restoreOverrideCursor()


def ask_page_path(inputs: ExportInputs, title: str, name: str) -> Path | None:
    """The save dialog for an HTML page or a PDF of it, proposing ``name`` (no suffix) in
    the last folder and the format exported last; the path chosen, with its suffix."""
    suffix = "pdf" if inputs.settings.value(LAST_FORMAT_KEY) == "pdf" else "html"
    start = Path(start_folder(inputs.settings, LAST_FOLDER_KEY)) / f"{name}.{suffix}"
    chosen, picked = QFileDialog.getSaveFileName(
        inputs.parent, title, str(start), f"{HTML_FILTER};;{PDF_FILTER}",
        PDF_FILTER if suffix == "pdf" else HTML_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".html", ".htm", ".pdf"):
        path = path.with_name(path.name + (".pdf" if picked == PDF_FILTER else ".html"))
    inputs.settings.setValue(LAST_FOLDER_KEY, str(path.parent))
    inputs.settings.setValue(LAST_FORMAT_KEY, "pdf" if is_pdf(path) else "html")
    return path


def is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def export_comparison(inputs: ExportInputs) -> Path | None:
    """Ask where (HTML or PDF) and write the comparison there; the path written, or None."""
    comparison = inputs.comparison()
    if comparison is None:
        inputs.show_message("Choose two documents to compare first")
        return None
    path = ask_page_path(inputs, "Export Comparison",
                         default_name(comparison, "html").removesuffix(".html"))
    if path is None:
        return None
    try:
        refuse_protected(inputs.protected(), path)
        with busy(inputs, f"Writing {path.name}…"):
            (write_pdf if is_pdf(path) else write_html)(comparison, path,
                                                        inputs.hide_boilerplate())
    except (OSError, ReaderError) as error:
        inputs.show_error(not_exported("Comparison", path, error))
        return None
    inputs.show_message(f"Comparison exported to {path}")
    return path


def preview_print(inputs: ExportInputs) -> QPrintPreviewDialog | None:
    """File ▸ Print Preview…: the pages as they will print (landscape), printable from there;
    the dialog, opened (None without a pair)."""
    comparison = inputs.comparison()
    if comparison is None:
        inputs.show_message("Choose two documents to compare first")
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName(_caption(comparison))
    dialog = QPrintPreviewDialog(printer, inputs.parent)
    dialog.setWindowTitle("Print Preview")
    # The slot holds the printer: the dialog only points at it (gone with this function's
    # frame, its first page painted on freed memory).
    dialog.paintRequested.connect(
        lambda shown, _kept=printer: print_comparison(comparison, shown,
                                                      inputs.hide_boilerplate()))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def print_with_dialog(inputs: ExportInputs) -> None:
    """File ▸ Print…: the print dialog (landscape proposed), then the comparison printed."""
    comparison = inputs.comparison()
    if comparison is None:
        inputs.show_message("Choose two documents to compare first")
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName(_caption(comparison))
    dialog = QPrintDialog(printer, inputs.parent)
    dialog.setWindowTitle("Print Comparison")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    try:
        with busy(inputs, "Printing…"):
            print_comparison(comparison, printer, inputs.hide_boilerplate())
    except OSError as error:  # no printer to draw on, a "print to file" that cannot be made
        inputs.show_error(f"Comparison not printed: {error.strerror or error}")
        return
    inputs.show_message("Comparison sent to the printer")

