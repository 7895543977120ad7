"""The status bar: comparison statistics, a colour legend, progress with cancel, messages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QProgressBar, QToolButton, QWidget

from reader_app.core.compare import Comparison
from reader_app.core.formats.text import statistics_line
from reader_app.ui.elided_label import ElidedLabel
from reader_app.ui.plain_text import plain_tooltip
from reader_app.ui.theme import LIGHT, Highlights
from reader_app.ui.window.legend_label import LegendLabel

ERROR_MILLISECONDS = 15000
SHOWN_ERRORS = 3  # messages on the bar at once, the newest first
SPACING = 40  # the bar's margins and the gaps between its widgets
MESSAGE_GAP = 16  # between a message and the statistics it reaches
LEGEND_TIP = "\n".join([
    "What the highlight colours and marks mean:",
    "blue: wording both documents share; orange: wording only this one has",
    "pale orange: a paragraph with no counterpart; grey italics: boilerplate",
    "in the gutter, a sky-blue band: a copy (the two paragraphs share a passage word for word)",
    "a faint green dotted band: a rewrite (the same facts in other words)",
    "⇄ pink dashed band: a paragraph that moved",
    "dotted underline: in a reworded pair, a word both sides hold",
    "dashed blue underline: a variant, the same word in another form or another word for it",
    "bold with a wavy underline: differs, the other side states another figure, date or name"
    " (never a tag's mark)",
    "a thick underline in a tag's colour: a tagged passage (its stripe in the left margin)",
    "a double underline, one straight bar per tag: tagged passages overlap",
])
NO_LIMIT = 16777215  # QWIDGETSIZE_MAX, which PySide6 does not export
REFIT_EVENTS = (QEvent.Type.Resize, QEvent.Type.LayoutRequest)


class StatisticsLabel(ElidedLabel):
    """The statistics: whole unless a message or an error needs the room."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.yielding = False  # a message needs the room: shrink to "…" if need be

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint() if self.yielding else self.sizeHint()


