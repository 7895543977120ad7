"""What the main window remembers between sessions (QSettings): geometry, splitter, zoom,
options, theme, the annotation table's columns and sort and its document filter (all or on
screen; one document is a choice of the moment). The user's annotations are data, kept in
their own file, never here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray

from reader_app.ui.annotations.panel import ALL_DOCUMENTS, SHOWN_DOCUMENTS
from reader_app.ui.compare.view import DEFAULT_POINT_SIZE

if TYPE_CHECKING:
    from reader_app.ui.window.main_window import MainWindow

CHECKABLE = {
    "options/ignore_case": "ignore_case",
    "options/ignore_punctuation": "ignore_punctuation",
    "view/sync_scroll": "sync_scroll",
    "view/hide_boilerplate": "hide_boilerplate",
    "view/show_source": "show_source",
}
DEFAULTS = {"view/sync_scroll": True}
REMEMBERED_DOCUMENT_CHOICES = (ALL_DOCUMENTS, SHOWN_DOCUMENTS)


def _bool(value: Any, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def restore(window: MainWindow) -> None:
    settings = window.settings
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    splitter = settings.value("view/splitter")
    if isinstance(splitter, QByteArray):
        window.view.splitter.restoreState(splitter)
    for key, name in CHECKABLE.items():
        checked = _bool(settings.value(key), DEFAULTS.get(key, False))
        window.actions_by_name[name].setChecked(checked)
    theme = str(settings.value("view/theme", "system"))
    actions = window.actions_by_name
    actions.get(f"theme_{theme}", actions["theme_system"]).setChecked(True)
    try:
        size = float(settings.value("view/point_size", DEFAULT_POINT_SIZE))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        size = DEFAULT_POINT_SIZE
    window.view.set_point_size(size)
    _restore_annotation_panel(window)


def _restore_annotation_panel(window: MainWindow) -> None:
    panel = window.annotations.panel
    header = window.settings.value("annotations/header")
    if isinstance(header, QByteArray):
        panel.table.horizontalHeader().restoreState(header)
    documents = window.settings.value("annotations/documents")
    if documents in REMEMBERED_DOCUMENT_CHOICES:
        panel.choose_documents(str(documents))


def save(window: MainWindow) -> None:
    settings = window.settings
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("view/splitter", window.view.splitter.saveState())
    for key, name in CHECKABLE.items():
        settings.setValue(key, window.actions_by_name[name].isChecked())
    settings.setValue("view/theme", window.theme)
    settings.setValue("view/point_size", window.view.point_size)
    panel = window.annotations.panel
    settings.setValue("annotations/header", panel.table.horizontalHeader().saveState())
    chosen = panel.document_box.currentData()
    settings.setValue("annotations/documents",
                      chosen if chosen in REMEMBERED_DOCUMENT_CHOICES else ALL_DOCUMENTS)
    settings.sync()
