"""Which document to show beside the first one when a folder is opened: the one sharing the
most of its distinctive words.

The first two files by name are often reports of different events (a folder of one's own,
ECB+'s topics side by side): the window opened on a 0 % pair, a wall of "only here". Here
each document is its set of words of four letters or more, weighted by how rare they are in
the folder (IDF), and the partner is the first document's nearest by cosine — a fraction of
a second for a thousand documents, far less than comparing pairs. Must not import Qt.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from reader_app.core.documents import Document

WORD = re.compile(r"[^\W\d_]{4,}")


def _words(document: Document) -> frozenset[str]:
    return frozenset(word.casefold() for word in WORD.findall(document.for_analysis.text))


def opening_order(documents: Sequence[Document | None]) -> list[int]:
    """The indexes of the documents read (not None), those with words first: a folder whose
    first file is empty opened on that blank page, beside a report it shares nothing with."""
    read = [(n, document) for n, document in enumerate(documents) if document is not None]
    return [n for n, _ in sorted(read, key=lambda pair: pair[1].metadata.word_count == 0)]


def closest_partner(documents: Sequence[Document | None], first: int) -> int | None:
    """The index of the document (not None, not ``first``) nearest to ``documents[first]``;
    None if there is no other, or none shares a word with it."""
    sets = [None if d is None else _words(d) for d in documents]
    counts = Counter(word for words in sets if words is not None for word in words)
    total = sum(words is not None for words in sets)
    weight = {word: math.log((1 + total) / (1 + count)) + 1.0 for word, count in counts.items()}
    mine = sets[first]
    if mine is None or not mine:
        return None
    norm = math.sqrt(sum(weight[w] ** 2 for w in mine))
    best, best_score = None, 0.0
    for index, words in enumerate(sets):
        if index == first or not words:
            continue
        shared = sum(weight[w] ** 2 for w in mine & words)
        score = shared / (norm * math.sqrt(sum(weight[w] ** 2 for w in words)))
        if score > best_score:
            best, best_score = index, score
    return best
