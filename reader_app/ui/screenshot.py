"""``reader-app screenshot``: the main window rendered to a PNG, with no display needed.

The window is the real one, so the picture shows what it shows, warnings included (an
annotation file opened read-only, or one whose tags cannot be saved, on the status bar); only
a corrupt file, which the window would rename aside, is refused instead.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader_app.core.errors import ReaderError

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QWidget


def take_screenshot(args: argparse.Namespace,
                    warn: Callable[[Sequence[str]], None] = lambda _: None) -> bytes:
    """LEFT and RIGHT compared, as the window shows them, rendered: the PNG's bytes."""
    from reader_app.core.annotations.jsonfile.file import read_file
    from reader_app.core.annotations.jsonfile.format import CorruptFileError
    from reader_app.core.annotations.jsonfile.location import resolve_path

    # A FIFO or /dev/zero is refused at once; so is a corrupt file, which the window would
    # rename aside (a screenshot changes nothing).
    try:
        read_file(resolve_path(args.annotations))
    except CorruptFileError as error:
        raise ReaderError(f"{error}; no screenshot taken, the file is left as it is") from None
    if (not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )) or sys.platform == "darwin":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader_app.ui.app import application
    from reader_app.ui.window.main_window import MainWindow

    app = application()
    assert isinstance(app, QApplication)
    found = _paths(args, warn)
    with tempfile.TemporaryDirectory() as folder:  # the user's own settings stay untouched
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, synchronous=True, annotations=args.annotations)
        window.actions_by_name[f"theme_{args.theme}"].setChecked(True)
        _show(window, found, args.left, args.right)
        if getattr(args, "view", "compare") == "overview":  # computed here, before the grab
            window.actions_by_name["corpus_overview"].setChecked(True)
        _allow_any_size(window)
        width, height = args.size
        window.resize(width, height)
        window.show()
        for _ in range(3):  # layout, realign (long documents: at once here), paint
            app.processEvents()
            window.view.realign()
            window.view.finish_alignment()
        image = window.grab()
        window.close()
    return _png(image)


def _png(image: QPixmap) -> bytes:
    """The image as PNG bytes (written by the caller, whole or not at all: saved straight to
    its path, a full disk left half a file and a named pipe waited for ever)."""
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ReaderError("the window could not be rendered as a PNG")
    return bytes(buffer.data().data())


def _allow_any_size(window: QWidget) -> None:
    """Let ``window`` take any ``--size``: its layout would hold it at its minimum (about
    525x312), and the PNG is to be of the size asked for, cramped as the window then is."""
    from PySide6.QtWidgets import QLayout

    layout = window.layout()
    if layout is not None:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    window.setMinimumSize(1, 1)


def _paths(args: argparse.Namespace,
           warn: Callable[[Sequence[str]], None]) -> list[Path]:
    """The files of the PATHs (LEFT and RIGHT must be files); a PATH that cannot be opened
    is told to ``warn`` and the others are shown all the same."""
    from reader_app.core.documents import ensure_readable
    from reader_app.core.library import bundled_seeds, scan_paths

    named = [p for p in (args.left, args.right) if p]
    for path in named:
        ensure_readable(path)
    scan = scan_paths(list(args.paths) or ([] if named else [bundled_seeds()]))
    warn(scan.errors + scan.warnings)
    return scan.files


def _show(window: object, found: list[Path], left: str | None, right: str | None) -> None:
    """Open ``found``, then LEFT and RIGHT, shown compared; ``ReaderError`` for the first of
    LEFT and RIGHT that could not be read."""
    from reader_app.ui.window.main_window import MainWindow

    assert isinstance(window, MainWindow)
    named = [p for p in (left, right) if p]
    window.open_paths(found)
    window.open_paths(named, append=True)
    for path in named:
        row = window.model.row_of(path)
        entry = None if row is None else window.model.entries()[row]
        if entry is not None and entry.document is None:
            raise ReaderError(f"{path}: {entry.problem}")
    pair = [window.model.row_of(p) for p in (left, right)]
    if any(p is not None for p in pair):
        current = (window.model.left, window.model.right)
        window.show_pair(pair[0] if pair[0] is not None else current[0],
                         pair[1] if pair[1] is not None else current[1])

