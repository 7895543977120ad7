"""Which evidence pieces a reader sees marked inside a linked pair, wherever it is shown (the
window's panes and tips, the HTML page and the PDF made from it).

A ``same`` piece of a reworded (``rewrite``) pair is ``matched``: such a pair shares no
passage, so a mark shows what it corresponds on (unless the words are shared wording
anyway, copied word for word into another counterpart); so is a variant of case alone,
counted and stepped through as the same word (``shown_kind``). A ``variant`` piece is marked,
but not where the two forms differ only in case ("Supports" in a title, "supports" in the
text), nor where the same words are a ``same`` piece of another link (a sentence copied
word for word in one counterpart and reworded in another): a mark there would say "worded
otherwise" beside an identical passage. A ``differs`` piece is marked on both sides or on
neither: not where the words of either side are a ``same`` or ``variant`` piece of another
link. The other document states that figure or name too, in another paragraph ("14 AK-47
rifles" stated in both, "six" on the first boat in a third paragraph; "28 of 68 punches"
in a round, "178" in the final numbers), so nothing disagrees, and a mark on the other
side alone ("six", flagged beside nothing) said it did. Must not import Qt.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

from reader_app.core.compare.content_evidence import Evidence, EvidenceKind
from reader_app.core.compare.engine import Comparison, Link, Side
from reader_app.core.documents import Document

# In this order: a variant mark is laid over a matched one, a differs mark over both.
MARKED = ("matched", "variant", "differs")
# (start, end, kind, other start, other end): a marked piece and its counterpart's place.
MarkedPiece = tuple[int, int, str, int, int]
# (left start, left end, right start, right end) of the differs pieces marked.
Differing = set[tuple[int, int, int, int]]
# Per paragraph: (offset in paragraph, length, kind).
Pieces = list[tuple[int, int, str]]


def marked_pieces(comparison: Comparison, side: Side) -> list[MarkedPiece]:
    """(start, end, kind, other start, other end) of the pieces to mark in ``side``'s text
    (and where their counterparts are in the other's), in the order of ``MARKED``."""
    left = side == "left"
    mine, theirs = (_LEFT, _RIGHT) if left else (_RIGHT, _LEFT)
    same: list[Evidence] = []
    rewritten: list[Evidence] = []  # the "same" pieces of reworded links
    others: list[Evidence] = []
    for link in comparison.links:  # one pass, no tuple per piece: most pieces are "same"
        kept = [e for e in link.evidence if e.kind == "same"]
        if link.kind == "rewrite":  # (a variant of case alone is the same word: matched too)
            rewritten += kept + [e for e in link.evidence if e.kind == "variant"
                                 and shown_kind(comparison, e) == "same"]
        same += kept
        others += [e for e in link.evidence if e.kind != "same"]
    shared = _shared_starts(comparison, side)
    found: list[MarkedPiece] = []
    for e in rewritten:
        start, end = mine(e)
        if not _inside(shared, start, end):  # (else already blue: copied word for word)
            found.append((start, end, "matched", *theirs(e)))
    same_here = {mine(e) for e in same}
    for e in others:
        (start, end), (other_start, other_end) = mine(e), theirs(e)
        if e.kind == "variant" and not ((start, end) in same_here
                                        or shown_kind(comparison, e) == "same"):
            found.append((start, end, "variant", other_start, other_end))
    found += [(*mine(e), "differs", *theirs(e)) for e in _disagreeing(same, others)]
    return found


def _disagreeing(same: list[Evidence], others: list[Evidence]) -> list[Evidence]:
    """The ``differs`` pieces neither of whose sides the other document states too (decided
    for the piece, not per side: a piece is marked on both sides or on neither)."""
    # Where a piece the other document agrees on starts, on each side (sets: sorting a long
    # pair's 100,000 pieces held the interpreter lock for 40 ms, stalling the window).
    agreed = [e for e in others if e.kind == "variant"] + same
    left = {e.left_start for e in agreed}
    right = {e.right_start for e in agreed}
    return [e for e in others if e.kind == "differs"
            and not _overlaps(left, e.left_start, e.left_end)
            and not _overlaps(right, e.right_start, e.right_end)]


def differing_pieces(comparison: Comparison) -> Differing:
    """(left start, left end, right start, right end) of the ``differs`` pieces marked (on
    both sides: see ``marked_pieces``)."""
    same: list[Evidence] = []
    others: list[Evidence] = []
    for link in comparison.links:
        same += [e for e in link.evidence if e.kind == "same"]
        others += [e for e in link.evidence if e.kind != "same"]
    return {(e.left_start, e.left_end, e.right_start, e.right_end)
            for e in _disagreeing(same, others)}


def shown_kind(comparison: Comparison, piece: Evidence) -> EvidenceKind:
    """A piece's kind as a reader is shown it, wherever evidence is marked, listed or counted
    (the panes, the band's tooltip, Ctrl+F7, the text and terminal output): a ``variant`` of
    case alone ("Questions" in a title, "questions" in the text) is the same word, as the
    panes leave it unmarked; listed as a variant, it sent the reader looking for a mark."""
    if piece.kind == "variant" and (
            comparison.left.text[piece.left_start : piece.left_end].casefold()
            == comparison.right.text[piece.right_start : piece.right_end].casefold()):
        return "same"
    return piece.kind


def shown_evidence(comparison: Comparison, link: Link,
                   differing: Differing) -> list[tuple[Evidence, EvidenceKind]]:
    """``link``'s pieces as a reader is shown them, each with its ``shown_kind``; a ``differs``
    piece the panes do not mark (not in ``differing``, the comparison's ``differing_pieces``)
    is left out, so that no count or list tells of a conflict the text does not show."""
    return [(e, kind) for e in link.evidence
            if (kind := shown_kind(comparison, e)) != "differs"
            or (e.left_start, e.left_end, e.right_start, e.right_end) in differing]


def by_paragraph(document: Document, pieces: list[MarkedPiece]) -> list[Pieces]:
    """Per paragraph of ``document``: (offset in paragraph, length, kind) of its marked
    ``pieces``, in the order they are laid."""
    paragraphs = document.paragraphs
    per_paragraph: list[Pieces] = [[] for _ in paragraphs]
    for start, end, kind, _, _ in pieces:
        index = document.paragraph_at(start)
        paragraph = paragraphs[index]
        start, end = max(start, paragraph.start), min(end, paragraph.end)
        if start < end:
            per_paragraph[index].append((start - paragraph.start, end - start, kind))
    return per_paragraph


_LEFT = attrgetter("left_start", "left_end")
_RIGHT = attrgetter("right_start", "right_end")


def _shared_starts(comparison: Comparison, side: Side) -> tuple[list[int], list[int]]:
    spans = [s for s in comparison.spans(side) if s.kind == "shared"]
    return [s.start for s in spans], [s.end for s in spans]


def _overlaps(starts: set[int], start: int, end: int) -> bool:
    """Whether a piece starts inside ``[start, end)`` (pieces are words: one overlapping a
    word starts in it)."""
    return any(at in starts for at in range(start, end))


def _inside(shared: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies within one shared span."""
    at = bisect_right(shared[0], start) - 1
    return at >= 0 and shared[1][at] >= end


def variant_wording(left: str, right: str) -> str:
    """What a ``variant`` piece is, for the reader: "in another form" where the two are one
    word, name or figure written otherwise ("Zelenskiy" / "Zelenskyy", "U.S." / "US",
    "three" / "3", "killed" / "killing"), "in another word" where they are two words the
    reports use for one another ("truce" / "ceasefire", from the synonym list): "the same
    word in another form" there sent the reader looking for a misprint. Names (capitalised
    on both sides: "Kyiv" / "Kiev") are spelling variants, never listed synonyms."""
    a, b = ("".join(c for c in s.casefold() if c.isalnum()) for s in (left, right))
    names = left[:1].isupper() and right[:1].isupper()
    if names or a[:3] == b[:3] or any(c.isdigit() for c in a + b):
        return "in another form"
    return "in another word"
