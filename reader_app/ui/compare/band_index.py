"""Which links have a band in the gutter's view, found without going through every link.

A pane's paragraphs are measured once per alignment; scrolling only shifts them. So each
link's band is kept as the vertical range it covers (in the left pane's document
coordinates, for the shift between the panes), sorted by its top: a scroll step bisects to
the few in view. At 20,000 links, going through all of them cost 20-80 ms a paint. No Qt.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field

from reader_app.core.compare import Link
from reader_app.ui.compare.lazy_sequence import LazySequence

LONG = 1500.0  # a band taller than this (a paragraph moved far) is checked on its own

Span = tuple[float, float]  # a paragraph's (top, bottom)
Band = tuple[float, float, int]  # a link's band's (top, bottom, link number)
LINKS_PER_STEP = 8000


@dataclass(frozen=True)
class ShiftedSpans(LazySequence[Span]):
    """A pane's paragraphs' (top, bottom) in document coordinates, plus ``offset``: where they
    are in the gutter's coordinates, made one at a time as they are asked for."""

    spans: Sequence[Span]
    offset: float

    def item(self, index: int) -> Span:
        top, bottom = self.spans[index]
        return top + self.offset, bottom + self.offset

    def __len__(self) -> int:
        return len(self.spans)


@dataclass
class BandIndex:
    """The bands of ``links`` between two panes' paragraphs, right ones shifted by ``delta``
    (the right pane's offset less the left one's), sorted by top."""

    links: Sequence[Link]
    left: Sequence[Span]
    right: Sequence[Span]
    delta: float
    bands: list[Band] | None = None  # each link's, in order (``band_steps``); None: made here
    _tops: list[float] = field(default_factory=list)
    _short: list[Band] = field(default_factory=list)
    _long: list[Band] = field(default_factory=list)

    def __post_init__(self) -> None:
        bands = self.bands
        if bands is None:
            bands = _bands(self.links, 0, self.left, self.right, self.delta)
        self.bands = None  # (not kept: the index holds them)
        self._short = sorted(band for band in bands if band[1] - band[0] <= LONG)
        self._long = [band for band in bands if band[1] - band[0] > LONG]
        self._tops = [band[0] for band in self._short]

    def fits(self, links: Sequence[Link], left: Sequence[Span], right: Sequence[Span],
             delta: float) -> bool:
        """Whether this index holds these links between these measurements."""
        return (links is self.links and left is self.left and right is self.right
                and delta == self.delta)

    def between(self, top: float, bottom: float) -> list[Link]:
        """The links whose band meets ``[top, bottom]`` (left document coordinates), in the
        order of ``links``; of those only passing far through it, one of a kind."""
        first = bisect_left(self._tops, top - LONG)
        last = bisect_right(self._tops, bottom)
        found = [n for start, end, n in self._short[first:last] if end >= top]
        found += [n for start, end, n in self._long if end >= top and start <= bottom]
        return [self.links[n] for n in self._one_line_each(sorted(found), top, bottom)]

    def _one_line_each(self, numbers: list[int], top: float, bottom: float) -> list[int]:
        """``numbers`` but the bands that run from more than half a view above it to more
        than half a view below it (or up): the gutter draws their ends there, so each is the
        same line. Two long documents with their halves swapped passed 10,000 through the
        middle of the view, 8-10 s a paint; one of each direction, kind and move is kept."""
        reach = (bottom - top) / 2
        low, high = top - reach, bottom + reach
        kept: list[int] = []
        lines: set[tuple[bool, str, bool]] = set()
        for n in numbers:
            link = self.links[n]
            (left_top, left_bottom), (right_top, right_bottom) = (
                self.left[link.left], self.right[link.right])
            down = left_bottom < low and right_top + self.delta > high
            if not down and not (left_top > high and right_bottom + self.delta < low):
                kept.append(n)
            elif (down, link.kind, link.moved) not in lines:
                lines.add((down, link.kind, link.moved))
                kept.append(n)
        return kept


def band_steps(links: Sequence[Link], left: Sequence[Span], right: Sequence[Span],
               delta: float) -> Generator[None, None, BandIndex]:
    """A ``BandIndex``, pausing (yielding) after every ``LINKS_PER_STEP`` links' bands: the
    window makes it between turns of its event loop (20,000 links took 30-60 ms)."""
    bands: list[Band] = []
    for first in range(0, len(links), LINKS_PER_STEP):
        bands += _bands(links[first:first + LINKS_PER_STEP], first, left, right, delta)
        yield
    return BandIndex(links, left, right, delta, bands)


def _bands(links: Sequence[Link], first: int, left: Sequence[Span], right: Sequence[Span],
           delta: float) -> list[Band]:
    """(top, bottom, number) of each of ``links``' bands, numbered from ``first``."""
    ends = [(left[link.left], right[link.right]) for link in links]
    return [(min(lt[0], rt[0] + delta), max(lt[1], rt[1] + delta), number)
            for number, (lt, rt) in enumerate(ends, first)]
