"""Helpers for the annotation tests: select words as a drag would, tag them through the
editor, read the underline the reader sees, seed an annotation file the way another program
would."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from ui_helpers import char_format_at, click_text, position_in

from reader_app.core.annotations.jsonfile.store import AnnotationStore
from reader_app.core.annotations.model import new_annotation
from reader_app.core.documents import load_document
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.window.main_window import MainWindow

SINGLE = QTextCharFormat.UnderlineStyle.SingleUnderline
WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def select_words(qtbot: QtBot, pane: DocumentPane, text: str) -> None:
    """Click into the pane, then select ``text`` as a drag over it would."""
    click_text(qtbot, pane, text)
    start = position_in(pane, text)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)


def tag_selection(qtbot: QtBot, window: MainWindow, pane: DocumentPane, tag: str,
                  note: str = "") -> None:
    qtbot.keyClick(pane, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.annotations.editor is not None
                    and window.annotations.editor.isVisible())
    editor = window.annotations.editor
    assert editor is not None
    qtbot.keyClicks(editor.tags_field, tag)
    if note:
        editor.note_field.setPlainText(note)
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def underline_at(pane: DocumentPane, text: str, skip: int = 0) -> QTextCharFormat:
    return char_format_at(pane, position_in(pane, text) + skip)


def colour(window: MainWindow, tag: str) -> QColor:
    return window.annotations.controller.tag_colour(tag)


def saved_quotes(path: Path) -> list[str]:
    return [a["target"]["exact"] for a in json.loads(path.read_text())["annotations"]]


def store_with(path: Path, seed: Path, quote: str, tag: str) -> None:
    document = load_document(seed)
    start = document.text.index(quote)
    store = AnnotationStore.open(path)
    store.insert(new_annotation(document, start, start + len(quote), [tag]))
    store.save()
