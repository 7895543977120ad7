"""The pure parts behind tagging across sources and overlapping underlines: which words of the
other document a passage's counterpart is, how overlapping marks are cut and laned."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from reader_app.core.annotations.counterparts import counterparts
from reader_app.core.compare import compare
from reader_app.core.documents import parse_document
from reader_app.ui.annotations.tag_marks import lanes, layered

LEFT = ("Alpha beta gamma delta epsilon zeta.\n\nThe president said on Monday that the peace "
        "talks will resume next week in Geneva with both delegations.\n")
RIGHT = ("Entirely other words are here.\n\nThe president said on Monday that the peace talks "
         "would resume next week in Geneva with both delegations.\n")
RED, BLUE, GREEN = QColor("red"), QColor("blue"), QColor("green")


@pytest.mark.parametrize(("quote", "expected"), [
    ("on Monday", "on Monday"),  # found as it is
    ("the peace talks will resume next week in Geneva",  # reworded: the aligned stretch
     "the peace talks would resume next week in Geneva"),
    ("talks will resu", "talks would resume"),  # widened to whole words
])
def test_counterpart_of_a_passage(quote: str, expected: str) -> None:
    left, right = parse_document(LEFT, "l.txt"), parse_document(RIGHT, "r.txt")
    comparison = compare(left, right)
    start = left.text.index(quote)
    found = counterparts(comparison, "left", start, start + len(quote))
    assert [right.text[a:b] for a, b in found] == [expected]


def test_counterpart_from_the_right() -> None:
    left, right = parse_document(LEFT, "l.txt"), parse_document(RIGHT, "r.txt")
    quote = "talks would resume"
    start = right.text.index(quote)
    found = counterparts(compare(left, right), "right", start, start + len(quote))
    assert [left.text[a:b] for a, b in found] == ["talks will resume"]


def test_unlinked_passage_has_no_counterpart() -> None:
    left, right = parse_document(LEFT, "l.txt"), parse_document(RIGHT, "r.txt")
    assert counterparts(compare(left, right), "left", 0, 5) == []


def test_a_word_the_other_side_holds_nothing_of_has_no_counterpart() -> None:
    # "will" is reworded ("would"): the linked paragraph holds nothing corresponding to it,
    # so it is not offered whole (that tagged passages the selection never held).
    left, right = parse_document(LEFT, "l.txt"), parse_document(RIGHT, "r.txt")
    comparison = compare(left, right)
    start = left.text.index("will")
    assert counterparts(comparison, "left", start, start + len("will")) == []


def test_layered_cuts_overlaps_and_merges_neighbours() -> None:
    pieces = layered([(0, 10, RED), (5, 15, BLUE), (15, 20, BLUE), (30, 40, GREEN)])
    assert pieces == [(0, 5, (RED,)), (5, 10, (RED, BLUE)), (10, 20, (BLUE,)),
                      (30, 40, (GREEN,))]


def test_nested_marks_and_lanes() -> None:
    marks = [(0, 20, RED), (5, 8, BLUE), (10, 12, GREEN), (25, 30, GREEN)]
    assert layered(marks) == [(0, 5, (RED,)), (5, 8, (RED, BLUE)), (8, 10, (RED,)),
                              (10, 12, (RED, GREEN)), (12, 20, (RED,)), (25, 30, (GREEN,))]
    assert lanes(marks) == [0, 1, 1, 0]


def test_no_marks() -> None:
    assert layered([]) == [] and lanes([]) == []
