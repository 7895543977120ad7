"""Which evidence pieces a reader sees marked inside a linked pair, wherever it is shown (the
window's panes and tips, the HTML page and the PDF made from it).

A ``same`` piece of a reworded (``rewrite``) pair is ``matched``: such a pair shares no
passage, so a mark shows what it corresponds on (unless the words are shared wording
anyway, copied word for word into another counterpart). A ``variant`` piece is marked,
but not where the two forms differ only in case ("Supports" in a title, "supports" in the
text), nor where the same words are a ``same`` piece of another link (a sentence copied
word for word in one counterpart and reworded in another): a mark there would say "worded
otherwise" beside an identical passage. A ``differs`` piece is marked, but not where the
same words are a ``same`` or ``variant`` piece of another link: the other document states
that figure or name too, in another paragraph ("14 AK-47 rifles" stated in both, "six" in
a third paragraph), so nothing disagrees. Must not import Qt.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

from reader_app.core.compare.content_evidence import Evidence, EvidenceKind
from reader_app.core.compare.engine import Comparison, Side
from reader_app.core.documents import Document

# In this order: a variant mark is laid over a matched one, a differs mark over both.
MARKED = ("matched", "variant", "differs")
# (start, end, kind, other start, other end): a marked piece and its counterpart's place.
MarkedPiece = tuple[int, int, str, int, int]
# Per paragraph: (offset in paragraph, length, kind).
Pieces = list[tuple[int, int, str]]


def marked_pieces(comparison: Comparison, side: Side) -> list[MarkedPiece]:
    """(start, end, kind, other start, other end) of the pieces to mark in ``side``'s text
    (and where their counterparts are in the other's), in the order of ``MARKED``."""
    left = side == "left"
    mine, theirs = (_LEFT, _RIGHT) if left else (_RIGHT, _LEFT)
    same: set[tuple[int, int]] = set()
    rewritten: list[Evidence] = []  # the "same" pieces of reworded links
    others: list[Evidence] = []
    for link in comparison.links:  # one pass, no tuple per piece: most pieces are "same"
        if link.kind == "rewrite":
            rewritten += [e for e in link.evidence if e.kind == "same"]
        same.update(mine(e) for e in link.evidence if e.kind == "same")
        others += [e for e in link.evidence if e.kind != "same"]
    shared = _shared_starts(comparison, side)
    # Where a piece the other document agrees on starts (a set: sorting a long pair's
    # 100,000 pieces held the interpreter lock for 40 ms, stalling the window).
    agreed = {start for start, _ in same}
    agreed.update(mine(e)[0] for e in others if e.kind == "variant")
    found: list[MarkedPiece] = []
    for e in rewritten:
        start, end = mine(e)
        if not _inside(shared, start, end):  # (else already blue: copied word for word)
            found.append((start, end, "matched", *theirs(e)))
    for kind in MARKED[1:]:
        for e in others:
            if e.kind != kind:
                continue
            (start, end), (other_start, other_end) = mine(e), theirs(e)
            if kind == "variant" and ((start, end) in same
                                      or shown_kind(comparison, e) == "same"):
                continue
            if kind == "differs" and _overlaps(agreed, start, end):
                continue
            found.append((start, end, kind, other_start, other_end))
    return found


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
