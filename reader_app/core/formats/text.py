"""Comparisons rendered for people: plain text, ANSI terminal colours, a standalone HTML page.

All three walk the same rows and the same shared/unique spans. ANSI and HTML go through
pygments (one token stream, one ``Style``), so the colours agree across faces. Document text
is data: the HTML formatter escapes every character of it, and text and ANSI show its control
characters as visible signs (``visible_controls``), so a document cannot drive the terminal.
Plain text also escapes the four sequences of its own marks (``escape_marks``), so a document
holding "[-" cannot pass for a mark. Must not import Qt.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from pygments.style import Style
from pygments.token import Comment, Generic, Name, Text, _TokenType

from reader_app.core.compare import SIDES, Comparison, Link, Side
from reader_app.core.compare.evidence_marking import Differing, differing_pieces, shown_evidence
from reader_app.core.documents import Document
from reader_app.core.text import counted, visible_controls

SHARED = Generic.Output  # a token of its own (unstyled in the terminal): the page colours it
PLAIN = Text  # between spans: spaces and punctuation neither side's wording claims
LEFT_UNIQUE = Generic.Deleted
RIGHT_UNIQUE = Generic.Inserted
BOILERPLATE = Comment
HEADING = Generic.Heading
MARKER = Name.Label

# Okabe-Ito orange and blue: distinguishable with the common colour-vision deficiencies.
LEFT_COLOUR = "#e69f00"
RIGHT_COLOUR = "#56b4e9"


class ComparisonStyle(Style):
    """The palette of rendered comparisons (terminal and HTML)."""

    name = "reader-app"
    background_color = "#ffffff"
    styles = {  # noqa: RUF012 - pygments reads this class attribute
        SHARED: "",
        LEFT_UNIQUE: f"bg:{LEFT_COLOUR} #000000",
        RIGHT_UNIQUE: f"bg:{RIGHT_COLOUR} #000000",
        BOILERPLATE: "italic #808080",
        HEADING: "bold",
        MARKER: "#009e73",
    }


# The plain text's marks around unique wording (git's --word-diff=plain), opening and closing.
LEFT_MARKS, RIGHT_MARKS = ("[-", "-]"), ("{+", "+}")
# One of the marks' sequences in the text, with the backslashes right before it.
_MARK_LIKE = re.compile(r"(\\*)(\[-|-\]|\{\+|\+\})")
# What makes a text need escaping: a backslash (before a mark, a sequence), or a sequence.
_NEEDS_ESCAPE = re.compile(r"\\|\[-|-\]|\{\+|\+\}").search
# A closing mark, and the character of the text before it that would make a sequence with it.
_CLOSING_AFTER = {"-]": "[", "+}": "{"}

Segment = tuple[_TokenType, str]
Kind = str  # "shared", "unique", "plain" (between spans) or "boilerplate"


def paragraph_pieces(comparison: Comparison | None, document: Document, index: int
                     ) -> list[tuple[Kind, str]]:
    """The paragraph's text cut into (kind, text) pieces that cover it exactly.

    Without a comparison (one document shown alone) the whole paragraph is plain.
    """
    paragraph = document.paragraphs[index]
    text = document.text
    if paragraph.boilerplate:
        return [("boilerplate", text[paragraph.start : paragraph.end])]
    if comparison is None:
        return [("plain", text[paragraph.start : paragraph.end])]
    side: Side = "left" if document is comparison.left else "right"
    pieces: list[tuple[Kind, str]] = []
    position = paragraph.start
    for span in comparison.spans_between(side, paragraph.start, paragraph.end):
        if span.start > position:
            pieces.append(("plain", text[position : span.start]))
        pieces.append((span.kind, text[span.start : span.end]))
        position = span.end
    if position < paragraph.end:
        pieces.append(("plain", text[position : paragraph.end]))
    return pieces


def paragraph_segments(comparison: Comparison, side: Side, index: int) -> list[Segment]:
    """The paragraph's pieces as pygments tokens (unique wording coloured by side)."""
    unique = LEFT_UNIQUE if side == "left" else RIGHT_UNIQUE
    token_types = {"shared": SHARED, "plain": PLAIN, "unique": unique, "boilerplate": BOILERPLATE}
    document = comparison.document(side)
    pieces = paragraph_pieces(comparison, document, index)
    return [(token_types[kind], text) for kind, text in pieces]


