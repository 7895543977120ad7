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
from PySide6.QtGui import QFont, QTextCursor, QTextDocument

from reader_app.core.documents import Document
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


class ReadyText:
    """The text a pane made ready for a document (``text_steps``), until it takes it or
    another's is made; and the one it took and shows (let go when it takes another)."""

    def __init__(self) -> None:
        self._made: tuple[Document, QTextDocument] | None = None
        self._taken: QTextDocument | None = None

    def is_made_for(self, document: Document | None) -> bool:
        return self._made is not None and self._made[0] is document

    def set(self, made: tuple[Document, QTextDocument] | None) -> None:
        if self._made is not None:
            self._made[1].deleteLater()
        self._made = made

    def take(self, document: Document | None, font: QFont) -> QTextDocument | None:
        """The text made for ``document`` (unless made in another font), to show instead of
        the one shown; None if there is none. Another document's is let go; none kept."""
        made, self._made = self._made, None
        if made is None or made[0] is not document or made[1].defaultFont() != font:
            self._made = made
            if document is not None:
                self.set(None)
            return None
        taken_before, self._taken = self._taken, made[1]
        if taken_before is not None:
            taken_before.deleteLater()  # (at the next turn: the pane shows the new one then)
        return made[1]
