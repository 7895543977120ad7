"""The character formats a document pane lays over its text: the comparison's highlight per
kind of span, and the source view's mark-up colours (pygments), cut per paragraph; and the
pane's heading (its text, and a label that ends it in "…" where it is cut).

Formats are presentation only, set per block on the pane's layouts (as a syntax highlighter's
are), never inserted into the text. Knows nothing of the pane.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pygments.styles import get_style_by_name
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QLabel

from reader_app.core.documents import Document
from reader_app.core.markup import FADED, MarkupSpan
from reader_app.core.text import counted
from reader_app.ui.plain_text import plain_tooltip
from reader_app.ui.theme import Highlights

# Per paragraph: (offset in paragraph, length, format) of the mark-up's tokens.
MarkupPieces = list[tuple[int, int, QTextCharFormat]]
KINDS = ("plain", "shared", "unique", "unlinked", "boilerplate")


def highlight_formats(highlights: Highlights) -> dict[str, QTextCharFormat]:
    """The format of each kind of span: a background for shared, unique and unlinked words,
    grey italics for boilerplate."""
    formats = {kind: QTextCharFormat() for kind in KINDS}
    for kind in ("shared", "unique", "unlinked"):
        formats[kind].setBackground(getattr(highlights, kind))
    formats["boilerplate"].setForeground(highlights.boilerplate)
    formats["boilerplate"].setFontItalic(True)
    return formats


def markup_pieces(document: Document | None, spans: Sequence[MarkupSpan],
                  highlights: Highlights) -> list[MarkupPieces]:
    """Mark-up tokens cut per paragraph, with their pygments colours (source view) or
    faded (a page's tags in the reading view)."""
    return _token_pieces(document, spans, highlights)


def _token_pieces(document: Document | None, spans: Sequence[MarkupSpan],
                  highlights: Highlights) -> list[MarkupPieces]:
    if document is None or not spans:
        return []
    style = get_style_by_name("monokai" if highlights.dark else "friendly")
    faded = QTextCharFormat()
    faded.setForeground(highlights.boilerplate)
    paragraphs = document.paragraphs
    per_paragraph: list[MarkupPieces] = [[] for _ in paragraphs]
    for start, end, token_type in spans:
        index = document.paragraph_at(start)
        paragraph = paragraphs[index]
        start, end = max(start, paragraph.start), min(end, paragraph.end)
        if start < end:
            token_format = (faded if token_type is FADED
                            else _token_format(style.style_for_token(token_type)))
            per_paragraph[index].append((start - paragraph.start, end - start, token_format))
    return per_paragraph


def _token_format(style: dict[str, Any]) -> QTextCharFormat:
    char_format = QTextCharFormat()
    if style.get("color"):
        char_format.setForeground(QColor(f"#{style['color']}"))
    if style.get("bold"):
        char_format.setFontWeight(QFont.Weight.Bold)
    if style.get("italic"):
        char_format.setFontItalic(True)
    return char_format


def format_range(start: int, length: int,
                 char_format: QTextCharFormat) -> QTextLayout.FormatRange:
    found = QTextLayout.FormatRange()
    found.start, found.length, found.format = start, length, char_format
    return found


def header_parts(document: Document | None) -> tuple[str, str, str]:
    """A pane's heading in parts: the title, then outlet, date and length, then the length
    alone (the details kept whole when the title is cut, the shorter ones in a narrow pane)."""
    if document is None:
        return "—", "", ""
    meta = document.metadata
    words = counted(meta.word_count, "word")  # ("1 word", never "1 words")
    details = " · ".join(x for x in (meta.outlet, meta.date, words) if x)
    return document.shown_title, f"   ({details})", f"   ({words})"


def header_text(document: Document | None) -> str:
    """A pane's heading: the title, then outlet, date and length."""
    return "".join(header_parts(document)[:2])


class HeaderLabel(QLabel):
    """A one-line plain-text heading drawn with its title cut with "…" when it is wider than
    the label, its details (the word count) kept whole (``text()`` stays whole, for the
    tooltip and for tests)."""

    # Characters of the title at least, before the details give way: at 900 px a window walk
    # saw "Kremlin S…" beside "(AFP · 2025-04-07 · 421 words)" in full.
    TITLE_SHOWN = 16
    _title = ""
    _details: tuple[str, ...] = ()

    def set_parts(self, title: str, *details: str) -> None:
        """Show ``title`` then ``details[0]``; only the title is cut to make room, and in a
        narrow label the later, shorter ``details`` stand for the first."""
        self._title, self._details = title, details
        self.setText(title + (details[0] if details else ""))

    def shown_text(self) -> str:
        """The text as drawn: whole, or its title cut to the width and ended with "…"."""
        width = max(0, self.contentsRect().width() - 2 * max(0, self.margin()))
        metrics, text = self.fontMetrics(), self.text()
        if metrics.horizontalAdvance(text) <= width:
            return text
        if self._details and text == self._title + self._details[0]:  # (not a plain setText)
            least = metrics.horizontalAdvance(self._title[:self.TITLE_SHOWN] + "…")
            for details in (d for d in self._details if d):
                room = width - metrics.horizontalAdvance(details)
                if room >= least:
                    title = metrics.elidedText(self._title, Qt.TextElideMode.ElideRight, room)
                    return title + details
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def setToolTip(self, text: str) -> None:
        """The tooltip (a file's path) shown as it is, never as markup (``plain_tooltip``)."""
        super().setToolTip(plain_tooltip(text))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect().adjusted(self.margin(), 0, -self.margin(), 0)
        self.style().drawItemText(painter, rect, int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.shown_text(), self.foregroundRole())
