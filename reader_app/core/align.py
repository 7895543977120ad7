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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

SHINGLE = 3
# A trigram in more paragraphs than this (on one side) is a set phrase, not evidence.
MAX_PARAGRAPHS_PER_SHINGLE = 12
# Keep at most this many partners per paragraph: splits and merges rarely exceed it.
MAX_CANDIDATES_PER_PARAGRAPH = 6
# Fewer shared trigrams than this is a name or a set phrase ("President Vladimir Putin").
MIN_SHARED_SHINGLES = 2


@dataclass(frozen=True, slots=True)
class Candidate:
    left: int
    right: int
    shared_shingles: int


def shingles(words: Sequence[str]) -> set[int]:
    """Hashes of the word trigrams of one paragraph (words already folded)."""
    return {hash(tuple(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def candidate_pairs(
    left: Sequence[Sequence[str] | None],
    right: Sequence[Sequence[str] | None],
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Candidate]:
    """Paragraph pairs sharing enough trigrams; ``None`` paragraphs take no part."""
    left_sets = [shingles(words) if words else set() for words in left]
    right_sets = [shingles(words) if words else set() for words in right]
    common_left = _frequent(left_sets)
    index: dict[int, list[int]] = defaultdict(list)
    for r, found in enumerate(right_sets):
        for shingle in found:
            index[shingle].append(r)
    candidates = []
    for a, found in enumerate(left_sets):
        if a % 256 == 0 and cancelled():
            raise Cancelled
        counts: Counter[int] = Counter()
        for shingle in found - common_left:
            partners = index.get(shingle)
            if partners and len(partners) <= MAX_PARAGRAPHS_PER_SHINGLE:
                counts.update(partners)
        for r, shared in counts.most_common(MAX_CANDIDATES_PER_PARAGRAPH):
            if shared >= MIN_SHARED_SHINGLES:
                candidates.append(Candidate(a, r, shared))
    return candidates


def _frequent(sets: list[set[int]]) -> set[int]:
    counts: Counter[int] = Counter()
    for found in sets:
        counts.update(found)
    return {s for s, n in counts.items() if n > MAX_PARAGRAPHS_PER_SHINGLE}


class Cancelled(Exception):
    """Raised inside long work when the caller's cancel callback says stop."""


def layout_rows(
    links: Sequence[tuple[int, int, float]], n_left: int, n_right: int
) -> tuple[list[tuple[int | None, int | None]], set[tuple[int, int]]]:
    """Rows for the side-by-side view, and the (left, right) links that sit in a row.

    ``links`` are (left, right, weight). Every paragraph appears in exactly one row; both
    sides' indices increase down the rows; a two-sided row holds a linked pair.
    """
    chosen = _heaviest_monotone_chain(links)
    rows: list[tuple[int | None, int | None]] = []
    next_left = next_right = 0
    for a, r in chosen:
        rows.extend((i, None) for i in range(next_left, a))
        rows.extend((None, j) for j in range(next_right, r))
        rows.append((a, r))
        next_left, next_right = a + 1, r + 1
    rows.extend((i, None) for i in range(next_left, n_left))
    rows.extend((None, j) for j in range(next_right, n_right))
    return rows, set(chosen)


def _heaviest_monotone_chain(links: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Weighted LIS: links strictly increasing on both sides with the largest total weight."""
    if not links:
        return []
    size = max(r for _, r, _ in links) + 1
    tree = [(0.0, -1)] * (size + 1)  # Fenwick tree of (best total, link index), prefix max

    def best_before(r: int) -> tuple[float, int]:
        best, i = (0.0, -1), r  # over right indices < r
        while i > 0:
            best = max(best, tree[i])
            i -= i & -i
        return best

    def record(r: int, value: tuple[float, int]) -> None:
        i = r + 1
        while i <= size:
            tree[i] = max(tree[i], value)
            i += i & -i

    order = sorted(range(len(links)), key=lambda k: (links[k][0], -links[k][1]))
    previous = [-1] * len(links)
    total = [0.0] * len(links)
    for k in order:
        _, r, weight = links[k]
        best, previous[k] = best_before(r)
        total[k] = best + weight
        record(r, (total[k], k))
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
