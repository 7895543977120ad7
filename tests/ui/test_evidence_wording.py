"""What the tooltips on evidence say, read as a fact-checker reads them: a name that differs
is explained as a name, not as "another figure, day or month"; a band says which two
paragraphs it joins; a differing word stays legible on its highlight in both themes, and
no part of a differing figure is shown as shared wording.

``NAMED``: two reports of one statement, one giving it to Kremlin spokesman Dmitry Peskov, the
other to Yuri Ushakov — the same slot holding another name, the engine's ``differs``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFont
from pytestqt.qtbot import QtBot
from test_window_content_links import point_on_band
from ui_helpers import (
    SEED_FILES,
    WindowFactory,
    char_format_at,
    point_of,
    position_in,
    window_on_pair,
)

from reader_app.core.compare import compare
from reader_app.core.compare.evidence_marking import differing_pieces, shown_evidence
from reader_app.core.documents import load_document
from reader_app.ui.compare.link_styles import THIN_EVIDENCE, link_tooltip
from reader_app.ui.window.help_pages import HelpPage
from reader_app.ui.window.main_window import MainWindow

NAMED = {
    "a.txt": "Kremlin backs truce\n\nKremlin spokesman Dmitry Peskov said on March 13 that "
             "Russia supports the ceasefire proposal in Ukraine, but several questions about "
             "monitoring remained unanswered.\n\nMarkets in Moscow rose after the news.\n",
    "b.txt": "Moscow answers\n\nFarmers in the south sold their harvest early.\n\nKremlin "
             "spokesman Yuri Ushakov said on March 13 that Russia supported the truce proposal "
             "in Ukraine, though questions about monitoring were still unanswered.\n\n"
             "Officials in Kyiv did not comment.\n",
}


@pytest.fixture
def window_named(make_window: WindowFactory, tmp_path: Path) -> MainWindow:
    """The window with ``NAMED``'s a.txt on the left and b.txt on the right."""
    return window_on_pair(make_window, tmp_path, NAMED)


def tip_on(window: MainWindow, side: str, text: str) -> str:
    """The plain text of the tooltip the pane shows with the mouse on ``text``."""
    pane = window.view.panes[side]
    tip = window.view.tips[side].tip_at(point_of(pane, position_in(pane, text) + 1))
    assert tip is not None, f"no tooltip on {text!r}"
    return tip


def test_a_differing_name_is_explained_as_a_name(window_named: MainWindow) -> None:
    tip = tip_on(window_named, "left", "Dmitry Peskov").splitlines()
    assert tip[0].startswith("Differs")
    assert "name" in tip[0]  # what the mark means, for the piece under the mouse
    assert tip[1].startswith("Dmitry Peskov ≠ Yuri Ushakov (R")
    right = tip_on(window_named, "right", "Yuri Ushakov").splitlines()
    assert "name" in right[0]


def test_the_overview_bar_says_names_are_flagged_too(window_named: MainWindow) -> None:
    assert "name" in window_named.view.overviews["left"].toolTip()


def test_a_band_tooltip_says_which_paragraphs_it_joins(qtbot: QtBot,
                                                       window_named: MainWindow) -> None:
    """The panes number no paragraph: "L2 ↔ R3" alone does not tell the reader which two
    are linked, so the tooltip quotes the start of each."""
    comparison = window_named.view.comparison
    assert comparison is not None
    link = next(k for k in comparison.links if (k.left, k.right) == (1, 2))
    gutter = window_named.view.gutter
    lines = gutter.tooltip_at(point_on_band(qtbot, gutter, link)).splitlines()
    assert lines[0].startswith("L2 ↔ R3 · Shared wording")
    assert lines[1].startswith("L2: “Kremlin spokesman Dmitry Peskov said")
    assert lines[2].startswith("R3: “Kremlin spokesman Yuri Ushakov said")
    assert lines[1].endswith("…”") and len(lines[1]) < 70  # a line, not the paragraph


def contrast(one: QColor, other: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    def luminance(colour: QColor) -> float:
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                    for c in (colour.redF(), colour.greenF(), colour.blueF())]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_differing_word_is_legible_on_its_highlight(window_named: MainWindow,
                                                      theme: str) -> None:
    """The flag a fact-checker looks for most is bold text at reading size, not large text:
    it needs 4.5:1 on the orange of wording only one side has (where most differing
    figures lie, reworded pairs being all orange) and on the blue of shared wording."""
    window_named.actions_by_name[f"theme_{theme}"].trigger()
    window_named.view.finish_alignment()
    pane = window_named.view.panes["left"]
    shown = char_format_at(pane, position_in(pane, "Dmitry Peskov"))
    assert shown.fontWeight() == QFont.Weight.Bold
    text, background = shown.foreground().color(), shown.background().color()
    assert background == window_named.view.highlights.unique
    assert contrast(text, background) >= 4.5
    assert contrast(text, window_named.view.highlights.shared) >= 4.5


def test_a_band_tooltip_lists_no_variant_of_case_alone(qtbot: QtBot,
                                                       sync_window: MainWindow) -> None:
    """000's opening and 001's title ("… Still Supports Ukraine Truce, But Questions Remain"):
    the panes mark "Truce" and "Remain" as variants, not "Supports" or "Questions" (case
    alone); the band's tooltip says the same, counting those two as the same words."""
    comparison = sync_window.view.comparison
    assert comparison is not None
    link = next(k for k in comparison.links if (k.left, k.right, k.kind) == (1, 0, "rewrite"))
    gutter = sync_window.view.gutter
    text = gutter.tooltip_at(point_on_band(qtbot, gutter, link))
    variants = next(line for line in text.splitlines() if line.startswith("variant: "))
    assert "ceasefire ~ Truce" in variants and "remained ~ Remain" in variants
    assert "Questions" not in variants and "Supports" not in variants
    assert "5 same, 2 variant" in text
    assert "questions" in next(line for line in text.splitlines() if line.startswith("same: "))


