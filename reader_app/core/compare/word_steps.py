"""The changed words of a linked pair, in reading order, for "next change" navigation.

A *pair* is a row of the comparison with a paragraph on each side (the two are shown side by
side). Its *changes* are

- the unique spans of each paragraph (wording only that side has; none in boilerplate), and
- the ``variant`` and ``differs`` evidence pieces of the link between the two paragraphs
  (the same word or name in another form, another figure or date in the same slot), each
  one change with a place on both sides; a variant that differs only in case is the same
  word (``evidence_marking.shown_kind``): left out, or in a reworded pair one of its
  ``same`` pieces, as the band's tooltip counts it and the panes mark it. A differs piece
  the panes do not mark is left out (``evidence_marking``: the other document states that
  figure too). A unique span that lies wholly inside such a piece on its side is left out too: the
  piece stands for it.

A *reworded* pair (its link a ``rewrite``) shares no wording: each paragraph is one unique
span, and a step selected the whole of it. Its changes are its evidence pieces instead, all
three kinds, each on both sides: the words both hold (``same``), those in another form, the
figures stated otherwise, which is what a reader checks a reworded pair by; the unique
spans are left out. (A reworded pair with no such piece keeps its unique spans: the
rewording is then the only change.)

Reading order walks both paragraphs together: a change's place is how much shared wording
comes before it in its own paragraph (white space aside: the same on both sides up to
where they part), then its offset in the paragraph, then left before right. A piece with
places on both sides is placed by its left one.

``WordSteps`` remembers the change a step selected, so that the next step goes on from it
while the view stays where that step left it; otherwise a step starts at the pair at the
top of the view (or the first pair below it that has changes). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from reader_app.core.compare.engine import SIDES, Comparison, Side
from reader_app.core.compare.evidence_marking import Differing, differing_pieces, shown_evidence

ChangeKind = Literal["unique", "same", "variant", "differs"]
Range = tuple[int, int]  # document offsets, start and end


@dataclass(frozen=True)
class Change:
    """One changed word or run of words: its range on each side that has it."""

    left: Range | None
    right: Range | None
    kind: ChangeKind

    def on(self, side: Side) -> Range | None:
        return self.left if side == "left" else self.right


def is_pair(comparison: Comparison, row: int) -> bool:
    entry = comparison.rows[row]
    return entry.left is not None and entry.right is not None


def _evidence(comparison: Comparison, left: int, right: int,
              differing: Differing) -> tuple[list[Change], bool]:
    """The pieces of the link between the two paragraphs that are changes, and whether
    that link is a rewrite (whose ``same`` pieces are changes too)."""
    found: list[Change] = []
    reworded = False
    for link in comparison.links_of("left", left):
        if link.right != right:
            continue
        reworded = reworded or link.kind == "rewrite"
        # As the reader is shown them: a variant of case alone is the same word, a differs
        # piece the panes do not mark is none.
        for piece, kind in shown_evidence(comparison, link, differing):
            if kind == "same" and link.kind != "rewrite":
                continue
            found.append(Change((piece.left_start, piece.left_end),
                                (piece.right_start, piece.right_end), kind))
    return found, reworded


def _unique(comparison: Comparison, side: Side, index: int,
            covered: list[Range]) -> list[Change]:
    paragraph = comparison.document(side).paragraphs[index]
    if paragraph.boilerplate:
        return []
    found = []
    for span in comparison.spans_between(side, paragraph.start, paragraph.end):
        if span.kind != "unique":
            continue
        if any(start <= span.start and span.end <= end for start, end in covered):
            continue
        place = (span.start, span.end)
        found.append(Change(place, None, "unique") if side == "left"
                     else Change(None, place, "unique"))
    return found


def _shared_before(comparison: Comparison, side: Side, index: int, offset: int) -> int:
    """Shared characters before ``offset`` in the paragraph, white space not counted (the
    two sides space their shared runs differently around a word only one has)."""
    document = comparison.document(side)
    paragraph = document.paragraphs[index]
    return sum(len("".join(document.text[span.start : min(span.end, offset)].split()))
               for span in comparison.spans_between(side, paragraph.start, paragraph.end)
               if span.kind == "shared" and span.start < offset)


def pair_changes(comparison: Comparison, row: int,
                 differing: Differing | None = None) -> list[Change]:
    """The changes of the pair in ``row``, in reading order (none if it is not a pair).
    ``differing``: the comparison's ``differing_pieces``, if known."""
    if not is_pair(comparison, row):
        return []
    entry = comparison.rows[row]
    indexes: dict[Side, int] = {"left": entry.left or 0, "right": entry.right or 0}
    if differing is None:
        differing = differing_pieces(comparison)
    changes, reworded = _evidence(comparison, indexes["left"], indexes["right"], differing)
    if not (reworded and changes):  # (reworded: the pieces stand for the rewording)
        for side in SIDES:
            covered = [r for r in (c.on(side) for c in changes) if r is not None]
            changes += _unique(comparison, side, indexes[side], covered)

    def place(change: Change) -> tuple[int, int, int]:
        side: Side = "left" if change.left is not None else "right"
        start = (change.on(side) or (0, 0))[0]
        paragraph = comparison.document(side).paragraphs[indexes[side]]
        shared = _shared_before(comparison, side, indexes[side], start)
        return shared, start - paragraph.start, SIDES.index(side)

    return sorted(changes, key=place)


