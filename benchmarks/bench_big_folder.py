"""How the window copes with a big folder: every ECB+ report (982 files) in one folder.

Opens the folder as ``File ▸ Open Folder`` would and waits, in an event loop as the window
does, until the library's content column is filled (each report against the left one, in a
worker). Prints the time to that and the longest stall of the event loop meanwhile (a 5 ms
timer's longest gap, ``bench_ui_stall.StallMeter``). Found the library's column fitting
asking every row's every cell for its size (2.4 s stalls); what is left is mostly paints of
the library while the content column's worker holds the interpreter lock.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_big_folder.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui_stall import StallMeter
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from real_prose import DEFAULT_CORPUS

from reader_app.ui.window.main_window import MainWindow


def run(corpus: Path) -> tuple[int, float, int]:
    """(reports, seconds until the content column is filled, longest stall in ms)."""
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        reports = Path(folder, "reports")
        reports.mkdir()
        for path in sorted((corpus / "texts").glob("*/*.txt")):
            shutil.copy(path, reports / path.name)
        window = MainWindow(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 900)
        window.show()
        gc.freeze()  # as reader_app.ui.app.run_window does
        app.processEvents()
        meter, loop = StallMeter(), QEventLoop()
        window.similarities_shown.connect(loop.quit)
        QTimer.singleShot(300_000, loop.quit)
        started = time.perf_counter()
        meter.enter("open")
        window.open_paths([str(reports)])
        loop.exec()
        filled = time.perf_counter() - started
        count = window.model.rowCount()
        window.close()
    return count, filled, meter.longest.get("open", 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    count, filled, stall = run(args.corpus)
    print(f"{count} reports: content column filled after {filled:.2f} s, "
          f"longest stall {stall} ms")


if __name__ == "__main__":
    main()
