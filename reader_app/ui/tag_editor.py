"""The tag editor: the tags (comma separated, completed from the tags in use) and a note.

A small dialog shown window-modal with ``open()``; whoever opens it reads ``tags()`` and
``note()`` when it is accepted. Knows nothing of the store.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from reader_app.core.annotations import normalise_tags

QUOTE_SHOWN = 160  # characters of the quote shown above the fields


class TagCompleter(QCompleter):
    """Completes the tag after the last comma, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: object) -> str:
        chosen = super().pathFromIndex(index)  # type: ignore[arg-type]
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        before = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return before + chosen


class TagEditor(QDialog):
    def __init__(self, quote: str, used_tags: Sequence[str], tags: Sequence[str] = (),
                 note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tag_editor")
        self.setWindowTitle("Tag Selection")
        self._build_ui(quote, used_tags)
        self.tags_field.setText(", ".join(tags))
        self.note_field.setPlainText(note)
        self._connect_signals()

    def _build_ui(self, quote: str, used_tags: Sequence[str]) -> None:
        shown = " ".join(quote.split())
        shown = shown if len(shown) <= QUOTE_SHOWN else shown[: QUOTE_SHOWN - 1] + "…"
        self.quote_label = QLabel(f"“{shown}”", self)
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tags_field = QLineEdit(self)
        self.tags_field.setObjectName("tags_field")
        self.tags_field.setPlaceholderText("verify, contradiction, …")
        completer = TagCompleter(QStringListModel(list(used_tags), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_field.setCompleter(completer)
        self.note_field = QPlainTextEdit(self)
        self.note_field.setObjectName("note_field")
        self.note_field.setTabChangesFocus(True)
        self.note_field.setFixedHeight(80)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        form = QFormLayout(self)
        form.addRow(self.quote_label)
        form.addRow("&Tags:", self.tags_field)
        form.addRow("&Note:", self.note_field)
        form.addRow(self.buttons)
        self.resize(420, self.sizeHint().height())

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tags_field.textChanged.connect(self._on_tags_field_text_changed)
        self._on_tags_field_text_changed(self.tags_field.text())

    def _on_tags_field_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.tags()))

    def tags(self) -> tuple[str, ...]:
        return normalise_tags(self.tags_field.text().split(","))

    def note(self) -> str:
        return self.note_field.toPlainText().strip()
