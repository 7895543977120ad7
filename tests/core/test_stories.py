"""The content matrix of many documents: beyond the exact limit, each document is compared
with the documents that share its rare terms."""

from __future__ import annotations

import pytest
from comparison_checks import doc

from reader_app.core.compare import compare
from reader_app.core.corpus import stories

AVALANCHE = "Rescuers pulled four climbers from an avalanche near Zermatt on Tuesday."
# Words no other document holds: the rarest of all, and useless for finding a partner.
LEFT = AVALANCHE + " Quorblix frandle wuzzet plimbor."
RIGHT = ("Four climbers were pulled from an avalanche near Zermatt by rescuers on Tuesday. "
         "Grelvish tonquat vabbery snorkip.")
OTHERS = ["The central bank raised interest rates by a quarter point on Wednesday.",
          "The orchestra opened its season with a symphony by Sibelius."]


def test_a_document_is_indexed_by_terms_another_document_holds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "EXACT_LIMIT", 0)  # the neighbour index, not every pair
    monkeypatch.setattr(stories, "RARE_TERMS", 4)
    documents = [doc(text, f"{n}.txt") for n, text in enumerate([LEFT, RIGHT, *OTHERS])]
    matrix = stories.content_matrix(documents)
    expected = compare(documents[0], documents[1]).stats.content
    assert expected > 0
    assert matrix[0][1] == matrix[1][0] == expected


def test_one_report_bridging_two_events_does_not_chain_them_into_one_story() -> None:
    # Two events of one kind, three reports each; one report of the first shares 40 % with
    # one of the second (the background both tell).
    matrix = [[1.0 if i == j else 0.0 for j in range(6)] for i in range(6)]
    for group in ((0, 1, 2), (3, 4, 5)):
        for i in group:
            for j in group:
                if i != j:
                    matrix[i][j] = 0.6
    matrix[2][3] = matrix[3][2] = 0.4
    assert stories.stories(matrix) == [[0, 1, 2], [3, 4, 5]]
    for i in (0, 1, 2):  # every report of one shares 30 % with each of the other: one story
        for j in (3, 4, 5):
            matrix[i][j] = matrix[j][i] = 0.3
    assert stories.stories(matrix) == [[0, 1, 2, 3, 4, 5]]
