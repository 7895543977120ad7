"""Which evidence pieces the panes mark: a figure is flagged as differing only where the other
document does not state it too, in another linked paragraph; and a differing piece is marked
in both panes or in neither, never on one side alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QTextCharFormat
from ui_helpers import WindowFactory, char_format_at, position_in, window_on_pair

from reader_app.core.compare import Side, compare
from reader_app.core.documents import parse_document
from reader_app.ui.compare.document_pane import DocumentPane
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
    # "six" (on the first boat) is not stated otherwise either: the piece "14" / "six" is
    # no disagreement, and the right pane alone flagging "six" said it was one.
    assert ("six", "differs") not in marks("right")
    assert ("12", "differs") not in marks("right")


def flagged(pane: DocumentPane, text: str) -> bool:
    """Whether the first ``text`` the pane shows is drawn as a differing figure (bold, with a
    wavy underline)."""
    shown = char_format_at(pane, position_in(pane, text))
    return (shown.fontWeight() == QFont.Weight.Bold
            and shown.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline)


def test_a_differing_piece_is_marked_in_both_panes_or_in_neither(
        make_window: WindowFactory, tmp_path: Path) -> None:
    """QA saw "six" flagged in the right pane and its counterpart "14" unmarked in the left."""
    window = window_on_pair(make_window, tmp_path, {"a.txt": LEFT, "b.txt": RIGHT})
    left, right = window.view.panes["left"], window.view.panes["right"]
    assert not flagged(left, "14 AK-47") and not flagged(right, "six AK-47")
    assert not flagged(left, "31 magazines") and not flagged(right, "12 magazines")
    assert all(kind != "differs" for bar in window.view.overviews.values()
               for _, _, kind in bar.marks())


def test_a_differing_figure_stated_nowhere_else_is_marked_in_both_panes(
        make_window: WindowFactory, tmp_path: Path) -> None:
    """Round against final numbers: "28" / "178" is no disagreement (the left states 178 in
    its next paragraph), so neither is marked; "68" / "369" is, in both panes."""
    texts = {"a.txt": ("Klitschko landed 28 of his 68 punches thrown during the round, while "
                       "Rahman connected on just 1-of-16 over those three minutes.\n\n"
                       "By the end Klitschko had landed 178 punches, the final numbers showed."),
             "b.txt": ("The final numbers showed Klitschko landing 178 of 369 punches thrown "
                       "while Rahman connected on just 30 of 207 punches thrown.")}
    window = window_on_pair(make_window, tmp_path, texts)
    left, right = window.view.panes["left"], window.view.panes["right"]
    assert flagged(left, "68 punches") and flagged(right, "369 punches")
    assert not flagged(left, "28 of") and not flagged(right, "178 of")
