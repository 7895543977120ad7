"""Marks inside linked pairs: the evidence pieces that are not the same on both sides.

A ``variant`` piece (the same word or name in another form: "U.S." / "US", "agrees" /
"agree") gets a dashed blue underline; a ``differs`` piece (the same slot holding another
figure, weekday or month) bold vermilion type with a wavy underline (a thin wave alone was
lost on the orange of unique wording). Neither sets a background, so the shared/unique
highlights under them stay; a tag's underline, laid later, wins where both fall. Colours
come from the theme (Okabe-Ito, colour-blind safe); shape and weight tell the kinds apart
without them (a dotted underline was lost in the grain at reading sizes).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat

from reader_app.core.compare import Comparison, Side
from reader_app.ui.compare.pane_formats import MarkupPieces
from reader_app.ui.theme import Highlights

MARKED = ("variant", "differs")  # in this order: a differs mark is laid over a variant one


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
    return {"variant": variant, "differs": differs}


def evidence_pieces(comparison: Comparison | None, side: Side,
                    highlights: Highlights) -> list[MarkupPieces]:
    """Per paragraph of ``side``: (offset in paragraph, length, format) of its variant and
    differs pieces, variants first."""
    if comparison is None:
        return []
    document = comparison.document(side)
    paragraphs = document.paragraphs
    formats = evidence_formats(highlights)
    per_paragraph: list[MarkupPieces] = [[] for _ in paragraphs]
    for kind in MARKED:
        for link in comparison.links:
            for e in link.evidence:
                if e.kind != kind:
                    continue
                start, end = (e.left_start, e.left_end) if side == "left" else (
                    e.right_start, e.right_end)
                index = document.paragraph_at(start)
                paragraph = paragraphs[index]
                start, end = max(start, paragraph.start), min(end, paragraph.end)
                if start < end:
                    per_paragraph[index].append((start - paragraph.start, end - start,
                                                 formats[kind]))
    return per_paragraph

