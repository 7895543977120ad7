"""Hovering a tagged passage in a pane shows its tags and note.

"Tagged: contradiction, verify" then the note (wrapped), one block per annotation that covers
the character under the mouse; where the comparison marks the word too (``EvidenceTips``),
its tip follows. Plain text from the annotation file, escaped (``link_styles.as_tooltip``).
Watches the pane's viewport (installed after ``EvidenceTips``, so it is asked first); the
pane and the annotations need no code for it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from reader_app.core.annotations.model import Annotation
from reader_app.core.documents import Document
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.evidence_tips import EvidenceTips
from reader_app.ui.compare.link_styles import as_tooltip
from reader_app.ui.compare.pane_geometry import offset_at
from reader_app.ui.window.annotations import WindowAnnotations

NOTE_COLUMNS = 72  # a long note is wrapped at this width
MAX_NOTE_CHARS = 600  # and cut after this many characters

PassagesAt = Callable[[Document, int], list[Annotation]]


def passages_at(annotations: WindowAnnotations) -> PassagesAt:
    """The annotations of a document shown in a pane that cover a character of it."""
    controller = annotations.controller

    def covering(document: Document, offset: int) -> list[Annotation]:
        found = [annotation for annotation, start, end in controller.found_in(document)
                 if start <= offset < end]
        return sorted(found, key=lambda a: (a.created, a.id))

    return covering


def tag_tip(covering: list[Annotation]) -> str | None:
    """The tooltip's plain text for the annotations under the mouse; None for none."""
    blocks = []
    for annotation in covering:
        tags = ", ".join(annotation.tags) or "(no tag)"
        lines = [f"Tagged: {tags}"]
        note = annotation.note.strip()
        if len(note) > MAX_NOTE_CHARS:
            note = note[:MAX_NOTE_CHARS - 1] + "…"
        for paragraph in note.splitlines():  # the note's own lines, each wrapped
            lines += textwrap.wrap(paragraph, NOTE_COLUMNS) or [""]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) if blocks else None


class TagTips(QObject):
    """Shows ``tag_tip`` over a pane's tagged passages, the comparison's tip after it."""

    def __init__(self, pane: DocumentPane, passages: PassagesAt,
                 evidence: EvidenceTips | None = None) -> None:
        super().__init__(pane)
        self._pane, self._passages, self._evidence = pane, passages, evidence
        pane.viewport().installEventFilter(self)

    def tip_at(self, point: QPoint) -> str | None:
        """The tag tooltip's text at a point of the viewport (None: no tagged passage)."""
        document = self._pane.source
        if document is None:
            return None
        offset = offset_at(self._pane, point)
        if offset is None:
            return None
        # The cursor sits between characters: the one under the mouse is before or after it.
        covering = self._passages(document, offset) or self._passages(document, offset - 1)
        return tag_tip(covering)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(event.pos())
            if tip is None:
                return False  # the comparison's tip, if any
            evidence = self._evidence.tip_at(event.pos()) if self._evidence else None
            text = as_tooltip(tip + (f"\n\n{evidence}" if evidence else ""))
            QToolTip.showText(event.globalPos(), text, self._pane.viewport())
            return True
        return False
