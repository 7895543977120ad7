"""Headers as the reader sees them: a pane's heading too long for the pane cuts its title with
"…" (it was cut mid-word: "…must first be addr") and keeps its word count whole (it was cut
off with the title's end); the library's title column keeps room for its titles when
another column widens (it fell to "C…") and widens when its header's edge is dragged."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from ui_helpers import SEED_FILES, WindowFactory

from reader_app.core.documents import load_document
from reader_app.ui.compare.pane_formats import HeaderLabel
from reader_app.ui.library.columns import OTHER_MAX, TITLE_MIN
from reader_app.ui.library.model import (
    DATE_COLUMN,
    OUTLET_COLUMN,
    SIMILARITY_COLUMN,
    TITLE_COLUMN,
    WORDS_COLUMN,
    LibraryEntry,
    LibraryModel,
)
from reader_app.ui.library.panel import LibraryPanel

LONG_OUTLET = "The Exceedingly Long Name of an Outlet, International Weekend Edition"
LEFT = Qt.MouseButton.LeftButton


def test_a_pane_heading_too_long_for_the_pane_cuts_its_title_and_keeps_the_word_count(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(synchronous=True)
    header = window.view.headers["left"]
    document = window.view.panes["left"].source
    assert document is not None
    details = f"({document.metadata.date} · {document.metadata.word_count} words)"
    assert header.text() == f"{document.title}   {details}"
    window.resize(1200, 600)
    qtbot.waitUntil(lambda: header.fontMetrics().horizontalAdvance(header.text())
                    > header.contentsRect().width())
    shown = header.shown_text()
    assert shown.endswith(f"…   {details}")  # the title cut, the word count whole
    assert header.text().startswith(shown[:shown.index("…")])
    assert len(shown) > len(details) + 10  # words of the title too
    assert header.fontMetrics().horizontalAdvance(shown) <= header.contentsRect().width()
    window.resize(900, 600)  # narrower: the word count alone stands for the details
    qtbot.waitUntil(lambda: not header.shown_text().endswith(details))
    shown = header.shown_text()
    assert shown.endswith(f"…   ({document.metadata.word_count} words)")
    assert len(shown.split("…")[0]) >= HeaderLabel.TITLE_SHOWN  # the title's start first
    assert header.fontMetrics().horizontalAdvance(shown) <= header.contentsRect().width()
    window.resize(520, 600)  # narrower still: the title alone, cut
    qtbot.waitUntil(lambda: "words)" not in header.shown_text())
    assert header.text().startswith(header.shown_text().removesuffix("…"))
    window.resize(3000, 600)  # room for it all: shown whole
    qtbot.waitUntil(lambda: header.shown_text() == header.text())


def library(qtbot: QtBot, width: int, outlet: str | None = None) -> LibraryPanel:
    entries = []
    for path in SEED_FILES:
        document = load_document(path)
        if outlet is not None:
            metadata = dataclasses.replace(  # "": no outlet at all, from the URL neither
                document.metadata, byline=outlet, url=document.metadata.url if outlet else None)
            document = dataclasses.replace(document, metadata=metadata)
        entries.append(LibraryEntry(path, document))
    model = LibraryModel()
    model.set_entries(entries)
    panel = LibraryPanel(model)
    qtbot.addWidget(panel)
    panel.resize(width, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def shown_title(panel: LibraryPanel, row: int = 0) -> str:
    table = panel.table
    text = str(table.model().index(row, TITLE_COLUMN).data())
    width = table.columnWidth(TITLE_COLUMN) - 8  # the cell's margins
    return table.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)


def test_library_titles_keep_their_room_when_another_column_widens(qtbot: QtBot) -> None:
    panel = library(qtbot, 460, LONG_OUTLET)
    header = panel.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(TITLE_COLUMN) >= TITLE_MIN)
    assert header.sectionSize(OUTLET_COLUMN) <= OTHER_MAX
    assert len(shown_title(panel)) > 8  # words of the title, not "C…"
    roomy = library(qtbot, 900, LONG_OUTLET)  # a wide dock: the title takes the room left
    qtbot.waitUntil(lambda: roomy.table.columnWidth(TITLE_COLUMN) > 400)
    table = roomy.table
    used = sum(table.columnWidth(c) for c in range(table.model().columnCount()))
    assert used <= table.viewport().width()


def test_dragging_the_title_headers_edge_widens_it(qtbot: QtBot) -> None:
    panel = library(qtbot, 700)
    header = panel.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(TITLE_COLUMN) >= TITLE_MIN)
    before = header.sectionSize(TITLE_COLUMN)
    edge = header.sectionViewportPosition(TITLE_COLUMN) + before - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), LEFT, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 60, y))
    qtbot.mouseRelease(header.viewport(), LEFT, pos=QPoint(edge + 60, y))
    assert header.sectionSize(TITLE_COLUMN) >= before + 50
    panel.model.set_sides(0, 1)  # the rows change: the width dragged to stays
    qtbot.wait(20)
    assert header.sectionSize(TITLE_COLUMN) >= before + 50


def test_an_outlet_column_with_no_outlet_gives_its_room_to_the_titles(qtbot: QtBot) -> None:
    """ECB+ reports name no outlet: the empty "Outlet" column took 66 px while every title
    was cut ("INS Sukanya interc…"). A column no document fills is hidden."""
    named = library(qtbot, 460, "Reuters")
    qtbot.waitUntil(lambda: named.table.columnWidth(TITLE_COLUMN) >= TITLE_MIN)
    assert not named.table.isColumnHidden(OUTLET_COLUMN)
    unnamed = library(qtbot, 460, "")
    table = unnamed.table
    assert all(not table.model().index(r, OUTLET_COLUMN).data()
               for r in range(table.model().rowCount()))
    qtbot.waitUntil(lambda: table.columnWidth(TITLE_COLUMN) >= TITLE_MIN)
    qtbot.wait(20)  # the fitter's timer has run
    assert table.isColumnHidden(OUTLET_COLUMN)
    assert table.columnWidth(TITLE_COLUMN) > named.table.columnWidth(TITLE_COLUMN)


def test_a_date_is_shown_whole_or_not_at_all(qtbot: QtBot) -> None:
    """Thirty reports and a scroll bar: the title was one pixel short of its minimum, and
    the date column paid for it, "2011-11-…". A date, a count and a share are never cut:
    the title gives up the pixel, or a column is hidden."""
    entries = []
    for number in range(30):
        document = load_document(SEED_FILES[number % len(SEED_FILES)])
        metadata = dataclasses.replace(document.metadata, byline="Agence France-Presse",
                                       date="2011-11-12")
        path = SEED_FILES[0].with_name(f"{number:02}.txt")
        entries.append(LibraryEntry(path, dataclasses.replace(document, metadata=metadata)))
    model = LibraryModel()
    model.set_entries(entries)
    table = None
    for width in range(400, 520, 8):
        panel = LibraryPanel(model)
        qtbot.addWidget(panel)
        panel.resize(width, 400)
        panel.show()
        qtbot.waitExposed(panel)
        table = panel.table
        qtbot.waitUntil(table.verticalScrollBar().isVisible)
        qtbot.wait(10)
        for column in (DATE_COLUMN, WORDS_COLUMN, SIMILARITY_COLUMN):
            if not table.isColumnHidden(column):
                assert table.columnWidth(column) >= table.sizeHintForColumn(column), (
                    width, column)
        panel.close()
    assert table is not None


def test_a_big_library_is_fitted_from_a_sample_of_its_rows(qtbot: QtBot) -> None:
    """Fitting the columns asked every row's every cell for its size: a folder of 982 reports
    stalled the window 2.4 s at each fit (the rows coming in, the content column filling). The
    rows in view and a sample are measured now; the widths still fit what is in view."""
    document = load_document(SEED_FILES[0])
    wide = dataclasses.replace(document, metadata=dataclasses.replace(
        document.metadata, byline="Wide Outlet Name Agency"))
    entries = [LibraryEntry(SEED_FILES[0], wide)] + [
        LibraryEntry(SEED_FILES[0], document) for _ in range(1500)]
    asked: list[int] = []

    class CountingModel(LibraryModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
            asked.append(index.row())
            return super().data(index, role)

    model = CountingModel()
    model.set_entries(entries)
    panel = LibraryPanel(model)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    asked.clear()
    panel.columns.fit()
    assert len(set(asked)) < 200  # of 1501 rows
    table = panel.table
    width = table.columnWidth(OUTLET_COLUMN)
    outlet = "Wide Outlet Name Agency"
    assert width >= min(OTHER_MAX, table.fontMetrics().horizontalAdvance(outlet))
