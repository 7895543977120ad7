"""Moving through a comparison with the keyboard: next/previous difference (Alt+Down, F7,
Alt+Up, Shift+F7). The find bar's tests are in ``test_find``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import SEED_FILES, is_flashing, select_in_library, visible_range

from reader_app.ui.window.main_window import MainWindow

NO_KEY = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NEXT_KEYS = [(Qt.Key.Key_Down, ALT), (Qt.Key.Key_F7, NO_KEY)]
PREVIOUS_KEYS = [(Qt.Key.Key_Up, ALT), (Qt.Key.Key_F7, SHIFT)]


def message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def row_at_top(window: MainWindow, row: int) -> bool:
    """Whether the row's paragraphs are the first ones shown at the top of the view."""
    view = window.view
    assert view.comparison is not None
    entry = view.comparison.rows[row]
    for side, index in (("left", entry.left), ("right", entry.right)):
        if index is None:
            continue
        top, _ = visible_range(view.panes[side])
        if not 0 <= view.panes[side].paragraph_rect(index).top() - top <= 20:
            return False
    return True


@pytest.mark.parametrize(("key", "modifier"), NEXT_KEYS)
def test_next_difference_scrolls_to_it(
    qtbot: QtBot, sync_window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    rows = sync_window.view.difference_rows()
    # 001's headline and byline: only the right side has them (row 1, between them, is 000's
    # date field: boilerplate, no difference)
    assert rows[:2] == [0, 2]
    qtbot.keyClick(sync_window, key, modifier)
    assert row_at_top(sync_window, 0)
    assert message(sync_window) == f"Difference 1 of {len(rows)}"
    assert is_flashing(sync_window.view.panes["right"])
    qtbot.keyClick(sync_window, key, modifier)
    assert row_at_top(sync_window, 2)
    assert message(sync_window) == f"Difference 2 of {len(rows)}"


def test_the_first_f7_on_a_new_pair_lands_on_difference_1(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    """The first difference is on screen already (the top row): F7 still starts there."""
    view = sync_window.view
    qtbot.keyClick(sync_window, Qt.Key.Key_F7)
    qtbot.keyClick(sync_window, Qt.Key.Key_F7)
    select_in_library(qtbot, sync_window, SEED_FILES[2])
    qtbot.keyClick(sync_window.library.table, Qt.Key.Key_Return)
    assert view.comparison is not None and view.comparison.right.path == str(SEED_FILES[2])
    rows = view.difference_rows()
    assert rows[0] == 1  # on screen at the top already (row 0: 000's date field)
    qtbot.keyClick(sync_window, Qt.Key.Key_F7)
    assert message(sync_window) == f"Difference 1 of {len(rows)}"
    assert row_at_top(sync_window, rows[0])


@pytest.mark.parametrize(("key", "modifier"), PREVIOUS_KEYS)
def test_previous_difference_at_the_top_says_so(
    qtbot: QtBot, sync_window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    qtbot.keyClick(sync_window, key, modifier)
    assert message(sync_window) == "No more differences above"
    assert sync_window.view.panes["left"].verticalScrollBar().value() == 0


def test_next_difference_walks_down(qtbot: QtBot, sync_window: MainWindow) -> None:
    view = sync_window.view
    rows = view.difference_rows()
    seen = [-1]
    for number in range(1, 5):
        qtbot.keyClick(sync_window, Qt.Key.Key_F7)
        assert message(sync_window) == f"Difference {number} of {len(rows)}"
        assert view.current_row() in rows
        assert view.current_row() > seen[-1]
        seen.append(view.current_row())


def test_f7_reaches_every_difference_down_to_the_last(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    """Near the end the view cannot scroll a row to the top: F7 still moves on to the next."""
    rows = sync_window.view.difference_rows()
    for number in range(1, len(rows) + 1):
        qtbot.keyClick(sync_window, Qt.Key.Key_F7)
        assert message(sync_window) == f"Difference {number} of {len(rows)}"
    qtbot.keyClick(sync_window, Qt.Key.Key_F7)
    assert message(sync_window) == "No more differences below"
    qtbot.keyClick(sync_window, Qt.Key.Key_F7, SHIFT)
    assert message(sync_window) == f"Difference {len(rows) - 1} of {len(rows)}"

def test_previous_difference_goes_back(qtbot: QtBot, sync_window: MainWindow) -> None:
    rows = sync_window.view.difference_rows()
    qtbot.keyClick(sync_window, Qt.Key.Key_F7)
    qtbot.keyClick(sync_window, Qt.Key.Key_F7)
    assert message(sync_window) == f"Difference 2 of {len(rows)}"
    qtbot.keyClick(sync_window, Qt.Key.Key_Up, ALT)
    assert message(sync_window) == f"Difference 1 of {len(rows)}"
    assert row_at_top(sync_window, 0)


def test_the_rows_f7_steps_to_are_found_once_per_pair_in_its_worker(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long pair's took 170 ms to find, twice per press of F7: a 0.4-0.7 s stall each.
    from reader_app.ui.compare import display_data

    found: list[bool] = []
    finding = display_data.difference_rows

    def counted(comparison):  # type: ignore[no-untyped-def]
        found.append(True)
        return finding(comparison)

    monkeypatch.setattr(display_data, "difference_rows", counted)
    rows = [window.model.row_of(path) for path in SEED_FILES[2:4]]
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000):
        window.show_pair(*rows)
    assert len(found) == 1  # (in the comparison's worker)
    for _ in range(3):
        qtbot.keyClick(window.view.panes["left"], Qt.Key.Key_F7)
    assert message(window) == f"Difference 3 of {len(window.view.difference_rows())}"
    assert len(found) == 1


@pytest.mark.parametrize("side", ["left", "right"])
def test_ctrl_end_and_ctrl_home_reach_the_documents_ends(
    qtbot: QtBot, sync_window: MainWindow, side: str
) -> None:
    """000 ends rows before 001 does: Ctrl+End in either pane shows both documents' last
    paragraphs (Qt stopped once the cursor showed, above the gaps facing 001's last rows),
    Ctrl+Home both first ones, with the space above them."""
    view = sync_window.view
    pane = view.panes[side]
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    for shown in view.panes.values():
        bar = shown.verticalScrollBar()
        assert bar.value() == bar.maximum() > 0
        last = shown.paragraph_rect(shown.paragraph_count() - 1)
        assert last.bottom() - bar.value() <= shown.viewport().height()
    qtbot.keyClick(pane, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert [p.verticalScrollBar().value() for p in view.panes.values()] == [0, 0]


def test_after_ctrl_end_next_difference_finds_none_and_previous_the_last(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    """At the end, F7 went up the screen to a difference of the last page (judged by the top
    of the view), and Shift+F7 skipped every difference on that page."""
    pane = sync_window.view.panes["left"]
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane, Qt.Key.Key_F7)
    assert message(sync_window) == "No more differences below"
    count = len(sync_window.view.difference_rows())
    qtbot.keyClick(pane, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert message(sync_window) == f"Difference {count} of {count}"
    qtbot.keyClick(pane, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert message(sync_window) == f"Difference {count - 1} of {count}"
