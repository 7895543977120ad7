"""The library's content column: each document's content in common with the left one (the
share of its words in linked paragraphs, copied or reworded), shown as a percentage, sorted
as a number, with the shared wording alone in the cell's tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import SEED_FILES, WindowFactory

from reader_app.core.compare import Stats, compare
from reader_app.core.documents import load_document
from reader_app.ui.library.model import (
    SIMILARITY_COLUMN,
    SORT_ROLE,
    LibraryEntry,
    LibraryModel,
)
from reader_app.ui.window.main_window import MainWindow


def content_model() -> LibraryModel:
    model = LibraryModel()
    model.set_entries([LibraryEntry(path, load_document(path)) for path in SEED_FILES[:3]])
    model.set_sides(0, 1)
    return model


def cell(model: LibraryModel, row: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, SIMILARITY_COLUMN), role)


def test_header_names_the_content() -> None:
    model = content_model()
    header = model.headerData(SIMILARITY_COLUMN, Qt.Orientation.Horizontal)
    assert header == "Content"
    tip = model.headerData(SIMILARITY_COLUMN, Qt.Orientation.Horizontal,
                           Qt.ItemDataRole.ToolTipRole)
    assert "other words" in str(tip)


def test_stats_show_their_content_and_sort_by_it() -> None:
    model = content_model()
    model.set_similarities({0: 1.0, 1: Stats(0.04, 0.06, 0.05, 0.47, 0.62, 0.545),
                            2: Stats(0.3, 0.3, 0.3, 0.2, 0.2, 0.2)})
    assert [cell(model, row) for row in range(3)] == ["100%", "55%", "20%"]
    assert [cell(model, row, SORT_ROLE) for row in range(3)] == [1.0, 0.545, 0.2]
    assert "5% shared wording" in str(cell(model, 1, Qt.ItemDataRole.ToolTipRole))
    model.set_similarities({})
    assert cell(model, 1) == "" and cell(model, 1, SORT_ROLE) == -1.0


def test_values_against_another_left_are_not_shown() -> None:
    """A new left document: the column is blank until it is filled against it (it showed
    the old left's figures while the new pair was compared)."""
    model = content_model()
    model.set_sides(0, 1)
    model.set_similarities({0: 1.0, 1: Stats(0.04, 0.06, 0.05, 0.47, 0.62, 0.545)})
    assert cell(model, 1) == "55%"
    model.set_sides(1, 0)
    assert [cell(model, row) for row in range(2)] == ["", ""]
    assert cell(model, 1, SORT_ROLE) == -1.0
    model.set_sides(0, 2)  # (back to the left the figures are against)
    assert cell(model, 1) == "55%"


def test_bare_similarities_are_titled_so() -> None:
    model = content_model()
    model.set_similarities({0: 1.0, 1: 0.05, 2: 0.3})
    assert model.headerData(SIMILARITY_COLUMN, Qt.Orientation.Horizontal) == "Similarity"
    assert cell(model, 1) == "5%"
    assert "shared wording" in str(cell(model, 1, Qt.ItemDataRole.ToolTipRole))
    model.set_similarities({0: 1.0, 1: Stats(0.04, 0.06, 0.05, 0.47, 0.62, 0.545)})
    assert model.headerData(SIMILARITY_COLUMN, Qt.Orientation.Horizontal) == "Content"
    model.set_similarities({0: 1.0})  # a library of one document
    assert model.headerData(SIMILARITY_COLUMN, Qt.Orientation.Horizontal) == "Content"


def test_window_column_is_the_content_against_the_left(qtbot: QtBot,
                                                       make_window: WindowFactory) -> None:
    window: MainWindow = make_window(synchronous=True)
    left, right = (window.model.row_of(path) for path in SEED_FILES[2:4])
    with qtbot.waitSignal(window.similarities_shown, timeout=20_000, raising=False):
        window.show_pair(left, right)
    qtbot.waitUntil(lambda: cell(window.model, right) not in ("", None))
    expected = compare(load_document(SEED_FILES[2]), load_document(SEED_FILES[3])).stats
    assert window.model.headerData(SIMILARITY_COLUMN, Qt.Orientation.Horizontal) == "Content"
    assert cell(window.model, right) == f"{expected.content:.0%}"
    assert cell(window.model, left) == "100%"
