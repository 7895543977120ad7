"""Starting the desktop window: the display check, the application object, settings."""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Sequence
from importlib.resources.abc import Traversable
from pathlib import Path

from reader_app.ui.platform_check import ensure_display

ORGANISATION = "reader-app"
APPLICATION = "Source Reader"
DESKTOP_FILE = "reader-app"  # resources/reader-app.desktop, and the icon's name in the theme
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def application() -> object:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "reader-app"])
        app.setOrganizationName(ORGANISATION)
        app.setApplicationName(APPLICATION)
        app.setApplicationDisplayName(APPLICATION)
        app.setDesktopFileName(DESKTOP_FILE)
        app.setWindowIcon(application_icon())
    return app


def packaged_resources() -> Traversable:
    """The icon's and desktop entry's folder: ``reader_app/resources`` when installed.

    Run from a source checkout without an editable install (``python -m reader_app`` in the
    checkout, as the tests do), the package is the checkout's and they are in its top-level
    ``resources/`` beside it (as the bundled seeds are).
    """
    from importlib import resources

    try:
        return resources.files("reader_app.resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "resources"


def application_icon() -> object:
    """The packaged icon: every PNG size, and the SVG drawn at 512 px for high-DPI screens.
    Files that are missing or unreadable leave their size out (the icon may be null)."""
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QIcon, QPainter, QPixmap
    from PySide6.QtSvg import QSvgRenderer

    icons, icon = packaged_resources(), QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap()
        with contextlib.suppress(OSError):
            if pixmap.loadFromData(icons.joinpath(f"reader-app-{size}.png").read_bytes(), "PNG"):
                icon.addPixmap(pixmap)
    with contextlib.suppress(OSError):
        renderer = QSvgRenderer(QByteArray(icons.joinpath("reader-app.svg").read_bytes()))
        if renderer.isValid():
            large = QPixmap(512, 512)
            large.fill(Qt.GlobalColor.transparent)
            painter = QPainter(large)
            renderer.render(painter)
            painter.end()
            icon.addPixmap(large)
    return icon


def run_window(paths: Sequence[str], annotations: str | None) -> int:
    """Open the main window on ``paths`` (default: the bundled seeds) and run it."""
    ensure_display()
    from PySide6.QtCore import QSettings

    from reader_app.core.library import bundled_seeds
    from reader_app.ui.window.main_window import MainWindow

    app = application()
    window = MainWindow(QSettings(ORGANISATION, APPLICATION), annotations=annotations)
    # Qt's and the program's own long-lived objects need no more collecting: the collector's
    # full passes then stay short, and so do the pauses they cause in the window.
    gc.freeze()
    window.open_paths(list(paths) or [bundled_seeds()])
    window.show()
    code = app.exec()  # type: ignore[attr-defined]
    # The window's objects (documents, comparisons, layouts) need no collecting either: the
    # interpreter's collections on the way out took 0.3-0.7 s with 40k-word documents listed.
    gc.freeze()
    return code
