"""Which occurrence of a term key pairs with which, when a linked pair holds it more than once.

A figure's slot is what it stands for: the word next to it ("14 homes", "March 14", "the 3rd
round"). When a key occurs more than once in either paragraph, its occurrences pair by slot
first — an occurrence of a figure, date or name with the other side's occurrence next to the
same word (before or after it) — and the rest in order. Paired in order alone, "three hours"
on one side took "the 3rd round" on the other (both are 3), and the figures left over sat in
different slots: the 2nd / 3rd round that conflict were never compared. Must not import Qt.
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from reader_app.core.compare.content_terms import Term

Pairs = list[tuple[int, int]]  # (left term index, right term index)
Slots = frozenset[tuple[str, str]]
_NO_SLOTS: Slots = frozenset()


def pair_occurrences(
    left_terms: Sequence[Term],
    mine: Sequence[int],
    left_slotted: Set[int],
    right_terms: Sequence[Term],
    theirs: Sequence[int],
    right_slotted: Set[int],
) -> tuple[Pairs, list[int]]:
    """The pairs of one key's occurrences, ``mine`` on the left and ``theirs`` on the right
    (term indices, in order; ``*_slotted`` are the indices of figures, dates and names, the
    terms that have slots), and the left occurrences beyond the right's count, unpaired."""
    if left_slotted.isdisjoint(mine) and right_slotted.isdisjoint(theirs):
        # Words with no slots (most repeated keys): in order.
        return list(zip(mine, theirs, strict=False)), list(mine[len(theirs):])
    their_slots = [_slots(right_terms, j) if j in right_slotted else _NO_SLOTS for j in theirs]
    open_at = list(range(len(theirs)))  # the right occurrences not yet paired, in order
    pairs: Pairs = []
    unplaced: list[int] = []
    for i in mine:
        slots = _slots(left_terms, i) if i in left_slotted else _NO_SLOTS
        at = next((k for k in open_at if not slots.isdisjoint(their_slots[k])),
                  None) if slots else None
        if at is None:
            unplaced.append(i)
        else:
            open_at.remove(at)
            pairs.append((i, theirs[at]))
    # The rest in order (zip stops at the shorter side: the rest of that side is unpaired).
    pairs.extend(zip(unplaced, [theirs[k] for k in open_at], strict=False))
    return pairs, unplaced[len(open_at):]


def _slots(terms: Sequence[Term], at: int) -> Slots:
    """The slots of a term: the key of the term before it and of the term after it."""
    found = []
    if at > 0:
        found.append(("after", terms[at - 1].key))
    if at + 1 < len(terms):
        found.append(("before", terms[at + 1].key))
    return frozenset(found)
