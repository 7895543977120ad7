"""The HTML page (and so the exported PDF) marks the evidence pieces inside linked pairs as
the window does: a word in another form, a figure stated otherwise, the corresponding words
of a reworded pair — without changing one character of the text."""

from __future__ import annotations

import re

from comparison_checks import doc
from pygments.token import Generic
from test_render import HOSTILE, parse_page

from reader_app.core.compare import compare
from reader_app.core.formats.html import marked_runs, render_html

LEFT = ("Officials said 30 people were killed when the U.S. drone struck the convoy near the "
        "border town on Monday.")
RIGHT = ("At least 25 people were killed when a US drone hit the convoy near the border town "
         "on Monday, officials said.")


def marked(page: str, kind: str) -> list[str]:
    """The text of every piece marked ``kind`` on the page (its escapes undone)."""
    spans = re.findall(rf'<span class="m-{kind}">(.*?</span>)</span>', page)
    return [re.sub(r"<[^>]+>", "", span) for span in spans]


def test_a_figure_stated_otherwise_and_a_word_in_another_form_are_marked() -> None:
    page = render_html(compare(doc(LEFT, "a.txt"), doc(RIGHT, "b.txt")))
    assert marked(page, "differs") == ["30", "25"]
    assert marked(page, "variant") == ["U.S.", "US"]  # ("Officials" / "officials": case only)
    assert "stated otherwise there" in page  # the legend says what the marks mean


def test_the_corresponding_words_of_a_reworded_pair_are_marked() -> None:
    left = "Putin supports the ceasefire proposal in principle, the Kremlin said on Thursday."
    right = "The Kremlin said Putin agrees with the ceasefire proposals, in principle."
    comparison = compare(doc(left, "a.txt"), doc(right, "b.txt"))
    assert [link.kind for link in comparison.links] == ["rewrite"]
    page = render_html(comparison)
    assert "ceasefire" in marked(page, "matched")
    assert "supports" in marked(page, "variant") and "agrees" in marked(page, "variant")


def test_marks_change_no_character_of_the_text() -> None:
    left, right = f"{LEFT} {HOSTILE}", f"{RIGHT} <b>&amp;</b>"
    comparison = compare(doc(left, "a.txt"), doc(right, "b.txt"))
    parser = parse_page(render_html(comparison))
    assert "b" not in parser.tags and "script" not in parser.tags
    assert [cell.removesuffix("\n") for cell in parser.cells] == [left, right]


def test_runs_are_cut_at_the_marks_and_the_mark_laid_last_wins() -> None:
    shared, unique = Generic.Output, Generic.Deleted
    segments = [(shared, "the U.S. drone"), (unique, " struck")]
    marks = [(0, 14, "matched"), (4, 4, "variant")]  # "the U.S. drone" matched, "U.S." variant
    assert marked_runs(segments, marks) == [
        ("matched", [(shared, "the ")]), ("variant", [(shared, "U.S.")]),
        ("matched", [(shared, " drone")]), (None, [(unique, " struck")])]
    assert marked_runs(segments, []) == [(None, segments)]


def test_the_page_marks_a_differing_piece_on_both_sides_or_on_neither() -> None:
    """The page marks the pieces the window marks: "six" (on the first boat) against "14" (in
    all, a figure the right states too) is no disagreement, so neither side is flagged, and
    the link's "(differs: …)" note does not list it either."""
    left = "The navy seized 14 AK-47 rifles, 31 magazines and 923 rounds from the pirates."
    right = ("Officers found six AK-47 rifles and 12 magazines on the first pirate boat, the "
             "navy said.\n\nIn all the navy seized 14 AK-47 rifles, 31 magazines and 923 rounds "
             "of ammunition from the pirates.")
    page = render_html(compare(doc(left, "a.txt"), doc(right, "b.txt")))
    assert marked(page, "differs") == []
    assert "six ≠ 14" not in page and "14 ≠ six" not in page
    # A figure stated otherwise and nowhere else is still marked on both sides and noted.
    page = render_html(compare(doc(LEFT, "a.txt"), doc(RIGHT, "b.txt")))
    assert marked(page, "differs") == ["30", "25"]
    assert "(differs: 30 ≠ 25)" in page and "(differs: 25 ≠ 30)" in page
