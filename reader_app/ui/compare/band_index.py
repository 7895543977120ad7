"""Which links have a band in the gutter's view, found without going through every link.

A pane's paragraphs are measured once per alignment; scrolling only shifts them. So each
link's band is kept as the vertical range it covers (in the left pane's document
coordinates, for the shift between the panes), sorted by its top: a scroll step bisects to
the few in view. At 20,000 links, going through all of them cost 20-80 ms a paint. A band
of a paragraph moved far is found by its ends instead (``_LongBands``). No Qt.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

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


class BandIndex:
    """The bands of ``links`` between two panes' paragraphs, right ones shifted by ``delta``
    (the right pane's offset less the left one's); made at once, or by ``band_steps``."""

    def __init__(self, links: Sequence[Link], left: Sequence[Span], right: Sequence[Span],
                 delta: float, parts: tuple[_Ranges, _LongBands] | None = None) -> None:
        self.links, self.left, self.right, self.delta = links, left, right, delta
        if parts is None:
            steps = _parts_steps(links, left, right, delta)
            while (parts := next(steps, None)) is None:
                pass
        self._short, self._long = parts

    def fits(self, links: Sequence[Link], left: Sequence[Span], right: Sequence[Span],
             delta: float) -> bool:
        """Whether this index holds these links between these measurements."""
        return (links is self.links and left is self.left and right is self.right
                and delta == self.delta)

    def between(self, top: float, bottom: float) -> list[Link]:
        """The links whose band meets ``[top, bottom]`` (left document coordinates), in the
        order of ``links``; of the long ones only passing far through it, one of a kind."""
        found = self._short.meeting(top, bottom) + self._long.meeting(top, bottom)
        return [self.links[n] for n in sorted(found)]


def band_steps(links: Sequence[Link], left: Sequence[Span], right: Sequence[Span],
               delta: float) -> Generator[None, None, BandIndex]:
    """A ``BandIndex``, pausing (yielding) after every ``LINKS_PER_STEP`` links' bands and
    between its parts: the window makes it between turns of its event loop (20,000 links
    took 30-60 ms, 130 ms with the long bands' ends)."""
    steps = _parts_steps(links, left, right, delta)
    while (parts := next(steps, None)) is None:
        yield
    return BandIndex(links, left, right, delta, parts)


def _parts_steps(links: Sequence[Link], left: Sequence[Span], right: Sequence[Span],
                 delta: float) -> Iterator[tuple[_Ranges, _LongBands] | None]:
    """None after each step, then the index's parts (short bands, long ones)."""
    bands: list[Band] = []
    ends: list[tuple[int, Span, Span]] = []
    for first in range(0, len(links), LINKS_PER_STEP):
        chunk = [(left[k.left], right[k.right]) for k in links[first:first + LINKS_PER_STEP]]
        for n, (lt, (rt, rb)) in enumerate(chunk, first):
            band = (min(lt[0], rt + delta), max(lt[1], rb + delta), n)
            bands.append(band)
            if band[1] - band[0] > LONG:
                ends.append((n, lt, (rt + delta, rb + delta)))
        yield None
    short = _Ranges([band for band in bands if band[1] - band[0] <= LONG])
    yield None
    long = _LongBands({n: (top, bottom) for top, bottom, n in bands if bottom - top > LONG})
    yield None
    yield from long.end_steps(links, ends)
    yield short, long


class _Ranges:
    """(top, bottom, number) ranges sorted by top: those meeting a range are found by
    bisection (the few taller than ``LONG`` are checked on their own)."""

    def __init__(self, ranges: list[Band]) -> None:
        self._sorted = sorted(r for r in ranges if r[1] - r[0] <= LONG)
        self._tall = [r for r in ranges if r[1] - r[0] > LONG]
        self._tops = [r[0] for r in self._sorted]

    def meeting(self, top: float, bottom: float) -> list[int]:
        first = bisect_left(self._tops, top - LONG)
        last = bisect_right(self._tops, bottom)
        found = [n for _, end, n in self._sorted[first:last] if end >= top]
        return found + [n for start, end, n in self._tall if end >= top and start <= bottom]


class _LongBands:
    """The bands of links between paragraphs far apart (moved ones), found by their ends.

    The gutter draws an end more than half a view beyond it there, so every band passing
    from beyond the top to beyond the bottom is the same line: of those, one of each
    direction, kind and move is found. Two long documents with their halves swapped passed
    10,000 through the middle of the view: drawn, 8-10 s a paint; gone through, 18 ms."""

    def __init__(self, bands: dict[int, tuple[float, float]]) -> None:
        self._band = bands
        self._left = self._right = _Ranges([])
        self._lines: list[_FarEnds] = []

    def end_steps(self, links: Sequence[Link],
                  ends: list[tuple[int, Span, Span]]) -> Iterator[None]:
        """Index the bands by their left ends, by their right ends, then the lines of each
        direction, kind and move, a step each."""
        self._left = _Ranges([(*lt, n) for n, lt, _ in ends])
        yield None
        self._right = _Ranges([(*rt, n) for n, _, rt in ends])
        yield None
        kinds: dict[tuple[str, bool], list[tuple[int, Span, Span]]] = {}
        for end in ends:
            link = links[end[0]]
            kinds.setdefault((link.kind, link.moved), []).append(end)
        for same in kinds.values():
            for down in (True, False):
                self._lines.append(_FarEnds(same, down))
                yield None

    def meeting(self, top: float, bottom: float) -> list[int]:
        reach = (bottom - top) / 2
        low, high = top - reach, bottom + reach
        near = set(self._left.meeting(low, high)) | set(self._right.meeting(low, high))
        found = [n for n in near if self._band[n][0] <= bottom and self._band[n][1] >= top]
        lines = (line.passing(low, high) for line in self._lines)
        return found + [n for n in lines if n is not None]


class _FarEnds:
    """Bands of one kind by their ends, to find one running from above ``low`` to below
    ``high`` (``down``; else from below to above) at once: sorted by the end above, with the
    furthest the other end reaches among them so far."""

    def __init__(self, ends: list[tuple[int, Span, Span]], down: bool) -> None:
        # Down: the left end's bottom, the right end's top; up: the other way round.
        if down:
            made = sorted((lt[1], rt[0], n) for n, lt, rt in ends)
        else:
            made = sorted((rt[1], lt[0], n) for n, lt, rt in ends)
        self._keys = [upper for upper, _, _ in made]
        self._reach = list(accumulate(((lower, -n) for _, lower, n in made), max))

    def passing(self, low: float, high: float) -> int | None:
        count = bisect_left(self._keys, low)  # upper ends all above ``low``
        if count == 0 or self._reach[count - 1][0] <= high:
            return None
        return -self._reach[count - 1][1]
