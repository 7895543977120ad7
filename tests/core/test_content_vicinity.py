"""The content judge's vicinity rule: the second half of a split paragraph is linked on less
evidence than a pair on its own, and only when the paragraph it joins is the longer one."""

from __future__ import annotations

from comparison_checks import assert_comparison_valid, doc

from reader_app.core.compare import compare

LEAD = ("Firefighters battled a blaze that destroyed the Waitrose supermarket in Banstead on "
        "Friday night.")
AFTERMATH = ("Sixty people from nearby streets stayed with friends as the heat shattered "
             "windows, and two firemen were treated for smoke.")
TITLE, CLOSING = ("Supermarket destroyed in Banstead",
                  "The company said its staff would be paid while the store stays closed.")
BOTH_IN_ONE = ("A fire gutted the Waitrose store in Banstead on Friday night, and residents of "
               "nearby houses were moved out while the heat cracked windows, police said.")
OTHER_MATTERS = ["Investigators have not yet said what started the fire.",
                 "The chain has more than 300 shops across Britain."]


def links(left: list[str], right: list[str]) -> list[tuple[int, int]]:
    c = compare(doc("\n\n".join(left), "a.txt"), doc("\n\n".join(right), "b.txt"))
    assert_comparison_valid(c)
    return [(link.left, link.right) for link in c.links]


def test_the_second_half_of_a_split_paragraph_is_linked() -> None:
    """The right-hand report says in one paragraph what the left spreads over two; the
    aftermath shares only "nearby", "heat" and "windows" with it: too little alone."""
    assert links([TITLE, LEAD, AFTERMATH, CLOSING], [BOTH_IN_ONE, *OTHER_MATTERS]) == [
        (1, 0), (2, 0)]


def test_the_same_weak_pair_without_its_linked_neighbour_is_not_linked() -> None:
    assert links([TITLE, AFTERMATH, CLOSING], [BOTH_IN_ONE, *OTHER_MATTERS]) == []


def test_a_headline_linked_to_the_lead_does_not_take_the_next_paragraph() -> None:
    """The next paragraph shares "night" and "store" with the headline, near the bar, but
    the headline is the shorter of the two: it cannot hold what both paragraphs say."""
    after = ("Sixty people from nearby streets stayed with friends that night as the heat "
             "shattered the store windows.")
    headline = "Fire guts Waitrose store in Banstead on Friday night"
    assert links([LEAD, after, CLOSING], [headline, *OTHER_MATTERS]) == [(0, 0)]
