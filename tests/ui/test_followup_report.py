"""File ▸ Export Tagged Passages…: the follow-up report, tagged in the window as a reader does
(a selection, Ctrl+T, the tag editor), written through the save dialog (the one stand-in:
``QFileDialog.getSaveFileName`` answers with a path under ``tmp_path``) and read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from annotation_helpers import select_words, tag_selection
from PySide6.QtGui import QPdfWriter
from pytestqt.qtbot import QtBot
from test_export_print import answer_save_dialog, text_of
from ui_helpers import QUOTE, SEED_FILES, SENTENCE_000, SENTENCE_001

from reader_app.core.annotations.anchoring import anchor
from reader_app.core.annotations.listing import Listed
from reader_app.core.annotations.model import new_annotation
from reader_app.core.documents import load_document
from reader_app.core.formats.followup import render_followup
from reader_app.ui.window.main_window import MainWindow
from reader_app.ui.window.page_printing import PagedLayout, kept_runs, paged_document

NOTE = "Ask the desk which transcript is right"


def _tag(qtbot: QtBot, window: MainWindow, side: str, words: str, tag: str,
         note: str = "") -> None:
    pane = window.view.panes[side]
    select_words(qtbot, pane, words)
    tag_selection(qtbot, window, pane, tag, note)
    window.annotations.linked_bar.withdraw()


def _tag_three(qtbot: QtBot, window: MainWindow) -> None:
    _tag(qtbot, window, "left", QUOTE, "quote check", NOTE)
    _tag(qtbot, window, "left", SENTENCE_000, "verify")
    _tag(qtbot, window, "right", SENTENCE_001, "wire copy")


def test_the_report_lists_passages_by_tag_with_context_source_note_and_link(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    _tag_three(qtbot, sync_window)
    target = tmp_path / "report.html"
    answer_save_dialog(monkeypatch, target)
    sync_window.actions_by_name["export_followup"].trigger()
    page = target.read_text(encoding="utf-8")
    shown = text_of(page)
    assert shown.index("quote check (1)") < shown.index("verify (1)") < shown.index(
        "wire copy (1)")  # by tag, in order
    assert SENTENCE_001 in shown and "AFP" in shown  # the right one's outlet
    comparison = sync_window.view.comparison
    assert comparison is not None
    left, right = comparison.left, comparison.right
    assert QUOTE in shown and SENTENCE_000 in shown
    start = left.text.index(QUOTE)
    assert left.text[start - 30:start].split()[-1] in shown  # the words before it: context
    assert "Peskov told reporters" in shown  # and after it
    assert left.title in shown and (left.metadata.date or "") in shown
    assert left.path in shown
    assert f"Note: {NOTE}" in shown
    linked = re.search(rf"Linked in {re.escape(right.title)} \(R\d+\): “([^”]+)”", shown)
    assert linked is not None and QUOTE.split()[0] in linked[1]
    assert str(target) in sync_window.statusBar().currentMessage()


def test_the_report_keeps_the_dock_filter(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    _tag_three(qtbot, sync_window)
    qtbot.keyClicks(sync_window.annotations.panel.filter_box, "tag:verify")
    target = tmp_path / "verify.html"
    answer_save_dialog(monkeypatch, target)
    sync_window.actions_by_name["export_followup"].trigger()
    shown = text_of(target.read_text(encoding="utf-8"))
    assert SENTENCE_000 in shown and QUOTE not in shown and "quote check" not in shown


def test_the_report_as_pdf(qtbot: QtBot, sync_window: MainWindow,
                           monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _tag_three(qtbot, sync_window)
    target = tmp_path / "report"
    answer_save_dialog(monkeypatch, target, "PDF document (*.pdf)")
    sync_window.actions_by_name["export_followup"].trigger()
    data = (tmp_path / "report.pdf").read_bytes()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    assert re.search(rb"/MediaBox \[0 0 595(\.0+)? 842(\.0+)?\]", data)  # A4 portrait


def test_nothing_tagged_is_said(qtbot: QtBot, sync_window: MainWindow,
                                monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked = answer_save_dialog(monkeypatch, tmp_path / "none.html")
    sync_window.actions_by_name["export_followup"].trigger()
    assert not asked and "No tagged passages" in sync_window.statusBar().currentMessage()


def test_a_passage_is_never_cut_by_a_page_end(qtbot: QtBot, tmp_path: Path) -> None:
    document = load_document(SEED_FILES[0])
    listed = []
    for paragraph in document.paragraphs[:40]:
        annotation = new_annotation(document, paragraph.start, paragraph.end, ["verify"],
                                    note="Check with a second source. " * 3)
        listed.append(Listed(annotation, anchor(annotation, document.text)))
    listed *= 3  # some 40 passages
    page = render_followup(listed, {document.path: document})
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    paged = paged_document(page, writer)
    layout = paged.document.documentLayout()
    runs = kept_runs(paged.document)
    assert len(runs) == len(listed) > 10 and paged.page_count >= 3
    for first, last in runs:
        top, bottom = (layout.blockBoundingRect(first).top(),
                       layout.blockBoundingRect(last).bottom())
        assert on_one_page(paged, top, bottom)


def on_one_page(paged: PagedLayout, top: float, bottom: float) -> bool:
    """Whether the stretch from ``top`` to ``bottom`` is printed whole on one page."""
    return any(paged.tops[n] <= top + 0.5 and bottom <= paged.page_bottom(n) + 0.5
               for n in range(paged.page_count))
