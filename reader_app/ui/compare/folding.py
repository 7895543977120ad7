"""Folding runs of unmatched paragraphs (View ▸ Fold Unmatched Runs), without Qt.

Two unrelated reports become a staircase of hatched gaps: each paragraph that one side alone
has faces an equally tall gap, and the document's length doubles. A *run* is consecutive rows
each holding a paragraph on one side only, with no link at all (a moved paragraph, linked
elsewhere, keeps its band and is never folded), at least ``MIN_RUN`` of them on one side.
Folded, a run is one slim row that says, on each side it folds, how many paragraphs it hides
("12 paragraphs only here ▸"); clicking it expands the run on that side (its row then reads
"… ▾" above the paragraphs, and folds them again). The other side stays folded: expanded on
both, an unrelated pair's left-only paragraphs come first and the clicked right ones pages
below them. A run folds only the sides holding ``MIN_RUN`` or more of
its paragraphs: one or two paragraphs behind a row as tall would save nothing and only hide
them (two on the left and a dateline on the right stay as they are; eight on the left beside
two on the right fold the eight, the two are shown, facing hatched gaps).

Folding is on by default for a pair that is unrelated: ``folds_by_default`` (similarity below
``LOW_SIMILARITY`` *and* linked content below ``LOW_CONTENT``, but some: the seeds 000 vs 002,
003 and 004 fold, 000 vs 001 does not, nor a pair with no link at all). The reader's explicit
choice in the menu wins over that, for every pair (the window remembers it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader_app.core.compare import Comparison
from reader_app.core.text import counted

MIN_RUN = 3  # paragraphs on one side: runs with fewer on either side stay unfolded
LOW_SIMILARITY = 0.15  # Stats.similarity: shared wording
LOW_CONTENT = 0.3  # Stats.content: share of the words in linked paragraphs

RowPair = tuple[int | None, int | None]
Folded = tuple[bool, bool]  # per side (left, right): whether a run's paragraphs are hidden


@dataclass(frozen=True, slots=True)
class Run:
    """Rows ``start`` to ``stop`` (exclusive); ``counts``: paragraphs on the left, right;
    ``folds``: whether folding hides the left's, the right's (those sides with enough)."""

    start: int
    stop: int
    counts: tuple[int, int]
    folds: tuple[bool, bool]

    @property
    def rows(self) -> range:
        return range(self.start, self.stop)

    def hides(self, row: RowPair, folded: Folded | None = None) -> bool:
        """Whether folding the run hides ``row`` (one of its rows): its paragraph is on a
        side the run folds (of those ``folded`` now, if given)."""
        sides = self.folds if folded is None else folded
        return any(index is not None and sides[side] for side, index in enumerate(row))

    def marker_row(self, rows: Sequence[RowPair]) -> int:
        """The row the run's marker goes above: its first row that folding hides (the run's
        first row, but where the run starts with paragraphs of a side it leaves)."""
        return next((r for r in self.rows if self.hides(rows[r])), self.start)


# A run and, per side, whether its paragraphs there are folded (True) or shown (False).
Marker = tuple[Run, "Folded"]


def unmatched_runs(rows: Sequence[RowPair], foldable: Sequence[bool],
                   minimum: int = MIN_RUN) -> list[Run]:
    """The runs of consecutive one-sided rows whose ``foldable`` is True (the view says: its
    paragraph has no link) holding at least ``minimum`` paragraphs on one side (the sides it
    folds: those holding that many)."""
    runs: list[Run] = []
    start = 0
    for number in range(len(rows) + 1):
        if number < len(rows) and _one_sided(rows[number]) and foldable[number]:
            continue
        # Fewer rows hold fewer paragraphs a side: most rows end a run of none, and counting
        # each of those took 17,000 rows ~100 ms of the window's time.
        if number - start >= minimum:
            part = rows[start:number]
            counts = (sum(r[0] is not None for r in part), sum(r[1] is not None for r in part))
            if max(counts) >= minimum:  # (the rows of both sides together can make no run)
                runs.append(Run(start, number, counts,
                                (counts[0] >= minimum, counts[1] >= minimum)))
        start = number + 1
    return runs


def foldable_rows(comparison: Comparison) -> list[bool]:
    """Per row: whether its paragraphs have no link at all (a moved one keeps its band)."""
    left = {link.left for link in comparison.links}
    right = {link.right for link in comparison.links}
    return [row.left not in left and row.right not in right for row in comparison.rows]


def _one_sided(row: RowPair) -> bool:
    return (row[0] is None) != (row[1] is None)


def folds_by_default(similarity: float, content: float) -> bool:
    """Whether a pair is unrelated enough to be shown folded unless the reader chose; one
    with no link at all is not: folded, each pane showed one marker and no text, where its
    paragraphs, side by side, read as two reports."""
    return similarity < LOW_SIMILARITY and 0 < content < LOW_CONTENT


def marker_text(count: int, folded: bool) -> str:
    """What a run's row says on a side holding ``count`` of its paragraphs."""
    return f"{counted(count, 'paragraph')} only here {'▸' if folded else '▾'}"


class FoldState:
    """Which runs of the pair on screen are folded: all of them while folding is on, but
    those the reader expanded."""

    def __init__(self) -> None:
        self.choice: bool | None = None  # the reader's, from the menu; None: by default
        self.by_default = False
        self.runs: list[Run] = []
        self.expanded: set[tuple[int, int]] = set()  # (a run's first row, a side)

    @property
    def enabled(self) -> bool:
        return self.by_default if self.choice is None else self.choice

    def set_pair(self, runs: list[Run], by_default: bool) -> None:
        """A new pair (or comparison): its runs, all folded if folding is on."""
        self.runs, self.by_default = runs, by_default
        self.expanded.clear()

    def choose(self, enabled: bool) -> None:
        """The reader's choice: every run folded, or none."""
        self.choice = enabled
        self.expanded.clear()

    def toggle(self, start: int, side: int) -> None:
        """Expand the run that starts at row ``start`` on ``side``, or fold it again."""
        self.expanded ^= {(start, side)}

    def markers(self) -> list[Marker]:
        if not self.enabled:
            return []
        return [(run, (run.folds[0] and (run.start, 0) not in self.expanded,
                       run.folds[1] and (run.start, 1) not in self.expanded))
                for run in self.runs]

    def folded_paragraphs(self, rows: Sequence[RowPair], side: int) -> set[int]:
        """The paragraphs of ``side`` hidden in folded runs (none of a side a run leaves)."""
        hidden: set[int] = set()
        for run, folded in self.markers():
            if folded[side]:
                hidden.update(i for r in run.rows if (i := rows[r][side]) is not None)
        return hidden
