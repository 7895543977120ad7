"""A comparison as one standalone HTML page: rows side by side, shared/unique highlighted.

Every character of document text goes through pygments' HTML formatter (escaped) or
``html.escape``; nothing from a document is ever written as markup, and its control
characters are shown as visible signs (``visible_controls``), as in the text output.
Must not import Qt.
"""

from __future__ import annotations

import html
import io
from bisect import bisect_left, bisect_right
from itertools import pairwise

from pygments.formatters import HtmlFormatter

from reader_app.core.compare import SIDES, Comparison, Link, Row, Side, other_side, rows_beside
from reader_app.core.compare.evidence_marking import (
    Differing,
    Pieces,
    by_paragraph,
    differing_pieces,
    marked_pieces,
)
from reader_app.core.formats.palette import (
    DIFFERS_MARK,
    DIFFERS_TEXT,
    LINK_TEXT,
    SHARED_BACKGROUND,
    UNIQUE_BACKGROUND,
    VARIANT_MARK,
)
from reader_app.core.formats.text import (
    LEFT_UNIQUE,
    RIGHT_UNIQUE,
    SHARED,
    ComparisonStyle,
    Segment,
    paragraph_segments,
)
from reader_app.core.text import counted, visible_controls, writing_direction

_PAGE_CSS = f"""
body {{ font: 15px/1.5 system-ui, sans-serif; margin: 1.5em; color: #1a1a1a; }}
h1 {{ font-size: 1.2em; margin: 0 0 .3em; }}
.meta {{ color: #555; margin: .2em 0; }}
.legend span {{ padding: 0 .4em; margin-right: 1em; border-radius: 3px; }}
.legend .shared {{ background: {SHARED_BACKGROUND}; }}
.legend .unique {{ background: {UNIQUE_BACKGROUND}; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; margin-top: 1em; }}
td {{ vertical-align: top; padding: .4em .6em; border-top: 1px solid #e4e4e4;
      white-space: pre-wrap; overflow-wrap: anywhere; }}
td.num {{ width: 3.5em; color: #888; font-size: .85em; text-align: right; }}
td.gap {{ background: repeating-linear-gradient(45deg, #fafafa, #fafafa 6px,
                                         #f0f0f0 6px, #f0f0f0 12px); }}
tr.linked td.text {{ background: #fcfcfc; }}
.links {{ display: block; font-size: .8em; color: {LINK_TEXT}; }}
.links a {{ color: inherit; }}
.differs {{ color: {DIFFERS_TEXT}; font-weight: bold; }}
.m-matched {{ text-decoration: underline; text-decoration-style: dotted;
              text-decoration-color: {VARIANT_MARK}; }}
.m-variant {{ text-decoration: underline; text-decoration-style: dashed;
              text-decoration-color: {VARIANT_MARK}; }}
.m-differs {{ color: {DIFFERS_TEXT}; font-weight: bold; background: {UNIQUE_BACKGROUND};
              text-decoration: underline; text-decoration-style: wavy;
              text-decoration-color: {DIFFERS_MARK}; }}
"""


class PageStyle(ComparisonStyle):
    """The window's colours (``palette``): shared wording blue, a document's own orange on
    either side, as in the panes (the terminal tells the sides apart by colour instead)."""

    styles = {  # noqa: RUF012 - pygments reads this class attribute
        **ComparisonStyle.styles,
        SHARED: f"bg:{SHARED_BACKGROUND}",
        LEFT_UNIQUE: f"bg:{UNIQUE_BACKGROUND} #000000",
        RIGHT_UNIQUE: f"bg:{UNIQUE_BACKGROUND} #000000",
    }


