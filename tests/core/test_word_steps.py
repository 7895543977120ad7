"""The changed words of a linked pair (``word_steps``): which, in which order, and where a
step goes (Ctrl+F7 / Ctrl+Shift+F7 in the window)."""

from __future__ import annotations

from comparison_checks import doc
from conftest import SEED_FILES

from reader_app.core.compare import Comparison, compare
from reader_app.core.compare.word_steps import (
    Change,
    WordSteps,
    is_pair,
    is_reworded,
    pair_changes,
    pair_row_from,
)
from reader_app.core.documents import load_document

P1 = "The central bank raised interest rates by half a point on Tuesday morning in the capital."
P1_CHANGED = ("The central bank sharply raised interest rates by half a point on Tuesday "
              "evening in the capital.")
P2 = "Markets in Asia fell sharply after the announcement surprised many traders."


def pair() -> Comparison:
    return compare(doc(f"{P1}\n\n{P2}", "left.txt"), doc(f"{P1_CHANGED}\n\n{P2}", "right.txt"))


def words(comparison: Comparison, change: Change) -> tuple[str | None, str | None]:
    left = change.left and comparison.left.text[slice(*change.left)]
    right = change.right and comparison.right.text[slice(*change.right)]
    return left, right


def test_the_changes_of_a_pair_walk_both_sides_in_reading_order() -> None:
    comparison = pair()
    row = pair_row_from(comparison, 0)
    assert row == 0 and is_pair(comparison, row)
    found = [words(comparison, change) for change in pair_changes(comparison, row)]
    # "sharply" (right only) comes before the left's "morning" / the right's "evening";
    # at the same place the left one comes first.
    assert found == [(None, "sharply"), ("morning", None), (None, "evening")]


def test_a_reworded_pair_steps_through_its_pieces_not_its_whole_paragraphs() -> None:
    """Each paragraph of a reworded pair is one unique span (it shares no wording): the steps
    are the pieces the two hold, on both sides, in the left's reading order."""
    left = "Putin supports the ceasefire proposal in principle, the Kremlin said on Thursday."
    right = "The Kremlin said Putin agrees with the ceasefire proposals, in principle."
    comparison = compare(doc(left, "a.txt"), doc(right, "b.txt"))
    assert [link.kind for link in comparison.links] == ["rewrite"] and is_reworded(comparison, 0)
    changes = pair_changes(comparison, 0)
    assert [(change.kind, *words(comparison, change)) for change in changes] == [
        ("same", "Putin", "Putin"), ("variant", "supports", "agrees"),
        ("same", "ceasefire", "ceasefire"), ("variant", "proposal", "proposals"),
        ("same", "principle", "principle"), ("same", "Kremlin", "Kremlin")]


def test_a_copied_pair_is_not_reworded_its_changes_are_its_own_wording() -> None:
    comparison = pair()  # a copy: its changes are the words only one side has
    assert not is_reworded(comparison, 0)
    assert {change.kind for change in pair_changes(comparison, 0)} == {"unique"}


def test_an_unchanged_pair_has_none_and_is_skipped() -> None:
    comparison = pair()
    assert pair_changes(comparison, 1) == []
    assert pair_row_from(comparison, 1) is None


def test_a_one_sided_row_is_not_a_pair() -> None:
    comparison = compare(doc(f"{P1}\n\n{P2}", "left.txt"), doc(P1_CHANGED, "right.txt"))
    one_sided = [n for n, row in enumerate(comparison.rows) if row.right is None]
    assert one_sided and pair_changes(comparison, one_sided[0]) == []


def test_seeds_a_differing_pair_includes_its_variants() -> None:
    left, right = (load_document(path) for path in SEED_FILES[:2])
    comparison = compare(left, right)
    row = pair_row_from(comparison, 0)
    assert row is not None and comparison.rows[row].left == 1  # (0: the date field, apart)
    changes = pair_changes(comparison, row)
    kinds = {change.kind for change in changes}
    assert kinds == {"unique", "variant"}
    variants = [words(comparison, c) for c in changes if c.kind == "variant"]
    assert ("ceasefire", "truce") in variants
    assert all(c.left and c.right for c in changes if c.kind == "variant")


def test_steps_go_on_from_the_last_one_while_the_view_stays() -> None:
    comparison, steps = pair(), WordSteps()
    first = steps.target(comparison, 0, scroll=0, step=1)
    assert first is not None and (first.row, first.number) == (0, 0)
    steps.arrived(comparison, first, scroll=10)
    second = steps.target(comparison, 0, scroll=10, step=1)
    assert second is not None and second.number == 1
    steps.arrived(comparison, second, scroll=10)
    back = steps.target(comparison, 0, scroll=10, step=-1)
    assert back is not None and back.number == 0
    steps.arrived(comparison, back, scroll=10)
    assert steps.target(comparison, 0, scroll=10, step=-1) is None  # the pair's first
    assert steps.at(comparison, 10) == back


def test_a_moved_view_starts_again_at_the_pair_on_top() -> None:
    comparison, steps = pair(), WordSteps()
    first = steps.target(comparison, 0, scroll=0, step=1)
    assert first is not None
    steps.arrived(comparison, first, scroll=0)
    assert steps.at(comparison, 55) is None
    last = steps.target(comparison, 0, scroll=55, step=-1)
    assert last is not None and last.number == len(last.changes) - 1
    assert steps.target(comparison, 1, scroll=55, step=1) is None  # no changed pair below
