"""View ▸ Next Change / Previous Change (Ctrl+F7, Ctrl+Shift+F7): the changed words of the
linked pair at the top of the view, one at a time.

Which words, and in which order, is ``core.compare.word_steps``; here each step selects its
word(s) in the pane that has them (both panes for a variant or a differing figure, the
left one active), brings them into view, and says "Change 3 of 7 in this pair" in the status
bar. In a reworded pair the steps are its evidence pieces (``word_steps``), and the status
bar says what each is: "Change 2 of 6 in this reworded pair: in another form" (or "in
another word": "truce" / "ceasefire"). At either
end of the pair it says so and leaves the selection where it is (F7 goes on to the next
difference).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QWidget

from reader_app.core.compare import SIDES, Comparison
from reader_app.core.compare.evidence_marking import variant_wording
from reader_app.core.compare.word_steps import Change, WordStep, WordSteps
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.evidence_marks import marked_differing
from reader_app.ui.compare.pane_geometry import bring_into_view
from reader_app.ui.compare.view import CompareView

NEXT_TIP = "Select the next changed word(s) of the linked pair at the top of the view"
PREVIOUS_TIP = "Select the previous changed word(s) of the linked pair at the top of the view"
# What a reworded pair's piece is, as the hover tips and the page's key name it.
PIECES = {"same": "said in both", "variant": "in another form",
          "differs": "stated otherwise"}


class WordNavigation(QObject):
    """The two actions, and the steps they take in ``view``; messages go to ``say``."""

    def __init__(self, parent: QWidget, view: CompareView,
                 say: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._view, self._say = view, say
        self._steps = WordSteps(marked_differing)
        self.next_action = self._make(parent, "Next C&hange", "Ctrl+F7", NEXT_TIP, 1)
        self.previous_action = self._make(parent, "Previous Chan&ge", "Ctrl+Shift+F7",
                                          PREVIOUS_TIP, -1)

    def _make(self, parent: QWidget, text: str, key: str, tip: str, step: int) -> QAction:
        action = QAction(text, parent)
        action.setShortcut(QKeySequence(key))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda: self.go(step))
        return action

    def go(self, step: int) -> WordStep | None:
        """Select the next (1) or previous (-1) change; the step taken, or None."""
        view, comparison = self._view, self._view.comparison
        if comparison is None:
            self._say("No comparison on screen")
            return None
        scroll = view.panes["left"].verticalScrollBar()
        target = self._steps.target(comparison, view.current_row(), scroll.value(), step)
        if target is None:
            self._say(self._nothing(step))
            return None
        _select(view, target.change)
        self._steps.arrived(comparison, target, scroll.value())
        view.stand_at(target.row)
        self._say(_said(target, comparison))
        return target

    def _nothing(self, step: int) -> str:
        scroll = self._view.panes["left"].verticalScrollBar().value()
        if self._steps.at(self._view.comparison, scroll) is None:
            return "No linked pair with changed words from here down"
        return ("No more changes in this pair " + ("below" if step > 0 else "above")
                + " (F7: next difference)")


def _said(target: WordStep, comparison: Comparison) -> str:
    """The status bar's "Change 3 of 7 in this pair" (with what a reworded pair's piece is)."""
    counted = f"Change {target.number + 1} of {len(target.changes)} in this"
    change = target.change
    kind = PIECES.get(change.kind)
    if change.kind == "variant" and change.left is not None and change.right is not None:
        kind = variant_wording(comparison.left.text[slice(*change.left)],
                               comparison.right.text[slice(*change.right)])
    if target.reworded and kind is not None:
        return f"{counted} reworded pair: {kind}"
    return f"{counted} pair"


def _select(view: CompareView, change: Change) -> None:
    """Select the change's ranges (clearing the other pane's selection where it has none),
    and bring each into view."""
    shown: list[DocumentPane] = []
    for side in SIDES:
        pane, place = view.panes[side], change.on(side)
        cursor = pane.textCursor()
        cursor.clearSelection()
        if place is not None:
            cursor = _cursor(pane, place) or cursor
            shown.append(pane)
        pane.setTextCursor(cursor)
    for pane in shown:
        bring_into_view(pane)
    if shown:
        view.set_active_pane(shown[0])


def _cursor(pane: DocumentPane, place: tuple[int, int]) -> QTextCursor | None:
    first, last = pane.position_of(place[0]), pane.position_of(place[1])
    if first is None or last is None:
        return None
    cursor = QTextCursor(pane.document())
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    return cursor