def is_reworded(comparison: Comparison, row: int) -> bool:
    """Whether the pair in ``row`` is linked by a rewrite (its changes: its pieces)."""
    entry = comparison.rows[row]
    return is_pair(comparison, row) and any(
        link.right == entry.right and link.kind == "rewrite"
        for link in comparison.links_of("left", entry.left or 0))


def pair_row_from(comparison: Comparison, row: int,
                  differing: Differing | None = None) -> int | None:
    """The first pair at or below ``row`` that has changes."""
    if differing is None:
        differing = differing_pieces(comparison)
    for number in range(max(0, row), len(comparison.rows)):
        if is_pair(comparison, number) and pair_changes(comparison, number, differing):
            return number
    return None


@dataclass(frozen=True)
class WordStep:
    """Where a step goes: the pair's row, the change's number in it (from 0), all its
    changes, and whether the pair is reworded (``is_reworded``)."""

    row: int
    number: int
    changes: tuple[Change, ...]
    reworded: bool = False

    @property
    def change(self) -> Change:
        return self.changes[self.number]


@dataclass(frozen=True)
class _Stop:
    comparison: object
    step: WordStep
    scroll: int


class WordSteps:
    """Remembers the change the last step selected; picks the next one."""

    def __init__(self, differing_of: Callable[[Comparison], Differing] = differing_pieces,
                 ) -> None:
        self._stop: _Stop | None = None
        # A comparison's ``differing_pieces`` (the window's, kept per comparison: a long
        # pair's 100,000 pieces are gone through once, not at every step).
        self._differing_of = differing_of

    def target(self, comparison: Comparison, top_row: int, scroll: int,
               step: int) -> WordStep | None:
        """The change to go to, ``step`` 1 (next) or -1 (previous); ``top_row`` is the row
        at the top of the view, ``scroll`` where the view stands. None when the pair has no
        change that way, or no pair at or below the top has any."""
        at = self.at(comparison, scroll)
        if at is not None:
            number = at.number + step
            if not 0 <= number < len(at.changes):
                return None
            return WordStep(at.row, number, at.changes, at.reworded)
        differing = self._differing_of(comparison)
        row = pair_row_from(comparison, top_row, differing)
        if row is None:
            return None
        changes = tuple(pair_changes(comparison, row, differing))
        return WordStep(row, 0 if step > 0 else len(changes) - 1, changes,
                        is_reworded(comparison, row))

    def at(self, comparison: object, scroll: int) -> WordStep | None:
        """The change the last step selected, while the view stays where it left it."""
        stop = self._stop
        if stop is not None and stop.comparison is comparison and stop.scroll == scroll:
            return stop.step
        return None

    def arrived(self, comparison: Comparison, step: WordStep, scroll: int) -> None:
        """The step's change is selected; the view now stands at ``scroll``."""
        self._stop = _Stop(comparison, step, scroll)
