"""Pairing paragraphs that carry the same content, and laying them out in rows.

Two steps, both near-linear in document length:

1. ``candidate_pairs``: an inverted index of word trigrams (case and punctuation folded)
   proposes the paragraph pairs that share wording, whatever their order. Trigrams found in
   many paragraphs ("the United States") prove nothing and are left out of the index.
2. ``layout_rows``: given the confirmed links and a weight for each, the heaviest set of
   links that keeps both documents in order becomes the side-by-side rows (a weighted
   longest increasing subsequence, O(n log n)); a link that would cross them is *moved*.

Must not import Qt.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

from reader_app.core.errors import Cancelled
from reader_app.core.text import WORD_RE

SHINGLE = 3
# A trigram in more paragraphs than this (on one side) is a set phrase, not evidence.
MAX_PARAGRAPHS_PER_SHINGLE = 12
# Keep at most this many partners per paragraph: splits and merges rarely exceed it.
MAX_CANDIDATES_PER_PARAGRAPH = 12
# Fewer shared trigrams than this is a name or a set phrase ("President Vladimir Putin").
MIN_SHARED_SHINGLES = 2


@dataclass(frozen=True, slots=True)
class Candidate:
    left: int
    right: int
    shared_shingles: int


Shingle = tuple[str, str, str]
_SHARED = itemgetter(1)  # of a (paragraph, shared trigrams) item


def shingles(words: Sequence[str]) -> set[Shingle]:
    """The word trigrams of one paragraph (words already folded)."""
    return set(_trigrams(words))


def _trigrams(words: Sequence[str]) -> Iterator[Shingle]:
    return zip(words, words[1:], words[2:], strict=False)


def candidate_pairs(
    left: Sequence[str | None],
    right: Sequence[str | None],
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Candidate]:
    """Pairs of paragraphs (given as texts) sharing enough trigrams; ``None`` takes no part.

    Paragraphs with an identical twin on the other side (reused agency copy) are paired
    with their twins directly and kept out of the trigram index, which is the costly part.
    """
    twins = _identical_twins(left, right)
    twinned = set(chain.from_iterable(twins.values()))
    right_sets = [set() if b in twinned else text_shingles(text) for b, text in enumerate(right)]
    # Only trigrams both sides hold can pair paragraphs: a small part of either side's, and
    # the only ones worth counting and indexing (one C call per paragraph to find them).
    on_right = set().union(*right_sets)
    left_sets = [set() if a in twins else text_shingles(text, on_right)
                 for a, text in enumerate(left)]
    on_both = set().union(*left_sets)
    index = _index([found & on_both for found in right_sets], _frequent(left_sets))
    candidates: list[Candidate] = []
    for a, found in enumerate(left_sets):
        if a % 256 == 0 and cancelled():
            raise Cancelled
        if a in twins:
            candidates.extend(Candidate(a, b, 0) for b in twins[a])
            continue
        hits = found & index.keys()
        if len(hits) < MIN_SHARED_SHINGLES:
            continue
        counts = Counter(chain.from_iterable(map(index.__getitem__, hits)))
        # Most shared first, ties by position (not by set order, which changes with the hash
        # seed): sorted by position, then stably by count (two sorts in C, no key per item).
        best = sorted(sorted(counts.items()), key=_SHARED, reverse=True)
        for b, shared in best[:MAX_CANDIDATES_PER_PARAGRAPH]:
            if shared >= MIN_SHARED_SHINGLES:
                candidates.append(Candidate(a, b, shared))
    return candidates


def text_shingles(text: str | None, among: set[Shingle] | None = None) -> set[Shingle]:
    """The trigrams of a paragraph's words, case-folded (punctuation is not part of words);
    with ``among``, only those in it (the others are never stored)."""
    if not text:
        return set()
    words = WORD_RE.findall(text.casefold())
    if among is None:
        return shingles(words)
    return among.intersection(_trigrams(words))


def _identical_twins(
    left: Sequence[str | None], right: Sequence[str | None]
) -> dict[int, list[int]]:
    """Left paragraph -> right paragraphs with the very same text: every one of them, but for
    a text either side repeats more than ``MAX_CANDIDATES_PER_PARAGRAPH`` times, whose
    copies are paired in order (``_in_order``). (Left out, such a text's trigrams stood in
    too many paragraphs to be indexed: two copies of a report repeating one paragraph 60
    times shared nothing.)"""
    on_right: dict[str, list[int]] = defaultdict(list)
    for b, text in enumerate(right):
        if text:
            on_right[text].append(b)
    on_left: dict[str, list[int]] = defaultdict(list)
    for a, text in enumerate(left):
        if text and text in on_right:
            on_left[text].append(a)
    twins: dict[int, list[int]] = {}
    for text, lefts in on_left.items():
        rights = on_right[text]
        if max(len(lefts), len(rights)) <= MAX_CANDIDATES_PER_PARAGRAPH:
            twins.update(dict.fromkeys(lefts, rights))
        else:
            twins.update(_in_order(lefts, rights))
    return twins


def _in_order(lefts: list[int], rights: list[int]) -> Iterator[tuple[int, list[int]]]:
    """The copies of one text paired in order: the k-th on the left with the k-th on the
    right counted from the first, and with the k-th counted from the last (when one side has
    more, its extra copies are at either end, or in between; ``layout_rows`` keeps the pairs
    that stay in order). Two candidates a copy at most, where all against all were
    quadratic in the copies."""
    surplus = len(rights) - len(lefts)
    for k, a in enumerate(lefts):
        ranks = sorted({r for r in (k, k + surplus) if 0 <= r < len(rights)})
        if ranks:
            yield a, [rights[r] for r in ranks]


def _index(sets: list[set[Shingle]], excluded: set[Shingle]) -> dict[Shingle, list[int]]:
    """Shingle -> paragraphs holding it, without the set phrases (too many holders)."""
    index: dict[Shingle, list[int]] = defaultdict(list)
    for paragraph, found in enumerate(sets):
        for shingle in found:
            index[shingle].append(paragraph)
    return {
        shingle: holders
        for shingle, holders in index.items()
        if len(holders) <= MAX_PARAGRAPHS_PER_SHINGLE and shingle not in excluded
    }


def _frequent(sets: list[set[Shingle]]) -> set[Shingle]:
    counts: Counter[Shingle] = Counter()
    for found in sets:  # one small C call per paragraph: a UI thread can get a word in
        counts.update(found)
    return {s for s, n in counts.items() if n > MAX_PARAGRAPHS_PER_SHINGLE}


def layout_rows(
    links: Sequence[tuple[int, int, float]], n_left: int, n_right: int,
    apart: tuple[Container[int], Container[int]] = ((), ()),
) -> tuple[list[tuple[int | None, int | None]], set[tuple[int, int]]]:
    """Rows for the side-by-side view, and the (left, right) links that sit in a row.

    ``links`` are (left, right, weight). Every paragraph appears in exactly one row; both
    sides' indices increase down the rows; a two-sided row holds a linked pair. Between two
    of those, the sides' rows take turns, but a paragraph in ``apart`` (boilerplate) takes
    none (``_alternating``).
    """
    chosen = _heaviest_monotone_chain(links)
    rows: list[tuple[int | None, int | None]] = []
    next_left = next_right = 0
    for a, r in chosen:
        rows.extend(_alternating(range(next_left, a), range(next_right, r), apart))
        rows.append((a, r))
        next_left, next_right = a + 1, r + 1
    rows.extend(_alternating(range(next_left, n_left), range(next_right, n_right), apart))
    return rows, set(chosen)


def side_by_side(rows: Sequence[tuple[int | None, int | None]],
                 apart: tuple[Container[int], Container[int]] = ((), ())) -> set[int]:
    """The rows to show beside the row before them, on one line: a paragraph of one side
    only after one of the other side only (not itself beside another), the two unmatched
    paragraphs that ``layout_rows`` puts in turn between the same links. A paragraph in
    ``apart`` (per side: boilerplate, "Advertisement") is beside none."""
    def alone(row: tuple[int | None, int | None]) -> bool:
        return row[0] in apart[0] if row[0] is not None else row[1] in apart[1]

    beside: set[int] = set()
    for number in range(1, len(rows)):
        row, previous = rows[number], rows[number - 1]
        if _one_sided(row) and _one_sided(previous) and number - 1 not in beside and (
                (row[0] is None) == (previous[0] is not None)) and not (
                alone(row) or alone(previous)):
            beside.add(number)
    return beside


def _one_sided(row: tuple[int | None, int | None]) -> bool:
    return (row[0] is None) != (row[1] is None)


def _alternating(lefts: range, rights: range, apart: tuple[Container[int], Container[int]]
                 ) -> Iterator[tuple[int | None, int | None]]:
    """The one-sided rows between two linked pairs, a left one and a right one in turn (the
    rest of the longer side after): a view can show each such two side by side, where all
    the left's and then all the right's made a staircase of gaps. A paragraph in ``apart``
    comes before each turn and takes none (so "Advertisement" never stands between two
    paragraphs that could face each other)."""
    sides = (iter(lefts), iter(rights))
    waiting: list[int | None] = [next(sides[0], None), next(sides[1], None)]

    def take(side: int) -> tuple[int | None, int | None]:
        index = waiting[side]
        waiting[side] = next(sides[side], None)
        return (index, None) if side == 0 else (None, index)

    while waiting[0] is not None or waiting[1] is not None:
        for side in (0, 1):  # each side's boilerplate first, so that it parts no two
            while waiting[side] is not None and waiting[side] in apart[side]:
                yield take(side)
        for side in (0, 1):
            if waiting[side] is not None:
                yield take(side)


def _heaviest_monotone_chain(links: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Weighted LIS: links strictly increasing on both sides with the largest total weight."""
    if not links:
        return []
    size = max(r for _, r, _ in links) + 1
    tree = [(0.0, -1)] * (size + 1)  # Fenwick tree of (best total, link index), prefix max
    order = sorted(range(len(links)), key=lambda k: (links[k][0], -links[k][1]))
    previous = [-1] * len(links)
    total = [0.0] * len(links)
    # The tree's two walks inline, comparisons not max(): a long pair has 20,000 links.
    for k in order:
        _, r, weight = links[k]
        best, i = (0.0, -1), r  # the best chain over right indices < r
        while i > 0:
            if tree[i] > best:
                best = tree[i]
            i -= i & -i
        previous[k] = best[1]
        value = (best[0] + weight, k)
        total[k] = value[0]
        i = r + 1
        while i <= size:
            if value > tree[i]:
                tree[i] = value
            i += i & -i
    k = max(range(len(links)), key=lambda i: (total[i], -i))
    chain = []
    while k != -1:
        chain.append((links[k][0], links[k][1]))
        k = previous[k]
    return chain[::-1]


def crossing_links(
    links: Sequence[tuple[int, int]], chosen: set[tuple[int, int]]
) -> set[tuple[int, int]]:
    """Links that cannot sit in a row because a chosen pair crosses them (moved text)."""
    in_rows = sorted(chosen)
    lefts = [a for a, _ in in_rows]
    moved = set()
    for a, r in links:
        if (a, r) in chosen:
            continue
        before = bisect_left(lefts, a) - 1  # last chosen pair strictly above on the left
        after = bisect_left(lefts, a + 1)  # first chosen pair strictly below on the left
        if (before >= 0 and in_rows[before][1] > r) or (
            after < len(in_rows) and in_rows[after][1] < r
        ):
            moved.add((a, r))
    return moved
