"""A long pair on its way to the screen: its text shown at once, then aligned.

Comparing two long documents takes seconds, drawing the comparison a second or two more.
Meanwhile the reader can already read: when a long pair is requested (``comparing``), its
documents are shown at once, plain and unaligned, while the status bar says "Comparing…"
with Cancel from the request on (each pane's text is made in slices over a few turns of the
event loop, then shown whole); once the comparison arrives (after the window has handed it
to the view) the status bar says "Aligning…" until the view has drawn it (its
``realigned``). A short pair is compared and drawn in a blink: it goes straight to the
aligned view, as before.

Meanwhile Qt lays the plain text out only as far as it is read (``layout_hold``): its own
layout of the rest, thrown away when the comparison comes, stalled the window 100-300 ms a
step and took the comparing worker's processor time. So the scroll bar spans only what has
been laid out, until the comparison is drawn.

Gets the view, the status bar and the comparison's runner; knows nothing of the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

from PySide6.QtCore import QObject, Qt

from reader_app.core.compare import Comparison
from reader_app.core.documents import Document
from reader_app.ui.compare import view as compare_view
from reader_app.ui.compare.layout_hold import held_layout
from reader_app.ui.compare.stepper import Stepper
from reader_app.ui.compare.view import CompareView
from reader_app.ui.window.status import StatusArea
from reader_app.ui.workers import TaskRunner

ALIGNING = "Aligning…"
COMPARING = "Comparing…"


class PairProgress(QObject):
    def __init__(self, view: CompareView, status: StatusArea, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view, self._status = view, status
        self._aligning = False
        self._drawn: Comparison | None = None  # the last comparison the view finished drawing
        self._hold = ExitStack()  # Qt's layout of the plain text, held
        self._plain_shown = False  # whether the panes show a long pair's text, plain, for now
        self._waiting = False  # whether a comparison waits for its text to be shown
        self._stepper = Stepper(self)  # showing its text (``_show_steps``)
        view.realigned.connect(self._on_view_realigned)
        # (Queued: the window's own slot hands the comparison to the view first.)
        runner.succeeded.connect(self._on_runner_succeeded, Qt.ConnectionType.QueuedConnection)
        runner.failed.connect(self._hold.close)
        runner.stopped.connect(self._hold.close)

    def comparing(self, left: Document, right: Document, start: Callable[[], None]) -> None:
        """A comparison of ``left`` and ``right`` is asked for: a long pair of files not on
        screen yet is shown now, plain, before ``start`` starts the comparison (one on screen,
        read again or compared with other options, stays as it is until it comes)."""
        self.cancel()  # (one asked for before it: this one replaces it)
        words = left.metadata.word_count + right.metadata.word_count
        shown = [pane.source.path if pane.source else None for pane in self._view.panes.values()]
        if words <= compare_view.STEPWISE_WORDS or shown == [left.path, right.path]:
            start()
            return
        self._waiting = True
        self._status.show_busy(COMPARING)  # (and Cancel: making the text takes a few turns)
        self._stepper.run(self._show_steps(left, right, start))

    def cancel(self, back: bool = False) -> None:
        """The comparison waiting for its text is not wanted any more; ``back``: nor the pair
        shown plain for it: the pair drawn before it comes back (aligned, as it was)."""
        self._stepper.stop()
        if self._waiting:  # (a worker started would have said when it stopped)
            self._status.show_idle()
        self._waiting = False
        drawn = self._drawn
        if back and self._plain_shown and drawn is not None:
            self._plain_shown = False
            self._hold.close()
            self._view.show_documents(drawn.left, drawn.right, drawn)

    @property
    def pending(self) -> bool:
        """Whether a comparison asked for waits to start (its text being shown)."""
        return self._waiting

    def _show_steps(self, left: Document, right: Document,
                    start: Callable[[], None]) -> Iterator[None]:
        """Each pane's text made a slice per turn of the event loop (25-50 ms a pane at once),
        then shown whole, a pane per turn (the right one empty for that turn only); all before
        the comparing worker contends for the interpreter lock (which doubled that)."""
        for side, document in (("left", left), ("right", right)):
            yield from self._view.panes[side].text_steps(document)
        self._show_plain(left, None)
        yield
        self._waiting = False
        self._show_plain(left, right)
        start()

    def _show_plain(self, left: Document, right: Document | None) -> None:
        self._hold.close()
        self._view.show_documents(left, right, None)
        self._plain_shown = True
        for pane in self._view.panes.values():
            self._hold.enter_context(held_layout(pane.document()))

    def _on_runner_succeeded(self, comparison: Comparison) -> None:
        """The view has been given ``comparison``: say so until it is drawn."""
        self._hold.close()
        words = comparison.left.metadata.word_count + comparison.right.metadata.word_count
        # (A pair of medium length is aligned unseen, in under a second: nothing to announce.)
        if self._view.comparison is comparison and self._drawn is not comparison and (
                words > compare_view.STEPWISE_WORDS):
            self._aligning = True
            self._status.show_note(ALIGNING)

    def _on_view_realigned(self) -> None:
        if self._view.comparison is None:
            return  # (a plain text aligned: the pair drawn before is the one to come back to)
        self._drawn, self._plain_shown = self._view.comparison, False
        if self._aligning:
            self._aligning = False
            self._status.show_idle()
