"""A document pane's last whole frame, shown while its layout is being made again a slice at
a time and has not yet come down to the view.

Qt paints a text view by laying out everything above what it shows first: after a pane's
layout restarted (a new font, theme, margins, hidden paragraphs), one paint at the middle of
a 200k-word pair laid out half of it at once (165 ms, two or three times per action, the
window frozen meanwhile). The view measures the pane a slice at a time anyway; until those
slices reach the view, the pane shows the frame it showed before the change (a frozen window
would have shown it too), or only what it paints under its text if it was scrolled since.

Knows nothing of the pane but its viewport and scroll bar; must not import the view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QScrollBar, QWidget


class PaintHold:
    """The frame kept for one viewport, and how far its pane's measuring has come down."""

    def __init__(self, viewport: QWidget, bar: QScrollBar) -> None:
        self._viewport, self._bar = viewport, bar
        self._frame: QPixmap | None = None
        self._scroll = 0  # the scroll position the frame was drawn at
        self._reach: tuple[Sequence[QRectF], float] = ((), 0.0)  # measured rects' bottom
        self._held = False  # a paint was left to the frame: paint again once laid out
        # Whether the pane's measuring, a slice at a time, is under way (or due).
        self.measuring: Callable[[], bool] = lambda: False

    def keep(self, rects: Sequence[QRectF], count: int) -> None:
        """Keep what the viewport shows, if its layout is whole (all ``count`` paragraphs
        measured: drawing it costs one paint) and no frame is kept already."""
        if self._frame is None and rects and len(rects) >= count and (
                self._viewport.isVisible()):
            self._frame, self._scroll = self._viewport.grab(), self._bar.value()

    def drop(self) -> None:
        """The viewport is painted for real again: its frame is out of date."""
        self._frame = None

    def behind(self, rects: Sequence[QRectF], count: int) -> bool:
        """Whether a paint now would lay out everything above the view at once: the layout
        restarted and its measuring (``rects`` of ``count``) has not come down to it yet."""
        if len(rects) >= count or not self.measuring():
            return False
        reach = self._reach[1] if self._reach[0] is rects else 0.0
        return reach < self._bar.value() + self._viewport.height()

    def note(self, rects: Sequence[QRectF], count: int) -> None:
        """``rects`` were measured further: paint again if that reached a held-back view."""
        measured, reach = self._reach
        bottom = next((r.bottom() for r in reversed(rects) if not r.isEmpty()), 0.0)
        self._reach = (rects, max(bottom, reach if measured is rects else 0.0))
        if not self.behind(rects, count):
            self.release()

    def release(self) -> None:
        """Paint what was left to the frame (the measuring reached it, or is over)."""
        if self._held:
            self._held = False
            self._viewport.update()

    def paint(self) -> bool:
        """Draw the kept frame, if it was drawn at the current scroll position and size;
        whether it was (if not, the viewport shows only what was painted under its text)."""
        self._held = True
        frame = self._frame
        if frame is None or self._bar.value() != self._scroll or (
                frame.deviceIndependentSize().toSize() != self._viewport.size()):
            return False
        painter = QPainter(self._viewport)
        painter.drawPixmap(0, 0, frame)
        painter.end()
        return True
