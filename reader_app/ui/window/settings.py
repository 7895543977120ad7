"""What the main window remembers between sessions (QSettings): geometry, splitter, zoom,
options, theme, the corpus overview or the comparison, the annotation table's columns and
sort and its document filter (all or on screen; one document is a choice of the moment). The
user's annotations are data, kept in their own file, never here.

``restore`` and ``save`` get the parts they read and write passed in; they never import the
main window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from reader_app.ui.annotations.panel import ALL_DOCUMENTS, SHOWN_DOCUMENTS, AnnotationPanel
from reader_app.ui.compare.view import DEFAULT_POINT_SIZE, CompareView

CHECKABLE = {
    "options/ignore_case": "ignore_case",
    "options/ignore_punctuation": "ignore_punctuation",
    "view/sync_scroll": "sync_scroll",
    "view/hide_boilerplate": "hide_boilerplate",
    "view/show_source": "show_source",
    "view/corpus_overview": "corpus_overview",
}
DEFAULTS = {"view/sync_scroll": True}
REMEMBERED_DOCUMENT_CHOICES = (ALL_DOCUMENTS, SHOWN_DOCUMENTS)


def _bool(value: Any, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def restore(settings: QSettings, window: QMainWindow, view: CompareView,
            actions: dict[str, QAction], panel: AnnotationPanel) -> None:
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    splitter = settings.value("view/splitter")
    if isinstance(splitter, QByteArray):
        view.splitter.restoreState(splitter)
    for key, name in CHECKABLE.items():
        checked = _bool(settings.value(key), DEFAULTS.get(key, False))
        actions[name].setChecked(checked)
    theme = str(settings.value("view/theme", "system"))
    actions.get(f"theme_{theme}", actions["theme_system"]).setChecked(True)
    view.set_point_size(_point_size(settings.value("view/point_size", DEFAULT_POINT_SIZE)))
    _restore_annotation_panel(settings, panel)
    _keep_saved(settings, actions)


def _keep_saved(settings: QSettings, actions: dict[str, QAction]) -> None:
    """Write an option or the theme when it is chosen, not only at quitting: a window that
    is killed or crashes keeps the reader's choices."""
    def write(key: str, value: object) -> None:
        settings.setValue(key, value)
        settings.sync()

    for key, name in CHECKABLE.items():
        actions[name].toggled.connect(lambda on, key=key: write(key, on))
    for name, action in actions.items():
        if name.startswith("theme_"):
            theme = name.removeprefix("theme_")
            action.toggled.connect(lambda on, theme=theme: on and write("view/theme", theme))


def _point_size(value: object) -> float:
    try:
        return float(str(value))  # QSettings gives a str, an int or a float
    except (TypeError, ValueError):
        return DEFAULT_POINT_SIZE


def _restore_annotation_panel(settings: QSettings, panel: AnnotationPanel) -> None:
    header = settings.value("annotations/header")
    if isinstance(header, QByteArray):
        panel.table.horizontalHeader().restoreState(header)
    documents = settings.value("annotations/documents")
    if documents in REMEMBERED_DOCUMENT_CHOICES:
        panel.choose_documents(str(documents))


def save(settings: QSettings, window: QMainWindow, view: CompareView,
         actions: dict[str, QAction], panel: AnnotationPanel, theme: str) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("view/splitter", view.splitter.saveState())
    for key, name in CHECKABLE.items():
        settings.setValue(key, actions[name].isChecked())
    settings.setValue("view/theme", theme)
    settings.setValue("view/point_size", view.point_size)
    settings.setValue("annotations/header", panel.table.horizontalHeader().saveState())
    chosen = panel.document_box.currentData()
    settings.setValue("annotations/documents",
                      chosen if chosen in REMEMBERED_DOCUMENT_CHOICES else ALL_DOCUMENTS)
    settings.sync()
