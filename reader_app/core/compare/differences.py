"""Where a comparison differs: the rows holding wording only one side has, for "next
difference" navigation. Reads a ``Comparison`` only; must not import Qt."""

from __future__ import annotations

from reader_app.core.compare.engine import SIDES, Comparison


def difference_rows(comparison: Comparison) -> list[int]:
    """Rows with a unique span outside boilerplate on either side, top to bottom."""
    found = []
    for number, row in enumerate(comparison.rows):
        for side, index in zip(SIDES, (row.left, row.right), strict=True):
            document = comparison.document(side)
            if index is None or document.paragraphs[index].boilerplate:
                continue
            paragraph = document.paragraphs[index]
            spans = comparison.spans_between(side, paragraph.start, paragraph.end)
            if any(span.kind == "unique" for span in spans):
                found.append(number)
                break
    return found
