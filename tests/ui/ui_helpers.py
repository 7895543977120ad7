"""Small helpers for the window tests: find text as the reader sees it, read its format, pick
library rows, click into panes. They look at what is on screen; they compute nothing the
app computes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.theme import DARK, LIGHT
from reader_app.ui.window.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]
COMPARISON_TIMEOUT = 20_000  # ms; a generous bound for a slow machine, not a timing check
SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))

# Distinctive sentences of the first two seeds.
SENTENCE_000 = "several questions remained unanswered"
SENTENCE_001 = "The Ukrainian town of Kupyansk, Kharkiv region"
SENTENCE_002 = "there is a problem"
QUOTE = "Putin does support the idea"


def drain_workers() -> None:
    """Let running jobs finish and deliver their (possibly stale) results."""
    QThreadPool.globalInstance().waitForDone(COMPARISON_TIMEOUT)
    QApplication.processEvents()


def window_on_pair(make_window: WindowFactory, folder: Path, texts: dict[str, str]) -> MainWindow:
    """A window on ``folder`` holding ``texts`` (file name -> text), the first two files
    compared (in the order given), aligned."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    window = make_window([folder], synchronous=True)
    window.show_pair(*(window.model.row_of(folder / name) for name in list(texts)[:2]))
    window.view.finish_alignment()
    return window


def position_in(pane: DocumentPane, text: str, occurrence: int = 1) -> int:
    """Where ``text`` starts in what the pane shows (a cursor position); fails if absent."""
    shown = pane.toPlainText()
    position = -1
    for _ in range(occurrence):
        position = shown.find(text, position + 1)
        assert position >= 0, f"{text!r} is not shown in the pane"
    return position


def char_format_at(pane: DocumentPane, position: int) -> QTextCharFormat:
    """The format the character at ``position`` is drawn with: the document's own format
    with the highlight ranges laid over its paragraph's layout merged on top, in order."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(position + 1)  # a cursor reports the character before it
    shown = QTextCharFormat(cursor.charFormat())
    block = pane.document().findBlock(position)
    column = position - block.position()
    for painted in block.layout().formats():
        if painted.start <= column < painted.start + painted.length:
            shown.merge(painted.format)
    return shown


def background_at(pane: DocumentPane, text: str, offset: int = 0) -> QColor:
    """The highlight behind the ``offset``-th character of the first ``text`` shown."""
    return char_format_at(pane, position_in(pane, text) + offset).background().color()


def shown_row(window: MainWindow, row: int) -> int:
    """Where the library table shows model row ``row`` now (sorting and filtering move rows)."""
    library = window.library
    return library.proxy.mapFromSource(library.model.index(row, 0)).row()


def view_row_of(window: MainWindow, path: Path) -> int:
    """The library table row (as shown, sorted and filtered) listing the file at ``path``."""
    for row, entry in enumerate(window.model.entries()):
        if entry.path == path.resolve():
            return shown_row(window, row)
    raise AssertionError(f"{path} is not in the library")


def select_in_library(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    """Click the document's title in the library table, as a reader picks it."""
    table = window.library.table
    index = table.model().index(view_row_of(window, path), 1)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())
    assert table.currentIndex().row() == index.row()


def side_marks(window: MainWindow) -> dict[str, str]:
    """File name -> what the library's side column shows for it ("L", "R" or "")."""
    proxy = window.library.proxy
    marks = {}
    for row, entry in enumerate(window.model.entries()):
        marks[entry.path.name] = proxy.index(shown_row(window, row), 0).data()
    return marks


def point_of(pane: DocumentPane, position: int) -> QPoint:
    """Where the character at ``position`` is drawn, in the pane's viewport coordinates."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(position)
    rect = pane.cursorRect(cursor)
    return QPoint(rect.right() + 2, rect.center().y())


def click_text(qtbot: QtBot, pane: DocumentPane, text: str) -> None:
    """Click into ``text`` in the pane (scrolling it into view first), as a reader would."""
    position = position_in(pane, text)
    point = point_of(pane, position + 1)
    if not pane.viewport().rect().contains(point):
        bar = pane.verticalScrollBar()
        bar.setValue(bar.value() + point.y() - pane.viewport().height() // 2)
        point = point_of(pane, position + 1)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)


def visible_range(pane: DocumentPane) -> tuple[int, int]:
    """The document-coordinate band (top, bottom) the pane's viewport shows now."""
    top = pane.verticalScrollBar().value()
    return top, top + pane.viewport().height()


def is_flashing(pane: DocumentPane) -> bool:
    """Whether the pane shows its brief yellow flash (an extra selection in the flash colour)."""
    colours = (LIGHT.flash, DARK.flash)
    return any(selection.format.background().color() in colours
               for selection in pane.extraSelections())
