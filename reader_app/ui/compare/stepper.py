"""Long work on the UI thread run a step per turn of the event loop, so the window keeps
answering between steps.

A ``Stepper`` holds one generator at a time: ``run`` replaces what it ran before, each of its
steps (one ``next``) runs on a zero-interval single-shot timer, and the next waits for the
event loop to turn again; ``stop`` drops what is left, ``finish`` runs it now, at once
(screenshots, scripts, a caller that needs the result).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer


class Stepper(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: Iterator[None] = iter(())
        self._left = False  # whether steps are left (``busy``)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)

    def run(self, steps: Iterator[None]) -> None:
        """Run ``steps`` a step per turn of the event loop, in place of what ran before."""
        self._steps, self._left = steps, True
        self._timer.start()

    def busy(self) -> bool:
        """Whether steps are left to run (paused ones too)."""
        return self._left

    def pause(self) -> None:
        """Hold the steps left until ``run`` replaces them or ``finish`` runs them (their
        inputs are changing)."""
        self._timer.stop()

    def stop(self) -> None:
        """Drop the steps left."""
        self._timer.stop()
        self._steps, self._left = iter(()), False

    def finish(self, steps: Iterator[None] | None = None) -> None:
        """Run the steps left (or ``steps``, in their place) now, at once."""
        self._timer.stop()
        if steps is not None:
            self._steps = steps
        for _ in self._steps:
            pass
        self._left = False

    def _on_timer_timeout(self) -> None:
        try:
            next(self._steps)
        except StopIteration:
            self._left = False
            return
        self._timer.start()


def until_done(step: Callable[[float], bool], seconds: float) -> Iterator[None]:
    """Call ``step(seconds)`` (about that much work) a step at a time until it says it is
    done (returns True)."""
    while not step(seconds):
        yield
