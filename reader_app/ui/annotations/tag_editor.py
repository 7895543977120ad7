"""The tag editor: the tags (comma separated, completed from the tags in use), their colours
and a note.

A small dialog shown window-modal with ``open()``; whoever opens it reads ``tags()``,
``note()`` and ``chosen_colours()`` when it is accepted. Each tag typed gets a swatch button in
the colour it will have (a new tag: the palette colour it is about to take); clicking it
opens a colour dialog, and the colour chosen is the tag's everywhere. Editing several passages
at once, the tags all of them have are shown; a note that differs between them is left
as it is unless one is typed. Knows nothing of the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from reader_app.core.annotations.model import normalise_tags
from reader_app.core.text import shorten
from reader_app.ui.plain_text import plain_action, plain_tooltip

QUOTE_SHOWN = 160  # characters of the quote shown above the fields
SWATCH = 12  # pixels of a tag's colour square
MAX_SWATCHES = 8  # tags with a colour button (the rest keep theirs)
ColoursOf = Callable[[Sequence[str]], list[QColor]]  # tags -> their colours, in order


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


class NoteField(QPlainTextEdit):
    """The note: Return (or Enter, Ctrl+Return) submits it as a line field would, Shift+Return
    starts a new line — a reader who types a note and presses Return means "done"."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        submits = (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                   and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if submits:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class TagEditor(QDialog):
    def __init__(self, quote: str, used_tags: Sequence[str], tags: Sequence[str] = (),
                 note: str = "", colours_of: ColoursOf | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tag_editor")
        self.setWindowTitle("Tag Selection")
        self._colours_of: ColoursOf = colours_of or (lambda tags: [QColor("#7f7f7f")] * len(tags))
        self._chosen: dict[str, QColor] = {}  # by case-folded tag
        self.colour_dialog: QColorDialog | None = None
        self.several = False  # editing several passages: no tag typed is fine (others stay)
        self.keeps_notes = False  # several passages with different notes: keep each
        self._build_ui(quote, used_tags)
        self.tags_field.setText(", ".join(tags))
        self.note_field.setPlainText(note)
        self._connect_signals()

    @classmethod
    def for_several(cls, count: int, used_tags: Sequence[str], common_tags: Sequence[str],
                    common_note: str | None, colours_of: ColoursOf | None = None,
                    parent: QWidget | None = None) -> TagEditor:
        """An editor for ``count`` passages: their common tags; their note if they share one."""
        editor = cls("", used_tags, common_tags, common_note or "", colours_of, parent)
        editor.setWindowTitle(f"Edit {count} Tags")
        editor.quote_label.setText(f"{count} passages: the tags typed are added to each, the "
                                   "tags taken away are removed from each, others are kept.")
        editor.several = True
        editor._on_tags_field_text_changed(editor.tags_field.text())
        if common_note is None:
            editor.keeps_notes = True
            editor.note_field.setPlaceholderText("Different notes: leave empty to keep each")
        return editor

    def _build_ui(self, quote: str, used_tags: Sequence[str]) -> None:
        shown = " ".join(quote.split())
        shown = shorten(shown, QUOTE_SHOWN)
        self.quote_label = QLabel(f"“{shown}”", self)
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tags_field = QLineEdit(self)
        self.tags_field.setObjectName("tags_field")
        self.tags_field.setPlaceholderText("verify, contradiction, …")
        completer = TagCompleter(QStringListModel(list(used_tags), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_field.setCompleter(completer)
        self.swatches = QHBoxLayout()
        self.swatches.setContentsMargins(0, 0, 0, 0)
        self.note_field = NoteField(self)
        self.note_field.setObjectName("note_field")
        self.note_field.setPlaceholderText("Return saves · Shift+Return starts a new line")
        self.note_field.setTabChangesFocus(True)
        self.note_field.setFixedHeight(80)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        form = QFormLayout(self)
        form.addRow(self.quote_label)
        form.addRow("&Tags:", self.tags_field)
        form.addRow("Colours:", self.swatches)
        form.addRow("&Note:", self.note_field)
        form.addRow(self.buttons)
        self.resize(420, self.sizeHint().height())

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note_field.submitted.connect(self._submit)
        self.tags_field.textChanged.connect(self._on_tags_field_text_changed)
        self._on_tags_field_text_changed(self.tags_field.text())

    def _submit(self) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            self.accept()

    def _on_tags_field_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.tags()) or self.several)
        self._show_swatches()

    # -- colours -------------------------------------------------------------------------

    def colour(self, tag: str) -> QColor:
        """The tag's colour as this editor would leave it (a new tag's: the one it will get)."""
        chosen = self._chosen.get(tag.casefold())
        if chosen is not None:
            return chosen
        typed = [t.casefold() for t in self.tags()]
        if tag.casefold() in typed:
            return self._colours_of(self.tags())[typed.index(tag.casefold())]
        return self._colours_of([tag])[0]

    def chosen_colours(self) -> dict[str, str]:
        """The colours chosen here for the tags typed (``#rrggbb`` by tag)."""
        typed = {tag.casefold(): tag for tag in self.tags()}
        return {typed[key]: colour.name() for key, colour in self._chosen.items()
                if key in typed}

    def swatch_buttons(self) -> list[QToolButton]:
        return [self.swatches.itemAt(i).widget() for i in range(self.swatches.count())]

    def _show_swatches(self) -> None:
        for button in self.swatch_buttons():
            self.swatches.removeWidget(button)
            button.hide()  # now: deleteLater waits for the event loop, and it would show
            button.deleteLater()
        for tag in self.tags()[:MAX_SWATCHES]:
            button = QToolButton(self)
            button.setText(plain_action(tag))
            button.setIcon(_swatch_icon(self.colour(tag)))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setToolTip(plain_tooltip(f"Choose the colour of “{tag}”"))
            button.clicked.connect(lambda _=False, t=tag: self.ask_colour(t))
            self.swatches.addWidget(button)

    def ask_colour(self, tag: str) -> QColorDialog:
        """Open a colour dialog for ``tag``; the colour picked becomes the tag's."""
        self.colour_dialog = open_colour_dialog(
            self, tag, self.colour(tag), lambda colour: self.set_colour(tag, colour))
        return self.colour_dialog

    def set_colour(self, tag: str, colour: QColor) -> None:
        if colour.isValid():
            self._chosen[tag.casefold()] = QColor(colour)
            self._show_swatches()

    def tags(self) -> tuple[str, ...]:
        return normalise_tags(self.tags_field.text().split(","))

    def note(self) -> str | None:
        """The note typed; ``None`` when several different notes are to be kept."""
        typed = self.note_field.toPlainText().strip()
        return None if self.keeps_notes and not typed else typed


def open_colour_dialog(parent: QWidget, tag: str, initial: QColor,
                       chosen: Callable[[QColor], None]) -> QColorDialog:
    """A window-modal colour dialog for ``tag``; ``chosen`` gets the colour on OK."""
    dialog = QColorDialog(initial, parent)
    dialog.setWindowTitle(f"Colour of “{tag}”")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.colorSelected.connect(chosen)
    dialog.open()
    return dialog


def _swatch_icon(colour: QColor) -> QIcon:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(colour)
    return QIcon(pixmap)
