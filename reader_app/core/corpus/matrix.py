"""The similarity matrix of many documents.

The matrix holds, for every pair, exactly ``compare(i, j).stats.similarity``; a pair is
compared only when a link between its documents is possible, which the engine's own rules
bound from above (``align.candidate_pairs``, ``linking.confirm_links``):

* documents with the same text are compared (``compare`` shares every word);
* otherwise every link comes from a candidate paragraph pair, which ``candidate_pairs``
  proposes only when the two paragraphs have the same text or share at least
  ``MIN_SHARED_SHINGLES`` word trigrams (set phrases it leaves out of its index only make
  that rarer), and which becomes a link only if ``confirm_links`` confirms it.

So ``pairs_worth_comparing`` keeps the pairs where, seen from each side, a paragraph shares
two trigrams with the other document (or the pairs share a text or an identical paragraph),
found with bit sets rather than by counting every pair of holders of a common trigram;
``similarity_matrix`` then word-diffs only the paragraph pairs sharing two trigrams and calls
``compare`` once one of them is confirmed. Both steps over-approximate: neither drops a pair
whose similarity is above 0, and set phrases in every document are not dropped (a paragraph
pair sharing two of them is a candidate, and ``confirm_links`` may link it). Must not
import Qt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from reader_app.core.compare.align import MIN_SHARED_SHINGLES, Candidate, text_shingles
from reader_app.core.compare.engine import (
    DEFAULT_OPTIONS,
    DiffOptions,
    compare_stats,
    content_paragraphs,
    judged_swapped,
)
from reader_app.core.compare.linking import MIN_RUN_WORDS, SideTokens, confirm_links
from reader_app.core.compare.worddiff import Vocabulary
from reader_app.core.documents import Document

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Profile:
    """One document as the pair filter sees it.

    A trigram is known by its hash: two trigrams with one hash can only make more pairs
    look alike, never fewer, so a collision costs time, not exactness.
    """

    document: Document
    # Per paragraph (same indexes as the document's): its trigrams found in another document.
    paragraphs: tuple[frozenset[int], ...]
    where: dict[int, int]  # trigram -> bit set of the paragraphs holding it
    trigrams: frozenset[int]
    # Paragraphs that can link to an identical twin yet hold fewer than MIN_SHARED_SHINGLES
    # distinct trigrams ("No, no, no, no, no."): text -> their indexes.
    odd_twins: dict[str, tuple[int, ...]]


def _profiles(documents: Sequence[Document]) -> list[_Profile]:
    """Every document's profile, keeping only trigrams held by two or more documents (a
    page's words without its tags)."""
    documents = [document.for_analysis for document in documents]
    hashed = [[frozenset(map(hash, text_shingles(text))) for text in content_paragraphs(d)]
              for d in documents]
    seen: set[int] = set()
    shared: set[int] = set()  # a trigram of one document cannot be shared with another
    for paragraphs in hashed:
        found = frozenset().union(*paragraphs)
        shared |= found & seen
        seen |= found
    return [_profile(d, paragraphs, shared) for d, paragraphs in
            zip(documents, hashed, strict=True)]


def _profile(document: Document, hashed: list[frozenset[int]], shared: set[int]) -> _Profile:
    paragraphs = tuple(found & shared for found in hashed)
    where: dict[int, int] = defaultdict(int)
    for index, found in enumerate(paragraphs):
        for trigram in found:
            where[trigram] |= 1 << index
    odd: dict[str, list[int]] = defaultdict(list)
    for index, paragraph in enumerate(document.paragraphs):
        if (len(hashed[index]) < MIN_SHARED_SHINGLES and not paragraph.boilerplate
                and paragraph.words >= MIN_RUN_WORDS):  # the least a twin link needs
            odd[document.paragraph_text(index)].append(index)
    return _Profile(document, paragraphs, dict(where), frozenset(where),
                    {text: tuple(found) for text, found in odd.items()})


# The set bits of every byte value, for reading bit sets a byte at a time.
_BYTE_BITS = tuple(tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256))


