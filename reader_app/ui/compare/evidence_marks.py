"""Marks inside linked pairs: the evidence pieces a reader checks a link by.

In a reworded (``rewrite``) pair the words both sides hold get a dotted blue underline:
such a pair shares no passage, so its wording is all "only here" orange, and the underline
shows what it corresponds on. A ``variant`` piece (the same word or name in another form:
"U.S." / "US", "agrees" / "agree") gets a dashed blue underline; a ``differs`` piece (the
same slot holding another figure, date or name) bold vermilion type with a wavy
underline (a thin wave alone was lost on the orange of unique wording). Only a differs
piece sets a background, the orange of wording only this side has, over the whole piece
(as the HTML page's does): a piece flagged as differing never reads as partly shared. (The
word diff keeps a figure such as "4:00" one token, ``core.text.NUMBER``, so the spans under
it agree; it once split it, and "4:00" against "6:00" showed ":00" blue.) The others keep
the shared/unique highlights under them; a tag's underline, laid later, wins where both
fall. Colours come from the theme (Okabe-Ito, colour-blind safe); shape and weight tell the
kinds apart without them (a dotted underline was lost in the grain at reading sizes).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat

from reader_app.core.compare import Comparison, Side
from reader_app.core.compare.evidence_marking import (
    Differing,
    MarkedPiece,
    Pieces,
    by_paragraph,
    differing_pieces,
    marked_pieces,
)
from reader_app.ui.compare.per_comparison import remembered
from reader_app.ui.theme import Highlights


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
    """The pieces to mark in ``side``'s text (``evidence_marking.marked_pieces``: which, and
    why not the others), worked out once per comparison and side (``per_comparison``): the
    panes, the overview bar and the hover tips all ask, and a long pair holds ~100,000
    evidence pieces."""
    return remembered(comparison, f"marked {side}", lambda: marked_pieces(comparison, side))


def marked_differing(comparison: Comparison) -> Differing:
    """The ``differs`` pieces marked in both panes (``differing_pieces``), worked out once
    per comparison, in its worker (``display_data.prepare``): the bands' tips and Ctrl+F7
    ask, and going through a long pair's 100,000 pieces took the first Ctrl+F7 70-80 ms."""
    return remembered(comparison, "differing pieces", lambda: differing_pieces(comparison))


def evidence_kinds(comparison: Comparison | None, side: Side) -> list[Pieces]:
    """Per paragraph of ``side``: (offset in paragraph, length, kind) of its marked pieces,
    in the order they are laid (``evidence_formats`` gives each kind's format); worked out
    once per comparison and side."""
    if comparison is None:
        return []
    return remembered(comparison, f"evidence {side}", lambda: by_paragraph(
        comparison.document(side), marked_ranges(comparison, side)))
