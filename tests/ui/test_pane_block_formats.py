"""The formats a pane lays over its paragraphs: plain wording gets none (a long document shown
plain, while it is compared, has next to nothing to lay), boilerplate its grey italics, and
a tag's underline goes again with the tag."""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from reader_app.core.documents import parse_document
from reader_app.ui.compare.display_data import paragraph_kinds
from reader_app.ui.compare.document_pane import DocumentPane
from reader_app.ui.theme import LIGHT

TEXT = ("The council met on Monday to discuss the budget.\n\nAdvertisement\n\n"
        "Members voted seven to two in favour of the plan.\n")
TAG = QColor("#d55e00")


def shown_plain(qtbot: QtBot) -> DocumentPane:
    pane = DocumentPane()
    qtbot.addWidget(pane)
    document = parse_document(TEXT, path="council.txt")
    assert [p.boilerplate for p in document.paragraphs] == [False, True, False]
    pane.show_pieces(document, paragraph_kinds(None, document), LIGHT, hide_boilerplate=False)
    return pane


def block_formats(pane: DocumentPane, index: int) -> list[tuple[int, int, bool, str]]:
    ranges = pane.document().findBlockByNumber(index).layout().formats()
    return [(r.start, r.length, r.format.fontItalic(), r.format.underlineColor().name())
            for r in ranges]


def test_plain_paragraphs_get_no_formats_boilerplate_its_italics(qtbot: QtBot) -> None:
    pane = shown_plain(qtbot)
    assert block_formats(pane, 0) == block_formats(pane, 2) == []
    assert [italic for _, _, italic, _ in block_formats(pane, 1)] == [True]


def test_a_tag_taken_off_a_plain_paragraph_leaves_no_underline(qtbot: QtBot) -> None:
    pane = shown_plain(qtbot)
    assert pane.source is not None
    last = pane.source.paragraphs[2]
    pane.set_tag_marks([(last.start, last.end, TAG)])
    assert TAG.name() in [colour for *_, colour in block_formats(pane, 2)]
    pane.set_tag_marks([])
    assert block_formats(pane, 2) == []
