"""Anchoring: a tagged passage is found again after its document changes, or is orphaned."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import SEED_FILES
from hypothesis import assume, given
from hypothesis import strategies as st

from reader_app.core.annotations.anchoring import (
    anchor,
    count_occurrences,
    find_occurrence,
    similarity,
)
from reader_app.core.annotations.listing import anchor_all
from reader_app.core.annotations.model import EXACT, FUZZY, ORPHANED, Target, new_annotation
from reader_app.core.documents import load_document, parse_document
from reader_app.core.formats.annotations import to_text

SEED = load_document(SEED_FILES[2]).text  # a few thousand characters of news text
QUOTES = [
    "Steve Witkoff",  # short
    "I think a ceasefire",
    "special envoy against Russia and Ukraine, Steve Witkoff, will travel to Moscow",  # > 32
]


def target_of(text: str, quote: str) -> Target:
    start = text.index(quote)
    return Target.in_text(text, start, start + len(quote))


@pytest.mark.parametrize("quote", QUOTES)
def test_unchanged_text_is_exact(quote: str) -> None:
    target = target_of(SEED, quote)
    found = anchor(target, SEED)
    assert (found.start, found.end, found.status) == (target.start, target.end, EXACT)


@pytest.mark.parametrize("quote", QUOTES)
def test_text_inserted_before_the_quote(quote: str) -> None:
    target = target_of(SEED, quote)
    inserted = "A new first paragraph, added when the article was updated.\n\n" * 20
    changed = inserted + SEED
    found = anchor(target, changed)
    assert found.status == FUZZY
    assert (found.start, found.end) == (target.start + len(inserted), target.end + len(inserted))


@pytest.mark.parametrize(("quote", "word", "new_word"), [
    ("I think a ceasefire", "think", "believe"),
    ("I think a ceasefire", "I", "We"),  # the first word
    ("I think a ceasefire", "ceasefire", "truce"),  # the last word
    (QUOTES[2], "travel", "fly"),
    (QUOTES[2], "special", "personal"),
    (QUOTES[2], "Moscow", "the Russian capital"),
])
def test_a_word_reworded_inside_the_quote(quote: str, word: str, new_word: str) -> None:
    target = target_of(SEED, quote)
    reworded = quote.replace(word, new_word, 1)
    changed = SEED[: target.start] + reworded + SEED[target.end :]
    found = anchor(target, changed)
    assert found.status == FUZZY
    assert changed[found.start : found.end] == reworded


PIRATES = ("The Indian Navy thwarted an attack by Somali pirates in the Gulf of Aden and foiled "
           "an attack on merchant vessels.\n\nINS Sukanya detected five suspicious boats, "
           "speedily approaching the merchant vessels.\n")


@pytest.mark.parametrize(("old", "new", "expected"), [
    # Words put before the quote's first word are the new prefix's, not the quote's.
    ("INS Sukanya detected five suspicious", "Officials said the INS Sukanya then detected "
     "five suspicious", "INS Sukanya then detected five suspicious"),
    ("INS Sukanya detected five suspicious", "Officials said the INS Sukanya detected five "
     "suspicious", "INS Sukanya detected five suspicious"),
    # Words put after its last word are the new suffix's.
    ("detected five suspicious boats", "detected five very suspicious boats and two ships",
     "detected five very suspicious boats"),
])
def test_words_added_around_the_quote_are_left_out(old: str, new: str, expected: str) -> None:
    target = target_of(PIRATES, old)
    changed = PIRATES.replace(old, new)
    found = anchor(target, changed)
    assert (found.status, changed[found.start : found.end]) == (FUZZY, expected)


def test_reworded_and_moved() -> None:
    target = target_of(SEED, QUOTES[2])
    reworded = QUOTES[2].replace("travel", "fly")
    changed = SEED[: target.start] + reworded + SEED[target.end :]
    changed = changed[target.end + 200 :] + "\n\n" + changed[: target.end + 200]
    found = anchor(target, changed)
    assert found.status == FUZZY and changed[found.start : found.end] == reworded


@pytest.mark.parametrize("quote", QUOTES[1:])
def test_a_deleted_quote_is_orphaned(quote: str) -> None:
    target = target_of(SEED, quote)
    assert anchor(target, SEED[: target.start] + SEED[target.end :]).status == ORPHANED
    paragraph_start = SEED.rfind("\n", 0, target.start) + 1
    paragraph_end = SEED.find("\n", target.end)
    without = SEED[:paragraph_start] + SEED[paragraph_end:]
    found = anchor(target, without)
    assert (found.start, found.end, found.status) == (None, None, ORPHANED)


def test_an_orphan_is_still_listed() -> None:
    document = parse_document(SEED, path="/news/seed.txt")
    start = SEED.index(QUOTES[2])
    annotation = new_annotation(document, start, start + len(QUOTES[2]), ["verify"])
    changed = parse_document(SEED.replace(QUOTES[2], ""), path="/news/seed.txt")
    (listed,) = anchor_all([annotation], load=lambda path: changed)
    assert listed.annotation == annotation and listed.anchor.status == ORPHANED
    assert "orphaned" in to_text([listed]) and "verify" in to_text([listed])


def test_a_missing_document_orphans_its_annotations() -> None:
    document = parse_document(SEED, path="/nowhere/gone.txt")
    annotation = new_annotation(document, 0, 10, ["x"])
    (listed,) = anchor_all([annotation])
    assert listed.anchor.status == ORPHANED


def test_context_chooses_between_occurrences() -> None:
    text = "Alpha said the deal is off. Beta said the deal is off. Gamma said the deal is off."
    start = text.index("the deal", text.index("Beta"))
    target = Target.in_text(text, start, start + len("the deal"))
    changed = "Preamble. " + text.replace("Alpha said", "Alpha had said")
    found = anchor(target, changed)
    assert found.status == FUZZY
    assert found.start == changed.index("the deal", changed.index("Beta"))


def test_offsets_are_code_points() -> None:
    text = "😀 emoji, e\u0301 combining, then the quote we tagged, then more."
    target = target_of(text, "the quote we tagged")
    changed = "😀😀 " + text
    found = anchor(target, changed)
    assert changed[found.start : found.end] == "the quote we tagged"


@pytest.mark.parametrize("text", ["", "completely unrelated words"])
def test_nothing_to_find(text: str) -> None:
    target = Target("the quote we tagged", "", "", 0, 19)
    assert anchor(target, text).status == ORPHANED


def test_find_occurrence_counts_without_overlap() -> None:
    assert [find_occurrence("aaaa", "aa", n) for n in (1, 2, 3)] == [0, 2, -1]
    assert find_occurrence("a b a", "a", 2) == 4
    assert count_occurrences("aaaa", "aa") == 2


def test_similarity() -> None:
    assert similarity("", "") == 1.0
    assert similarity("abcd", "abcd") == 1.0
    assert similarity("abcd", "wxyz") == 0.0
    assert 0.7 < similarity("the minister said", "the minister stated") < 1.0


_WORDS = ["peace", "talks", "Kremlin", "envoy", "said", "truce", "Moscow", "Kyiv", "news",
          "report", "on", "the", "a", "of", "and", "week", "deal", "army", "front", "aide"]
_text = st.lists(st.sampled_from(_WORDS), min_size=60, max_size=200).map(" ".join)
_edit_text = st.text("abcxyz \n.,", max_size=30)


@given(_text, st.data())
def test_unrelated_edits_leave_the_quote_findable(text: str, data: st.DataObject) -> None:
    """Edits away from the quote and its context never lose it, nor move it elsewhere."""
    start = data.draw(st.integers(40, len(text) - 50), label="start")
    end = data.draw(st.integers(start + 8, min(start + 60, len(text) - 40)), label="end")
    target = Target.in_text(text, start, end)
    before_cut = data.draw(st.integers(0, start - 32), label="edit before at")
    after_cut = data.draw(st.integers(end + 32, len(text)), label="edit after at")
    inserted_before, inserted_after = data.draw(_edit_text), data.draw(_edit_text)
    changed = (text[:before_cut] + inserted_before + text[before_cut:after_cut]
               + inserted_after + text[after_cut:])
    found = anchor(target, changed)
    assert found.status in (EXACT, FUZZY)
    assert changed[found.start : found.end] == target.exact
    if changed[start:end] == target.exact:  # (repetitive text) the contract: it stays there
        assert (found.start, found.status) == (start, EXACT)
        return
    window = target.prefix + target.exact + target.suffix
    assume(changed.count(window) == 1)  # else another copy, context and all, is as right
    assert found.start == start + len(inserted_before)


_NEW_WORDS = st.lists(st.sampled_from(["Officials", "Reuters", "stated", "now"]),
                      min_size=1, max_size=3).map(" ".join)
_SEED_WORDS = [(m.start(), m.end()) for m in re.finditer(r"\w+", SEED)]


@given(st.data())
def test_words_put_before_and_inside_the_quote(data: st.DataObject) -> None:
    """Words inserted right before a quote (its first word kept) are not taken into it; a word
    inserted inside it is."""
    first = data.draw(st.integers(0, len(_SEED_WORDS) - 11), label="first word")
    size = data.draw(st.integers(5, 10), label="words")
    # After the second word at the earliest: after the first, dropping both that word and
    # the one inserted is as good a reading of the edit (and so is "then" after "the").
    cut = data.draw(st.integers(2, size - 1), label="inside after word")
    start, end = _SEED_WORDS[first][0], _SEED_WORDS[first + size - 1][1]
    middle = _SEED_WORDS[first + cut][0]
    assume("\n" not in SEED[start:end])  # within one paragraph
    # Two words as written before the insertion: "It's" is two words ("It", "s") to ``\w+``,
    # and dropping "It's also" is as near a reading of "It's also up to Russia" as keeping it.
    assume(len(SEED[start:middle].split()) >= 2)
    target = Target.in_text(SEED, start, end)
    inside = SEED[start:middle] + "also " + SEED[middle:end]
    changed = SEED[:start] + data.draw(_NEW_WORDS, label="before") + " " + inside + SEED[end:]
    assume(target.exact not in changed)  # else that other copy, verbatim, is as right
    found = anchor(target, changed)
    # A short quote so edited may be too unlike itself to be found: this is about the edges.
    assume(found.status != ORPHANED)
    assert (found.status, changed[found.start : found.end]) == (FUZZY, inside)


def test_a_tag_read_with_a_line_break_stays_on_its_annotation_s_line() -> None:
    # A file's tag "ok\nexact  forged.txt:1-2 …" printed a forged second line in the text list.
    document = parse_document(SEED, path="/news/seed.txt")
    start = SEED.index(QUOTES[2])
    made = new_annotation(document, start, start + len(QUOTES[2]), ["verify"])
    forged = replace(made, tags=("ok\nexact     forged.txt:1-2  [fake]",))
    (listed,) = anchor_all([forged], load=lambda path: document)
    text = to_text([listed])
    assert len(text.splitlines()) == 2  # the annotation's line, and the count
    assert "[ok exact forged.txt:1-2 [fake]]" in text
