"""Two saved web pages in the window: their paragraphs are the page's, the library and the
headers give their titles and word counts without the tags, and in the reading view the
tags are faded (grey, the words are what is read) where the source view colours them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, char_format_at, position_in, window_on_pair

from reader_app.ui.library.model import TITLE_COLUMN, WORDS_COLUMN

LEFT = """<!DOCTYPE html><html><head><title>Quake - World News</title></head><body>
<h1>Strong quake hits northern Chile</h1>
<p>A magnitude 8.2 earthquake struck off the coast of northern Chile on Tuesday.</p>
<p>Officials said <b>900,000</b> people were evacuated from the coast.</p>
</body></html>"""
RIGHT = """<!DOCTYPE html><html><head><title>Chile</title></head><body>
<h1>Six dead as quake strikes Chile</h1>
<p>An earthquake of magnitude 8.2 hit <a href="https://example.org/c">northern Chile</a>
on Tuesday.</p>
<p>About <b>900,000</b> people were evacuated from the coast, the ministry said.</p>
</body></html>"""


def test_two_pages_are_read_as_reports_with_their_tags_faded(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    window = window_on_pair(make_window, tmp_path, {"a.html": LEFT, "b.html": RIGHT})
    titles = [window.model.index(row, TITLE_COLUMN).data() for row in range(2)]
    assert titles == ["Strong quake hits northern Chile", "Six dead as quake strikes Chile"]
    assert window.model.index(0, WORDS_COLUMN).data() == "29"  # 5 + 14 + 10: no "b" counted
    left = window.view.panes["left"]
    shown = left.toPlainText()
    assert "DOCTYPE" not in shown and "<title>" not in shown and "<p>" not in shown
    assert "Officials said <b>900,000</b> people" in shown  # the text is the file's
    boilerplate = window.view.highlights.boilerplate
    tag = char_format_at(left, position_in(left, "<b>"))
    assert tag.foreground().color() == QColor(boilerplate)
    word = char_format_at(left, position_in(left, "900,000"))
    assert word.foreground().color() != QColor(boilerplate)
    assert window.view.comparison is not None and window.view.comparison.links
    window.actions_by_name["show_source"].trigger()  # the source view colours the tags
    source = char_format_at(left, position_in(left, "<b>"))
    assert source.foreground().color() != QColor(boilerplate)


def test_markdown_reads_as_its_words_its_signs_faded(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    # Seed 001 is scraped Markdown: "By [AFP](#)", "**State Emergency Service of Ukraine**"
    # were read with their signs as loud as the words.
    left = ("By [AFP](https://afp.example/)\n\nThe town was hit after a Russian attack. "
            "**State Emergency Service**\n\nA *second* strike followed, 2 * 3 times.\n")
    right = "The town was hit after a Russian attack, the emergency service said.\n"
    window = window_on_pair(make_window, tmp_path, {"a.txt": left, "b.txt": right})
    pane, boilerplate = window.view.panes["left"], QColor(window.view.highlights.boilerplate)
    for sign in ("[", "](https://afp.example/)", "**State", "*second"):
        assert char_format_at(pane, position_in(pane, sign)).foreground().color() == boilerplate
    assert char_format_at(pane, position_in(pane, "AFP")).foreground().color() != boilerplate
    assert char_format_at(pane, position_in(pane, "State Emergency")).fontWeight() >= 700
    assert char_format_at(pane, position_in(pane, "second")).fontItalic()
    assert char_format_at(pane, position_in(pane, "* 3")).foreground().color() != boilerplate
    assert pane.toPlainText().startswith("By [AFP](https://afp.example/)")  # the text as is