def render_html(comparison: Comparison, hide_boilerplate: bool = False) -> str:
    """The page; ``hide_boilerplate``: without the boilerplate paragraphs (the window's View ▸
    Hide Boilerplate), the page saying how many it leaves out."""
    formatter = HtmlFormatter(style=PageStyle, nowrap=True, cssclass="cmp")
    stats = comparison.stats
    left, right = comparison.left, comparison.right
    head = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(left.title)} ⟷ {_e(right.title)}</title>",
        # pygments' stubs leave get_style_defs untyped; it returns the CSS as a str.
        f"<style>{_PAGE_CSS}{formatter.get_style_defs('.cmp')}</style></head><body>",  # type: ignore[no-untyped-call]
        f"<h1>{_e(left.title)} ⟷ {_e(right.title)}</h1>",
        f'<p class="meta">Left: {_e(left.path or left.name)}<br>'
        f"Right: {_e(right.path or right.name)}</p>",
        f'<p class="meta">Similarity {stats.similarity:.0%} · left shared '
        f"{stats.left_shared:.0%} · right shared {stats.right_shared:.0%} · "
        f"{len(comparison.links)} linked pairs · content {stats.content:.0%}</p>",
        _hidden_note(comparison) if hide_boilerplate else "",
        '<p class="legend"><span class="shared">shared wording</span>'
        '<span class="unique">only in this document</span>'
        '<span class="m-matched">said in other words too</span>'
        '<span class="m-variant">in another form or word there</span>'
        '<span class="m-differs">stated otherwise there</span></p>',
        '<table class="cmp">',
    ]
    pieces = {side: marked_pieces(comparison, side) for side in SIDES}
    marks = {side: by_paragraph(comparison.document(side), pieces[side]) for side in SIDES}
    # A link's "(differs: …)" note names the pieces its paragraphs mark, no others.
    differing = differing_pieces(comparison)
    body = [_row_html(comparison, row, linked, formatter, marks, differing)
            for row, linked in _lines(comparison, hide_boilerplate)]
    # The page's own markup holds no control character: any there came from a document.
    return visible_controls("\n".join([*head, *body, "</table></body></html>", ""]))


def _lines(comparison: Comparison, hide_boilerplate: bool) -> list[tuple[Row, bool]]:
    """The page's rows, each with whether it holds a linked pair: the comparison's, but two
    unmatched paragraphs between the same links in one row, side by side
    (``rows_beside``), as the window shows them; without boilerplate if ``hide_boilerplate``."""
    rows, beside = comparison.rows, rows_beside(comparison)
    lines: list[tuple[Row, bool]] = []
    for number, row in enumerate(rows):
        if number in beside:
            before = lines[-1][0]
            lines[-1] = (Row(before.left if before.left is not None else row.left,
                             before.right if before.right is not None else row.right), False)
        else:
            lines.append((row, row.left is not None and row.right is not None))
    return [line for line in (_without_boilerplate(comparison, *line) for line in lines)
            if line[0] != Row(None, None)] if hide_boilerplate else lines


def _without_boilerplate(comparison: Comparison, row: Row, linked: bool) -> tuple[Row, bool]:
    """``row`` with a boilerplate paragraph on either side left out (an empty row if both)."""
    kept = [index if index is not None and
            not comparison.document(side).paragraphs[index].boilerplate else None
            for side, index in zip(SIDES, (row.left, row.right), strict=True)]
    return Row(kept[0], kept[1]), linked and None not in kept


def _hidden_note(comparison: Comparison) -> str:
    counts = [sum(p.boilerplate for p in comparison.document(side).paragraphs)
              for side in SIDES]
    if not any(counts):
        return ""
    return (f'<p class="meta">Boilerplate left out: {counted(counts[0], "paragraph")} on the '
            f"left, {counted(counts[1], 'paragraph')} on the right</p>")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _row_html(comparison: Comparison, row: Row, linked: bool, formatter: HtmlFormatter[str],
              marks: dict[Side, list[Pieces]], differing: Differing) -> str:
    cells = [_cell_html(comparison, "left", row.left, formatter, marks["left"], differing)]
    cells.append(_cell_html(comparison, "right", row.right, formatter, marks["right"],
                            differing))
    return f'<tr class="{"linked" if linked else "single"}">{"".join(cells)}</tr>'


