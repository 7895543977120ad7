"""The annotation panel at scale: 10,000 annotations in the file, the window on their folder.

Generates (seeded, as ``bench_annotations.py`` does) 50 documents and N annotations over them,
writes the annotation file, then times with ``time.perf_counter`` in one offscreen window:

* opening the window on the file (the file is read on a worker thread in the window, and only
  handing the store over to the panel is on the UI thread: both timed), then the folder;
* typing a filter into the panel, key by key, and the slowest key; clearing it again;
* adding one tag (command → store → save with lock and merge → panel and underlines; the first
  save and a later one), undo, editing and deleting 100 at once, choosing a tag's colour,
  sorting by a column and adding while sorted;
* a refresh after another store saved one more tag (what the file watcher triggers): the
  read a worker thread does in the window, and the merge on the UI thread;
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
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from report import print_table

from reader_app.core.annotations.jsonfile.file import write_file
from reader_app.core.annotations.jsonfile.store import AnnotationStore
from reader_app.core.annotations.model import new_annotation
from reader_app.core.documents import Document
from reader_app.ui.window.main_window import MainWindow

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
            window.show()
            holder.append(window)

        rows.append(("open window and annotation file (synchronous here)",
                     _ms(timed(open_window))))
        window = holder[0]
        controller = window.annotations.controller
        store = AnnotationStore(path)
        rows.append(("… of which reading the file (a worker thread in the window)", _ms(timed(
            lambda: (store.reload(), store.encode_all())))))
        rows.append(("… of which the UI thread: panel, index, colours", _ms(timed(
            lambda: controller._on_loaded((store, None))))))
        rows.append(("open the folder (50 documents, comparison, underlines)", _ms(timed(
            lambda: window.open_paths([folder / "docs"])))))
        panel = window.annotations.panel
        rows.append(("rows listed", str(panel.row_count())))
        rows += _filter(panel)
        pane = window.view.panes["left"]
        document = pane.source
        assert document is not None
        rows += _changes(window, document)
        other = AnnotationStore.open(path)
        other.insert(new_annotation(document, 50, 80, ["other window"]))
        other.save()
        job = controller.store.read_ahead()  # what the window runs on a worker thread
        start = time.perf_counter()
        found = job()
        rows.append(("refresh after another store saved: reading (a worker in the window)",
                     _ms(time.perf_counter() - start)))
        assert found is not None
        rows.append(("… and taken in on the UI thread (merge, rows, underlines)",
                     _ms(timed(lambda: controller.store.take_reading(found)))))
        rows.append(("rows listed now", str(panel.row_count())))
        rows.append(("underlined passages in the left pane", str(len(pane.tag_marks()))))
        rows.append(("paint the left pane (underlines, stripes)",
                     _ms(timed(lambda: pane.viewport().grab()))))
        window.close()
    del app
    return rows


def _changes(window: MainWindow, document: Document) -> list[tuple[str, str]]:
    """Adding, editing, deleting and undoing, each saved at once."""
    controller = window.annotations.controller
    panel = window.annotations.panel
    rows = [("add one tag (command, save, panel, underlines)", _ms(timed(
        lambda: controller.add(document, 10, 40, ["bench"]))))]
    rows.append(("add another tag", _ms(timed(
        lambda: controller.add(document, 60, 90, ["bench"])))))
    rows.append(("undo it (Ctrl+Z)", _ms(timed(controller.undo_stack.undo))))
    chosen = [panel.model.annotation_at(row).id for row in range(100)]  # type: ignore[union-attr]
    rows.append(("edit 100 tags at once (add a tag to each)", _ms(timed(
        lambda: controller.retag(chosen, ["checked"], [], None)))))
    rows.append(("delete 100 tags at once", _ms(timed(lambda: controller.delete(chosen)))))
    rows.append(("choose a tag's colour", _ms(timed(
        lambda: controller.set_colour("verify", "#123456")))))
    rows.append(("sort by the tags column", _ms(timed(
        lambda: panel.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)))))
    rows.append(("add a tag while sorted", _ms(timed(
        lambda: controller.add(document, 100, 130, ["bench"])))))
    panel.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
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
    print_table("step", "result", rows)


if __name__ == "__main__":
    main()
