"""Two reports of similar events (two earthquakes) share the topic's words, not its facts:
a reworded link between documents that name other places and people must be stronger."""

from __future__ import annotations

import pytest
from comparison_checks import assert_comparison_valid, doc

from reader_app.core.compare import Comparison, compare, content_facts
from reader_app.core.compare.content_judge import LINK_THRESHOLD, content_terms

QESHM = ("A strong earthquake struck Qeshm island off Iran on Sunday, injuring residents of two "
         "villages.\n\n"
         "Governor Mehdi Irannejad told ISNA that rescue teams had reached Qeshm by nightfall.")
SONOMA = ("Two villages near Santa Rosa were damaged when a quake shook Sonoma County, California, "
          "on Saturday.\n\n"
          "Sheriff Steve Freitas told KPIX that crews were in Sonoma County before dark.")
QESHM_REWORDED = ("Residents of two villages were injured when a strong quake shook Qeshm island, "
                  "Iran, on Sunday.\n\n"
                  "Irannejad told ISNA that rescue teams were on Qeshm before dark.")


def compared(left: str, right: str) -> Comparison:
    c = compare(doc(left, "a.txt"), doc(right, "b.txt"))
    assert_comparison_valid(c)
    return c


def agreement(left: str, right: str) -> float | None:
    a, b = doc(left, "a.txt"), doc(right, "b.txt")
    terms = content_terms(a.text, [(p.start, p.end) for p in a.paragraphs],
                          b.text, [(p.start, p.end) for p in b.paragraphs])
    return content_facts.name_agreement([p.terms for p in terms.left if p],
                                        [p.terms for p in terms.right if p], terms.names)


def test_a_similar_event_elsewhere_is_not_linked_on_topic_words() -> None:
    assert compared(QESHM, SONOMA).links == ()


def test_without_the_names_rule_the_topic_words_would_link(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(content_facts, "STRICTEST", LINK_THRESHOLD)
    (link,) = compared(QESHM, SONOMA).links
    assert link.kind == "rewrite"


def test_the_same_event_reworded_is_linked() -> None:
    c = compared(QESHM, QESHM_REWORDED)
    assert (0, 0) in {(k.left, k.right) for k in c.links}


def test_documents_naming_other_places_and_people_do_not_agree() -> None:
    assert agreement(QESHM, SONOMA) == 0.0
    same = agreement(QESHM, QESHM_REWORDED)
    assert same is not None and same > content_facts.FULL_AGREEMENT


def test_a_document_naming_no_one_leaves_the_threshold_as_it_is() -> None:
    assert agreement("the quake damaged houses in two villages", QESHM) is None
    assert content_facts.threshold_at(None, 0.17) == 0.17
    assert not content_facts.reports_one_event(None)


@pytest.mark.parametrize(("shared", "expected"), [(0.0, 0.30), (0.2, 0.235), (0.4, 0.17),
                                                  (0.9, 0.17)])
def test_the_threshold_rises_as_names_diverge(shared: float, expected: float) -> None:
    assert content_facts.threshold_at(shared, 0.17) == pytest.approx(expected)
    assert content_facts.reports_one_event(shared) == (expected == 0.17)


def test_a_many_word_name_is_one_mention() -> None:
    # Both quakes quote the U.S. Geological Survey, every quake report's source: three name
    # words, but one mention, or two reports of other quakes would agree as one event's do.
    left = ("The U.S. Geological Survey said the quake hit Qeshm near Bandar Abbas and Iran "
            "on Monday.")
    right = ("The U.S. Geological Survey said the quake hit Sonoma near Santa Rosa and Napa.")
    found = agreement(left, right)
    assert found is not None
    # Left: 5 mentions (the Survey once, Bandar Abbas once), 1 shared; right: 4, 1 shared.
    assert found == pytest.approx((1 / 5 + 1 / 4) / 2)
    assert not content_facts.reports_one_event(found)
