"""Content links as the reader sees them on seeds 002 / 003 (two translations of one press
conference): reworded links drawn apart from copied ones in the gutter, a tooltip on a band
telling what the link rests on, and the words that vary or differ marked inside a pair.

002's "U.S." is 003's "US". The seeds state no date differently (002's Putin spoke "on
Thursday", 003's Trump "on Wednesday": weekdays relative to each report, no conflict), so the
marks of a date that *differs* are seen on two reports of their own, ``DATED``: one says Putin
spoke on March 13, the other (linked, reworded) on March 14."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF
from PySide6.QtGui import QFont, QHelpEvent, QImage, QTextCharFormat
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from ui_helpers import (
    WindowFactory,
    background_at,
    char_format_at,
    point_of,
    position_in,
    window_on_pair,
)

from reader_app.core.compare import Link
from reader_app.ui.compare import link_styles
from reader_app.ui.compare.gutter import HINT, Gutter
from reader_app.ui.compare.link_styles import as_tooltip
from reader_app.ui.theme import DARK
from reader_app.ui.window.main_window import MainWindow

DATED = {
    "a.txt": "Putin backs a ceasefire in principle\n\nRussian President Vladimir Putin said on "
             "March 13 he agrees with the U.S. proposal for a 30-day ceasefire in Ukraine, but "
             "several questions remained unanswered.\n\nKremlin spokesman Dmitry Peskov told "
             "reporters that contacts with Washington would continue.\n\nMarkets in Moscow rose "
             "after the news.\n",
    "b.txt": "Kremlin answers Trump\n\nFarmers in the south sold their harvest early this year."
             "\n\nPutin said on March 14 that Russia agreed with the US plan for a thirty-day "
             "truce in Ukraine, though many questions were still unanswered.\n\nOfficials in "
             "Kyiv did not comment on the statement.\n",
}


@pytest.fixture
def window_dated(make_window: WindowFactory, tmp_path: Path) -> MainWindow:
    """The window with ``DATED``'s a.txt on the left and b.txt on the right."""
    return window_on_pair(make_window, tmp_path, DATED)


def link_of(window: MainWindow, kind: str, moved: bool = False, lone: bool = True) -> Link:
    """The first link of ``kind`` (moved or not), with ``lone`` one whose left paragraph has
    no other link."""
    comparison = window.view.comparison
    assert comparison is not None
    for link in comparison.links:
        if (link.kind, link.moved) == (kind, moved) and (not lone or len(
                comparison.links_of("left", link.left)) == 1):
            return link
    raise AssertionError(f"no lone {kind} link")


def point_on_band(qtbot: QtBot, gutter: Gutter, link: Link) -> QPointF:
    """A point of the gutter where ``link``'s band is the one under the mouse (scrolled
    into view first)."""
    window_view = gutter.parent()
    while not hasattr(window_view, "jump_to_link"):
        window_view = window_view.parent()
    window_view.jump_to_link(link.left, link.right)
    qtbot.wait(10)
    rect = gutter.band_path(link).boundingRect()
    for x in (2.0, rect.center().x(), gutter.width() - 2.0):
        for step in range(1, 20):
            point = QPointF(x, rect.top() + rect.height() * step / 20)
            if gutter.link_at(point) == link:
                return point
    raise AssertionError("the band is hidden under others")


def test_rewrite_band_looks_unlike_a_copy_band(window_002_003: MainWindow) -> None:
    gutter = window_002_003.view.gutter
    copy = gutter.band_style(link_of(window_002_003, "copy"))
    rewrite = gutter.band_style(link_of(window_002_003, "rewrite"))
    assert rewrite.fill.rgb() != copy.fill.rgb()  # another hue, not only another alpha
    assert rewrite.outline_dashes == link_styles.DOTTED
    assert copy.outline_dashes == link_styles.SOLID
    assert rewrite.fill.alpha() < copy.fill.alpha()  # fainter: reads as hollow


def test_moved_links_keep_their_dashed_marked_look(window_002_003: MainWindow) -> None:
    gutter = window_002_003.view.gutter
    for kind in ("copy", "rewrite"):
        style = gutter.band_style(link_of(window_002_003, kind, moved=True, lone=False))
        assert style.outline_dashes in (link_styles.DASHED, link_styles.LONG_DASHED)
        assert style.marker == "⇄"
        assert style.marker_colour is not None and style.marker_colour.alpha() == 255


def test_bands_are_painted_in_their_colours(qtbot: QtBot, window_002_003: MainWindow) -> None:
    gutter = window_002_003.view.gutter
    background = gutter.palette().window().color()
    painted = {}
    for kind in ("copy", "rewrite"):
        point = point_on_band(qtbot, gutter, link_of(window_002_003, kind))
        image = gutter.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        painted[kind] = image.pixelColor(point.toPoint())
        assert painted[kind] != background, kind
    copy, rewrite = painted["copy"], painted["rewrite"]
    assert copy.blue() > copy.green()  # sky blue
    assert rewrite.green() > rewrite.blue()  # bluish green


