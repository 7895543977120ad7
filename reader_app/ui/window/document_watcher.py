"""Watches the library's documents on disk, so that a file edited while shown is read again.

A change to a document (or to its folder: editors save by writing a new file and renaming it
over the old one, after which the old file is no longer watched, so every path is added again
after each change) is gathered for a moment, then each document's file is looked at: one that
differs from what was read is read again off the UI thread and replaces the library's document;
if it is on screen, the pair is compared again (the reader's scroll position kept) and its tags
are anchored in the new text. A file deleted keeps its last text, its row marked missing (its
tags stay); one that comes back is read again. A file that can no longer be read (binary, too
large) keeps its old text, and the status bar says why. The same approach as the annotation
file's watcher (``reader_app.ui.annotations.watcher``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from reader_app.core.compare import SIDES
from reader_app.core.documents import Document
from reader_app.core.errors import Cancelled
from reader_app.core.text import visible_controls
from reader_app.ui.compare.view import CompareView
from reader_app.ui.library.model import LibraryModel, load_entry
from reader_app.ui.window.status import StatusArea
from reader_app.ui.workers import TaskRunner

SETTLE_MILLISECONDS = 150
Signature = tuple[int, int, int] | None  # (modified, size, inode); None: not on disk
Reloaded = list[tuple[Path, Document | None, str | None]]  # the new text, or why none


class DocumentWatcher(QObject):
    """Given the library, the comparison view, the status area, ``recompare`` (compare the
    pair on screen again) and ``forget_texts`` (the annotations' texts are stale)."""

    def __init__(self, library: LibraryModel, view: CompareView, status: StatusArea,
                 recompare: Callable[[], object], forget_texts: Callable[[], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library, self.view, self.status = library, view, status
        self._recompare, self._forget_texts = recompare, forget_texts
        self._signatures: dict[Path, Signature] = {}
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MILLISECONDS)
        self._timer.timeout.connect(self.check)
        self.runner = TaskRunner(self)
        self.runner.succeeded.connect(self._on_reloaded)
        self._pending: tuple[list[int], str] | None = None  # scrolls and message, once drawn
        self._watcher.fileChanged.connect(self._on_changed)
        self._watcher.directoryChanged.connect(self._on_changed)
        library.modelReset.connect(self.watch)
        view.realigned.connect(self._on_realigned)

    def watch(self) -> None:
        """Watch the files of the library's documents (and their folders) instead of others."""
        watched = self.watched()
        if watched:
            self._watcher.removePaths(watched)
        paths = [e.path for e in self.library.entries() if e.document is not None]
        self._signatures = {p: self._signatures.get(p, _signature(p)) for p in paths}
        folders = sorted({str(p.parent) for p in paths if p.parent.is_dir()})
        if folders:
            self._watcher.addPaths(folders)
        self._watch_files()

    def watched(self) -> list[str]:
        return self._watcher.files() + self._watcher.directories()

    def _watch_files(self) -> None:
        known = set(self._watcher.files())
        files = [str(p) for p in self._signatures if p.is_file() and str(p) not in known]
        if files:
            self._watcher.addPaths(files)

    def _on_changed(self, _path: str) -> None:
        self._watch_files()  # replaced by a rename: the new file is not watched yet
        self._timer.start()

    def check(self) -> None:
        """Look at every watched document's file: read again those that changed or came back,
        mark missing those deleted."""
        self._watch_files()
        changed: list[Path] = []
        for path, known in self._signatures.items():
            now = _signature(path)
            if now == known:
                continue
            self._signatures[path] = now
            if now is None:
                self._mark_missing(path)
            else:
                changed.append(path)
        if changed:
            self._reload(changed)

    def _mark_missing(self, path: Path) -> None:
        row = self.library.row_of(path)
        if row is None:
            return
        self.library.set_missing(row, True)
        self.status.show_error(visible_controls(
            f"{path.name} was deleted on disk; its last text and its tags are kept", True))

    def _reload(self, paths: list[Path]) -> None:
        def job(cancelled, progress) -> Reloaded:  # type: ignore[no-untyped-def]
            found: Reloaded = []
            for path in paths:
                if cancelled():
                    raise Cancelled
                entry = load_entry(path)
                found.append((path, entry.document, entry.problem))
            return found

        self.runner.start(job)

    def _on_reloaded(self, found: Reloaded) -> None:
        names, on_screen = self._take(found)
        if not names:
            return
        self._forget_texts()  # the tags' Status column: anchored in the new texts
        message = visible_controls(f"Reloaded {', '.join(names)}", True)
        if not on_screen:
            self.status.show_message(message)
            return
        self._pending = ([self.view.panes[s].verticalScrollBar().value() for s in SIDES],
                         message)
        self._recompare()

    def _take(self, found: Reloaded) -> tuple[list[str], bool]:
        """Put the documents read again in the library: what to tell (each file's name and
        why), and whether one on screen changed."""
        shown = {self.library.left, self.library.right} - {None}
        names, on_screen = [], False
        for path, document, problem in found:
            row = self.library.row_of(path)
            if row is None:
                continue
            if document is None:
                self.status.show_error(visible_controls(
                    f"{path.name} changed on disk but cannot be read ({problem}); "
                    "the text shown is kept", True))
                continue
            old, back = self.library.document(row), self.library.entry(row).missing
            self.library.replace_document(row, document)
            changed = old is None or old.sha256 != document.sha256
            if changed or back:
                names.append(f"{path.name} ({'back on disk' if back else 'changed on disk'})")
            on_screen = on_screen or (changed and row in shown)
        return names, on_screen

    def _on_realigned(self) -> None:
        """The pair compared again is drawn: back to where the reader was, then say why."""
        if self._pending is None:
            return
        scrolls, message = self._pending
        self._pending = None
        for side, value in zip(SIDES, scrolls, strict=True):
            self.view.panes[side].verticalScrollBar().setValue(value)
        self.status.show_message(message)


def _signature(path: Path) -> Signature:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)
