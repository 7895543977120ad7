"""File ▸ Export Comparison… (HTML, PDF), File ▸ Print… and Export Annotations…, as a reader
uses them: the menu entry or the dock's button, a path typed into the save dialog (the one
stand-in: ``QFileDialog.getSaveFileName`` answers with a path under ``tmp_path``), then the
file written is read back."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from annotation_helpers import select_words, tag_selection
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from ui_helpers import QUOTE, SEED_FILES, SENTENCE_000

from reader_app.core.compare import compare
from reader_app.core.documents import load_document, parse_document
from reader_app.core.library import bundled_seeds
from reader_app.ui.window import export_actions
from reader_app.ui.window.export_actions import comparison_document, print_comparison
from reader_app.ui.window.main_window import MainWindow

SHARED_PASSAGE = "the idea of a ceasefire in Ukraine"  # in 000 and in 001


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(page: str) -> str:
    """What a browser would show of the page (the style sheet aside), as one string."""
    body = page.split("</style>", 1)[1]
    parser = _Text()
    parser.feed(body)
    return "".join(parser.parts)


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path | None, kind: str = "",
                       selected: list[object] | None = None) -> list[tuple[str, str]]:
    """The save dialog answers ``path`` (None: cancelled); returns the (start path, types) it
    was opened with, and adds the type it proposed to ``selected``."""
    asked: list[tuple[str, str]] = []

    def answer(parent: object, caption: str, start: str, types: str,
               *rest: object) -> tuple[str, str]:
        asked.append((start, types))
        if selected is not None:
            selected.append(rest[0] if rest else None)
        return ("", "") if path is None else (str(path), kind)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def test_html_export_writes_the_compare_page(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    target = tmp_path / "out" / "comparison.html"
    asked = answer_save_dialog(monkeypatch, target)
    sync_window.actions_by_name["export_comparison"].trigger()
    page = target.read_text(encoding="utf-8")
    shown = text_of(page)
    left, right = (load_document(p) for p in SEED_FILES[:2])
    assert left.title in shown and right.title in shown
    assert shown.count(SHARED_PASSAGE) >= 2  # once in each column
    start, _types = asked[0]
    assert Path(start).name.endswith(".html") and " vs " in Path(start).name
    cli = subprocess.run(  # the same page as the command line writes
        [sys.executable, "-m", "reader_app", "compare", "--format", "html",
         str(SEED_FILES[0].resolve()), str(SEED_FILES[1].resolve())],
        capture_output=True, text=True, encoding="utf-8", check=True)
    assert page == cli.stdout
    assert str(target) in sync_window.statusBar().currentMessage()


def test_export_remembers_the_folder(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    answer_save_dialog(monkeypatch, tmp_path / "reports" / "first.html")
    sync_window.actions_by_name["export_comparison"].trigger()
    asked = answer_save_dialog(monkeypatch, tmp_path / "second.html")
    sync_window.actions_by_name["export_comparison"].trigger()
    assert Path(asked[0][0]).parent == tmp_path / "reports"


def test_pdf_export_writes_a_pdf(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    target = tmp_path / "comparison.pdf"
    answer_save_dialog(monkeypatch, target)
    sync_window.actions_by_name["export_comparison"].trigger()
    assert QApplication.overrideCursor() is None  # the wait is over
    asked = answer_save_dialog(monkeypatch, tmp_path / "again.pdf")
    sync_window.actions_by_name["export_comparison"].trigger()  # proposes a PDF this time
    assert Path(asked[0][0]).suffix == ".pdf"
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    assert b"%%EOF" in data[-64:]
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) >= 2  # A4 pages, not one long one
    assert re.search(rb"/MediaBox \[0 0 842(\.0+)? 595(\.0+)?\]", data)  # A4 landscape, pt


def test_an_export_that_cannot_be_written_is_reported(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for name in ("comparison.html", "comparison.pdf"):
        answer_save_dialog(monkeypatch, blocker / name)
        sync_window.actions_by_name["export_comparison"].trigger()  # no traceback
        error = sync_window.status.error
        assert "not exported" in error.text() and str(blocker) in error.text()
        assert not (blocker / name).exists()


def test_an_export_over_a_read_only_file_leaves_it_as_it_was(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    for name in ("kept.html", "kept.pdf"):
        target = tmp_path / "out" / name
        target.write_text("an earlier export")
        target.chmod(0o444)  # (refused even to the superuser, who could write it)
        answer_save_dialog(monkeypatch, target)
        sync_window.actions_by_name["export_comparison"].trigger()
        assert target.read_text() == "an earlier export"
        error = sync_window.status.error.text()
        assert f"Comparison not exported to {target}: read-only" in error
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["kept.html", "kept.pdf"]


def test_dialogs_start_at_home_not_in_the_bundled_seeds(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    sync_window.settings.setValue("library/last_folder", str(bundled_seeds()))
    asked = answer_save_dialog(monkeypatch, None)
    sync_window.actions_by_name["export_comparison"].trigger()
    assert Path(asked[0][0]).parent == Path.home()
    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda parent, caption, start: opened.append(start) or "")
    sync_window.actions_by_name["open_folder"].trigger()
    assert opened == [str(Path.home())]


def test_print_renders_both_columns_landscape(sync_window: MainWindow, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    comparison = sync_window.view.comparison
    assert comparison is not None
    print_comparison(comparison, printer)
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert box is not None and float(box[1]) > float(box[2])  # pages wider than high
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) >= 2
    assert sync_window.actions_by_name["print"].shortcut().toString() == "Ctrl+P"


def _tag_two_passages(qtbot: QtBot, window: MainWindow) -> None:
    left, right = window.view.panes["left"], window.view.panes["right"]
    select_words(qtbot, left, SENTENCE_000)
    tag_selection(qtbot, window, left, "verify")
    select_words(qtbot, right, QUOTE)
    tag_selection(qtbot, window, right, "contradiction")
    window.annotations.linked_bar.withdraw()
    assert window.annotations.panel.row_count() == 2


def test_annotations_csv_export_keeps_the_filter(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    _tag_two_passages(qtbot, sync_window)
    panel = sync_window.annotations.panel
    qtbot.keyClicks(panel.filter_box, "tag:verify")
    assert panel.quotes() == [SENTENCE_000]
    target = tmp_path / "tags.csv"
    answer_save_dialog(monkeypatch, target)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [(row["tag"], row["exact"]) for row in rows] == [("verify", SENTENCE_000)]
    assert rows[0]["status"] == "exact"


def test_every_export_dialog_starts_where_the_last_export_went(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    # Annotations exported to a folder, the follow-up report and the comparison's page are
    # proposed there too (they started at home: each kind kept its own folder only).
    _tag_two_passages(qtbot, sync_window)
    (tmp_path / "out").mkdir()
    answer_save_dialog(monkeypatch, tmp_path / "out" / "tags.csv")
    sync_window.actions_by_name["export_annotations"].trigger()
    asked = answer_save_dialog(monkeypatch, None)
    sync_window.actions_by_name["export_followup"].trigger()
    sync_window.actions_by_name["export_comparison"].trigger()
    assert [Path(start).parent for start, _ in asked] == [tmp_path / "out"] * 2


def test_annotations_export_by_document_as_w3c_from_the_file_menu(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    _tag_two_passages(qtbot, sync_window)
    panel = sync_window.annotations.panel
    panel.choose_documents(str(SEED_FILES[1].resolve()))
    assert panel.quotes() == [QUOTE]
    target = tmp_path / "tags"
    answer_save_dialog(monkeypatch, target, "W3C Web Annotations, JSON-LD (*.jsonld)")
    sync_window.actions_by_name["export_annotations"].trigger()
    collection = json.loads((tmp_path / "tags.jsonld").read_text(encoding="utf-8"))
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 1
    item = collection["first"]["items"][0]
    assert item["body"][0]["value"] == "contradiction"
    assert item["target"]["selector"][0]["exact"] == QUOTE


def test_annotations_export_as_json_from_the_context_menu(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    _tag_two_passages(qtbot, sync_window)
    target = tmp_path / "tags.json"
    answer_save_dialog(monkeypatch, target)
    menu = sync_window.annotations.panel.context_menu()
    entry = next(a for a in menu.actions() if a.text() == "E&xport Annotations…")
    entry.trigger()
    listed = json.loads(target.read_text(encoding="utf-8"))["annotations"]
    assert sorted(a["tags"][0] for a in listed) == ["contradiction", "verify"]
    assert all(a["anchor"]["status"] == "exact" for a in listed)


def test_an_annotations_export_that_cannot_be_written_is_reported(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    _tag_two_passages(qtbot, sync_window)
    (tmp_path / "tags.csv").mkdir()  # a folder where the file should go
    answer_save_dialog(monkeypatch, tmp_path / "tags.csv")
    sync_window.actions_by_name["export_annotations"].trigger()  # no traceback
    error = sync_window.status.error.text()
    assert "Annotations not exported" in error and "tags.csv" in error


def test_nothing_to_export_says_so(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    asked = answer_save_dialog(monkeypatch, tmp_path / "tags.csv")
    sync_window.actions_by_name["export_annotations"].trigger()
    assert asked == [] and not (tmp_path / "tags.csv").exists()
    assert "No annotations" in sync_window.statusBar().currentMessage()


def test_the_first_annotations_export_proposes_the_folder_exported_to_last(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """It proposed the home folder, where the comparison's export proposed the folder of
    the last export (else the library's)."""
    (tmp_path / "reports").mkdir()
    answer_save_dialog(monkeypatch, tmp_path / "reports" / "comparison.html")
    sync_window.actions_by_name["export_comparison"].trigger()
    _tag_two_passages(qtbot, sync_window)
    asked = answer_save_dialog(monkeypatch, tmp_path / "tags.csv")
    sync_window.actions_by_name["export_annotations"].trigger()
    assert Path(asked[0][0]) == tmp_path / "reports" / "annotations.csv"


def test_the_next_annotations_export_proposes_the_format_chosen_last(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    _tag_two_passages(qtbot, sync_window)
    w3c = "W3C Web Annotations, JSON-LD (*.jsonld)"
    answer_save_dialog(monkeypatch, tmp_path / "first", w3c)
    sync_window.actions_by_name["export_annotations"].trigger()
    assert (tmp_path / "first.jsonld").exists()
    selected: list[object] = []
    asked = answer_save_dialog(monkeypatch, None, selected=selected)
    sync_window.actions_by_name["export_annotations"].trigger()
    assert asked[0][0].endswith("annotations.jsonld") and selected == [w3c]


def test_the_proposed_file_name_cuts_titles_between_words(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seed 001's title is longer than a name's share: the name ends on a whole word
    ("… Supports Ukraine"), not on a cut one ("… Supports Ukrain")."""
    asked = answer_save_dialog(monkeypatch, None)
    sync_window.actions_by_name["export_comparison"].trigger()
    proposed = Path(asked[0][0]).name.removesuffix(".html")
    parts = proposed.split(" vs ")
    assert len(parts) == 2
    for part, path in zip(parts, SEED_FILES[:2], strict=True):
        title_words = re.findall(r"\w+", load_document(path).title)
        words = re.findall(r"\w+", part)
        assert words and words == title_words[:len(words)], (part, title_words)


def test_a_print_the_printer_refuses_is_reported(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """File ▸ Print… to a printer that cannot be drawn on (here the print dialog's "print to
    file" into a folder that is a file) raised OSError out of the menu's slot: a traceback,
    "Printing…" left up, no word to the reader. It is reported like a failed export."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    def accept(dialog: QPrintDialog) -> int:  # the reader picks a file and clicks Print
        dialog.printer().setOutputFileName(str(blocker / "comparison.pdf"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    sync_window.actions_by_name["print"].trigger()  # no traceback
    error = sync_window.status.error.text()
    assert "not printed" in error.lower()
    assert sync_window.statusBar().currentMessage() != "Printing…"
    assert not (blocker / "comparison.pdf").exists()


def test_print_preview_shows_the_pages_landscape(
        qtbot: QtBot, sync_window: MainWindow) -> None:
    sync_window.actions_by_name["print_preview"].trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, QPrintPreviewDialog) and w.isVisible())
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() >= 2)  # both columns, on several pages
    assert preview.orientation() == QPageLayout.Orientation.Landscape
    assert sync_window.actions_by_name["print_preview"].shortcut().toString() == "Ctrl+Shift+P"
    dialog.close()


def test_hidden_boilerplate_stays_out_of_the_export_and_the_print(
        qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    sync_window.actions_by_name["hide_boilerplate"].trigger()  # Ctrl+B
    answer_save_dialog(monkeypatch, tmp_path / "comparison.html")
    sync_window.actions_by_name["export_comparison"].trigger()
    shown = text_of((tmp_path / "comparison.html").read_text(encoding="utf-8"))
    assert "Advertisement" not in shown and "Original url:" not in shown  # 000's, 001's
    assert shown.count(SHARED_PASSAGE) >= 2 and "Boilerplate left out" in shown
    pages: list[str] = []  # what the printer is handed, as HTML
    real = export_actions.render_html
    monkeypatch.setattr(export_actions, "render_html",
                        lambda *args: pages.append(real(*args)) or pages[-1])

    def accept(dialog: QPrintDialog) -> int:  # the reader prints to a file
        dialog.printer().setOutputFileName(str(tmp_path / "printed.pdf"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    sync_window.actions_by_name["print"].trigger()
    assert len(pages) == 1 and "Advertisement" not in text_of(pages[0])
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_a_right_to_left_paragraph_prints_right_to_left(qtbot: QtBot, tmp_path: Path) -> None:
    left = parse_document("The inquiry goes on, the ministry says.\n", path="/a.txt")
    right = parse_document("تقول الحكومة إن التحقيق مستمر في الحادث.\n", path="/b.txt")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(tmp_path / "page.pdf"))
    laid_out = comparison_document(compare(left, right), printer).document
    blocks = [laid_out.findBlock(0)]
    while blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    directions = {b.text()[:4]: b.textDirection() for b in blocks if b.text()[:4] in (
        "The ", "تقول")}
    assert directions == {"The ": Qt.LayoutDirection.LeftToRight,
                          "تقول": Qt.LayoutDirection.RightToLeft}