def test_a_word_tooltip_says_which_paragraph_holds_the_other_form(
        window_named: MainWindow) -> None:
    """"Dmitry Peskov ≠ Yuri Ushakov (R3)" names a paragraph by a number shown nowhere: the
    tip quotes that paragraph's opening words too."""
    tip = tip_on(window_named, "left", "Dmitry Peskov").splitlines()
    assert tip[1] == ("Dmitry Peskov ≠ Yuri Ushakov "
                      "(R3: “Kremlin spokesman Yuri Ushakov said on March 13…”)")


CLOCKS = {
    "a.txt": "Turkmenistan votes\n\nVoting will close at 6:00 p.m. local time (1,300 voters "
             "per booth) on Sunday in the capital, officials said.\n",
    "b.txt": "Turnout high\n\nSome 2.44 million people cast their ballots as of 4:00 p.m. "
             "local time (1,100 voters per booth) on Sunday in the capital, officials said.\n",
}


def test_a_differing_figure_is_not_half_shared_wording(make_window: WindowFactory,
                                                       tmp_path: Path) -> None:
    """"6:00" / "4:00" and "1,300" / "1,100" differ: no part of either (":00", "1,") is
    highlighted as wording both documents share."""
    for name, text in CLOCKS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    window = make_window([tmp_path], synchronous=True)
    window.show_pair(*(window.model.row_of(tmp_path / name) for name in CLOCKS))
    window.view.finish_alignment()
    unique = window.view.highlights.unique
    for side, figures in (("left", ("6:00", "1,300")), ("right", ("4:00", "1,100"))):
        pane = window.view.panes[side]
        for figure in figures:
            start = position_in(pane, figure)
            shown = [char_format_at(pane, start + i).background().color()
                     for i in range(len(figure))]
            assert shown == [unique] * len(figure), (side, figure)
        assert char_format_at(pane, position_in(pane, "local time")).background().color() \
            == window.view.highlights.shared  # the wording around them is shared


def test_the_dotted_underline_is_explained_in_the_window(qtbot: QtBot,
                                                         sync_window: MainWindow) -> None:
    """A reworded pair's words both sides hold get a dotted underline, the mark a reader
    meets most there: Getting Started and the legend's tooltip say what it means, beside
    the dashed variant and the wavy differs."""
    sync_window.actions_by_name["getting_started"].trigger()
    page = sync_window.findChild(HelpPage)
    assert page is not None
    shown = " ".join(page.browser.toPlainText().split())
    assert "dotted underline" in shown and "words both sides hold" in shown
    legend = sync_window.status.legend.toolTip()
    for words in ("dotted", "dashed", "wavy", "variant", "differs"):
        assert words in legend, words
    # The gutter's two kinds of band too: the status bar counts "5 copy, 14 rewrite".
    assert "sky-blue band" in legend and "copy" in legend
    assert "green dotted band" in legend and "rewrite" in legend


def test_a_synonym_is_told_as_another_word_not_another_form(window_named: MainWindow) -> None:
    """"ceasefire ~ truce" was explained as "the same word or name in another form": the
    reader looked for a misprint. Two words the reports use for one another say so."""
    tip = tip_on(window_named, "left", "ceasefire").splitlines()
    assert tip[0].startswith("Variant: another word")
    assert tip[1].startswith("ceasefire ~ truce (R")
    form = tip_on(window_named, "left", "supports").splitlines()
    assert form[0] == "Variant: the same word or name in another form"


REWORDED = {
    "a.txt": "Storm in the north\n\nThe ceasefire in the north began on Monday, officials in "
             "Kharkiv said, after 40 days of shelling that killed 12 people.\n",
    "b.txt": "Weather news\n\nOfficials in the Kharkiv region reported that a truce took "
             "effect Monday in northern areas, ending 40 days of bombardment in which 12 "
             "people died.\n",
}


def test_a_change_step_on_a_synonym_says_another_word(make_window: WindowFactory,
                                                      tmp_path: Path) -> None:
    """Ctrl+F7 on "ceasefire" / "truce" said "in another form"."""
    window = window_on_pair(make_window, tmp_path, REWORDED)
    words, said = window.extras.words, {}
    while (step := words.go(1)) is not None and len(said) < 20:
        pane = window.view.panes["left"]
        said[pane.textCursor().selectedText()] = window.statusBar().currentMessage()
        assert step.reworded
    assert said["ceasefire"].endswith("reworded pair: in another word")
    assert said["killed"].endswith("reworded pair: in another word")
    assert said["officials"].endswith("reworded pair: said in both")  # (case alone)


def test_a_thin_reworded_link_claims_less_than_the_same_facts(sync_window: MainWindow) -> None:
    """A reworded link resting on a few pieces (a name, a date and a verb) was described as
    "the same facts in other words", as a link on ten is."""
    claims = {}
    for left, right in [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 3)]:
        comparison = compare(load_document(SEED_FILES[left]), load_document(SEED_FILES[right]))
        differing = differing_pieces(comparison)
        for link in comparison.links:
            if link.kind == "rewrite":
                agreeing = {e.left_start for e, kind in shown_evidence(comparison, link, differing)
                            if kind != "differs"}
                claims[len(agreeing)] = link_tooltip(comparison, link).splitlines()[0]
    assert min(claims) < THIN_EVIDENCE <= max(claims)
    for count, claim in claims.items():
        thin = "Reworded: a few facts or names in common" in claim
        assert thin == (count < THIN_EVIDENCE), claim
        assert thin != ("Reworded: the same facts in other words" in claim)