def _label(prefix: str, index: int | None) -> str:
    return "—" if index is None else f"{prefix}{index + 1}"


def _row_heading(comparison: Comparison, left: int | None, right: int | None,
                 differing: Differing) -> str:
    if left is None or right is None:
        return f"{_label('L', left)} ↔ {_label('R', right)}" + _other_links(
            comparison, left, right, differing)
    link = next(k for k in comparison.links_of("left", left) if k.right == right)
    if link.kind == "copy":
        heading = f"L{left + 1} ↔ R{right + 1}  {link.similarity:.0%} alike"
    else:
        heading = (f"L{left + 1} ≈ R{right + 1}  "
                   f"reworded ({evidence_summary(comparison, link, differing)})")
    return (heading + _differences(comparison, link, differing)
            + _other_links(comparison, left, right, differing))


def evidence_summary(comparison: Comparison, link: Link, differing: Differing) -> str:
    """ "3 same, 1 variant, 1 differs" — what a link rests on, in a few words, counted as the
    window marks the pieces (``shown_evidence``: a variant of case alone is the same word, a
    conflict the panes do not mark is not told)."""
    counts = Counter(kind for _, kind in shown_evidence(comparison, link, differing))
    parts = [f"{counts[kind]} {kind}" for kind in ("same", "variant", "differs") if counts[kind]]
    return ", ".join(parts) or "no evidence"


def _differences(comparison: Comparison, link: Link, differing: Differing,
                 before: str = "  ") -> str:
    """The link's "[differs: 30 ≠ 25]": the pieces the window and the page mark, no others
    (``evidence_marking``)."""
    pieces = [
        f"{comparison.left.text[e.left_start:e.left_end]} ≠ "
        f"{comparison.right.text[e.right_start:e.right_end]}"
        for e, kind in shown_evidence(comparison, link, differing) if kind == "differs"
    ]
    return f"{before}[differs: {'; '.join(pieces)}]" if pieces else ""


def _other_links(comparison: Comparison, left: int | None, right: int | None,
                 differing: Differing) -> str:
    """The row's links to paragraphs in other rows: "(moved → R5 [differs: 8:00 ≠ 4:00])".
    Their differing pieces are told here, as the window marks them in both panes."""
    notes = []
    if left is not None:
        notes += [f"{'moved' if k.moved else 'also'} → R{k.right + 1}"
                  + _differences(comparison, k, differing, " ")
                  for k in comparison.links_of("left", left) if k.right != right]
    if right is not None:
        notes += [f"{'moved' if k.moved else 'also'} ← L{k.left + 1}"
                  + _differences(comparison, k, differing, " ")
                  for k in comparison.links_of("right", right) if k.left != left]
    return f"  ({'; '.join(notes)})" if notes else ""


def _summary(comparison: Comparison) -> list[str]:
    left, right = comparison.left, comparison.right
    lines = [f"{left.title}  ⟷  {right.title}", f"left:  {left.path or left.name}",
             f"right: {right.path or right.name}"]
    return [*(visible_controls(line, one_line=True) for line in lines),
            statistics_line(comparison)]


