"""The library dock gives up width first when the window is small.

A ``QMainWindow`` keeps its docks' widths and takes a narrower window out of the central
widget: at 900 px the library kept 460 px and each comparison pane got ~150 px. So the
docked library is at most a third of the window's width (``SHARE``), and less where that
would leave the comparison under ``COMPARISON_ROOM`` (two panes of ~270 px with their
bars and the gutter), never capped below ``FLOOR``. A narrower window lowers the cap at
once; a wider one gives back the width the reader last gave the library. Floating, it is
not capped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

SHARE = 1 / 3  # of the window's width, at most
FLOOR = 180  # pixels: the cap never goes below this (a title's first words, the figures)
COMPARISON_ROOM = 640  # pixels the comparison keeps before the library takes more
UNLIMITED = 16_777_215  # Qt's QWIDGETSIZE_MAX


def library_cap(window_width: int) -> int:
    """The most width the docked library may take in a window this wide."""
    return max(FLOOR, min(int(window_width * SHARE), window_width - COMPARISON_ROOM))


class DockWidthLimit(QObject):
    """Caps ``dock``'s width in ``window`` as the module says; remembers the reader's."""

    def __init__(self, dock: QDockWidget, window: QMainWindow) -> None:
        super().__init__(dock)
        self.dock, self.window = dock, window
        self.wanted: int | None = None  # the width the reader gave the dock (or the first)
        window.installEventFilter(self)
        dock.installEventFilter(self)
        dock.topLevelChanged.connect(lambda _floating: self.apply())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.window:
                self.apply()
            elif watched is self.dock:
                self._note_width()
        return False

    def _note_width(self) -> None:
        """A width under the cap was chosen (a drag, the first layout, a restored state),
        not forced by it."""
        if not self.dock.isFloating() and self.dock.width() < self.dock.maximumWidth():
            self.wanted = self.dock.width()

    def apply(self) -> None:
        if self.dock.isFloating():
            self.dock.setMaximumWidth(UNLIMITED)
            return
        cap = library_cap(self.window.width())
        if self.wanted is None:
            self.wanted = self.dock.width()
        self.dock.setMaximumWidth(cap)
        target = min(self.wanted, cap)
        if self.dock.isVisible() and self.dock.width() < target:  # the window widened
            self.window.resizeDocks([self.dock], [target], Qt.Orientation.Horizontal)
