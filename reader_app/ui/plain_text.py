"""Text from documents and the annotation file shown as text, never as Qt markup.

A ``QLabel`` guesses rich text from ``<`` … ``>`` (``Qt.mightBeRichText``), and so does every
tooltip; a file named ``<h1><font color=red>…`` would be drawn large and red. Labels that show
such text get ``plain_label`` (``Qt.TextFormat.PlainText``); tooltips, which have no format
setting, get ``plain_tooltip`` (escaped, and then marked up so that Qt reads the escapes);
menu and button texts get ``plain_action`` (``&`` is no mnemonic).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel


def plain_label(label: QLabel) -> QLabel:
    """``label`` set to draw its text as typed (returned, to set it where it is made)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as it is: unchanged unless Qt would take it for markup,
    else escaped in a paragraph that keeps its spaces and line breaks."""
    if not GuiQt.mightBeRichText(text):
        return text
    return f'<p style="white-space:pre-wrap">{html.escape(text, quote=False)}</p>'


def plain_action(text: str) -> str:
    """A menu entry's or button's text shown as it is: ``&`` doubled (no mnemonic)."""
    return text.replace("&", "&&")
