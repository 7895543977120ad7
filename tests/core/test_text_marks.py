"""The text format's marks ``[-…-]`` / ``{+…+}`` stay told apart from a document's own text
holding the same sequences: read back by README's rule ("Text output"), the output gives every
character of the text and exactly the unique wording as marked (they were printed raw, so
"[-was-]" in a shared sentence read as a deletion)."""

from __future__ import annotations

import re

import pytest
from comparison_checks import doc
from hypothesis import given
from hypothesis import strategies as st

from reader_app.core.compare import SIDES, Comparison, compare
from reader_app.core.formats.text import escape_marks, paragraph_pieces, render_ansi, render_text

SEQUENCES = ("[-", "-]", "{+", "+}")
CLOSING = {"[-": "-]", "{+": "+}"}
SGR = re.compile(r"\x1b\[[0-9;]*m")


def read_marked(output: str) -> tuple[str, list[str]]:
    """``output`` read back as README says: its text, and the pieces its marks enclose."""
    text: list[str] = []
    marked: list[str] = []
    closing: str | None = None
    opened_at = position = 0
    while position < len(output):
        end = position
        while output.startswith("\\", end):
            end += 1
        sequence, run = output[end : end + 2], end - position
        if sequence not in SEQUENCES:  # backslashes before anything else are the text's
            text.append(output[position : end + 1])
            position = end + 1
            continue
        text.append("\\" * (run // 2))
        position = end + 2
        if run % 2:  # escaped: the sequence is text
            text.append(sequence)
        elif closing is None and sequence in CLOSING:
            closing, opened_at = CLOSING[sequence], len("".join(text))
        elif sequence == closing:
            marked.append("".join(text)[opened_at:])
            closing = None
        else:  # no mark is expected here ("[" ending a deletion before its "-]")
            text.append(output[end])
            position = end + 1
    assert closing is None, "a mark left open"
    return "".join(text), marked


def test_ordinary_text_is_printed_as_it_is() -> None:
    text = "A note [sic] on {braces}, a-b, c+d, -5 and +3, a back\\slash and [1]-[2]."
    assert escape_marks(text) == text
    assert escape_marks(text, "[-") == text


PIECE = st.text(alphabet="[]{}+-\\a", max_size=8)


@given(st.lists(st.tuples(PIECE, st.sampled_from(("[-", "{+")), PIECE), max_size=4), PIECE)
def test_any_text_reads_back_with_its_marks(pieces: list[tuple[str, str, str]],
                                           last: str) -> None:
    output = "".join(escape_marks(before, opening) + opening
                     + escape_marks(inside, CLOSING[opening]) + CLOSING[opening]
                     for before, opening, inside in pieces) + escape_marks(last)
    assert read_marked(output) == (
        "".join(before + inside for before, _, inside in pieces) + last,
        [inside for _, _, inside in pieces])


SHARED = ("The clerk said the vote [-was-] close {+and+} final, a path C:\\[-tmp\\ and "
          "a\\\\+} sign, in a statement to the press")


@pytest.fixture
def marked_like() -> Comparison:
    left = f"Report [-\n\n{SHARED} on Monday -] morning.\n\nOnly here [-x-] \\"
    right = f"Report {{+\n\n{SHARED} on Tuesday {{+ evening +}}.\n\nAnother {{+y+}} here {{"
    return compare(doc(left, "a.txt"), doc(right, "b.txt"))


def unique_pieces(comparison: Comparison) -> list[str]:
    """The unique wording in the order the text output shows it."""
    pieces = []
    for row in comparison.rows:
        for side, index in zip(SIDES, (row.left, row.right), strict=True):
            if index is not None:
                document = comparison.document(side)
                pieces += [text for kind, text in paragraph_pieces(comparison, document, index)
                           if kind == "unique"]
    return pieces


def test_document_text_holding_the_marks_reads_back_exactly(marked_like: Comparison) -> None:
    output = render_text(marked_like)
    assert "the vote \\[-was\\-] close \\{+and\\+} final, a path C:\\\\\\[-tmp\\ and" in output
    text, marked = read_marked(output)
    assert text == SGR.sub("", render_ansi(marked_like))  # every character, once
    assert marked == unique_pieces(marked_like)
    assert "Monday -] morning." in marked and "Another {+y+} here {" in marked
