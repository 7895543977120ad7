"""The counterparts of a tagged passage in the compared document (tagging across sources).

``counterparts`` reads the comparison only: for each link of a paragraph holding the passage,
the pieces that correspond across the link — its evidence (the same words, variants and
differing figures) and, for a copy, the words its word diff marks equal — that overlap the
passage's words; the counterpart is the stretch of the other paragraph from the first to the
last of their other ends, widened to whole words. A link none of whose pieces overlaps the
passage gives nothing: a paragraph linked for another of its sentences is not the passage's
counterpart.

A copy comes first: where a paragraph's ``copy`` link gives a counterpart (the other
document reuses the passage's very words), only its copy links are offered, not the
``rewrite`` links beside them — those hold the same facts in other words, a looser
correspondence the reader has no use for once the words themselves are found (and tagging
them too would tag one fact twice). Its rewrite links are offered only where no copy link
gives one. Pure alignment logic: must not import Qt or the store.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from reader_app.core.compare import Comparison, Link, Side, dmp, other_side
from reader_app.core.compare.worddiff import Vocabulary, tokenize
from reader_app.core.documents import Document
from reader_app.core.text import WORD_CHAR_RE

# A corresponding piece: (own start, own end, other start, other end) of one linked pair.
Piece = tuple[int, int, int, int]


def counterparts(comparison: Comparison, side: Side, start: int,
                 end: int) -> list[tuple[int, int]]:
    """Ranges of the other document that correspond to ``[start, end)`` of ``side``, one per
    linked paragraph of the other document, in its order: for each paragraph the passage
    reaches into, its copy counterparts if it has any, else its rewrite counterparts."""
    other = comparison.document(other_side(side))
    stretches: dict[int, tuple[int, int]] = {}
    for links in _links_holding(comparison, side, start, end):
        found = [(link, stretch) for link in links
                 if (stretch := _stretch(comparison, side, link, start, end)) is not None]
        copies = [(link, stretch) for link, stretch in found if link.kind == "copy"]
        for link, stretch in copies or found:  # (a copy found: its rewrites are not offered)
            index = link.right if side == "left" else link.left
            known = stretches.get(index)
            stretches[index] = stretch if known is None else (min(known[0], stretch[0]),
                                                              max(known[1], stretch[1]))
    return [_whole_words(other, *stretches[index]) for index in sorted(stretches)]


def _links_holding(comparison: Comparison, side: Side, start: int,
                   end: int) -> Iterator[list[Link]]:
    """The links of each paragraph of ``side`` that ``[start, end)`` reaches into."""
    paragraphs = comparison.document(side).paragraphs
    first = comparison.document(side).paragraph_at(start)
    for index in range(first, len(paragraphs)):
        if paragraphs[index].start >= end and index > first:
            break
        yield comparison.links_of(side, index)


def _stretch(comparison: Comparison, side: Side, link: Link, start: int,
             end: int) -> tuple[int, int] | None:
    """From the first to the last other end of the link's pieces overlapping the passage."""
    first, last = -1, -1
    for own_start, own_end, other_start, other_end in _pieces(comparison, side, link):
        if own_start >= end or own_end <= start:
            continue
        if other_end - other_start == own_end - own_start:
            # The same text on both sides (a verbatim run): only what the passage covers.
            shift = other_start - own_start
            other_start, other_end = max(own_start, start) + shift, min(own_end, end) + shift
        first = other_start if first < 0 else min(first, other_start)
        last = max(last, other_end)
    return None if first < 0 else (first, last)


def _pieces(comparison: Comparison, side: Side, link: Link) -> list[Piece]:
    """The link's evidence, then (for a copy) its equal words, seen from ``side``.

    In a copy the equal words fix the order of the two texts: a piece of evidence whose
    other end lies outside the stretch between the equal words around its own end (the
    same word paired with a later synonym: "ceasefire" / "truce" two sentences on) is not
    the passage's counterpart, and is left out."""
    evidence: list[Piece] = [
        (e.left_start, e.left_end, e.right_start, e.right_end) if side == "left"
        else (e.right_start, e.right_end, e.left_start, e.left_end) for e in link.evidence]
    if link.kind != "copy":
        return evidence
    equal: list[Piece] = [(left + right) if side == "left" else (right + left)
                          for left, right in _equal_tokens(comparison, link)]
    return [piece for piece in evidence if _in_order(piece, equal)] + equal


def _in_order(piece: Piece, equal: list[Piece]) -> bool:
    """Whether ``piece``'s other end lies between those of the equal words around it."""
    at = bisect_left(equal, piece[:1])
    before = equal[at - 1] if at > 0 and equal[at - 1][1] <= piece[0] else None
    after = next((e for e in equal[at:] if e[0] >= piece[1]), None)
    return ((before is None or before[3] <= piece[2])
            and (after is None or piece[3] <= after[2]))


def _equal_tokens(comparison: Comparison,
                  link: Link) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """The (left, right) token ranges the pair's word diff marks equal: the shared wording,
    word by word, as the comparison found it (its options, the one diff backend)."""
    left_paragraph = comparison.left.paragraphs[link.left]
    right_paragraph = comparison.right.paragraphs[link.right]
    a = tokenize(comparison.left.text, left_paragraph.start, left_paragraph.end,
                 comparison.options)
    b = tokenize(comparison.right.text, right_paragraph.start, right_paragraph.end,
                 comparison.options)
    vocabulary = Vocabulary()
    text_a, text_b = vocabulary.encode(a.keys), vocabulary.encode(b.keys)
    if not text_a or not text_b:
        return
    i = j = 0
    for op, length in dmp.diff(text_a, text_b):
        if op == "=":
            for k in range(length):
                yield (a.starts[i + k], a.ends[i + k]), (b.starts[j + k], b.ends[j + k])
        i += length if op != "+" else 0
        j += length if op != "-" else 0


def _whole_words(document: Document, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened so that no word is cut at either edge (a piece clipped to
    the passage may end inside a word the passage cut)."""
    text = document.text
    while 0 < start < len(text) and _is_word_char(text[start - 1]) and _is_word_char(
            text[start]):
        start -= 1
    while 0 < end < len(text) and _is_word_char(text[end - 1]) and _is_word_char(text[end]):
        end += 1
    return start, end


def _is_word_char(char: str) -> bool:
    return WORD_CHAR_RE.match(char) is not None  # (a combining mark too: "e" + U+0301)
