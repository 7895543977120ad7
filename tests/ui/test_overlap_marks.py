"""Overlapping tagged passages never look like a ``differs`` mark: where two passages overlap
the underline is a double bar, one straight bar per passage in its tag's colour a pixel apart,
in both themes, where it was a wave in the second tag's colour (the palette's vermilion, the
differs mark's very colour and shape)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_helpers import WAVE, colour, underline_at
from PySide6.QtGui import QColor, QTextCursor
from ui_helpers import SEED_FILES, WindowFactory, position_in

from reader_app.core.annotations.jsonfile.store import AnnotationStore
from reader_app.core.annotations.model import new_annotation
from reader_app.core.documents import load_document
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.compare.evidence_marks import evidence_formats
from reader_app.ui.theme import DARK, LIGHT
from reader_app.ui.window.help_pages import HelpPage
from reader_app.ui.window.main_window import MainWindow
from reader_app.ui.window.status import LEGEND_TIP

FIRST, SECOND = "several questions remained", "remained unanswered"


def tag_in_order(path: Path, tagged: list[tuple[str, str]]) -> None:
    """Tag quotes of the first seed a minute apart: the palette follows the order of use,
    so the second tag surely takes the palette's second colour (the vermilion)."""
    document = load_document(SEED_FILES[0])
    store = AnnotationStore.open(path)
    for minute, (quote, tag) in enumerate(tagged):
        start = document.text.index(quote)
        store.insert(new_annotation(document, start, start + len(quote), [tag],
                                    now=f"2026-01-01T00:0{minute}:00Z"))
    store.save()


def colour_runs(pane: DocumentPane, text: str, wanted: list[QColor]) -> list[str]:
    """The runs of ``wanted`` colours down the pixel column through the middle of ``text``'s
    second letter, from its line's top to a few pixels under it, each run told once: two
    bars a gap apart are two entries even when they are of one colour."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(position_in(pane, text) + 1)
    rect = pane.cursorRect(cursor)
    cursor.setPosition(position_in(pane, text) + 2)
    x = (rect.left() + pane.cursorRect(cursor).left()) // 2
    image = pane.viewport().grab().toImage()
    names = {c.name() for c in wanted}
    runs, previous = [], ""
    for y in range(rect.top(), rect.bottom() + 10):
        name = image.pixelColor(x, y).name()
        shown = name if name in names else ""
        if shown and shown != previous:
            runs.append(shown)
        previous = shown
    return runs


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_an_overlap_is_a_double_bar_in_each_tag_s_colour_not_a_wave(
        make_window: WindowFactory, annotations_file: Path, theme: str) -> None:
    tag_in_order(annotations_file, [(FIRST, "verify"), (SECOND, "contradiction")])
    window = make_window(synchronous=True)
    window.actions_by_name[f"theme_{theme}"].trigger()
    pane = window.view.panes["left"]
    verify, contradiction = colour(window, "verify"), colour(window, "contradiction")
    highlights = LIGHT if theme == "light" else DARK
    # The case that misled: the second tag takes the palette's vermilion, the differs colour.
    assert contradiction.name() == LIGHT.differs_mark.name()
    assert evidence_formats(highlights)["differs"].underlineStyle() == WAVE
    assert underline_at(pane, "remained").underlineStyle() != WAVE
    assert pane.source is not None
    start = pane.source.text.index(FIRST)
    pane.scroll_to_range(start, start + len(FIRST))
    both = [verify, contradiction]
    assert colour_runs(pane, "remained", both) == [verify.name(), contradiction.name()]
    assert colour_runs(pane, "several", both) == [verify.name()]
    assert colour_runs(pane, "unanswered", both) == [contradiction.name()]


def test_two_passages_of_one_tag_overlapping_show_two_bars(
        make_window: WindowFactory, annotations_file: Path) -> None:
    # Drawn one under the other with a gap: two bars of one colour still read as two.
    tag_in_order(annotations_file, [(FIRST, "verify"), (SECOND, "verify")])
    window = make_window(synchronous=True)
    pane = window.view.panes["left"]
    verify = colour(window, "verify")
    assert pane.source is not None
    start = pane.source.text.index(FIRST)
    pane.scroll_to_range(start, start + len(FIRST))
    assert colour_runs(pane, "remained", [verify]) == [verify.name()] * 2
    assert colour_runs(pane, "several", [verify]) == [verify.name()]


def test_the_legend_s_tip_tells_a_tag_overlap_from_differs() -> None:
    lines = LEGEND_TIP.splitlines()
    overlap = next(line for line in lines if "overlap" in line)
    differs = next(line for line in lines if "differs" in line)
    assert "double" in overlap and "wav" not in overlap
    assert "wavy" in differs and "never a tag" in differs


def test_getting_started_tells_an_overlap_from_differs(sync_window: MainWindow) -> None:
    sync_window.actions_by_name["getting_started"].trigger()
    page = sync_window.findChild(HelpPage)
    assert page is not None
    shown = " ".join(page.browser.toPlainText().split())
    assert "a double underline, one bar per tag, where two overlap" in shown
    assert "a wavy underline is never a tag" in shown
