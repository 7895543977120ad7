"""Marks inside linked pairs: the evidence pieces a reader checks a link by.

In a reworded (``rewrite``) pair the words both sides hold get a dotted blue underline:
such a pair shares no passage, so its wording is all "only here" orange, and the underline
shows what it corresponds on. A ``variant`` piece (the same word or name in another form:
"U.S." / "US", "agrees" / "agree") gets a dashed blue underline; a ``differs`` piece (the
same slot holding another figure, weekday, month or name) bold vermilion type with a wavy
underline (a thin wave alone was lost on the orange of unique wording). None sets a
background, so the shared/unique highlights under them stay; a tag's underline, laid
later, wins where both fall. Colours come from the theme (Okabe-Ito, colour-blind safe);
shape and weight tell the kinds apart without them (a dotted underline was lost in the
grain at reading sizes).
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QFont, QTextCharFormat

from reader_app.core.compare import Comparison, Side
from reader_app.ui.compare.pane_formats import MarkupPieces
from reader_app.ui.theme import Highlights

# In this order: a variant mark is laid over a matched one, a differs mark over both.
MARKED = ("matched", "variant", "differs")
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
    mark there would say "worded otherwise" beside an identical passage. Every differs
    piece is marked.
    """
    evidence = [e for link in comparison.links for e in link.evidence]
    left = side == "left"
    pieces = [(e.left_start, e.left_end, e.right_start, e.right_end, e.kind) if left else
              (e.right_start, e.right_end, e.left_start, e.left_end, e.kind)
              for e in evidence if e.kind != "same"]  # few: most evidence is "same"
    pieces[:0] = [(e.left_start, e.left_end, e.right_start, e.right_end, "matched") if left
                  else (e.right_start, e.right_end, e.left_start, e.left_end, "matched")
                  for link in comparison.links if link.kind == "rewrite"
                  for e in link.evidence if e.kind == "same"]
    if left:
        same = {(e.left_start, e.left_end) for e in evidence if e.kind == "same"}
    else:
        same = {(e.right_start, e.right_end) for e in evidence if e.kind == "same"}
    text = comparison.document(side).text
    other = comparison.document("right" if left else "left").text
    shared = _shared_starts(comparison, side)
    found: list[MarkedPiece] = []
    for kind in MARKED:
        for start, end, other_start, other_end, piece_kind in pieces:
            if piece_kind != kind:
                continue
            if kind == "variant" and ((start, end) in same or text[start:end].casefold()
                                      == other[other_start:other_end].casefold()):
                continue
            if kind == "matched" and _inside(shared, start, end):
                continue  # already blue: copied word for word into another counterpart
            found.append((start, end, kind, other_start, other_end))
    return found


def _shared_starts(comparison: Comparison, side: Side) -> tuple[list[int], list[int]]:
    spans = [s for s in comparison.spans(side) if s.kind == "shared"]
    return [s.start for s in spans], [s.end for s in spans]


def _inside(shared: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies within one shared span."""
    at = bisect_right(shared[0], start) - 1
    return at >= 0 and shared[1][at] >= end


def evidence_pieces(comparison: Comparison | None, side: Side,
                    highlights: Highlights) -> list[MarkupPieces]:
    """Per paragraph of ``side``: (offset in paragraph, length, format) of its marked
    variant and differs pieces, variants first."""
    if comparison is None:
        return []
    document = comparison.document(side)
    paragraphs = document.paragraphs
    formats = evidence_formats(highlights)
    per_paragraph: list[MarkupPieces] = [[] for _ in paragraphs]
    for start, end, kind, _, _ in marked_ranges(comparison, side):
        index = document.paragraph_at(start)
        paragraph = paragraphs[index]
        start, end = max(start, paragraph.start), min(end, paragraph.end)
        if start < end:
            per_paragraph[index].append((start - paragraph.start, end - start, formats[kind]))
    return per_paragraph
