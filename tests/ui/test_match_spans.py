"""The find's text search agrees with ``QTextDocument.find`` (which it replaced, being a
Python round trip per match): same spans, in Qt's positions, case folded or not."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from reader_app.ui.compare.match_spans import find_in_blocks, hidden_blocks

TEXT = ("Said the cat: «said».\nAn emoji 😀 then said\u00a0it, SAID it\n"
        "saidsaid — ß and İ said\n\nsaid")


def qt_spans(document: QTextDocument, words: str, case_sensitive: bool) -> list[tuple[int, int]]:
    flags = QTextDocument.FindFlag.FindCaseSensitively if case_sensitive else \
        QTextDocument.FindFlag(0)
    spans, cursor = [], QTextCursor(document)
    while not (cursor := document.find(words, cursor, flags)).isNull():
        spans.append((cursor.selectionStart(), cursor.selectionEnd()))
    return spans


@pytest.mark.parametrize("words", ["said", "SAID", "d it", "said said", "😀 then", "ß", "x"])
@pytest.mark.parametrize("case_sensitive", [False, True])
def test_the_spans_are_qts(qtbot: QtBot, words: str, case_sensitive: bool) -> None:
    document = QTextDocument()
    document.setPlainText(TEXT)
    assert find_in_blocks(document, words, case_sensitive)[0] == qt_spans(document, words,
                                                                    case_sensitive)


def test_matches_in_skipped_paragraphs_are_left_out(qtbot: QtBot) -> None:
    document = QTextDocument()
    document.setPlainText(TEXT)
    spans, blocks = find_in_blocks(document, "said", False, skipped={1})
    assert blocks == [document.findBlock(start).blockNumber() for start, _ in spans]
    paragraphs = {document.findBlock(start).blockNumber() for start, _ in spans}
    assert paragraphs == {0, 2, 4}


def test_a_search_after_the_text_changed_finds_the_new_text(qtbot: QtBot) -> None:
    document = QTextDocument()
    document.setUndoRedoEnabled(False)  # (as a pane's)
    document.setPlainText("said it\nnot here")
    assert find_in_blocks(document, "said", False) == ([(0, 4)], [0])
    document.setPlainText("it said\nnot here")  # (as long: only its revision tells)
    assert find_in_blocks(document, "said", False) == ([(3, 7)], [0])
    QTextCursor(document).insertText("said ")
    assert find_in_blocks(document, "said", False) == ([(0, 4), (8, 12)], [0, 0])


@pytest.mark.parametrize("among", [None, [1], [0, 1, 2], range(40)])
def test_hidden_blocks_among_some_are_those_of_all(qtbot: QtBot,
                                                   among: list[int] | None) -> None:
    document = QTextDocument()
    document.setPlainText("\n".join(f"paragraph {n}" for n in range(40)))
    for number in (1, 7, 30):
        document.findBlockByNumber(number).setVisible(False)
    every = hidden_blocks(document)
    assert every == {1, 7, 30}
    assert hidden_blocks(document, among) == (every if among is None else every & set(among))
