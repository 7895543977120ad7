"""A document shown with no comparison (alone, or a long pair shown plain while it is
compared) reads as paragraphs: the same space between them as the compared view leaves
between rows, not a wall of text."""

from __future__ import annotations

import shutil
from itertools import pairwise
from pathlib import Path

from PySide6.QtGui import QFontMetricsF
from ui_helpers import SEED_FILES, WindowFactory

from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.window.main_window import MainWindow


def line_gap(pane: DocumentPane) -> float:
    return QFontMetricsF(pane.font()).lineSpacing() * 0.8


def text_spans(pane: DocumentPane) -> list[float]:
    """Each shown paragraph's (top, bottom) (its block's rectangle, without its margin)."""
    text_document = pane.document()
    layout = text_document.documentLayout()
    tops = []
    for index in range(pane.paragraph_count()):
        block = text_document.findBlockByNumber(index)
        if block.isVisible():
            rect = layout.blockBoundingRect(block)
            tops.append((rect.top(), rect.bottom()))
    return tops


def assert_spaced(pane: DocumentPane) -> None:
    """Each paragraph starts a row spacing below the end of the one above."""
    spans = text_spans(pane)
    assert len(spans) > 5
    for (_, bottom), (top, _) in pairwise(spans):
        assert abs(top - (bottom + line_gap(pane))) < 1.0


def test_a_lone_document_has_space_between_its_paragraphs(
        make_window: WindowFactory, tmp_path: Path) -> None:
    shutil.copy(SEED_FILES[0], tmp_path / "only.txt")
    window: MainWindow = make_window([tmp_path], synchronous=True)
    window.view.finish_alignment()
    pane = window.view.panes["left"]
    assert pane.source is not None and window.view.comparison is None
    gap = line_gap(pane)
    assert_spaced(pane)
    window.zoom(3)  # the spacing follows the font
    window.view.finish_alignment()
    assert_spaced(pane)
    assert line_gap(pane) > gap


def test_a_document_shown_plain_again_after_a_comparison_is_spaced(
        sync_window: MainWindow) -> None:
    view = sync_window.view
    left = view.panes["left"].source
    view.show_documents(left, None, None)
    view.finish_alignment()
    assert_spaced(view.panes["left"])
