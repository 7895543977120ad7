"""One comparison's word diffs share a time budget (``dmp.DiffBudget``): a hostile pair of
1.9 MB files drawn from 50 words made 3,204 candidate pairs of 14 ms each (48 s), 24,424 of
shorter ones 0.5 ms each; each diff had its own 2 s limit and nothing bounded their sum.

Once the budget is spent a candidate is not diffed (identical twins are still linked, by
their text), and the candidates sharing most wording are diffed first, so what is left out is
the weakest, wherever it lies in the documents."""

from __future__ import annotations

import pytest

from reader_app.core.compare import dmp, linking
from reader_app.core.compare.align import candidate_pairs
from reader_app.core.compare.engine import content_paragraphs
from reader_app.core.compare.linking import SideTokens, confirm_links
from reader_app.core.compare.worddiff import DiffOptions, Vocabulary
from reader_app.core.documents import parse_document

# Three sentences with no word in common, of 7, 11 and 14 words.
SHARED = ("harbour board voted tuesday closing north pier",
          "fishermen said winter storms had cracked both concrete pillars beneath decking",
          "engineers estimate repairs costing four million pounds would take eighteen months"
          " once funding arrives")


def test_each_diff_gets_what_is_left_of_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(dmp, "monotonic", lambda: clock[0])
    budget = dmp.DiffBudget(5.0)
    assert budget.timelimit() == dmp.DIFF_TIMEOUT_SECONDS  # never more than one diff's limit
    clock[0] = 104.5
    assert budget.timelimit() == pytest.approx(0.5)
    clock[0] = 106.0
    assert budget.timelimit() == 0.0  # spent: 0, which the backends would read as no limit


class _Grants:
    """A budget that grants a fixed number of diffs, then none (no clock in the test)."""

    def __init__(self, diffs: int) -> None:
        self.left = diffs

    def timelimit(self) -> float:
        self.left -= 1
        return 1.0 if self.left >= 0 else 0.0


def _pair() -> tuple[SideTokens, SideTokens, list[linking.Candidate]]:
    """Left paragraph i shares sentence i with right paragraph i (more words each time); 3
    is the same text on both sides."""
    twin = "An identical paragraph of agency copy that both reports carry word for word."
    left_text = "\n\n".join([*(f"{s} left alone." for s in SHARED), twin])
    right_text = "\n\n".join([*(f"Yet {s} on this side." for s in SHARED), twin])
    left, right = parse_document(left_text, "l.txt"), parse_document(right_text, "r.txt")
    vocabulary = Vocabulary()
    sides = SideTokens(left, DiffOptions(), vocabulary), SideTokens(right, DiffOptions(),
                                                                    vocabulary)
    return *sides, candidate_pairs(content_paragraphs(left), content_paragraphs(right))


def _confirmed(monkeypatch: pytest.MonkeyPatch, diffs: int) -> list[tuple[int, int]]:
    left, right, candidates = _pair()
    monkeypatch.setattr(linking, "DiffBudget", lambda: _Grants(diffs))
    return list(confirm_links(candidates, left, right, lambda: False, lambda _: None))


def test_a_full_budget_links_every_sharing_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _confirmed(monkeypatch, 1000) == [(0, 0), (1, 1), (2, 2), (3, 3)]


def test_a_spent_budget_diffs_the_strongest_candidates_first(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Two diffs granted: the pairs sharing 14 and 11 words; the 7-word pair is left out, the
    # twins are linked without a diff, and the verdicts keep the candidates' order.
    assert _confirmed(monkeypatch, 2) == [(1, 1), (2, 2), (3, 3)]


def test_no_budget_still_links_identical_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _confirmed(monkeypatch, 0) == [(3, 3)]
