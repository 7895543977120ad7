"""Find in long documents: typing is looked for once it pauses, not after every letter,
and only the matches near the view are marked, however many there are; the count stays
exact and Enter still walks every match in reading order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader_app.ui.compare.view import CompareView
from reader_app.ui.window.find_bar import FindBar
from reader_app.ui.window.search import find_in_panes

MATCHES = 50_000  # on each side
MARKS_BOUND = 5_000  # far fewer than the matches, far more than a screen holds


def long_view(qtbot: QtBot) -> CompareView:
    """Two panes (no comparison) of 50,000 short lines, each holding "said" once."""
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    for side, pane in view.panes.items():
        pane.setPlainText("\n".join(f"{side} {n} said" for n in range(MATCHES)))
    return view


def marked_starts(view: CompareView, side: str) -> list[int]:
    return [s.cursor.selectionStart() for s in view.panes[side].extraSelections()]


def test_marks_stay_bounded_and_follow_the_view_while_the_count_is_exact(
    qtbot: QtBot,
) -> None:
    view = long_view(qtbot)
    found = find_in_panes(view, "said", backwards=False, case_sensitive=False)
    assert found.status == f"1 of {2 * MATCHES}"
    assert found.detail == f"{MATCHES} on the left · {MATCHES} on the right"
    left = view.panes["left"]
    assert 0 < len(marked_starts(view, "left")) <= MARKS_BOUND
    assert left.textCursor().selectionStart() in marked_starts(view, "left")
    found = find_in_panes(view, "said", backwards=True, case_sensitive=False)
    assert found.status == f"{2 * MATCHES} of {2 * MATCHES}"  # (wrapped to the last one)
    right = view.panes["right"]
    last = right.document().toPlainText().rindex("said")
    assert right.textCursor().selectionStart() == last
    assert right.viewport().rect().contains(right.cursorRect())  # scrolled to it...
    assert last in marked_starts(view, "right")  # ...and the marks followed
    assert 0 < len(marked_starts(view, "right")) <= MARKS_BOUND
    bar = right.verticalScrollBar()
    bar.setValue(bar.value() - 5 * right.viewport().height())  # far up: marked there too
    shown = right.cursorForPosition(right.viewport().rect().center()).block()
    assert shown.position() + shown.text().index("said") in marked_starts(view, "right")


def test_the_walk_wraps_from_the_last_match_in_reading_order(qtbot: QtBot) -> None:
    """Without a comparison a paragraph's number is its row: left's line n, then right's."""
    view = long_view(qtbot)
    assert find_in_panes(view, "said", False, False).status == f"1 of {2 * MATCHES}"
    assert find_in_panes(view, "said", False, False).status == f"2 of {2 * MATCHES}"
    assert view.active_pane() is view.panes["right"]
    back = [find_in_panes(view, "said", True, False).status for _ in range(3)]
    assert back == [f"1 of {2 * MATCHES}", f"{2 * MATCHES} of {2 * MATCHES}",
                    f"{2 * MATCHES - 1} of {2 * MATCHES}"]
    assert view.panes["left"].textCursor().block().blockNumber() == MATCHES - 1


def test_typing_quickly_in_long_documents_runs_one_search(qtbot: QtBot) -> None:
    bar = FindBar()
    qtbot.addWidget(bar)
    bar.searches_take_long = lambda: True
    searched: list[str] = []
    bar.find_requested.connect(lambda text, *_: searched.append(text))
    bar.open_bar()
    qtbot.keyClicks(bar.field, "said")
    assert searched == []  # (nothing yet: typing has not paused)
    qtbot.waitUntil(lambda: searched == ["said"])
    qtbot.keyClicks(bar.field, "!")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # Enter looks at once, and only once
    assert searched == ["said", "said!"]
    qtbot.wait(400)
    assert searched == ["said", "said!"]


def test_typing_in_short_documents_looks_after_every_letter(qtbot: QtBot) -> None:
    bar = FindBar()
    qtbot.addWidget(bar)
    searched: list[str] = []
    bar.find_requested.connect(lambda text, *_: searched.append(text))
    qtbot.keyClicks(bar.field, "said")
    assert searched == ["s", "sa", "sai", "said"]


def test_only_long_documents_wait_for_typing_to_pause(qtbot: QtBot) -> None:
    from reader_app.ui.window.search import searches_take_long  # (new with the pause)

    view = CompareView()
    qtbot.addWidget(view)
    view.panes["left"].setPlainText("said " * 100)
    assert not searches_take_long(view)
    view.panes["left"].setPlainText("said " * 50_000)
    assert searches_take_long(view)
