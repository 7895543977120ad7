"""How long typing a word in the find bar takes on a long pair, once it is compared.

Types "said" a letter every 60 ms (a fast typist) and reports the longest keystroke (how
long the window did not answer) and the time from the first letter to the count shown;
then single searches, and a scroll step with a one-letter search's matches marked.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_find.py [--words 200000]
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
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader_app.ui.window.main_window import MainWindow
from reader_app.ui.window.search import find_in_panes

KEYSTROKE_GAP = 0.06  # seconds between letters


def _pump(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


def _compared_window(app: QApplication, folder: str, words: int) -> MainWindow:
    """The long pair shown, compared and aligned, its first paints done."""
    left_text, right_text = make_pair(words, seed=0)
    for name, text in (("left.txt", left_text), ("right.txt", right_text)):
        Path(folder, name).write_text(text, encoding="utf-8")
    window = MainWindow(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    gc.freeze()  # as reader_app.ui.app.run_window does
    done: list[bool] = []
    window.view.realigned.connect(lambda: window.view.comparison is not None
                                  and done.append(True))
    window.open_paths([folder])
    while not done:
        app.processEvents()
    _pump(app, 1.0)
    return window


def _type(app: QApplication, window: MainWindow, word: str) -> dict[str, float]:
    window.open_find()
    field, longest = window.find_bar.field, 0.0
    started = time.perf_counter()
    for letter in word:
        before = time.perf_counter()
        QTest.keyClick(field, letter)
        app.processEvents()
        longest = max(longest, time.perf_counter() - before)
        _pump(app, KEYSTROKE_GAP)
    while not window.find_bar.status.text():
        app.processEvents()
    return {f"longest keystroke typing {word!r} (ms)": longest * 1000,
            f"first letter → count shown (ms), {window.find_bar.status.text()}":
            (time.perf_counter() - started) * 1000}


def run(words: int) -> dict[str, float]:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        window = _compared_window(app, folder, words)
        timings = _type(app, window, "said")
        for word in ("s", "said"):
            started = time.perf_counter()
            found = find_in_panes(window.view, word, backwards=False, case_sensitive=False)
            app.processEvents()
            timings[f"one search for {word!r}, repainted (ms), {found.status}"] = (
                time.perf_counter() - started) * 1000
        bar = window.view.panes["left"].verticalScrollBar()
        started = time.perf_counter()
        for _ in range(20):
            bar.setValue(bar.value() + 40)
            app.processEvents()
        timings["scroll step, 's' marked (ms, mean of 20)"] = (
            time.perf_counter() - started) / 20 * 1000
        window.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    for name, value in run(parser.parse_args().words).items():
        print(f"{name}: {value:.0f}")


if __name__ == "__main__":
    main()
