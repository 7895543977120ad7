"""The content matrix of many documents, and the documents grouped by story.

``content[i][j]`` is ``compare(i, j).stats.content``: the share of words in paragraphs that
report the same facts. Up to ``EXACT_LIMIT`` documents every pair is compared. Beyond it,
comparing all pairs is quadratic (a thousand news articles: half a million comparisons), so
each document is compared with the ``NEIGHBOURS`` documents that share the most of its rare
words (a corpus-wide inverted index, never all pairs); other pairs count 0.0.

``stories`` groups documents whose content value reaches ``STORY_THRESHOLD`` (single link:
a report joins a story when it carries the same facts as one of its reports). Each document
is in exactly one group; groups are sorted by size, largest first. Must not import Qt.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from reader_app.core.compare import compare
from reader_app.core.compare.content_terms import paragraph_terms
from reader_app.core.documents import Document

EXACT_LIMIT = 200
NEIGHBOURS = 12
RARE_TERMS = 40  # a document is indexed by its rarest distinct terms
STORY_THRESHOLD = 0.3

Pair = tuple[int, int]


def content_matrix(
    documents: Sequence[Document], progress: Callable[[float], None] = lambda f: None
) -> list[list[float]]:
    n = len(documents)
    matrix = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    pairs = _all_pairs(n) if n <= EXACT_LIMIT else _neighbour_pairs(documents)
    for done, (i, j) in enumerate(pairs, start=1):
        matrix[i][j] = matrix[j][i] = compare(documents[i], documents[j]).stats.content
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
    text = document.text
    return {
        t.key
        for p in document.paragraphs if not p.boilerplate
        for t in paragraph_terms(text, p.start, p.end) if not t.key.startswith("#")
    }


def stories(matrix: list[list[float]], threshold: float = STORY_THRESHOLD) -> list[list[int]]:
    """Documents grouped by story: connected through content values ≥ ``threshold``."""
    n = len(matrix)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if matrix[i][j] >= threshold:
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[root(i)].append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))
