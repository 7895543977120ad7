"""Which evidence pieces the panes mark: a figure is flagged as differing only where the other
document does not state it too, in another linked paragraph."""

from __future__ import annotations

from reader_app.core.compare import Side, compare
from reader_app.core.documents import parse_document
from reader_app.ui.compare.evidence_marks import marked_ranges

LEFT = "The navy seized 14 AK-47 rifles, 31 magazines and 923 rounds from the pirates on Thursday."
RIGHT = ("Officers found six AK-47 rifles and 12 magazines on the first pirate boat, the navy "
         "said.\n\n"
         "In all the navy seized 14 AK-47 rifles, 31 magazines and 923 rounds of ammunition from "
         "the pirates.")


def marks(side: Side) -> list[tuple[str, str]]:
    comparison = compare(parse_document(LEFT, "/docs/a.txt"), parse_document(RIGHT, "/docs/b.txt"))
    text = comparison.document(side).text
    return [(text[start:end], kind) for start, end, kind, _, _ in marked_ranges(comparison, side)]


def test_a_figure_the_other_document_also_states_is_not_flagged_as_differing() -> None:
    comparison = compare(parse_document(LEFT, "/docs/a.txt"), parse_document(RIGHT, "/docs/b.txt"))
    differing = [(LEFT[e.left_start:e.left_end], RIGHT[e.right_start:e.right_end])
                 for link in comparison.links for e in link.evidence if e.kind == "differs"]
    assert ("14", "six") in differing  # the link to the first boat's paragraph says so ...
    assert ("14", "differs") not in marks("left")  # ... but the right document states 14 too
    assert ("31", "differs") not in marks("left")
    assert ("six", "differs") in marks("right")  # stated nowhere else on the left: flagged
