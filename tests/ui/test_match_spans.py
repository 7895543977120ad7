"""The find's text search agrees with ``QTextDocument.find`` (which it replaced, being a
Python round trip per match): same spans, in Qt's positions, case folded or not."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from reader_app.ui.compare.match_spans import find_in_blocks

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
