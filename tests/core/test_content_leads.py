"""The content judge's lead rule: the opening paragraphs of two reports of one event state its
main fact, so a pair of them sharing a name of the story is linked on half the evidence a
pair elsewhere needs — never on topic words alone (nor between reports of similar events:
``test_content_facts``)."""

from __future__ import annotations

from comparison_checks import assert_comparison_valid, doc

from reader_app.core.compare import compare

# Headline and lead of two reports of one decision: the headlines share "Obama" and
# "wildlife" only, a cosine below the bar.
LEFT = ["Obama restores scientific review of endangered wildlife",
        "President Obama on Tuesday restored a requirement that federal agencies consult "
        "government scientists before approving dams, highways and mines.",
        "Interior Secretary Ken Salazar said the change would take effect at once across every "
        "regional office."]
RIGHT = ["Obama administration overturns Bush-era rule, a decision welcomed by environmental "
         "groups and wildlife advocates",
         "Interior Secretary Ken Salazar announced the decision in Washington after months of "
         "review by agency lawyers.",
         "Environmental groups had sued to block the rule in several federal courts."]
# Three paragraphs both reports carry first, word for word.
SHARED_OPENING = ["Farmers in the valley said the drought had cut their harvest by half this year.",
                  "Water levels in the reservoir fell to their lowest since records began.",
                  "The regional council will meet next week to discuss rationing."]


def links(left: list[str], right: list[str]) -> list[tuple[int, int, str]]:
    c = compare(doc("\n\n".join(left), "a.txt"), doc("\n\n".join(right), "b.txt"))
    assert_comparison_valid(c)
    return [(link.left, link.right, link.kind) for link in c.links]


def test_two_headlines_of_one_event_are_linked_on_less_evidence() -> None:
    assert links(LEFT, RIGHT) == [(0, 0, "rewrite")]


def test_the_same_pair_further_down_both_reports_is_not_linked() -> None:
    assert links(SHARED_OPENING + LEFT, SHARED_OPENING + RIGHT) == [
        (0, 0, "copy"), (1, 1, "copy"), (2, 2, "copy")]


def test_headlines_sharing_no_name_or_figure_are_not_linked() -> None:
    """Without "Obama" the headlines share a topic word, "wildlife": no fact."""
    left = ["Scientific review of endangered wildlife restored", *LEFT[1:]]
    right = ["Administration overturns Bush-era rule, a decision welcomed by environmental "
             "groups and wildlife advocates", *RIGHT[1:]]
    assert links(left, right) == []
