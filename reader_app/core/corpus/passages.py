"""Passages shared across documents: runs of words that stand, word for word, in several.

A passage is a run of at least ``min_words`` words found in two or more documents after
normalising case, quotes and whitespace (words are ``\\w+`` matches, case-folded, so quotes
and spacing never take part). Each document's maximal shared run is a candidate; every
document holding a candidate contiguously is one of its occurrences. Cost is linear in the
corpus: an index of ``min_words``-grams finds both the runs and the places they may stand,
and hashes of word prefixes tell at once whether a run stands there.
Must not import Qt.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right, insort
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from reader_app.core.documents import Document
from reader_app.core.text import COMBINING_MARK

# A word (``\w+``) with the combining marks after it: "cafe" + U+0301 is not "cafe", and an
# occurrence never ends between a letter and its accent. (Still one word per match.)
_WORD_RE = re.compile(rf"\w+{COMBINING_MARK}*")

DEFAULT_MIN_WORDS = 8


@dataclass(frozen=True, slots=True)
class Occurrence:
    path: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Passage:
    text: str  # as it stands in the first document holding it
    words: int
    occurrences: tuple[Occurrence, ...]

    @property
    def documents(self) -> int:
        return len({o.path for o in self.occurrences})


@dataclass(frozen=True, slots=True)
class _Words:
    folded: list[str]
    spans: list[tuple[int, int]]


class _RunHashes:
    """Polynomial hashes of every document's word prefixes (words numbered alike across the
    documents), so that whether a run stands at a place is one comparison, not a slice of
    it: two 500 KB files of one line repeated took 18 s, the document's whole run sliced
    and compared at each of its line's 10,000 places."""

    _MODULUS = (1 << 61) - 1  # a Mersenne prime: a collision is a 1 in 2**61 event
    _BASE = 1_000_003

    def __init__(self, words: Sequence[_Words]) -> None:
        numbers: dict[str, int] = {}
        self._prefixes: list[list[int]] = []
        longest = max((len(found.folded) for found in words), default=0)
        self._powers = [1] * (longest + 1)
        for n in range(1, longest + 1):
            self._powers[n] = self._powers[n - 1] * self._BASE % self._MODULUS
        for found in words:
            prefix = [0]
            for word in found.folded:
                number = numbers.setdefault(word, len(numbers) + 1)
                prefix.append((prefix[-1] * self._BASE + number) % self._MODULUS)
            self._prefixes.append(prefix)

    def of(self, document: int, start: int, length: int) -> int | None:
        """The hash of ``length`` words from ``start`` (None past the document's end)."""
        prefix = self._prefixes[document]
        if start + length >= len(prefix):
            return None
        return (prefix[start + length] - prefix[start] * self._powers[length]) % self._MODULUS


def _words(document: Document) -> _Words:
    spans: list[tuple[int, int]] = []
    folded: list[str] = []
    for paragraph in document.paragraphs:
        if paragraph.boilerplate:
            continue
        for match in _WORD_RE.finditer(document.text, paragraph.start, paragraph.end):
            spans.append(match.span())
            folded.append(match.group().casefold())
    return _Words(folded, spans)


def shared_passages(
    documents: Sequence[Document], min_words: int = DEFAULT_MIN_WORDS
) -> list[Passage]:
    """Passages standing in two or more documents, most documents first, then longest."""
    if min_words < 1:
        raise ValueError("min_words must be at least 1")
    words = [_words(document.for_analysis) for document in documents]  # (a page: no tags)
    grams: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for number, found in enumerate(words):
        folded = found.folded
        for position in range(len(folded) - min_words + 1):
            grams[tuple(folded[position : position + min_words])].append((number, position))
    shared = {gram for gram, places in grams.items() if len({d for d, _ in places}) > 1}
    candidates = {(number, start, length) for number, found in enumerate(words)
                  for start, length in _maximal_runs(found.folded, shared, min_words)}
    hashes = _RunHashes(words)
    distinct = {(hashes.of(*run), run[2]): run for run in sorted(candidates)}  # (each once)
    passages = [_passage(run, documents, words, grams, hashes, min_words)
                for run in distinct.values()]
    passages = [p for p in passages if p.documents > 1]
    passages.sort(key=lambda p: (-p.documents, -p.words, p.text))
    return _without_contained(passages)


