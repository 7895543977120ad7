"""Counterparts: the words of the other document that a tagged passage corresponds to, found
through the links of its paragraph (their evidence, and a copy's shared wording)."""

from __future__ import annotations

import pytest
from conftest import SEED_FILES

from reader_app.core.annotations.counterparts import counterparts
from reader_app.core.compare import Comparison, compare
from reader_app.core.documents import load_document, parse_document

PUTIN = '"Putin does support the idea that a'


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


def test_a_rewrite_gives_the_stretch_its_evidence_spans(seeds: Comparison) -> None:
    found = found_texts(seeds, PUTIN)
    assert "Putin still supports the idea" in found


def test_a_selection_spanning_two_paragraphs_of_a_verbatim_copy() -> None:
    text = ("One two three four five six seven.\n\nEight nine ten eleven twelve thirteen.\n")
    comparison = compare(parse_document(text, "l.txt"), parse_document(text, "r.txt"))
    quote = "six seven.\n\nEight nine"
    start = text.index(quote)
    found = counterparts(comparison, "left", start, start + len(quote))
    assert [text[a:b] for a, b in found] == ["six seven.", "Eight nine"]
