"""Can Qt open a window here? Checked before Qt is loaded, because when it cannot, Qt
aborts the whole process (no exception to catch): better one clear line telling what to do.

Must not import Qt.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

from reader_app.core.errors import ReaderError

# Libraries Qt's X11 ("xcb") platform plugin needs beyond a basic X client, by the Debian or
# Ubuntu package that provides each. Since Qt 6.5, xcb-cursor is the one most often missing.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}
HEADLESS_HINT = (
    "use the headless commands (reader-app compare --help) or set QT_QPA_PLATFORM=offscreen"
)


def missing_xcb_packages() -> list[str]:
    """Debian packages of the X11 libraries Qt needs that this machine lacks."""
    return [package for library, package in XCB_LIBRARIES.items()
            if ctypes.util.find_library(library) is None]


def ensure_display() -> None:
    """Raise ``ReaderError`` when Qt would abort for want of a display or of its libraries."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if os.environ.get("WAYLAND_DISPLAY"):
        return
    if not os.environ.get("DISPLAY"):
        raise ReaderError(f"no display to open the window on (DISPLAY is not set); {HEADLESS_HINT}")
    missing = missing_xcb_packages()
    if missing:
        raise ReaderError(
            "Qt cannot open a window on this X display: missing "
            f"{', '.join(missing)} (e.g. sudo apt install {' '.join(missing)}); {HEADLESS_HINT}"
        )