def test_tooltip_lists_kind_and_evidence(qtbot: QtBot, window_dated: MainWindow) -> None:
    gutter = window_dated.view.gutter
    comparison = window_dated.view.comparison
    assert comparison is not None
    link = next(k for k in comparison.links
                if k.kind == "rewrite" and any(e.kind == "differs" for e in k.evidence))
    point = point_on_band(qtbot, gutter, link)
    text = gutter.tooltip_at(point)
    lines = text.splitlines()
    assert lines[0].startswith(f"L{link.left + 1} ≈ R{link.right + 1} · Reworded")
    assert "differs: 13 ≠ 14" in text
    assert "variant: " in text and " ~ " in text
    assert "1 differs" in lines[3]  # under the two paragraphs' openings
    assert any(line.startswith("same: ") for line in lines)
    assert gutter.tooltip_at(QPointF(-5, -5)) == HINT


def test_tooltip_shown_is_the_plain_text(qtbot: QtBot, window_002_003: MainWindow) -> None:
    gutter = window_002_003.view.gutter
    point = point_on_band(qtbot, gutter, link_of(window_002_003, "copy"))
    event = QHelpEvent(QEvent.Type.ToolTip, point.toPoint(), gutter.mapToGlobal(
        point.toPoint()))
    gutter.event(event)
    assert QToolTip.isVisible()
    assert QToolTip.text() == as_tooltip(gutter.tooltip_at(point))
    assert "Shared wording" in QToolTip.text()
    QToolTip.hideText()


def test_tooltip_escapes_document_text() -> None:
    shown = as_tooltip("variant: <b>US</b> ~ U.S. & co\nnext")
    assert "<b>US</b>" not in shown
    assert "&lt;b&gt;US&lt;/b&gt;" in shown and "&amp; co</b><br>next" in shown


def test_no_tooltip_point_outside_bands(window_002_003: MainWindow) -> None:
    gutter = window_002_003.view.gutter
    assert gutter.link_at(QPointF(QPoint(-10, -10))) is None


def format_of(window: MainWindow, side: str, text: str, offset: int = 0) -> QTextCharFormat:
    pane = window.view.panes[side]
    return char_format_at(pane, position_in(pane, text) + offset)


def test_a_differing_date_is_bold_with_a_wavy_underline(window_dated: MainWindow) -> None:
    highlights = window_dated.view.highlights
    for side, word in (("left", "13 he agrees"), ("right", "14 that")):
        shown = format_of(window_dated, side, word)
        assert shown.fontWeight() == QFont.Weight.Bold, side
        assert shown.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline, side
        assert shown.underlineColor() == highlights.differs_mark
        assert shown.foreground().color() == highlights.differs_text
    # The word keeps the highlight of its wording (only the left words it so: unique).
    assert background_at(window_dated.view.panes["left"], "13 he") == highlights.unique


def test_weekdays_relative_to_each_report_are_not_marked(window_002_003: MainWindow) -> None:
    """002's Putin spoke "on Thursday", 003's Trump (in the linked paragraph) "on Wednesday":
    nothing pins the two days to one date, so neither is flagged."""
    for side, word in (("left", "Thursday he agrees"), ("right", "Wednesday that he hoped")):
        shown = format_of(window_002_003, side, word)
        assert shown.underlineStyle() != QTextCharFormat.UnderlineStyle.WaveUnderline, side
        assert shown.fontWeight() != QFont.Weight.Bold, side
    assert all(kind != "differs" for bar in window_002_003.view.overviews.values()
               for _, _, kind in bar.marks())


def test_a_variant_is_underlined_dashed_and_keeps_its_highlight(
        window_002_003: MainWindow) -> None:
    highlights = window_002_003.view.highlights
    shown = format_of(window_002_003, "left", "U.S. proposal")
    assert shown.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert shown.underlineColor() == highlights.variant_mark
    assert shown.fontWeight() != QFont.Weight.Bold
    assert shown.background().color() == highlights.unique
    # The same word in a reworded pair: a dotted underline (what the link rests on).
    matched = format_of(window_002_003, "left", "Russian President Vladimir Putin said")
    assert matched.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert matched.underlineColor() == highlights.variant_mark
    assert matched.background().color() == highlights.unique
    plain = format_of(window_002_003, "left", "World News")
    assert plain.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_marks_follow_the_dark_theme(window_002_003: MainWindow) -> None:
    window_002_003.actions_by_name["theme_dark"].trigger()
    window_002_003.view.finish_alignment()
    assert window_002_003.view.highlights is DARK
    variant = format_of(window_002_003, "left", "U.S. proposal")
    assert variant.underlineColor() == DARK.variant_mark
    rewrite = window_002_003.view.gutter.band_style(link_of(window_002_003, "rewrite"))
    assert rewrite.fill == DARK.rewrite


