"""A variant of case alone ("Voters" / "voters") is the same word wherever evidence is counted or
listed, as the window's panes leave it unmarked and its band tooltips count it: the text and
terminal output's "reworded (… same, … variant)" heading, Ctrl+F7's changes. One rule,
``evidence_marking.shown_kind``.

``LEFT`` / ``RIGHT``: the Turkmen election reports (ECB+ 11_11ecb / 11_9ecb), their first
paragraphs, linked on content: "Voters" / "voters" differ in case alone, "election" /
"elections" is a variant."""

from __future__ import annotations

import re

import pytest
from comparison_checks import doc

from reader_app.core.compare import Comparison, compare
from reader_app.core.compare.evidence_marking import marked_pieces, shown_kind
from reader_app.core.compare.word_steps import pair_changes
from reader_app.core.formats.text import evidence_summary, render_ansi, render_text

LEFT = ("Voters in Turkmenistan began to cast their ballots at 8:00 am local time (0300 GMT) "
        "on Sunday in the country's fourth parliamentary election, said reports from Ashgabat, "
        "Turkmenistan's capital.")
RIGHT = ("The government of Turkmenistan said 90 per cent of eligible voters had participated "
         "in parliamentary elections Sunday, despite boycotts from opposition groups.")


@pytest.fixture
def voters() -> Comparison:
    comparison = compare(doc(LEFT, "a.txt"), doc(RIGHT, "b.txt"))
    assert [(k.left, k.right, k.kind) for k in comparison.links] == [(0, 0, "rewrite")]
    return comparison


def pieces(comparison: Comparison) -> list[tuple[str, str, str]]:
    """(kind, left words, kind shown) of each evidence piece of the one link."""
    return [(e.kind, comparison.left.text[e.left_start:e.left_end], shown_kind(comparison, e))
            for e in comparison.links[0].evidence]


def test_a_variant_of_case_alone_is_shown_as_the_same_word(voters: Comparison) -> None:
    assert pieces(voters) == [
        ("variant", "Voters", "same"), ("same", "Turkmenistan", "same"),
        ("same", "Sunday", "same"), ("same", "parliamentary", "same"),
        ("variant", "election", "variant"),
    ]


def test_the_text_output_counts_no_variant_of_case_alone(voters: Comparison) -> None:
    assert evidence_summary(voters, voters.links[0], set()) == "4 same, 1 variant"
    assert "L1 ≈ R1  reworded (4 same, 1 variant)\n" in render_text(voters)
    ansi = re.sub(r"\x1b\[[0-9;]*m", "", render_ansi(voters))
    assert "L1 ≈ R1  reworded (4 same, 1 variant)\n" in ansi


def test_the_changes_stepped_through_are_the_ones_counted(voters: Comparison) -> None:
    """Ctrl+F7 steps through the variant the heading counts and not "Voters"."""
    variants = [c for c in pair_changes(voters, 0) if c.kind == "variant"]
    assert [voters.left.text[slice(*c.left)] for c in variants if c.left] == ["election"]


def test_in_a_reworded_pair_the_word_of_another_case_is_a_step_and_a_mark(
        voters: Comparison) -> None:
    """Counted among the "4 same", "Voters" is stepped through and marked as one of them: the
    reader finds as many as the heading and the band's tooltip count."""
    same = [c for c in pair_changes(voters, 0) if c.kind == "same"]
    assert [voters.left.text[slice(*c.left)] for c in same if c.left] == [
        "Voters", "Turkmenistan", "Sunday", "parliamentary"]
    marked = [voters.right.text[start:end] for start, end, kind, _, _
              in marked_pieces(voters, "right") if kind == "matched"]
    assert "voters" in marked
