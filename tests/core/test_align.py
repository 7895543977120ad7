"""Alignment: candidate paragraph pairs, the heaviest in-order chain, rows, moved links."""

from __future__ import annotations

from itertools import combinations, pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader_app.core.compare.align import (
    MAX_PARAGRAPHS_PER_SHINGLE,
    Cancelled,
    candidate_pairs,
    crossing_links,
    layout_rows,
    side_by_side,
)

Rows = list[tuple[int | None, int | None]]


def assert_rows_valid(rows: Rows, chosen: set[tuple[int, int]], n_left: int,
                      n_right: int) -> None:
    lefts = [a for a, _ in rows if a is not None]
    rights = [b for _, b in rows if b is not None]
    assert lefts == list(range(n_left))  # each exactly once, in order
    assert rights == list(range(n_right))
    assert all(a is not None or b is not None for a, b in rows)
    assert {(a, b) for a, b in rows if a is not None and b is not None} == chosen


def is_monotone(pairs: list[tuple[int, int]]) -> bool:
    ordered = sorted(pairs)
    return all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(ordered))


# --- layout_rows -------------------------------------------------------------------------


def test_unlinked_rows_alternate_left_and_right_the_longer_side_s_rest_after() -> None:
    # (all the left's before all the right's made a view a staircase of gaps)
    rows, chosen = layout_rows([], 3, 1)
    assert rows == [(0, None), (None, 0), (1, None), (2, None)]
    assert chosen == set()
    rows, _ = layout_rows([(2, 3, 3.0)], 3, 4)
    assert rows == [(0, None), (None, 0), (1, None), (None, 1), (None, 2), (2, 3)]


def test_empty_documents_have_no_rows() -> None:
    assert layout_rows([], 0, 0) == ([], set())


def test_in_order_links_become_two_sided_rows_with_gaps_filled() -> None:
    rows, chosen = layout_rows([(0, 1, 3.0), (2, 2, 3.0)], 4, 3)
    assert rows == [(None, 0), (0, 1), (1, None), (2, 2), (3, None)]
    assert chosen == {(0, 1), (2, 2)}


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        ([(0, 1, 5.0), (1, 0, 1.0)], {(0, 1)}),
        ([(0, 1, 1.0), (1, 0, 5.0)], {(1, 0)}),
        ([(0, 0, 1.0), (1, 1, 1.0), (2, 2, 1.0), (0, 2, 2.5)], {(0, 0), (1, 1), (2, 2)}),
        ([(0, 0, 1.0), (1, 1, 1.0), (2, 2, 1.0), (0, 2, 3.5)], {(0, 2)}),
        ([(2, 0, 2.5), (0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)], {(0, 1), (1, 2), (2, 3)}),
        ([(2, 0, 4.0), (0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)], {(2, 0)}),
        ([(0, 0, 2.0), (0, 1, 3.0)], {(0, 1)}),  # split: only one half can share a row
    ],
)
def test_heaviest_in_order_chain_is_chosen(
    links: list[tuple[int, int, float]], expected: set[tuple[int, int]]
) -> None:
    rows, chosen = layout_rows(links, 3, 4)
    assert chosen == expected
    assert_rows_valid(rows, chosen, 3, 4)


# --- crossing_links ----------------------------------------------------------------------


def test_crossing_link_is_moved() -> None:
    links = [(0, 0), (1, 2), (2, 1), (3, 3)]
    assert crossing_links(links, {(0, 0), (1, 2), (3, 3)}) == {(2, 1)}


def test_split_half_next_to_its_chosen_pair_is_not_moved() -> None:
    links = [(0, 0), (1, 1), (1, 2), (2, 3)]
    assert crossing_links(links, {(0, 0), (1, 1), (2, 3)}) == set()


def test_merged_half_next_to_its_chosen_pair_is_not_moved() -> None:
    links = [(0, 0), (1, 1), (2, 1), (3, 2)]
    assert crossing_links(links, {(0, 0), (1, 1), (3, 2)}) == set()


def test_far_partner_of_a_split_paragraph_is_moved() -> None:
    links = [(0, 0), (0, 5), (1, 1)]
    assert crossing_links(links, {(0, 0), (1, 1)}) == {(0, 5)}


def test_chosen_links_are_never_moved() -> None:
    chosen = {(0, 0), (1, 1)}
    assert crossing_links(sorted(chosen), chosen) == set()


# --- properties of the layout ------------------------------------------------------------

SIZES = st.tuples(st.integers(0, 7), st.integers(0, 7))


@st.composite
def link_sets(draw: st.DrawFn) -> tuple[dict[tuple[int, int], int], int, int]:
    n_left, n_right = draw(SIZES)
    if n_left == 0 or n_right == 0:
        return {}, n_left, n_right
    pairs = st.tuples(st.integers(0, n_left - 1), st.integers(0, n_right - 1))
    links = draw(st.dictionaries(pairs, st.integers(1, 9), max_size=9))
    return links, n_left, n_right


def best_total(links: dict[tuple[int, int], int]) -> int:
    """Brute force: the largest total weight of any strictly in-order subset of links."""
    best = 0
    items = list(links)
    for size in range(1, len(items) + 1):
        for subset in combinations(items, size):
            if is_monotone(list(subset)):
                best = max(best, sum(links[p] for p in subset))
    return best


@given(link_sets())
def test_layout_rows_properties(case: tuple[dict[tuple[int, int], int], int, int]) -> None:
    links, n_left, n_right = case
    weighted = [(a, b, float(w)) for (a, b), w in links.items()]
    rows, chosen = layout_rows(weighted, n_left, n_right)
    assert_rows_valid(rows, chosen, n_left, n_right)
    assert chosen <= set(links)
    assert is_monotone(list(chosen))
    assert sum(links[p] for p in chosen) == best_total(links)


