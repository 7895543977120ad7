"""Words outlets swap for one another share a key (``data/synonyms.txt``): each word as
listed, with its inflections, and every form of a group's first word; never a word that
merely shares a listed word's stem."""

from __future__ import annotations

import pytest

from reader_app.core.compare.content_terms import paragraph_terms


def key(word: str) -> str:
    text = f"they saw {word} there"
    (term,) = [t for t in paragraph_terms(text, 0, len(text)) if text[t.start:t.end] == word]
    return term.key


@pytest.mark.parametrize(("one", "other"), [
    ("died", "dies"), ("killed", "fatalities"), ("stopping", "halted"), ("supports", "agrees"),
    ("guns", "firearm"), ("dismissed", "fired"), ("lasting", "durable"), ("truce", "ceasefire"),
    ("attorneys", "lawyer"), ("person", "people"), ("reporters", "journalists"),
])
def test_words_of_one_group_share_a_key(one: str, other: str) -> None:
    assert key(one) == key(other)


@pytest.mark.parametrize(("one", "other"), [
    # Stems shared with words of other meanings: "offic", "resid", "last", "fire".
    ("office", "police"), ("residents", "home"), ("last", "durable"), ("fire", "dismissed"),
    # A group's first word joins by its stem: "reporter" would have taken every "reported".
    ("reported", "journalist"), ("personal", "people"),
])
def test_a_word_sharing_only_a_stem_with_a_group_stays_apart(one: str, other: str) -> None:
    assert key(one) != key(other)
