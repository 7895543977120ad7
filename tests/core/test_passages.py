"""Shared passages across documents: what counts, where they stand, in which order."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.core.corpus.passages import (
    Occurrence,
    Passage,
    _without_contained,
    shared_passages,
)
from reader_app.core.documents import parse_document
from reader_app.core.formats.passages import passages_to_json

QUOTE = "the idea itself is correct and we will certainly support it"


def doc(text: str, name: str):  # type: ignore[no-untyped-def]
    return parse_document(text, path=f"/corpus/{name}")


def test_a_quote_in_three_documents_is_one_passage_with_three_occurrences() -> None:
    documents = [
        doc(f"Putin said: “{QUOTE.capitalize()},” on Thursday.", "a.txt"),
        doc(f'Reporters heard "{QUOTE.upper()}" at the Kremlin.', "b.txt"),
        doc(f"Unrelated words first. {QUOTE}. Then more.", "c.txt"),
        doc("A document about something else entirely, with no quote.", "d.txt"),
    ]
    passages = shared_passages(documents)
    assert len(passages) == 1
    passage = passages[0]
    assert passage.words == len(QUOTE.split())
    assert passage.documents == 3
    for occurrence, document in zip(passage.occurrences, documents, strict=False):
        found = document.text[occurrence.start : occurrence.end]
        assert [w.casefold() for w in re.findall(r"\w+", found)] == QUOTE.split()


def test_runs_shorter_than_min_words_are_not_passages() -> None:
    documents = [doc("one two three four five six seven", "a.txt"),
                 doc("one two three four five six seven", "b.txt")]
    assert shared_passages(documents) == []  # 7 words < 8
    assert shared_passages(documents, min_words=7)[0].words == 7


def test_order_is_most_documents_then_longest() -> None:
    long_run = " ".join(f"w{i}" for i in range(20))
    short_run = " ".join(f"s{i}" for i in range(9))
    documents = [
        doc(f"{long_run}. {short_run}.", "a.txt"),
        doc(f"{long_run}. {short_run}.", "b.txt"),
        doc(f"filler {short_run} filler", "c.txt"),
    ]
    passages = shared_passages(documents)
    # a and b share both runs back to back (29 words); c shares the short one only
    assert [(p.documents, p.words) for p in passages] == [(3, 9), (2, 29)]


def test_a_passage_inside_a_longer_one_of_the_same_documents_is_not_repeated() -> None:
    text = " ".join(f"w{i}" for i in range(30))
    passages = shared_passages([doc(text, "a.txt"), doc(text, "b.txt")])
    assert [p.words for p in passages] == [30]


def test_boilerplate_is_not_a_passage() -> None:
    line = "Also Read | Russian Strike on Zelenskiy's Hometown Kills 19 People Today"
    assert shared_passages([doc(line, "a.txt"), doc(line, "b.txt")]) == []


def test_json_shape() -> None:
    documents = [doc(QUOTE, "a.txt"), doc(QUOTE, "b.txt")]
    payload = passages_to_json(shared_passages(documents))
    assert payload["format"] == "reader-app.passages/1"
    entry = payload["passages"][0]  # type: ignore[index]
    assert set(entry) == {"text", "words", "occurrences"}
    assert entry["occurrences"] == [
        {"path": "/corpus/a.txt", "start": 0, "end": len(QUOTE)},
        {"path": "/corpus/b.txt", "start": 0, "end": len(QUOTE)},
    ]


def test_min_words_must_be_positive() -> None:
    with pytest.raises(ValueError):
        shared_passages([], min_words=0)


WORDS = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "Alpha", "BETA"]),
                 max_size=60)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=2, max_size=4), st.integers(min_value=2, max_value=6))
def test_every_occurrence_holds_the_passage_and_two_documents_share_it(
    texts: list[list[str]], min_words: int
) -> None:
    documents = [doc(" ".join(words), f"{i}.txt") for i, words in enumerate(texts)]
    by_path = {d.path: d for d in documents}
    for passage in shared_passages(documents, min_words):
        assert passage.words >= min_words
        assert passage.documents >= 2
        expected = [w.casefold() for w in re.findall(r"\w+", passage.text)]
        for occurrence in passage.occurrences:
            text = by_path[occurrence.path].text[occurrence.start : occurrence.end]
            assert [w.casefold() for w in re.findall(r"\w+", text)] == expected



def _naively_without_contained(passages: list[Passage]) -> list[Passage]:
    """The rule as first written: a passage is dropped when every occurrence of it lies
    inside an occurrence of a longer kept one of the same documents (each against each)."""
    kept: list[Passage] = []
    for passage in passages:
        paths = {o.path for o in passage.occurrences}
        if not any(
            longer.words > passage.words and {o.path for o in longer.occurrences} == paths
            and all(any(o.path == w.path and w.start <= o.start and o.end <= w.end
                        for w in longer.occurrences) for o in passage.occurrences)
            for longer in kept
        ):
            kept.append(passage)
    return kept


OCCURRENCES = st.lists(st.builds(lambda path, start, length: Occurrence(path, start,
                                                                        start + length),
                                 st.sampled_from("ab"), st.integers(0, 30),
                                 st.integers(1, 12)), min_size=1, max_size=5)
PASSAGES = st.lists(st.builds(Passage, st.just("x"), st.integers(1, 6), OCCURRENCES.map(tuple)),
                    max_size=12)


@settings(max_examples=300, deadline=None)
@given(PASSAGES)
def test_passages_inside_longer_ones_are_dropped_as_the_rule_says(
    passages: list[Passage]
) -> None:
    # Indexed now (comparing every occurrence with every other took minutes for two 2 MiB
    # documents of reused copy): the same passages kept, overlapping occurrences included.
    ordered = sorted(passages, key=lambda p: (-p.documents, -p.words))
    assert _without_contained(ordered) == _naively_without_contained(ordered)