@given(link_sets())
def test_crossing_links_are_exactly_those_a_chosen_pair_crosses(
    case: tuple[dict[tuple[int, int], int], int, int],
) -> None:
    links, n_left, n_right = case
    _, chosen = layout_rows([(a, b, float(w)) for (a, b), w in links.items()], n_left, n_right)
    moved = crossing_links(list(links), chosen)
    expected = {
        (a, b)
        for a, b in links
        if (a, b) not in chosen
        and any((ca < a and cb > b) or (ca > a and cb < b) for ca, cb in chosen)
    }
    assert moved == expected


# --- candidate_pairs ---------------------------------------------------------------------

P1 = "The central bank raised interest rates by half a point on Tuesday."
P2 = "Markets in Asia fell sharply after the announcement surprised traders."
P3 = "Officials said further increases could follow if inflation stays high."


def pairs_of(left: list[str | None], right: list[str | None]) -> set[tuple[int, int]]:
    return {(c.left, c.right) for c in candidate_pairs(left, right)}


def test_reordered_paragraphs_are_found() -> None:
    assert pairs_of([P1, P2, P3], [P3, P1, P2]) == {(0, 1), (1, 2), (2, 0)}


def test_reworded_paragraphs_are_found_whatever_the_case_and_punctuation() -> None:
    right = "THE CENTRAL BANK, raised interest rates -- by half a point on Tuesday!"
    assert pairs_of([P1, P2], [P3, right]) == {(0, 1)}


def test_shared_shingle_counts_are_reported() -> None:
    (candidate,) = candidate_pairs([P1], ["The central bank raised interest, and more."])
    assert (candidate.left, candidate.right, candidate.shared_shingles) == (0, 0, 3)


def test_a_shared_name_alone_is_not_a_candidate() -> None:
    left = "Russian President Vladimir Putin met farmers."
    right = "President Vladimir Putin denied every claim."
    assert pairs_of([left], [right]) == set()


def test_two_shared_trigrams_make_a_candidate() -> None:
    left = "President Vladimir Putin said nothing."
    right = "President Vladimir Putin said much."
    assert pairs_of([left], [right]) == {(0, 0)}


def test_identical_short_paragraphs_are_paired() -> None:
    assert pairs_of(["Short Heading", P1], [P2, "Short Heading"]) == {(0, 1)}


@pytest.mark.parametrize(("lefts", "rights"), [(13, 13), (40, 40), (40, 45), (3, 40), (40, 3)])
def test_a_paragraph_repeated_many_times_pairs_its_copies_in_order(lefts: int,
                                                                    rights: int) -> None:
    """Copies of one paragraph, over 12 on a side, are paired k-th with k-th from either end
    (they were paired with none); at most two partners a copy, not all against all."""
    surplus = rights - lefts
    expected = {(k, r) for k in range(lefts) for r in (k, k + surplus) if 0 <= r < rights}
    assert pairs_of([P1] * lefts, [P1] * rights) == expected


@pytest.mark.parametrize("position", ["left", "right"])
def test_none_and_empty_paragraphs_take_no_part(position: str) -> None:
    left: list[str | None] = [None, "", P1]
    right: list[str | None] = [P1, None, ""]
    if position == "right":
        left, right = right, left
    expected = {(2, 0)} if position == "left" else {(0, 2)}
    assert pairs_of(left, right) == expected


def test_trigrams_common_to_many_left_paragraphs_prove_nothing() -> None:
    phrase = "The United States and its allies"
    left = [f"{phrase} word{i}" for i in range(MAX_PARAGRAPHS_PER_SHINGLE + 1)]
    assert pairs_of(left, [f"{phrase} other"]) == set()


def test_candidate_pairs_can_be_cancelled() -> None:
    with pytest.raises(Cancelled):
        candidate_pairs([P1], [P1], cancelled=lambda: True)


def test_two_unmatched_paragraphs_go_side_by_side_but_boilerplate_stands_alone() -> None:
    rows = [(0, 0), (1, None), (None, 1), (2, None), (None, 2), (None, 3), (3, 4)]
    assert side_by_side(rows) == {2, 4}  # (L1 | R1, L2 | R2; R3 alone; never a linked row)
    # Left 1 is "Advertisement": it stands alone, and R1 goes beside L2.
    assert side_by_side(rows, ({1}, set())) == {3}


def test_boilerplate_comes_in_its_side_s_turn_without_taking_it() -> None:
    # Left 0 is "Advertisement": left 1 and right 0 still take turns, side by side.
    rows, _ = layout_rows([], 2, 1, ({0}, set()))
    assert rows == [(0, None), (1, None), (None, 0)]
    assert side_by_side(rows, ({0}, set())) == {2}


@pytest.mark.parametrize("pair", [(0, 4), (2, 3), (0, 1)])
def test_only_unmatched_paragraphs_are_shown_beside_each_other(pair: tuple[int, int]) -> None:
    # A moved paragraph (its link crosses others) sits in a one-sided row too: shown beside
    # another, it read as unmatched ("Putin does support…" beside "Earlier this week…").
    from conftest import SEED_FILES

    from reader_app.core.compare import compare, rows_beside
    from reader_app.core.documents import load_document

    comparison = compare(*(load_document(SEED_FILES[i]) for i in pair))
    linked = ({link.left for link in comparison.links}, {link.right for link in comparison.links})
    beside = rows_beside(comparison)
    for number in beside:
        for row in (comparison.rows[number], comparison.rows[number - 1]):
            side = 0 if row.left is not None else 1
            assert (row.left, row.right)[side] not in linked[side]
    assert beside or pair != (0, 4)  # (000 and 004 have such lines)