def _maximal_runs(
    folded: list[str], shared: set[tuple[str, ...]], size: int
) -> list[tuple[int, int]]:
    """The longest stretches of the document covered by consecutive shared n-grams, as
    (start, words)."""
    runs = []
    position, count = 0, len(folded) - size + 1
    while position < count:
        if tuple(folded[position : position + size]) not in shared:
            position += 1
            continue
        end = position
        while end + 1 < count and tuple(folded[end + 1 : end + 1 + size]) in shared:
            end += 1
        runs.append((position, end + size - position))
        position = end + 1
    return runs


def _passage(
    run: tuple[int, int, int],
    documents: Sequence[Document],
    words: list[_Words],
    grams: dict[tuple[str, ...], list[tuple[int, int]]],
    hashes: _RunHashes,
    size: int,
) -> Passage:
    """The passage of ``run`` (document, start, words) with every place it stands."""
    origin, at, length = run
    wanted = hashes.of(origin, at, length)
    occurrences = []
    for number, position in grams[tuple(words[origin].folded[at : at + size])]:
        if hashes.of(number, position, length) == wanted:
            spans = words[number].spans
            start, end = spans[position][0], spans[position + length - 1][1]
            occurrences.append(Occurrence(documents[number].path, start, end))
    first = occurrences[0]
    text = next(d.text for d in documents if d.path == first.path)[first.start : first.end]
    return Passage(text, length, tuple(occurrences))


def _without_contained(passages: list[Passage]) -> list[Passage]:
    """Drop a passage lying inside a longer one found in the very same documents.

    Only the kept passages of the same documents with an occurrence around the passage's
    first one are looked at (``_Covers``), each by a binary search per occurrence: comparing
    every occurrence with every other took minutes for two 2 MiB documents of reused copy,
    and every kept passage of the same documents 120 s and more for 30,000 quotes."""
    kept: list[Passage] = []
    by_paths: dict[frozenset[str], _Covers] = defaultdict(_Covers)
    for passage in passages:
        covers = by_paths[frozenset(o.path for o in passage.occurrences)]
        if not any(cover.words > passage.words and cover.holds(passage)
                   for cover in covers.around(passage.occurrences[0])):
            kept.append(passage)
            covers.add(passage)
    return kept


class _Covers:
    """The kept passages of some documents, found by where their occurrences stand: per
    document the (start, end, cover) of each occurrence, sorted."""

    def __init__(self) -> None:
        self._covers: list[_Cover] = []
        self._places: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        self._longest = 0  # characters, of any occurrence added

    def add(self, passage: Passage) -> None:
        number = len(self._covers)
        self._covers.append(_Cover.of(passage))
        for occurrence in passage.occurrences:
            insort(self._places[occurrence.path], (occurrence.start, occurrence.end, number))
            self._longest = max(self._longest, occurrence.end - occurrence.start)

    def around(self, occurrence: Occurrence) -> Iterator[_Cover]:
        """The covers with an occurrence holding ``occurrence``: those starting at most
        the longest occurrence's length before it, walked back from it."""
        places = self._places.get(occurrence.path, [])
        at = bisect_right(places, (occurrence.start, math.inf, math.inf)) - 1
        while at >= 0 and places[at][0] >= occurrence.start - self._longest:
            if places[at][1] >= occurrence.end:
                yield self._covers[places[at][2]]
            at -= 1


@dataclass(frozen=True, slots=True)
class _Cover:
    """A kept passage's occurrences, per document sorted by start, with the furthest end
    reached up to each: whether it holds an occurrence is one binary search."""

    words: int
    starts: dict[str, list[int]]
    reach: dict[str, list[int]]

    @classmethod
    def of(cls, passage: Passage) -> _Cover:
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for occurrence in passage.occurrences:
            spans[occurrence.path].append((occurrence.start, occurrence.end))
        starts, reach = {}, {}
        for path, found in spans.items():
            found.sort()
            starts[path] = [start for start, _ in found]
            reach[path] = list(accumulate((end for _, end in found), max))
        return cls(passage.words, starts, reach)

    def holds(self, passage: Passage) -> bool:
        """Whether every occurrence of ``passage`` lies inside one of this passage's."""
        for occurrence in passage.occurrences:
            starts = self.starts.get(occurrence.path)
            if starts is None:
                return False
            last = bisect_right(starts, occurrence.start) - 1
            if last < 0 or self.reach[occurrence.path][last] < occurrence.end:
                return False
        return True
