"""How a ``variant`` piece is told to the reader: one word in another form, or another word."""

from __future__ import annotations

import pytest

from reader_app.core.compare.evidence_marking import variant_wording


@pytest.mark.parametrize(("left", "right"), [
    ("Zelenskiy", "Zelenskyy"), ("U.S.", "US"), ("three", "3"), ("30-day", "30 days"),
    ("supports", "supported"), ("Kyiv", "Kiev"), ("remained", "Remain"),
])
def test_one_word_written_otherwise_is_another_form(left: str, right: str) -> None:
    assert variant_wording(left, right) == "in another form"


@pytest.mark.parametrize(("left", "right"), [
    ("ceasefire", "truce"), ("ceasefire", "Truce"), ("killed", "died"), ("said", "told"),
])
def test_words_used_for_one_another_are_another_word(left: str, right: str) -> None:
    assert variant_wording(left, right) == "in another word"
