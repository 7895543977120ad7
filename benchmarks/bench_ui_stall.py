"""How long the window's event loop stalls while two 200k-word documents are compared.

A 5 ms timer records the gaps between its ticks; the longest gap while the worker threads
read and compare (request → result) is the stall a user would feel then. A long pair's text
is shown at once, unaligned, while it is compared (request → text shown). Rendering the
result into the panes and aligning them happens on the UI thread afterwards (in slices of
about 15 ms for long documents) and is reported separately, as is the second after it (the
first paints of the aligned panes), and then a scroll step at the top and one at the
middle.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_ui_stall.py [--words 200000] [--real]

``--real`` compares real news prose (``real_prose.py``'s pair, made from the ECB+ corpus)
instead of the generated pair.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_pair
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from real_prose import write_real_pair

from reader_app.ui.window.main_window import MainWindow


class StallMeter:
    """Longest gap between 5 ms timer ticks, per named phase."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.phase = "idle"
        self.longest: dict[str, int] = {}
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        gap = now - self.last
        self.last = now
        self.longest[self.phase] = max(self.longest.get(self.phase, 0), gap)

    def enter(self, phase: str) -> None:
        self._tick()
        self.phase = phase


def _write_pair(folder: str, words: int, real: bool) -> None:
    if real:
        write_real_pair(Path(folder), words)
        return
    left_text, right_text = make_pair(words, seed=0)
    for name, text in (("left.txt", left_text), ("right.txt", right_text)):
        Path(folder, name).write_text(text, encoding="utf-8")


def run(words: int, real: bool = False) -> dict[str, float]:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        _write_pair(folder, words, real)
        window = MainWindow(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 900)
        window.show()
        gc.freeze()  # as reader_app.ui.app.run_window does
        meter = StallMeter()
        timings: dict[str, float] = {}
        started = time.perf_counter()
        done = []
        # The worker reports 100% just before its result arrives: from then on the UI thread
        # renders the result into the panes.
        compared: list[float] = []
        window.compare_runner.progressed.connect(
            lambda fraction: fraction >= 1.0 and (
                compared.append(time.perf_counter()), meter.enter("render"))
        )
        # Shown and aligned: long documents are aligned in steps after the result is shown.
        # Waited for in an event loop, as the window's own: a loop of processEvents() would
        # spin in Python, taking the interpreter lock from the worker thousands of times a
        # second (without the stall meter's ticks: aligned after 5.9 s so, 4.3 s in a loop).
        loop = QEventLoop()
        window.view.realigned.connect(
            lambda: window.view.comparison is not None and (
                done.append(time.perf_counter()), loop.quit())
        )
        text_shown: list[float] = []
        poll = QTimer()
        poll.setInterval(5)
        poll.timeout.connect(lambda: text_shown or window.view.panes["right"].document(
        ).blockCount() <= 1 or text_shown.append(time.perf_counter()))
        poll.start()
        meter.enter("load")
        window.open_paths([folder])  # reads the files in a worker, then compares them
        meter.enter("compare")
        loop.exec()
        poll.stop()
        meter.enter("after")
        QTimer.singleShot(1000, loop.quit)  # the first paints of the aligned panes
        loop.exec()
        timings["request → text shown (s)"] = (text_shown or done)[0] - started
        timings["request → compared, in the worker (s)"] = (compared or done)[0] - started
        timings["request → shown and aligned (s)"] = done[0] - started
        timings["stall while loading the files (ms)"] = meter.longest.get("load", 0)
        timings["longest stall while comparing (ms)"] = meter.longest.get("compare", 0)
        timings["longest stall while rendering (ms)"] = meter.longest.get("render", 0)
        timings["longest stall 1 s after aligned (ms)"] = meter.longest.get("after", 0)
        timings.update(_scroll_steps(app, window))
        window.close()
    return timings


def _scroll_steps(app: QApplication, window: MainWindow) -> dict[str, float]:
    """A scroll step at the top, then one at the middle (real prose: thousands of moved
    links pass the view there)."""
    at_top = _scroll_step(app, window)
    bar = window.view.panes["left"].verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    app.processEvents()
    return {"one scroll step, repainted (ms, mean of 20)": at_top,
            "one scroll step at the middle (ms, mean of 20)": _scroll_step(app, window)}


def _scroll_step(app: QApplication, window: MainWindow) -> float:
    """Scroll the left pane (the right one follows) a few lines at a time: panes, gutter
    bands and overview bars are repainted at every step."""
    bar = window.view.panes["left"].verticalScrollBar()
    start = time.perf_counter()
    for _ in range(20):
        bar.setValue(bar.value() + 40)
        app.processEvents()
    return (time.perf_counter() - start) / 20 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--real", action="store_true", help="real news prose (ECB+)")
    args = parser.parse_args()
    for name, value in run(args.words, args.real).items():
        print(f"{name:40} {value:10.2f}")


if __name__ == "__main__":
    main()