def statistics_line(comparison: Comparison, separator: str = " · ", links: str | None = None,
                    capitalised: bool = False) -> str:
    """The comparison's numbers in one line: similarity, each side's shared fraction, linked
    content, links by kind and how many of them moved (the text output's and the window's
    status line). ``links`` names the links after their number (default "link" / "links",
    as many as there are: never "1 links")."""
    stats = comparison.stats
    moved = sum(1 for k in comparison.links if k.moved)
    rewrites = sum(1 for k in comparison.links if k.kind == "rewrite")
    first = "Similarity" if capitalised else "similarity"
    count = len(comparison.links)
    return separator.join((
        f"{first} {stats.similarity:.0%}", f"left shared {stats.left_shared:.0%}",
        f"right shared {stats.right_shared:.0%}", f"content {stats.content:.0%}",
        f"{counted(count, 'link') if links is None else f'{count} {links}'} "
        f"({count - rewrites} copy, {rewrites} rewrite, {moved} moved)"))


def _token_stream(comparison: Comparison) -> Iterator[Segment]:
    """The whole comparison as one stream of tokens, for text and terminal output: titles,
    paths and document text with their control characters made visible."""
    for kind, text in _raw_token_stream(comparison):
        yield kind, visible_controls(text)


def _raw_token_stream(comparison: Comparison) -> Iterator[Segment]:
    for line in _summary(comparison):
        yield HEADING, line + "\n"
    differing = differing_pieces(comparison)
    for row in comparison.rows:
        yield Text, "\n"
        yield MARKER, _row_heading(comparison, row.left, row.right, differing) + "\n"
        for side, index, mark in zip(SIDES, (row.left, row.right), ("< ", "> "), strict=True):
            if index is None:
                continue
            yield MARKER, mark
            for kind, text in paragraph_segments(comparison, side, index):
                yield kind, text.replace("\n", "\n  ")
            yield Text, "\n"


def escape_marks(text: str, mark: str = "") -> str:
    """``text`` with each ``[-``, ``-]``, ``{+`` and ``+}`` in it led by a backslash, and each
    run of backslashes right before one doubled (so that the text's own backslash before "[-"
    stays told apart from the escape). ``mark``: the mark printed right after ``text``, which
    meets its end: the backslashes there are doubled too, before a last "[" that makes "[-"
    with a closing "-]" (or "{" with "+}"), else before the mark. Text without those
    sequences and backslashes comes back unchanged."""
    if _NEEDS_ESCAPE(text) is None:  # most text: one search in C, nothing to do
        return text
    escaped = _MARK_LIKE.sub(lambda found: found[1] * 2 + "\\" + found[2], text)
    if not mark:
        return escaped
    end = len(escaped)
    if mark in _CLOSING_AFTER and escaped.endswith(_CLOSING_AFTER[mark]):
        end -= 1
    start = end
    while start and escaped[start - 1] == "\\":
        start -= 1
    return escaped[:start] + escaped[start:end] * 2 + escaped[end:]


def render_text(comparison: Comparison) -> str:
    """Plain text: unique wording marked ``[-left-]`` and ``{+right+}`` (git's word-diff),
    every other character the text's own (``escape_marks``: README, "Text output")."""
    out: list[str] = []
    between: list[str] = []  # the text since the last mark, escaped as one (a "[" ending
    # one token and a "-" starting the next make a "[-" too)
    for kind, text in _token_stream(comparison):
        if kind is LEFT_UNIQUE:
            opening, closing = LEFT_MARKS
        elif kind is RIGHT_UNIQUE:
            opening, closing = RIGHT_MARKS
        else:
            between.append(text)
            continue
        out += (escape_marks("".join(between), opening), opening,
                escape_marks(text, closing), closing)
        between.clear()
    out.append(escape_marks("".join(between)))
    return "".join(out)


def render_ansi(comparison: Comparison) -> str:
    """Coloured terminal output (256 colours) through pygments."""
    # Imported here: the formatters' registry costs some 15 ms that plain text never needs.
    from pygments import format as pygments_format
    from pygments.formatters import Terminal256Formatter

    formatter = Terminal256Formatter(style=ComparisonStyle)

    return pygments_format(_token_stream(comparison), formatter)
