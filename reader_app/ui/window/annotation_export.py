"""Export Annotations… (the Annotations dock's button and menu, and the File menu): the
annotations the dock lists now, with its filters applied, in a ``tags list`` format.

The formats are the command's own (``reader_app.core.formats.annotations``): CSV, W3C Web
Annotation JSON-LD and JSON; each row carries its anchor in the document's current text, as
``tags list`` does. The rows are the table's, in its order (sorted by a column if it is):
``filtered_listing`` reads them from the table model, which holds what the filter box and the
document box let through. Nothing here walks the window: the caller hands in the listing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from reader_app.core.annotations.listing import Listed
from reader_app.core.annotations.model import Anchor, Annotation
from reader_app.core.errors import ReaderError
from reader_app.core.formats.annotations import FORMATS
from reader_app.ui.annotations.model import AnnotationTableModel
from reader_app.ui.window.export_actions import LAST_FOLDER_KEY as EXPORT_FOLDER_KEY
from reader_app.ui.window.export_actions import (
    Protected,
    not_exported,
    refuse_protected,
    write_page_text,
)
from reader_app.ui.window.recent_folders import start_folder

LAST_FOLDER_KEY = "export/annotations_folder"
LAST_FORMAT_KEY = "export/annotations_format"


@dataclass(frozen=True)
class AnnotationFormat:
    label: str  # in the file dialog's list of types
    name: str  # in ``FORMATS`` (``tags list --format``)
    suffix: str


ANNOTATION_FORMATS = (
    AnnotationFormat("CSV table (*.csv)", "csv", ".csv"),
    AnnotationFormat("W3C Web Annotations, JSON-LD (*.jsonld)", "w3c", ".jsonld"),
    AnnotationFormat("JSON, as tags list writes it (*.json)", "json", ".json"),
)


@dataclass(frozen=True)
class AnnotationExportInputs:
    parent: QWidget
    settings: QSettings
    listed: Callable[[], list[Listed]]  # the annotations to export, as the dock lists them
    filtered: Callable[[], bool]  # does the dock leave some out?
    show_error: Callable[[str], None]
    show_message: Callable[[str], None]
    protected: Callable[[], Protected] = lambda: ()


def filtered_listing(model: AnnotationTableModel,
                     anchor_of: Callable[[Annotation], Anchor]) -> list[Listed]:
    """The table's rows, top to bottom, each with its anchor now."""
    listed = []
    for row in range(model.rowCount()):
        annotation = model.annotation_at(row)
        if annotation is not None:
            listed.append(Listed(annotation, anchor_of(annotation)))
    return listed


def format_of(path: Path, label: str) -> AnnotationFormat:
    """The format a file name asks for by its suffix, else the one chosen in the dialog."""
    for candidate in ANNOTATION_FORMATS:
        if path.suffix.lower() == candidate.suffix:
            return candidate
    return next((f for f in ANNOTATION_FORMATS if f.label == label), ANNOTATION_FORMATS[0])


def write_annotations(listed: list[Listed], path: Path, name: str) -> None:
    """Write ``listed`` in the format ``name`` (``tags list --format``) to ``path``."""
    write_page_text(FORMATS[name](listed), path)


def _start_folder(settings: QSettings) -> str:
    """The folder annotations were exported to last, else the one any export went to (or
    the library's), as Export Comparison proposes."""
    return start_folder(settings, LAST_FOLDER_KEY, EXPORT_FOLDER_KEY)


def export_annotations(inputs: AnnotationExportInputs) -> Path | None:
    """Ask where and in which format, and write the dock's annotations there."""
    listed = inputs.listed()
    if not listed:
        inputs.show_message("No annotations to export" + (" (the filter lets none through)"
                                                          if inputs.filtered() else ""))
        return None
    last = next((f for f in ANNOTATION_FORMATS
                 if f.name == inputs.settings.value(LAST_FORMAT_KEY)), ANNOTATION_FORMATS[0])
    start = Path(_start_folder(inputs.settings)) / f"annotations{last.suffix}"
    chosen, label = QFileDialog.getSaveFileName(
        inputs.parent, "Export Annotations", str(start),
        ";;".join(f.label for f in ANNOTATION_FORMATS), last.label)
    if not chosen:
        return None
    path = Path(chosen)
    wanted = format_of(path, label)
    if path.suffix.lower() != wanted.suffix:
        path = path.with_name(path.name + wanted.suffix)
    for key in (LAST_FOLDER_KEY, EXPORT_FOLDER_KEY):  # (the other exports start there too)
        inputs.settings.setValue(key, str(path.parent))
    inputs.settings.setValue(LAST_FORMAT_KEY, wanted.name)  # proposed first next time
    try:
        refuse_protected(inputs.protected(), path)  # (a JSON export over the file in use
        write_annotations(listed, path, wanted.name)  # became it: the rows filtered out lost)
    except (OSError, ReaderError) as error:
        inputs.show_error(not_exported("Annotations", path, error))
        return None
    count = f"{len(listed):,} annotation{'' if len(listed) == 1 else 's'}"
    inputs.show_message(f"{count} exported to {path}")
    return path
