"""How the gutter draws a link, and what its tooltip says about it.

A link that shares wording (``copy``) is a filled sky-blue band; a reworded one (``rewrite``:
the same facts in other words) a faint bluish-green band with a dotted outline, so that the
two differ in colour and in pattern (colour-blind safe). A moved link keeps its pink dashed
band and ⇄ marker whatever its kind; a moved rewrite is the fainter of the two.

The tooltip is plain text built from the documents' own words: it is escaped before Qt sees
it (``as_tooltip``), never read as rich text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPen

from reader_app.core.compare import Comparison, Link, Side
from reader_app.core.compare.content_evidence import Evidence, EvidenceKind
from reader_app.core.compare.evidence_marking import shown_evidence
from reader_app.core.formats.text import evidence_summary
from reader_app.ui.compare.evidence_marks import marked_differing
from reader_app.ui.theme import Highlights

THIN_EVIDENCE = 5  # pieces in common: fewer, and a reworded link claims less
MAX_PIECES = 6  # differing or variant pieces listed per line of a tooltip
MAX_PIECE_CHARACTERS = 40
OPENING_CHARACTERS = 48  # of each linked paragraph quoted under a tooltip's first line


# Outline patterns, in pixels on / off (a pen 1 px wide: Qt strokes an antialiased dashed
# curve of any other width in a slow general path, 2.2x the time, and a long pair's middle
# paints 60-85 bands). Each is as long as Qt's own pattern was at the width used before
# (dots 1.5 px wide, dashes of the moved rewrite 1.5 px wide), so the bands look the same.
SOLID: tuple[float, ...] = ()
DOTTED = (2.0, 2.5)
DASHED = (4.0, 2.0)
LONG_DASHED = (6.0, 3.0)  # a moved rewrite: its fainter fill needs the bolder outline


@dataclass(frozen=True)
class BandStyle:
    """What a band looks like: its fill, outline and outline pattern (``SOLID``, ``DOTTED``,
    ``DASHED`` or ``LONG_DASHED``; its pen is 1 px wide) and marker ("" or "⇄", in
    ``marker_colour``)."""

    fill: QColor
    outline: QColor
    outline_dashes: tuple[float, ...]
    marker: str
    marker_colour: QColor | None = None

    def outline_pen(self) -> QPen:
        pen = QPen(self.outline, 1.0)
        if self.outline_dashes:
            pen.setDashPattern(list(self.outline_dashes))
        return pen


def band_style(link: Link, highlights: Highlights) -> BandStyle:
    """The look of ``link``'s band in the gutter."""
    rewrite = link.kind == "rewrite"
    if link.moved:
        fill = QColor(highlights.moved)
        if rewrite:
            fill.setAlpha(fill.alpha() // 2)
        marker = QColor(highlights.moved)
        marker.setAlpha(255)  # legible on the window's own background in either theme
        return BandStyle(fill, _moved_outline(highlights, rewrite),
                         LONG_DASHED if rewrite else DASHED, "⇄",
                         marker.lighter(120) if highlights.dark else marker.darker(160))
    if rewrite:
        outline = QColor(highlights.rewrite)
        outline.setAlpha(255)
        # (A shade bolder than the fill's own hue: the dots are 1 px wide.)
        outline = outline.lighter(115) if highlights.dark else outline.darker(125)
        return BandStyle(highlights.rewrite, outline, DOTTED, "")
    return BandStyle(highlights.band, highlights.band.darker(140), SOLID, "")


def _moved_outline(highlights: Highlights, rewrite: bool) -> QColor:
    """A moved band's dashes: darker than its pink in the light theme; in the dark one opaque
    and lighter (darkened there, they sank into the fill and the dashed look was lost)."""
    if not highlights.dark:
        return highlights.moved.darker(150 if rewrite else 140)
    outline = QColor(highlights.moved)
    outline.setAlpha(255)
    return outline.lighter(100 if rewrite else 110)


def link_tooltip(comparison: Comparison, link: Link) -> str:
    """What a link rests on, as plain text: its kind, the opening words of the two
    paragraphs, the counts of its evidence, the pieces that differ or vary between the two
    sides, and the first words both share."""
    left, right = f"L{link.left + 1}", f"R{link.right + 1}"
    differing = marked_differing(comparison)
    shown = shown_evidence(comparison, link, differing)
    if link.kind == "rewrite":
        lines = [f"{left} ≈ {right} · Reworded: {_rewrite_claim(shown)}"]
    else:
        lines = [f"{left} ↔ {right} · Shared wording: {link.similarity:.0%} alike"]
    if link.moved:
        lines[0] += " · moved"
    # The panes number no paragraph: "L7 ↔ R4" alone does not say which two are joined (a
    # band can fan out to a paragraph far off screen), so each one's opening words are quoted.
    lines += [f"{left}: {paragraph_opening(comparison, 'left', link.left)}",
              f"{right}: {paragraph_opening(comparison, 'right', link.right)}"]
    if link.evidence:
        lines.append(evidence_summary(comparison, link, differing))
    for kind, sign in (("differs", " ≠ "), ("variant", " ~ "), ("same", "")):
        pieces = _pieces(comparison, [e for e, k in shown if k == kind], sign)
        if pieces:
            lines.append(f"{kind}: {(', ' if kind == 'same' else '; ').join(pieces)}")
    lines.append("Click to jump to the counterpart.")
    return "\n".join(lines)


def _rewrite_claim(shown: list[tuple[Evidence, EvidenceKind]]) -> str:
    """What a reworded link says it rests on: "the same facts in other words" only where
    its pieces in common are enough to say so; a link on a few (a name, a date and a verb)
    claims less."""
    agreeing = {evidence.left_start for evidence, kind in shown if kind != "differs"}
    if len(agreeing) < THIN_EVIDENCE:
        return "a few facts or names in common, in other words"
    return "the same facts in other words"


def _pieces(comparison: Comparison, evidence: list[Evidence], sign: str) -> list[str]:
    """Each distinct piece as "left ≠ right" (with no ``sign``: its left words alone), the
    first few."""
    found: list[str] = []
    for e in evidence:
        piece = _clipped(comparison.left.text[e.left_start : e.left_end])
        if sign:
            piece += sign + _clipped(comparison.right.text[e.right_start : e.right_end])
        if piece not in found:
            found.append(piece)
    if len(found) > MAX_PIECES:
        return [*found[:MAX_PIECES], f"… {len(found) - MAX_PIECES} more"]
    return found


def paragraph_opening(comparison: Comparison, side: Side, index: int) -> str:
    """The first words of ``side``'s paragraph ``index``, quoted, cut at a word's end: how a
    tooltip says which paragraph it means (the panes number none)."""
    paragraph = comparison.document(side).paragraphs[index]
    # (A stretch, not the paragraph: one of a long document can be a megabyte.)
    end = min(paragraph.end, paragraph.start + 4 * OPENING_CHARACTERS)
    text = " ".join(comparison.document(side).text[paragraph.start : end].split())
    if len(text) > OPENING_CHARACTERS or end < paragraph.end:
        cut = text.rfind(" ", 0, OPENING_CHARACTERS)
        text = text[: cut if cut > 0 else OPENING_CHARACTERS].rstrip(",;:") + "…"
    return f"“{text}”"


def _clipped(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_PIECE_CHARACTERS:
        return text
    return text[: MAX_PIECE_CHARACTERS - 1] + "…"


def as_tooltip(text: str) -> str:
    """Plain text as a tooltip that shows it verbatim, its first line in bold: escaped, so
    that nothing in it (a document's "<b>" or "&amp;") is ever taken for mark-up, and
    unwrapped, line for line."""
    heading, _, rest = html.escape(text, quote=False).partition("\n")
    body = f"<b>{heading}</b>" + (f"<br>{rest.replace(chr(10), '<br>')}" if rest else "")
    return f"<p style='white-space:pre'>{body}</p>"
