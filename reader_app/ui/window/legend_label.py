"""The status bar's key to the highlights and marks, drawn with the panes' own formats.

Qt's rich text (a label's HTML) draws no dotted, dashed or wavy underline: the key said
"dashed underline" under a solid line and "wavy" under none. So the key is a small text
document whose pieces carry the very character formats the panes use (``evidence_formats``),
painted as the label's content.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QWidget

from reader_app.ui.compare.evidence_marks import evidence_formats
from reader_app.ui.theme import Highlights

GAP = "\u2003"  # an em space between entries


def legend_document(highlights: Highlights, font: QFont) -> QTextDocument:
    """The key as one line of text, each entry in the format it explains."""
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(2)
    cursor = QTextCursor(document)
    marks = evidence_formats(highlights)
    entries: list[tuple[str, QTextCharFormat]] = [
        ("\u2009shared\u2009", _background(highlights.shared)),
        ("\u2009only here\u2009", _background(highlights.unique)),
        ("boilerplate", _italic(highlights.boilerplate)),
        ("\u2009⇄ moved\u2009", _background(highlights.moved)),
        ("variant", marks["variant"]),
        ("differs", marks["differs"]),
    ]
    for number, (text, style) in enumerate(entries):
        if number:
            cursor.insertText(GAP, QTextCharFormat())
        cursor.insertText(text, style)
    return document


def _background(colour: QColor) -> QTextCharFormat:
    style = QTextCharFormat()
    style.setBackground(colour)
    return style


def _italic(colour: QColor) -> QTextCharFormat:
    style = QTextCharFormat()
    style.setFontItalic(True)
    style.setForeground(colour)
    return style


class LegendLabel(QLabel):
    """A label showing ``legend_document`` (its tooltip says the rest in words)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = QTextDocument(self)

    def show_key(self, highlights: Highlights) -> None:
        self._document = legend_document(highlights, self.font())
        self._document.setParent(self)
        self.updateGeometry()
        self.update()

    def document(self) -> QTextDocument:
        return self._document

    def sizeHint(self) -> QSize:
        size = self._document.size()
        return QSize(int(size.width()) + 1, max(int(size.height()), super().sizeHint().height()))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        top = (self.height() - self._document.size().height()) / 2
        painter.translate(0, top)
        self._document.drawContents(painter, QRectF(event.rect()).translated(0, -top))