def _cell_html(comparison: Comparison, side: Side, index: int | None,
               formatter: HtmlFormatter[str], marks: list[Pieces],
               differing: Differing) -> str:
    if index is None:
        return '<td class="num"></td><td class="text gap"></td>'
    runs = marked_runs(paragraph_segments(comparison, side, index), marks[index])
    text = "".join(f'<span class="m-{kind}">{_formatted(formatter, segments)}</span>' if kind
                   else _formatted(formatter, segments) for kind, segments in runs)
    prefix, paragraph = side[0], comparison.document(side).paragraphs[index]
    direction = writing_direction(comparison.document(side).text[paragraph.start:paragraph.end])
    return (
        f'<td class="num" id="{prefix}{index + 1}">{prefix.upper()}{index + 1}</td>'
        f'<td class="text" dir="{direction}">{text}'
        f"{_links_html(comparison, side, index, differing)}</td>"
    )


def _formatted(formatter: HtmlFormatter[str], segments: list[Segment]) -> str:
    """The segments as escaped, coloured HTML. (Pygments ends what it writes with a line
    break, whether the text had one or not: in a ``pre-wrap`` cell, a break after every run
    of the paragraph.)"""
    out = io.StringIO()
    formatter.format(segments, out)
    return out.getvalue() if segments[-1][1].endswith("\n") else out.getvalue()[:-1]


def marked_runs(segments: list[Segment], marks: Pieces) -> list[tuple[str | None, list[Segment]]]:
    """A paragraph's segments cut where its evidence marks (offset, length, kind) begin and
    end: runs of segments, each with the kind of the mark over it (None: unmarked; where
    marks overlap, the one laid last, as in the window)."""
    if not marks:
        return [(None, segments)]
    cuts = sorted({0, *(at for offset, size, _ in marks for at in (offset, offset + size))})
    runs: list[tuple[str | None, list[Segment]]] = []
    at = 0
    for token, text in segments:
        for piece_start, piece_end in _pieces_between(cuts, at, at + len(text)):
            kind = next((k for offset, size, k in reversed(marks)
                         if offset <= piece_start < offset + size), None)
            piece = (token, text[piece_start - at : piece_end - at])
            if runs and runs[-1][0] == kind:
                runs[-1][1].append(piece)
            else:
                runs.append((kind, [piece]))
        at += len(text)
    return runs


def _pieces_between(cuts: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at the ``cuts`` (sorted) that fall inside it."""
    return list(pairwise([start, *cuts[bisect_right(cuts, start):bisect_left(cuts, end)], end]))


def _differs_html(comparison: Comparison, link: Link, side: Side,
                  differing: Differing) -> str:
    """The figures, dates and names the other side states differently (those marked:
    ``differing``), escaped."""
    own, other = comparison.document(side).text, comparison.document(other_side(side)).text
    pieces = []
    for e in link.evidence:
        if (e.left_start, e.left_end, e.right_start, e.right_end) not in differing:
            continue
        mine, theirs = ((e.left_start, e.left_end), (e.right_start, e.right_end))
        if side == "right":
            mine, theirs = theirs, mine
        pieces.append(f"{_e(own[mine[0]:mine[1]])} ≠ {_e(other[theirs[0]:theirs[1]])}")
    return f' <span class="differs">(differs: {"; ".join(pieces)})</span>' if pieces else ""


def _links_html(comparison: Comparison, side: Side, index: int,
                differing: Differing) -> str:
    other: Side = "right" if side == "left" else "left"
    anchors = []
    for link in comparison.links_of(side, index):
        target = getattr(link, other)
        label = f"{other[0].upper()}{target + 1}"
        verb = "moved to" if link.moved else "linked to"
        if link.kind == "rewrite":
            verb = "reworded, " + verb
        anchors.append(f'{verb} <a href="#{other[0]}{target + 1}">{label}</a>'
                       f"{_differs_html(comparison, link, side, differing)}")
    return f'<span class="links">{" · ".join(anchors)}</span>' if anchors else ""