class StatusArea(QObject):
    cancel_requested = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        bar = window.statusBar()
        self._bar = bar
        # The statistics give way to a message (the answer to a key just pressed) or an
        # error in a narrow bar, ending with "…": cut, "Difference 1 of 21" read
        # "Difference 1 of 2".
        self.stats = StatisticsLabel(window)
        self.stats.setObjectName("stats_label")
        self.error = ElidedLabel(window)  # messages name files; a long one ends with "…"
        self.error.setObjectName("error_label")
        self.error.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.legend = LegendLabel(window)
        self.progress = QProgressBar(window)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(160)
        self.progress.setToolTip("How much of the work is done")
        self.cancel = QToolButton(window)
        self.cancel.setText("Cancel")
        self.cancel.setToolTip("Stop the work; the pair on screen stays (Esc)")
        # Esc cancels while the button shows (a hidden button's shortcut is off); the find
        # bar keeps Esc for closing itself while it has the focus.
        self.cancel.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.stats.setToolTip("How much wording the two documents share, and how many "
                              "paragraphs are linked")
        self.legend.setToolTip(plain_tooltip(LEGEND_TIP))  # the key's marks in words
        self.cancel.clicked.connect(self.cancel_requested)
        self._left: list[QWidget] = []  # the widgets on the bar's left, the error first
        self.add_widget(self.error)
        for widget in (self.stats, self.legend, self.progress, self.cancel):
            bar.addPermanentWidget(widget)
        self._errors: list[str] = []  # those on the bar
        self._pair_shown = True  # (not while the corpus overview takes the pair's place)
        self._error_timer = QTimer(self)
        self._error_timer.setSingleShot(True)
        self._error_timer.timeout.connect(lambda: self.error.setText(""))
        bar.messageChanged.connect(lambda _text: self._make_room())
        bar.installEventFilter(self)  # a narrower bar, a bar shown beside the statistics
        self.show_idle()
        self.refresh_legend(LIGHT)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._bar and event.type() in REFIT_EVENTS:
            self._make_room()
        elif (event.type() == QEvent.Type.Show and watched in self._left
              and self._bar.currentMessage()):
            # Shown while a message is up ("Aligning…"), it would be drawn under the message:
            # it waits, hidden as the bar hides its left widgets, until the message goes.
            assert isinstance(watched, QWidget)
            watched.hide()
            watched.setAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide, False)
        return False

    def add_widget(self, widget: QWidget) -> None:
        """Put ``widget`` on the bar's left (a message hides it while it is shown)."""
        self._left.append(widget)
        self._bar.addWidget(widget)
        widget.installEventFilter(self)

    def show_busy(self, message: str) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self.cancel.show()
        self._bar.showMessage(self._fitted(message))

    def show_note(self, message: str) -> None:
        """A message that stays until ``show_idle`` (what the window is doing now)."""
        self._bar.showMessage(self._fitted(message))

    def show_progress(self, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))

    def show_idle(self) -> None:
        self.progress.hide()
        self.cancel.hide()
        self._bar.clearMessage()

    def show_message(self, message: str) -> None:
        self._bar.showMessage(self._fitted(message), 5000)

    def _fitted(self, message: str) -> str:
        """``message`` as the bar can show it whole: the legend and then the statistics
        step aside for it; only a message wider than the whole bar ends with "…"."""
        self._make_room(message)
        room = self._bar.width() - SPACING - MESSAGE_GAP - self._permanent_width()
        return self._bar.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight,
                                                  max(room, 0))

    def _permanent_width(self) -> int:
        """The width the bar's right-hand widgets take as they are now sized."""
        shown = (self.stats, self.legend, self.progress, self.cancel)
        return sum(min(w.sizeHint().width(), w.maximumWidth())
                   for w in shown if not w.isHidden())

    def _make_room(self, message: str | None = None) -> None:
        """The legend is the first to step aside: in a narrow window it is shown only where
        the statistics and what the bar's left holds (a message, "Tag Linked Passage", an
        error) have their room beside it ("12 linked (5" and "Change 3 of 7 in this pair"
        had none at 900 px)."""
        message = self._bar.currentMessage() if message is None else message
        shown = [self.stats, self.progress, self.cancel]
        if not message:  # a message covers the widgets on the bar's left
            shown += self._left
        used = sum(w.sizeHint().width() for w in shown if not w.isHidden())
        if message:  # (and a gap before the statistics: "….csv Similarity 39%")
            used += self._bar.fontMetrics().horizontalAdvance(message) + MESSAGE_GAP
        fits = self._pair_shown and (
            used + self.legend.sizeHint().width() + SPACING <= self._bar.width())
        if fits == self.legend.isHidden():
            self.legend.setVisible(fits)
        wants_room = bool(message) or bool(self.error.text())
        self._yield_statistics(used - self.stats.sizeHint().width() if wants_room else 0)

    def _yield_statistics(self, others: int) -> None:
        """The statistics keep their whole width unless a message or an error (``others``
        wide with the rest of the bar) needs it: then they keep what is left, at least their
        "…" (what failed matters more than the figures, which come back whole when it goes;
        an export's error lost its reason at 1000 px). The offer to tag the linked passage,
        which stays, gives up its question's width instead."""
        room = self._bar.width() - SPACING - others
        whole = self.stats.sizeHint().width()
        self.stats.yielding = bool(others) and room < whole
        limit = max(room, self.stats.minimumSizeHint().width()) if self.stats.yielding else (
            NO_LIMIT)
        if self.stats.maximumWidth() != limit:
            self.stats.setMaximumWidth(limit)
            self.stats.updateGeometry()

    def show_error(self, message: str) -> None:
        """Show ``message`` before those still on the bar (a few; a bar too narrow cuts the
        oldest): two problems told at once, a file that could not be read and an annotation
        file opened read-only, are both read, where the second hid the first."""
        if not self.error.text():
            self._errors = []
        if message:
            self._errors = [message, *(m for m in self._errors if m != message)]
            del self._errors[SHOWN_ERRORS:]
        shown = "; ".join(self._errors)
        self.error.setText(shown)
        self.error.setToolTip(plain_tooltip("\n".join(self._errors)))
        self._error_timer.start(ERROR_MILLISECONDS)

    def show_pair_figures(self, shown: bool) -> None:
        """The pair's statistics and key stand aside while the corpus overview replaces the
        pair on screen (they described a pair no longer seen)."""
        self._pair_shown = shown
        self.stats.setVisible(shown)
        self._make_room()

    def show_stats(self, comparison: Comparison | None) -> None:
        if comparison is None:
            self.stats.setText("Choose two documents to compare")
            return
        self.stats.setText(statistics_line(comparison, "  ·  ", "linked", capitalised=True))

    def refresh_legend(self, highlights: Highlights) -> None:
        self.legend.show_key(highlights)
        self._make_room()