def _bits(mask: int) -> list[int]:
    """The positions of the set bits of ``mask``, lowest first."""
    data = mask.to_bytes((mask.bit_length() + 7) // 8, "little")
    return [8 * at + bit for at, value in enumerate(data) if value for bit in _BYTE_BITS[value]]


def _reach(profiles: Sequence[_Profile]) -> list[int]:
    """Per document, the bit set of the documents sharing two trigrams with one of its
    paragraphs: a necessary condition, seen from each side, for a candidate paragraph pair.

    A trigram in most documents costs one operation on a bit set per paragraph holding it,
    not one per pair of its holders.
    """
    holders: dict[int, int] = defaultdict(int)
    for number, profile in enumerate(profiles):
        for trigram in profile.trigrams:
            holders[trigram] |= 1 << number
    reach = []
    for number, profile in enumerate(profiles):
        found = 0
        for trigrams in profile.paragraphs:
            if len(trigrams) < MIN_SHARED_SHINGLES:
                continue
            once = twice = 0
            for trigram in trigrams:
                mask = holders[trigram]
                twice |= once & mask
                once |= mask
            found |= twice
        reach.append(found & ~(1 << number))
    return reach


def _groups_pairs(groups: Iterable[list[int]]) -> set[Pair]:
    return {pair for group in groups for pair in combinations(sorted(set(group)), 2)}


def _twin_pairs(profiles: Sequence[_Profile]) -> set[Pair]:
    """Pairs with the same text, or an identical paragraph the trigrams cannot see."""
    same_text: dict[str, list[int]] = defaultdict(list)
    same_paragraph: dict[str, list[int]] = defaultdict(list)
    for number, profile in enumerate(profiles):
        same_text[profile.document.text].append(number)
        for text in profile.odd_twins:
            same_paragraph[text].append(number)
    return _groups_pairs(same_text.values()) | _groups_pairs(same_paragraph.values())


def _worth_comparing(profiles: Sequence[_Profile]) -> set[Pair]:
    reach = _reach(profiles)
    pairs = _twin_pairs(profiles)
    for i, found in enumerate(reach):
        pairs.update((i, j) for j in _bits(found >> (i + 1) << (i + 1)) if reach[j] >> i & 1)
    return pairs


def pairs_worth_comparing(documents: Sequence[Document]) -> set[Pair]:
    """Pairs (i < j) that may have a link: the same text, an identical paragraph, or, from
    each side, a paragraph sharing ``MIN_SHARED_SHINGLES`` trigrams with the other document.
    Every pair whose similarity is above 0 is among them; in news, most of the others only
    share set phrases and common word sequences ("one of the")."""
    return _worth_comparing(_profiles(documents))


def _candidates(left: _Profile, right: _Profile) -> list[Candidate]:
    """Every paragraph pair ``candidate_pairs`` could propose (and perhaps a few more)."""
    found: list[Candidate] = []
    for a, trigrams in enumerate(left.paragraphs):
        if len(trigrams) < MIN_SHARED_SHINGLES:
            continue
        once = twice = 0
        for trigram in trigrams & right.trigrams:
            mask = right.where[trigram]
            twice |= once & mask
            once |= mask
        found.extend(Candidate(a, b, 0) for b in _bits(twice))
    for text in left.odd_twins.keys() & right.odd_twins.keys():
        found.extend(Candidate(a, b, 0) for a in left.odd_twins[text]
                     for b in right.odd_twins[text])
    return found


def _never() -> bool:
    return False


def _ignore(fraction: float) -> None:
    pass


class _LinkScreen:
    """Whether ``compare`` could link two documents, judged the way it judges them.

    Each document's paragraphs are tokenized once for the whole matrix, not once per pair;
    one vocabulary encodes them all, which changes the characters the diff sees but not
    which of them are equal, so not the diff.
    """

    def __init__(self, profiles: Sequence[_Profile], options: DiffOptions) -> None:
        self._profiles = profiles
        self._options = options
        self._vocabulary = Vocabulary()
        self._sides: dict[int, SideTokens] = {}

    def _side(self, number: int) -> SideTokens:
        side = self._sides.get(number)
        if side is None:
            document = self._profiles[number].document
            side = self._sides[number] = SideTokens(document, self._options, self._vocabulary)
        return side

    def may_link(self, i: int, j: int) -> bool:
        first, second = _compare_order(self._profiles, i, j)
        left, right = self._profiles[first], self._profiles[second]
        if left.document.text == right.document.text:
            return True
        sides = (self._side(first), self._side(second))
        # One candidate confirmed is enough: compare() will then give the exact value.
        return any(confirm_links([candidate], *sides, _never, _ignore)
                   for candidate in _candidates(left, right))


def _compare_order(profiles: Sequence[_Profile], i: int, j: int) -> tuple[int, int]:
    """``i`` and ``j`` in the order ``compare`` judges their documents."""
    swapped = judged_swapped(profiles[i].document, profiles[j].document)
    return (j, i) if swapped else (i, j)


def similarity_matrix(
    documents: Sequence[Document],
    options: DiffOptions = DEFAULT_OPTIONS,
    progress: Callable[[float], None] = lambda fraction: None,
) -> list[list[float]]:
    """``similarity[i][j]`` = ``compare(i, j).stats.similarity``; 1.0 on the diagonal."""
    n = len(documents)
    matrix = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    profiles = _profiles(documents)
    pairs = sorted(_worth_comparing(profiles))
    screen = _LinkScreen(profiles, options)
    for done, (i, j) in enumerate(pairs, start=1):
        # A pair no candidate can link has no shared word: its similarity is exactly 0.0.
        if screen.may_link(i, j):
            value = compare_stats(documents[i], documents[j], options).similarity
            matrix[i][j] = matrix[j][i] = value
        if done % 64 == 0 or done == len(pairs):
            progress(done / len(pairs))
    return matrix
