"""A variant of case alone ("Voters" / "voters") in a reworded pair is the same word wherever the
window shows it: the band's tooltip counted it among the "4 same", but the panes left it
unmarked and Ctrl+F7 stepped over it ("Change 1 of 4"), so the reader found three dotted words
where the tooltip promised four. Now it is marked like the other words the two hold (dotted)
and is one of the steps ("Change 1 of 5 … said in both").

``VOTERS``: two reports of one election, their paragraphs linked on content only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot
from test_window_content_links import format_of, point_on_band
from test_word_navigation import CTRL, message, selected
from ui_helpers import WindowFactory, window_on_pair

from reader_app.ui.window.main_window import MainWindow

VOTERS = {
    "a.txt": "Turkmenistan votes\n\nVoters in Turkmenistan began to cast their ballots on "
             "Sunday in the fourth parliamentary election, said reports from Ashgabat.\n\n"
             "Markets in Ashgabat were closed.\n",
    "b.txt": "Election day\n\nOfficials in Kyiv did not comment.\n\nThe government of "
             "Turkmenistan said most eligible voters had taken part in the parliamentary "
             "elections on Sunday, despite boycotts.\n",
}


@pytest.fixture
def window_voters(make_window: WindowFactory, tmp_path: Path) -> MainWindow:
    return window_on_pair(make_window, tmp_path, VOTERS)


def test_the_word_of_another_case_is_marked_as_held_by_both(window_voters: MainWindow) -> None:
    dotted = QTextCharFormat.UnderlineStyle.DotLine
    assert format_of(window_voters, "left", "Voters in").underlineStyle() == dotted
    assert format_of(window_voters, "right", "voters had").underlineStyle() == dotted


def test_ctrl_f7_steps_through_the_pieces_the_tooltip_counts(
        qtbot: QtBot, window_voters: MainWindow) -> None:
    view = window_voters.view
    assert view.comparison is not None
    link = view.comparison.links[0]
    tip = view.gutter.tooltip_at(point_on_band(qtbot, view.gutter, link))
    assert "4 same, 1 variant" in tip.splitlines()
    qtbot.keyClick(window_voters, Qt.Key.Key_F7, CTRL)
    assert message(window_voters) == "Change 1 of 5 in this reworded pair: said in both"
    assert (selected(view.panes["left"]), selected(view.panes["right"])) == ("Voters", "voters")
