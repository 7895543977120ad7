"""The document opened beside the first one: its nearest by rare shared words."""

from __future__ import annotations

from pathlib import Path

from reader_app.core.corpus.partner import closest_partner, opening_order
from reader_app.core.documents import load_document, parse_document

SEEDS = sorted((Path(__file__).resolve().parent.parent.parent / "seeds").glob("*.txt"))


def test_the_seeds_open_on_the_two_reports_of_one_statement() -> None:
    documents = [load_document(path) for path in SEEDS]
    assert closest_partner(documents, 0) == 1


def test_unreadable_and_wordless_documents_are_never_chosen() -> None:
    first = parse_document("Harbour closed by the storm on Monday.", "a.txt")
    empty = parse_document("", "b.txt")
    assert closest_partner([first, None, empty], 0) is None
    assert closest_partner([first], 0) is None
    other = parse_document("The storm closed a harbour.", "c.txt")
    assert closest_partner([first, None, empty, other], 0) == 3
    assert closest_partner([empty, first], 0) is None


def test_documents_with_words_open_first_in_their_order() -> None:
    empty = parse_document("", "a.txt")
    first = parse_document("Harbour closed by the storm on Monday.", "b.txt")
    second = parse_document("The storm closed a harbour.", "c.txt")
    assert opening_order([empty, None, first, second]) == [2, 3, 0]
    assert opening_order([None, empty]) == [1]  # (an empty one still opens, alone)
    assert opening_order([]) == []
