"""The keyboard comes back to the window when a dialog of its own closes.

A window manager gives the focus back to the window that opened a modal dialog, and Qt then
gives it to the widget that had it (the pane the reader was in). Without one (a bare X
server, a kiosk session, the offscreen platform) nothing is active once the dialog goes: F7,
Ctrl+F and every other shortcut were dead until a click. ``FocusReturn`` watches each modal
dialog, and each dialog of the window's own (Keyboard Shortcuts is not modal), that takes the
focus and, as it hides, activates the window again if no window of
the application has the focus then (and no other modal dialog is up); switching to another
application from the window itself is left alone.
Imports nothing of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget


class FocusReturn(QObject):
    """Gives ``window`` the focus back after a modal dialog closes into nothing."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.focusWindowChanged.connect(self._on_focus_window_changed)

    def _on_focus_window_changed(self, focused: QWindow | None) -> None:
        if focused is not None and (focused.modality() != Qt.WindowModality.NonModal
                                    or focused.transientParent() is self._window.windowHandle()):
            focused.installEventFilter(self)  # (a second install is ignored by Qt)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and isinstance(watched, QWindow):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._give_back)  # (once the dialog is gone for good)
        return False

    def _give_back(self) -> None:
        focused = QGuiApplication.focusWindow()
        if ((focused is None or not focused.isVisible())
                and QApplication.activeModalWidget() is None and self._window.isVisible()):
            self._window.activateWindow()
