"""Marks inside linked pairs: the evidence pieces a reader checks a link by.

In a reworded (``rewrite``) pair the words both sides hold get a dotted blue underline:
such a pair shares no passage, so its wording is all "only here" orange, and the underline
shows what it corresponds on. A ``variant`` piece (the same word or name in another form:
"U.S." / "US", "agrees" / "agree") gets a dashed blue underline; a ``differs`` piece (the
same slot holding another figure, date or name) bold vermilion type with a wavy
underline (a thin wave alone was lost on the orange of unique wording). Only a differs
piece sets a background, the orange of wording only this side has, over the whole piece:
the word diff splits a figure at its separators, so "4:00" against "6:00" showed its ":00"
blue, as if shared, inside a figure flagged as differing. The others keep the shared/unique
highlights under them; a tag's underline, laid later, wins where both fall. Colours come
from the theme (Okabe-Ito, colour-blind safe); shape and weight tell the kinds apart
without them (a dotted underline was lost in the grain at reading sizes).
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

from PySide6.QtGui import QFont, QTextCharFormat

from reader_app.core.compare import Comparison, Side
from reader_app.core.compare.content_evidence import Evidence
from reader_app.ui.compare.per_comparison import remembered
from reader_app.ui.theme import Highlights

# In this order: a variant mark is laid over a matched one, a differs mark over both.
MARKED = ("matched", "variant", "differs")
# Per paragraph: (offset in paragraph, length, kind).
Pieces = list[tuple[int, int, str]]
# (start, end, kind, other start, other end): a marked piece and its counterpart's place.
MarkedPiece = tuple[int, int, str, int, int]


def evidence_formats(highlights: Highlights) -> dict[str, QTextCharFormat]:
    """The format of each marked kind of evidence piece."""
    variant = QTextCharFormat()
    variant.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    variant.setUnderlineColor(highlights.variant_mark)
    differs = QTextCharFormat()
    differs.setFontWeight(QFont.Weight.Bold)
    differs.setForeground(highlights.differs_text)
    differs.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    differs.setUnderlineColor(highlights.differs_mark)
    differs.setBackground(highlights.unique)  # never half "shared": see the module's docstring
    matched = QTextCharFormat()
    matched.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)  # subtle: a tag wins
    matched.setUnderlineColor(highlights.variant_mark)
    return {"matched": matched, "variant": variant, "differs": differs}


def marked_ranges(comparison: Comparison, side: Side) -> list[MarkedPiece]:
    """(start, end, kind, other start, other end) of the pieces to mark in ``side``'s text
    (and where their counterparts are in the other's), variants first.

    A variant is left unmarked where the two forms differ only in case ("Supports" in a
    title, "supports" in the text), and where the same words are a ``same`` piece of another
    link (a sentence copied word for word in one counterpart and reworded in another): a
    mark there would say "worded otherwise" beside an identical passage. A differs piece is
    left unmarked where the same words are a ``same`` or ``variant`` piece of another link:
    the other document states that figure or name too, in another paragraph ("14 AK-47
    rifles" stated in both, "six" in a third paragraph), so nothing disagrees.

    Worked out once per comparison and side (``per_comparison``): the panes, the overview
    bar and the hover tips all ask, and a long pair holds ~100,000 evidence pieces.
    """
    return remembered(comparison, f"marked {side}", lambda: _marked_ranges(comparison, side))


def _marked_ranges(comparison: Comparison, side: Side) -> list[MarkedPiece]:
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
    text = comparison.document(side).text
    other = comparison.document("right" if left else "left").text
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
            if kind == "variant" and ((start, end) in same or text[start:end].casefold()
                                      == other[other_start:other_end].casefold()):
                continue
            if kind == "differs" and _overlaps(agreed, start, end):
                continue
            found.append((start, end, kind, other_start, other_end))
    return found


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


def evidence_kinds(comparison: Comparison | None, side: Side) -> list[Pieces]:
    """Per paragraph of ``side``: (offset in paragraph, length, kind) of its marked pieces,
    in the order they are laid (``evidence_formats`` gives each kind's format); worked out
    once per comparison and side."""
    if comparison is None:
        return []
    return remembered(comparison, f"evidence {side}", lambda: _evidence_kinds(comparison, side))


def _evidence_kinds(comparison: Comparison, side: Side) -> list[Pieces]:
    document = comparison.document(side)
    paragraphs = document.paragraphs
    per_paragraph: list[Pieces] = [[] for _ in paragraphs]
    for start, end, kind, _, _ in marked_ranges(comparison, side):
        index = document.paragraph_at(start)
        paragraph = paragraphs[index]
        start, end = max(start, paragraph.start), min(end, paragraph.end)
        if start < end:
            per_paragraph[index].append((start - paragraph.start, end - start, kind))
    return per_paragraph
