"""An annotation file whose tags cannot be saved is said so as the window opens (a read-only
file said nothing until a tag made there failed to be saved), and ``reader-app screenshot``
shows the very warning the window shows, on its status bar."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from annotation_helpers import store_with
from PySide6.QtGui import QColor, QImage
from ui_helpers import SEED_FILES, SENTENCE_000, WindowFactory

from reader_app.ui.screenshot import take_screenshot

ERROR_RED = QColor("#c0392b")  # the status bar's error text (``StatusArea.error``)
SIZE = (1000, 700)


def read_only_file(path: Path) -> str:
    store_with(path, SEED_FILES[0], SENTENCE_000, "verify")
    path.chmod(0o444)
    return "read-only (no write permission); tags made here cannot be saved"


def newer_file(path: Path) -> str:
    path.write_text(json.dumps({"format": "reader-app.annotations/9", "annotations": []}))
    return "opened read-only"


KINDS = {"read-only": read_only_file, "newer format": newer_file}


def test_a_read_only_file_is_said_so_on_opening(
        make_window: WindowFactory, annotations_file: Path) -> None:
    said = read_only_file(annotations_file)
    before = annotations_file.read_bytes()
    window = make_window(synchronous=True)
    assert f"{annotations_file}: {said}" in window.status.error.text()
    assert window.annotations.panel.row_count() == 1  # read all the same
    assert annotations_file.read_bytes() == before


def red_pixels(image: QImage, top: int) -> int:
    """Pixels of the error text's red in ``image`` from row ``top`` down."""
    return sum(1 for y in range(top, image.height()) for x in range(image.width())
               if _close(image.pixelColor(x, y), ERROR_RED))


def _close(colour: QColor, wanted: QColor) -> bool:
    return all(abs(a - b) < 24 for a, b in zip(colour.getRgb()[:3], wanted.getRgb()[:3],
                                               strict=True))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_screenshot_shows_the_warning_the_window_shows(
        make_window: WindowFactory, annotations_file: Path, kind: str) -> None:
    said = KINDS[kind](annotations_file)
    window = make_window(synchronous=True)
    assert said in window.status.error.text()  # what the window shows...
    window.close()
    args = argparse.Namespace(paths=[], left=str(SEED_FILES[0]), right=str(SEED_FILES[1]),
                              size=SIZE, annotations=str(annotations_file), theme="light",
                              view="compare")
    image = QImage.fromData(take_screenshot(args))
    assert image.size().toTuple() == SIZE
    bar_top = image.height() - window.statusBar().height() - 4
    assert red_pixels(image, bar_top) > 30  # ...the picture shows: its red line on the bar
    assert red_pixels(image, 0) - red_pixels(image, bar_top) < 30  # (and nowhere else)
