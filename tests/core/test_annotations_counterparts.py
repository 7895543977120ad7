"""Counterparts: the words of the other document that a tagged passage corresponds to, found
through the links of its paragraph (their evidence, and a copy's shared wording): a copy's
alone where one gives some, else the rewrites'."""

from __future__ import annotations

import pytest
from conftest import SEED_FILES

from reader_app.core.annotations.counterparts import counterparts
from reader_app.core.compare import Comparison, compare
from reader_app.core.documents import load_document, parse_document

PUTIN = '"Putin does support the idea that a'
# One left paragraph: its first sentence copied into the right's second paragraph, its second
# reworded in the right's first.
MIXED_LEFT = ("The Kremlin said on Monday that talks on the ceasefire would go on next week in "
              "Riyadh. Putin thanked Trump for his efforts to end the war in Ukraine.\n")
MIXED_RIGHT = ("Putin expressed his gratitude to Trump, who has tried to stop the war in "
               "Ukraine.\n\nThe Kremlin said on Monday that talks on the ceasefire would go "
               "on next week in Riyadh, officials added.\n")


@pytest.fixture(scope="module")
def seeds() -> Comparison:
    return compare(load_document(SEED_FILES[0]), load_document(SEED_FILES[1]))


def found_texts(comparison: Comparison, quote: str) -> list[str]:
    start = comparison.left.text.index(quote)
    found = counterparts(comparison, "left", start, start + len(quote))
    return [comparison.right.text[a:b] for a, b in found]


def test_a_copied_quote_gives_the_copied_words_not_whole_linked_paragraphs(
        seeds: Comparison) -> None:
    found = found_texts(seeds, PUTIN)
    assert PUTIN in found
    # Every passage offered holds words the selection holds; none is a whole paragraph.
    for text in found:
        assert "Putin" in text
        assert not any(text == seeds.right.text[p.start:p.end] for p in seeds.right.paragraphs)


def test_a_link_sharing_nothing_with_the_selection_offers_nothing(seeds: Comparison) -> None:
    # The paragraph is also linked (on content) to "These questions are hanging in the air…",
    # a different statement: nothing in it corresponds to the selected words.
    assert not any("hanging" in text for text in found_texts(seeds, PUTIN))


def test_a_verbatim_copy_is_offered_alone(seeds: Comparison) -> None:
    """000's quote is copied word for word into 001, and its paragraph is linked on content
    to 001's "Putin still supports the idea …" too: only the copy is offered."""
    assert found_texts(seeds, PUTIN) == [PUTIN]


def test_a_copys_counterpart_keeps_the_copys_order(seeds: Comparison) -> None:
    """"ceasefire" is copied ("… the idea of a ceasefire"), and the word's evidence also pairs
    it with "truce" a sentence further on: the counterpart ends at the copied word."""
    assert found_texts(seeds, "Putin supports the idea of a ceasefire") == [
        "Putin still supports the idea of a ceasefire"]


@pytest.fixture(scope="module")
def mixed() -> Comparison:
    comparison = compare(parse_document(MIXED_LEFT, "l.txt"), parse_document(MIXED_RIGHT,
                                                                              "r.txt"))
    assert sorted(link.kind for link in comparison.links) == ["copy", "rewrite"]
    return comparison


def test_without_a_copy_the_rewrite_gives_the_stretch_its_evidence_spans(
        mixed: Comparison) -> None:
    # The paragraph's copy link holds nothing of this sentence: its rewording is offered.
    assert found_texts(mixed, "Putin thanked Trump") == ["Putin expressed his gratitude to Trump"]


def test_a_copy_found_for_part_of_the_passage_leaves_the_rewrites_out(
        mixed: Comparison) -> None:
    assert found_texts(mixed, "talks on the ceasefire") == ["talks on the ceasefire"]
    assert found_texts(mixed, "Riyadh. Putin thanked") == ["Riyadh"]


def test_a_selection_spanning_two_paragraphs_of_a_verbatim_copy() -> None:
    text = ("One two three four five six seven.\n\nEight nine ten eleven twelve thirteen.\n")
    comparison = compare(parse_document(text, "l.txt"), parse_document(text, "r.txt"))
    quote = "six seven.\n\nEight nine"
    start = text.index(quote)
    found = counterparts(comparison, "left", start, start + len(quote))
    assert [text[a:b] for a, b in found] == ["six seven.", "Eight nine"]
