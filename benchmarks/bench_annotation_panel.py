"""The annotation panel at scale: 10,000 annotations in the file, the window on their folder.

Generates (seeded, as ``bench_annotations.py`` does) 50 documents and N annotations over them,
writes the annotation file, then times with ``time.perf_counter`` in one offscreen window:

* opening the window (store read, panel filled and anchored, first comparison shown and
  underlined), with the number of rows listed;
* typing a filter into the panel, key by key (each key re-filters and re-anchors), and the
  slowest key; clearing it again;
* adding one tag (command → store → save with lock and merge → panel and underlines);
* a refresh after another store saved one more tag (what the file watcher triggers);
* painting the left pane with its underlines and margin stripes.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_annotation_panel.py [--count 10000]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_annotations import make_annotations, make_documents
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader_app.core.annotation_file import write_file
from reader_app.core.annotation_store import AnnotationStore
from reader_app.core.annotations import new_annotation
from reader_app.ui.main_window import MainWindow

FILTER = "verify"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    return time.perf_counter() - start


def run(count: int) -> list[tuple[str, str]]:
    app = QApplication.instance() or QApplication([])
    rng = random.Random(0)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "docs").mkdir()
        documents = make_documents(folder / "docs", rng)
        path = folder / "annotations.json"
        write_file(path, make_annotations(documents, count, rng))
        settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
        holder: list[MainWindow] = []

        def open_window() -> None:
            window = MainWindow(settings, annotations=path, synchronous=True)
            window.open_paths([folder / "docs"])
            window.show()
            holder.append(window)

        rows.append(("open window (file read, panel filled, comparison shown)",
                     _ms(timed(open_window))))
        window = holder[0]
        panel = window.annotations.panel
        rows.append(("rows listed", str(panel.row_count())))
        rows += _filter(panel)
        pane = window.view.panes["left"]
        document = pane.source
        assert document is not None
        rows.append(("add one tag (command, save, panel, underlines)", _ms(timed(
            lambda: window.annotations.controller.add(document, 10, 40, ["bench"])))))
        other = AnnotationStore.open(path)
        other.insert(new_annotation(document, 50, 80, ["other window"]))
        other.save()
        rows.append(("refresh after another store saved",
                     _ms(timed(window.annotations.controller.refresh))))
        rows.append(("rows listed now", str(panel.row_count())))
        rows.append(("underlined passages in the left pane", str(len(pane.tag_marks()))))
        rows.append(("paint the left pane (underlines, stripes)",
                     _ms(timed(lambda: pane.viewport().grab()))))
        window.close()
    del app
    return rows


def _filter(panel: object) -> list[tuple[str, str]]:
    box = panel.filter_box  # type: ignore[attr-defined]
    keys = []
    for letter in FILTER:
        keys.append(timed(lambda letter=letter: QTest.keyClicks(box, letter)))
    rows = [(f"type filter {FILTER!r} ({len(FILTER)} keys, total)", _ms(sum(keys))),
            ("slowest key", _ms(max(keys))),
            ("rows listed after the filter", str(panel.row_count()))]  # type: ignore[attr-defined]
    rows.append(("clear the filter", _ms(timed(box.clear))))
    return rows


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    arguments = parser.parse_args()
    rows = run(arguments.count)
    print(f"Annotation panel, {arguments.count} annotations; {platform.platform()}, "
          f"Python {platform.python_version()}")
    print("| step | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
