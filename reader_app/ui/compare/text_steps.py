"""A document's text put into a text document of its own a slice at a time, for a pane to take
whole (``DocumentPane.take_text``) once it is all there.

Setting a long document's text in one go (``setPlainText``) took the window 25-50 ms a pane,
more while the comparing worker held the interpreter lock. Here the text goes in a slice of
paragraphs per turn of the event loop, into a document no pane shows and Qt does not lay out
(its page size is empty): nothing the reader sees or works in is ever half made.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import suppress

from PySide6.QtCore import QObject, QSizeF
from PySide6.QtGui import QTextCursor, QTextDocument

from reader_app.ui.compare.pane_margins import space_evenly

CHARACTERS_PER_STEP = 200_000  # ~5 ms of Qt's time a step


def text_steps(text: str, like: QTextDocument, spacing: float,
               parent: QObject) -> Generator[None, None, QTextDocument]:
    """A new document holding ``text`` (one block per line) as a pane shows it plain, set up
    as ``like`` (font, margin, text options) and spaced ``spacing`` between paragraphs;
    pausing (yielding) after every ``CHARACTERS_PER_STEP`` characters or so."""
    made = QTextDocument(parent)
    made.setPageSize(QSizeF(0, 0))  # (no layout while it is filled)
    made.setUndoRedoEnabled(False)
    made.setDefaultFont(like.defaultFont())
    made.setDocumentMargin(like.documentMargin())
    made.setDefaultTextOption(like.defaultTextOption())
    space_evenly(made, spacing)  # (the blocks inserted after the first take its format)
    cursor = QTextCursor(made)
    start = 0
    try:
        while start < len(text):
            end = text.find("\n", start + CHARACTERS_PER_STEP)  # a slice of whole paragraphs
            end = len(text) if end < 0 else end
            cursor.insertText(text[start:end])
            start = end
            yield
    except GeneratorExit:  # (left unfinished: another pair was asked for)
        with suppress(RuntimeError):  # (or the window went, and the pane with it)
            made.deleteLater()
        raise
    return made
