"""The content matrix of many documents, and the documents grouped by story.

``content[i][j]`` is ``compare(i, j).stats.content``: the share of words in paragraphs that
report the same facts. Up to ``EXACT_LIMIT`` documents every pair is compared. Beyond it,
comparing all pairs is quadratic (a thousand news articles: half a million comparisons), so
each document is compared with the ``NEIGHBOURS`` documents that share the most of its rare
words (a corpus-wide inverted index, never all pairs); other pairs count 0.0.

``stories`` groups documents by average linkage at ``STORY_THRESHOLD`` (two groups are one
story while their reports share that much content on average). Each document
is in exactly one group; groups are sorted by size, largest first. Must not import Qt.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from reader_app.core.compare import compare_stats
from reader_app.core.compare.content_terms import paragraph_terms
from reader_app.core.documents import Document

EXACT_LIMIT = 200
NEIGHBOURS = 12
RARE_TERMS = 40  # a document is indexed by its rarest distinct terms
# Measured on ECB+ (pairwise F against its sub-topics, one event each): 24 reports of one topic
# (two similar events), exact matrix: 0.87 (single linkage at 0.3: 0.76); all 982 reports: 0.77
# (0.52); 0.1 gave 0.88 on all but merged events of one kind more often.
STORY_THRESHOLD = 0.2

Pair = tuple[int, int]


def content_matrix(
    documents: Sequence[Document], progress: Callable[[float], None] = lambda f: None
) -> list[list[float]]:
    n = len(documents)
    matrix = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    pairs = _all_pairs(n) if n <= EXACT_LIMIT else _neighbour_pairs(documents)
    for done, (i, j) in enumerate(pairs, start=1):
        matrix[i][j] = matrix[j][i] = compare_stats(documents[i], documents[j]).content
        if done % 32 == 0 or done == len(pairs):
            progress(done / len(pairs))
    return matrix


def _all_pairs(n: int) -> list[Pair]:
    return [(i, j) for i in range(n) for j in range(i + 1, n)]


def _neighbour_pairs(documents: Sequence[Document]) -> list[Pair]:
    """Each document with those sharing most of its rare terms (by inverse frequency)."""
    keys = [_document_keys(d) for d in documents]
    frequency: Counter[str] = Counter()
    for found in keys:
        frequency.update(found)
    total = len(documents)
    postings: dict[str, list[int]] = defaultdict(list)
    indexed = []
    for number, found in enumerate(keys):
        # A term no other document holds pairs this one with none: it would only take
        # the place of one that can.
        shared = (k for k in found if frequency[k] > 1)
        rare = sorted(shared, key=lambda k: (frequency[k], k))[:RARE_TERMS]
        indexed.append(rare)
        for key in rare:
            postings[key].append(number)
    pairs: set[Pair] = set()
    for number, rare in enumerate(indexed):
        scores: dict[int, float] = defaultdict(float)
        for key in rare:
            weight = math.log(total / frequency[key])
            for other in postings[key]:
                if other != number:
                    scores[other] += weight
        best = sorted(scores, key=lambda o: (-scores[o], o))[:NEIGHBOURS]
        pairs.update((min(number, o), max(number, o)) for o in best)
    return sorted(pairs)


def _document_keys(document: Document) -> set[str]:
    text = document.for_analysis.text
    return {
        t.key
        for p in document.paragraphs if not p.boilerplate
        for t in paragraph_terms(text, p.start, p.end) if not t.key.startswith("#")
    }


def stories(matrix: list[list[float]], threshold: float = STORY_THRESHOLD) -> list[list[int]]:
    """Documents grouped by story, by average linkage: the two groups whose reports share
    the most content on average (over every pair across them; a pair never compared counts
    0) merge, best first, while that mean reaches ``threshold``. Single linkage chained two
    events of one kind into one story through a single report carrying both."""
    members = {i: [i] for i in range(len(matrix))}
    totals: dict[int, dict[int, float]] = {i: {} for i in members}  # content summed
    for i, row in enumerate(matrix):
        totals[i].update((j, value) for j, value in enumerate(row) if value > 0 and j != i)
    heap = [(-value, i, j) for i in totals for j, value in totals[i].items()
            if i < j and value >= threshold]
    heapq.heapify(heap)
    while heap:
        mean, a, b = heapq.heappop(heap)
        if a in members and b in members and -mean == _mean(totals, members, a, b):
            _merge(totals, members, a, b)
            for c in totals[a]:
                found = _mean(totals, members, a, c)
                if found >= threshold:
                    heapq.heappush(heap, (-found, min(a, c), max(a, c)))
    return sorted((sorted(group) for group in members.values()),
                  key=lambda group: (-len(group), group[0]))


def _mean(totals: dict[int, dict[int, float]], members: dict[int, list[int]], a: int,
          b: int) -> float:
    return totals[a].get(b, 0.0) / (len(members[a]) * len(members[b]))


def _merge(totals: dict[int, dict[int, float]], members: dict[int, list[int]], a: int,
           b: int) -> None:
    """Group ``b`` joins group ``a`` (an entry still queued for either is stale after)."""
    members[a] += members.pop(b)
    for c, total in totals.pop(b).items():
        del totals[c][b]
        if c != a:
            totals[a][c] = totals[c][a] = totals[a].get(c, 0.0) + total