def test_differing_marks_follow_the_dark_theme(window_dated: MainWindow) -> None:
    window_dated.actions_by_name["theme_dark"].trigger()
    window_dated.view.finish_alignment()
    shown = format_of(window_dated, "left", "13 he agrees")
    assert shown.underlineColor() == DARK.differs_mark
    assert shown.foreground().color() == DARK.differs_text


def test_case_alone_and_identical_passages_are_not_marked(sync_window: MainWindow) -> None:
    """000 / 001: 001's title "… Truce, But Questions Remain" rewords 000's opening
    ("… a ceasefire …, but several questions remained unanswered")."""
    dashed = QTextCharFormat.UnderlineStyle.DashUnderline
    assert format_of(sync_window, "right", "Remain").underlineStyle() == dashed
    assert format_of(sync_window, "right", "Truce").underlineStyle() == dashed
    # "Questions" / "questions" differ in case only.
    assert format_of(sync_window, "right", "Questions Remain").underlineStyle() != dashed
    # 000's quote is copied word for word into 001: its "ceasefire" is the same there, though
    # the title words it "Truce".
    quote = "that a ceasefire is needed"
    assert format_of(sync_window, "left", quote, quote.index("ceasefire")).underlineStyle(
        ) != dashed


def hover_tip(window: MainWindow, side: str, text: str, offset: int = 1) -> str:
    """The tooltip shown when the mouse rests on ``text`` in a pane."""
    pane = window.view.panes[side]
    point = point_of(pane, position_in(pane, text) + offset)
    QApplication.sendEvent(pane.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point)))
    assert QToolTip.isVisible()
    return QToolTip.text()


def tip_on(window: MainWindow, side: str, text: str, offset: int = 1) -> str | None:
    """The plain text the pane's tooltip would show on ``text`` (None: none of its own)."""
    pane = window.view.panes[side]
    return window.view.tips[side].tip_at(point_of(pane, position_in(pane, text) + offset))


def test_hovering_a_differing_word_names_the_other_form(window_dated: MainWindow) -> None:
    shown = hover_tip(window_dated, "left", "13 he agrees", 0)
    assert shown == as_tooltip(str(tip_on(window_dated, "left", "13 he agrees", 0)))
    tip = str(tip_on(window_dated, "left", "13 he agrees", 0)).splitlines()
    assert tip[0].startswith("Differs")
    assert tip[1].startswith("13 ≠ 14 (R")
    right = str(tip_on(window_dated, "right", "14 that", 0)).splitlines()
    assert right[1].startswith("14 ≠ 13 (L")
    QToolTip.hideText()


def test_hovering_a_variant_or_a_same_word_names_the_other(
        window_002_003: MainWindow) -> None:
    variant = str(tip_on(window_002_003, "left", "U.S. proposal")).splitlines()
    assert variant[0].startswith("Variant") and variant[1].startswith("U.S. ~ US (R")
    same = str(tip_on(window_002_003, "left", "Russian President Vladimir Putin said"))
    assert same.splitlines()[0].startswith("Same") and "Russian = Russian (R" in same
    assert tip_on(window_002_003, "left", "World News") is None


def test_the_overview_shows_where_a_figure_differs(window_dated: MainWindow) -> None:
    for side, word in (("left", "13 he agrees"), ("right", "14 that")):
        pane, bar = window_dated.view.panes[side], window_dated.view.overviews[side]
        ticks = [(top, bottom) for top, bottom, kind in bar.marks() if kind == "differs"]
        assert len(ticks) == 1, side
        # At the word's height in the whole document.
        where = pane.paragraph_rect(pane.document().findBlock(position_in(pane, word))
                                    .blockNumber())
        total = pane.document().size().height()
        assert where.top() / total - 0.01 <= ticks[0][0] <= where.bottom() / total + 0.01


def test_words_already_shared_get_no_matched_underline(sync_window: MainWindow) -> None:
    # 000's "Putin does support the idea that a ceasefire is needed" is copied into 001 and
    # also reworded in 001's headline: its copied words are blue, without a dotted mark.
    comparison = sync_window.view.comparison
    assert comparison is not None
    shown = format_of(sync_window, "left", "ceasefire is needed")
    assert shown.background().color() == sync_window.view.highlights.shared
    assert shown.underlineStyle() != QTextCharFormat.UnderlineStyle.DotLine
    paragraph = comparison.left.paragraph_at(comparison.left.text.index("ceasefire is needed"))
    assert any(k.kind == "rewrite" for k in comparison.links_of("left", paragraph))
