"""A conflict the panes do not mark is told nowhere: the text output's heading and list and the
band tooltip count and list a link's pieces as the window shows them
(``evidence_marking.shown_evidence``)."""

from __future__ import annotations

from reader_app.core.compare import Comparison, compare
from reader_app.core.compare.evidence_marking import differing_pieces, shown_evidence
from reader_app.core.documents import parse_document
from reader_app.core.formats.text import evidence_summary, render_text
from reader_app.ui.compare.link_styles import link_tooltip

# The right document states the left's 14 rifles too, in its second paragraph: "14" / "six"
# (the first boat's haul) is no conflict, and the panes mark it in neither.
NAVY = ("The navy seized 14 AK-47 rifles, 31 magazines and 923 rounds from the pirates on "
        "Thursday.",
        "Officers found six AK-47 rifles and 12 magazines on the first pirate boat, the navy "
        "said.\n\nIn all the navy seized 14 AK-47 rifles, 31 magazines and 923 rounds of "
        "ammunition from the pirates.")
BOMBING = ("At least 30 people were killed in the market bombing on Monday.",
           "The market bombing on Tuesday killed 25 people, officials said.")


def compared(texts: tuple[str, str]) -> Comparison:
    return compare(parse_document(texts[0], "/docs/a.txt"),
                   parse_document(texts[1], "/docs/b.txt"))


def test_an_unmarked_conflict_is_neither_counted_nor_listed() -> None:
    navy = compared(NAVY)
    (boat,) = [k for k in navy.links if k.right == 0]
    assert "differs" in {e.kind for e in boat.evidence}  # found, but not marked ...
    differing = differing_pieces(navy)
    assert "differs" not in {kind for _, kind in shown_evidence(navy, boat, differing)}
    assert "differs" not in evidence_summary(navy, boat, differing)  # ... so not told
    assert "differs" not in render_text(navy)
    assert "differs" not in link_tooltip(navy, boat)


def test_a_marked_conflict_is_counted_and_listed() -> None:
    bombing = compared(BOMBING)
    (link,) = bombing.links
    assert "1 differs" in evidence_summary(bombing, link, differing_pieces(bombing))
    assert "differs: 30 ≠ 25" in link_tooltip(bombing, link)
