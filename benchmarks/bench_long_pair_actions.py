"""The window's answer to each everyday action on a long pair, once it is aligned.

Opens the 200k-word real-prose pair (``real_prose.py``), waits until it is shown aligned,
then triggers the menu actions a reader uses (and a scroll to the middle, a resize, a hover
over the gutter), one after the other. For each: the longest stall of the event loop from
the trigger until the window is idle again (a 5 ms timer's longest gap, as in
``bench_ui_stall``: the trigger's own time counts), and how long until it is done (for an
action that aligns the pair again, until it is aligned). Found the gutter's 8-10 s paints
at the middle of a long pair, which a scroll step at the top never showed.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_long_pair_actions.py [--words 200000]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui_stall import StallMeter
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QApplication
from real_prose import write_real_pair

from reader_app.ui.window.main_window import MainWindow

SETTLE = 0.5  # seconds of idle event loop after an action, its late paints included
ALIGN_TIMEOUT = 60.0
# (action, whether it aligns the pair again: then "done" is when it is aligned)
ACTIONS = [("Next Difference", False), ("Next Difference", False),
           ("Previous Difference", False), ("Next Change", False), ("Next Change", False),
           ("Find Next", False), ("Zoom In", True), ("Reset Zoom", True),
           ("Fold Unmatched Runs", True), ("Fold Unmatched Runs", True),
           ("Hide Boilerplate", True), ("Hide Boilerplate", True), ("Dark", True),
           ("Light", True), ("Show Mark-up Source", True), ("Show Mark-up Source", True),
           ("Swap Sides", True)]


def _action(window: MainWindow, name: str) -> QAction:
    for action in window.findChildren(QAction):
        if action.text().replace("&", "").split("\t")[0] == name:
            return action
    raise SystemExit(f"no action {name!r}")


def _until_idle(app: QApplication, realigned: list[float], aligns: bool) -> None:
    """Turn the event loop until the pair is aligned again (if ``aligns``), then for
    ``SETTLE`` s more."""
    count, give_up = len(realigned), time.perf_counter() + ALIGN_TIMEOUT
    while aligns and len(realigned) == count and time.perf_counter() < give_up:
        app.processEvents()
    quiet = time.perf_counter() + SETTLE
    while time.perf_counter() < quiet:
        app.processEvents()


def _measure(app: QApplication, meter: StallMeter, name: str, act: Callable[[], None],
             aligns: bool, realigned: list[float]) -> tuple[float, float]:
    meter.enter(name)
    meter.longest.pop(name, None)
    before, started = len(realigned), time.perf_counter()
    act()
    done = time.perf_counter()
    _until_idle(app, realigned, aligns)
    if len(realigned) > before:
        done = realigned[before]
    meter.enter("idle")
    return meter.longest.get(name, 0), done - started


def _hover_gutter(app: QApplication, window: MainWindow) -> None:
    """The pointer moved down the gutter (each move asks which band is under it)."""
    gutter = window.view.gutter
    for y in range(20, gutter.height(), 40):
        point = QPointF(gutter.width() / 2, y)
        app.sendEvent(gutter, QMouseEvent(QEvent.Type.MouseMove, point,
                                          gutter.mapToGlobal(point), Qt.MouseButton.NoButton,
                                          Qt.MouseButton.NoButton,
                                          Qt.KeyboardModifier.NoModifier))


def _to_middle(window: MainWindow) -> None:
    bar = window.view.panes["left"].verticalScrollBar()
    bar.setValue(bar.maximum() // 2)


def _find(window: MainWindow) -> None:
    window.find_bar.open_bar()
    window.find_bar.field.setText("ceasefire")


def run(words: int) -> list[tuple[str, float, float]]:
    app = QApplication.instance() or QApplication([])
    results: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        write_real_pair(Path(folder), words)
        window = MainWindow(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 900)
        window.show()
        gc.freeze()  # as reader_app.ui.app.run_window does
        realigned: list[float] = []
        window.view.realigned.connect(lambda: realigned.append(time.perf_counter()))
        window.open_paths([folder])
        while not realigned or window.view.comparison is None:
            app.processEvents()
        _until_idle(app, realigned, False)
        meter = StallMeter()
        steps: list[tuple[str, Callable[[], None], bool]] = [
            ("scroll to the middle", lambda: _to_middle(window), False),
            *[(name, _action(window, name).trigger, aligns) for name, aligns in ACTIONS[:6]],
            ("type in the find bar", lambda: _find(window), False),
            *[(name, _action(window, name).trigger, aligns) for name, aligns in ACTIONS],
            ("resize to 1000x700", lambda: window.resize(1000, 700), True),
            # (last: its tooltip, shown later, would fall in the next action's time)
            ("hover down the gutter", lambda: _hover_gutter(app, window), False),
        ]
        for name, act, aligns in steps:
            stall, took = _measure(app, meter, name, act, aligns, realigned)
            results.append((name, stall, took))
        window.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    args = parser.parse_args()
    print("| action | longest stall (ms) | done after (s) |\n|---|---|---|")
    for name, stall, took in run(args.words):
        print(f"| {name} | {stall:.0f} | {took:.2f} |")


if __name__ == "__main__":
    main()
