"""Watches the annotation file, so that what another window or ``reader-app tags add`` saved
shows up here: a change to the file (or its folder) calls the controller's ``refresh()``.

Writers replace the file atomically (``os.replace``), after which the watcher no longer
watches it: the file is added again on every change. The folder is watched too, so that a
file created after this window opened it is noticed. Changes come in bursts (temporary file,
lock, replace), so they are gathered for a moment before one refresh. Must not import widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from reader_app.ui.annotations.controller import AnnotationController

SETTLE_MILLISECONDS = 100


class AnnotationFileWatcher(QObject):
    def __init__(self, controller: AnnotationController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MILLISECONDS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        controller.file_opened.connect(self.watch)
        self.watch()

    def watch(self) -> None:
        """Watch the controller's current file (and its folder) instead of any other."""
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        path = self.controller.path
        if path is None:
            return
        if path.parent.is_dir():
            self._watcher.addPath(str(path.parent))
        self._watch_file()

    def watched(self) -> list[str]:
        return self._watcher.files() + self._watcher.directories()

    def _watch_file(self) -> None:
        path = self.controller.path
        if path is not None and path.is_file() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))

    def _on_watcher_changed(self, _path: str) -> None:
        self._watch_file()  # replaced atomically: the new file is not watched yet
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self._watch_file()
        self.controller.refresh()
