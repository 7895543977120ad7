"""Printing and the PDF export cut the comparison into pages between its rows: a row (its
number, both texts, its links) is printed whole on one page, not its last lines at the top
of the next under no number (Qt's own pages cut a row after any line)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPdfWriter
from pytestqt.qtbot import QtBot
from ui_helpers import SEED_FILES

from reader_app.core.compare import compare
from reader_app.core.documents import load_document, parse_document
from reader_app.ui.window.export_actions import comparison_document, set_a4_layout


def test_every_row_is_printed_whole_on_one_page(qtbot: QtBot, tmp_path: Path) -> None:
    comparison = compare(*(load_document(path) for path in SEED_FILES[:2]))
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    set_a4_layout(writer)
    paged = comparison_document(comparison, writer)
    document, layout = paged.document, paged.document.documentLayout()
    rows = [layout.frameBoundingRect(frame) for frame in document.rootFrame().childFrames()]
    assert len(rows) > 20 and paged.page_count >= 3
    page_height = writer.pageLayout().paintRectPoints().height() * 96 / 72  # at most
    assert all(paged.page_bottom(n) - paged.tops[n] <= page_height
               for n in range(paged.page_count))
    # Each page starts with a row: at its border, just above its text (and its rectangle).
    assert all(any(0 < row.top() - top <= 12 for row in rows) for top in paged.tops[1:])
    assert list(paged.tops) == sorted(set(paged.tops))


def test_a_row_taller_than_a_page_is_cut_where_the_page_ends(
        qtbot: QtBot, tmp_path: Path) -> None:
    long = " ".join(f"Word{n} of a very long paragraph." for n in range(1500))
    left = parse_document(f"Short start.\n\n{long}\n", path=str(tmp_path / "a.txt"))
    right = parse_document(f"Short start.\n\n{long} More.\n", path=str(tmp_path / "b.txt"))
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    set_a4_layout(writer)
    paged = comparison_document(compare(left, right), writer)
    page_height = writer.pageLayout().paintRectPoints().height() * 96 / 72
    assert paged.page_count >= 3  # the long row goes on over pages, each one full
    assert all(0 < paged.page_bottom(n) - paged.tops[n] <= page_height
               for n in range(paged.page_count))
    assert paged.page_bottom(paged.page_count - 1) == paged.document.size().height()
