"""No export replaces the annotation file in use or a document of the library: a JSON export
of the dock's filtered rows typed over the annotation file became that file (the rows the
filter hid were lost, past undoing); a page typed over a report replaced the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_export_print import _tag_two_passages, answer_save_dialog
from ui_helpers import WindowFactory, window_on_pair

from reader_app.ui.window.main_window import MainWindow


def test_annotations_are_not_exported_over_the_annotation_file(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        annotations_file: Path) -> None:
    _tag_two_passages(qtbot, sync_window)
    panel = sync_window.annotations.panel
    qtbot.keyClicks(panel.filter_box, "tag:verify")  # one of the two listed
    before = annotations_file.read_bytes()
    answer_save_dialog(monkeypatch, annotations_file, "JSON, as tags list writes it (*.json)")
    sync_window.actions_by_name["export_annotations"].trigger()
    assert annotations_file.read_bytes() == before
    assert "is the annotation file in use; not overwritten" in sync_window.status.error.text()
    panel.filter_box.clear()
    assert panel.row_count() == 2


def test_no_page_is_exported_over_a_document_of_the_library(
        qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    said = "<p>Officials said 900,000 people were evacuated from the coast on Tuesday.</p>"
    window = window_on_pair(make_window, tmp_path, {
        "a.txt": "Officials said 900,000 people were evacuated on Tuesday.\n",
        "b.txt": "About 900,000 people were evacuated, officials said.\n",
        "saved report.html": f"<html><body>{said}</body></html>"})
    page = tmp_path / "saved report.html"  # a web page of the library, not on screen
    before = page.read_bytes()
    answer_save_dialog(monkeypatch, page)
    window.actions_by_name["export_comparison"].trigger()
    assert page.read_bytes() == before
    assert "is a document of the library; not overwritten" in window.status.error.text()
    elsewhere = tmp_path.parent / f"{tmp_path.name}-comparison.html"  # outside: written
    answer_save_dialog(monkeypatch, elsewhere)
    window.actions_by_name["export_comparison"].trigger()
    assert elsewhere.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
