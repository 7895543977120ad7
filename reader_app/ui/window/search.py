"""Find in both panes: every match outlined, the next one selected in the active pane."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.view import CompareView

FOUND_COLOUR = "#d55e00"


def _all_matches(pane: DocumentPane, text: str, flags: QTextDocument.FindFlag) -> list[QTextCursor]:
    matches = []
    cursor = QTextCursor(pane.document())
    while True:
        cursor = pane.document().find(text, cursor, flags)
        if cursor.isNull():
            return matches
        matches.append(QTextCursor(cursor))


def find_in_panes(view: CompareView, text: str, backwards: bool, case_sensitive: bool) -> str:
    """Outline all matches of ``text``, select the next one; returns a status line."""
    from PySide6.QtGui import QColor

    flags = QTextDocument.FindFlag(0)
    if case_sensitive:
        flags |= QTextDocument.FindFlag.FindCaseSensitively
    counts = {}
    for side, pane in view.panes.items():
        matches = _all_matches(pane, text, flags) if text else []
        pane.mark_found(matches, QColor(FOUND_COLOUR))
        counts[side] = len(matches)
    if not text:
        return ""
    pane = view.active_pane()
    start = QTextCursor(pane.textCursor())
    selected = start.selectedText()
    same = selected == text if case_sensitive else selected.casefold() == text.casefold()
    if not same and not backwards:  # the text was edited: look again from the same place
        start.setPosition(start.selectionStart())
    if backwards:
        flags |= QTextDocument.FindFlag.FindBackward
    found = pane.document().find(text, start, flags)
    if found.isNull():  # wrap around
        start = QTextCursor(pane.document())
        if backwards:
            start.movePosition(QTextCursor.MoveOperation.End)
        found = pane.document().find(text, start, flags)
    if not found.isNull():
        pane.setTextCursor(found)
        pane.ensureCursorVisible()
    else:  # nothing matches: an earlier, shorter match must not stay selected
        start.clearSelection()
        pane.setTextCursor(start)
    if not any(counts.values()):
        return "Not found"
    return f"{counts['left']} on the left · {counts['right']} on the right"
