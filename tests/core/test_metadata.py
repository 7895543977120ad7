"""Metadata guessed from a document's text: title, byline, date, source URL, word count."""

from __future__ import annotations

import pytest
from conftest import SEED_FILES

from reader_app.core.documents import load_document, parse_document


def test_seed_001_metadata() -> None:
    meta = load_document(SEED_FILES[1]).metadata
    assert meta.title == "Kremlin Says Putin Still Supports Ukraine Truce, But Questions Remain"
    assert meta.byline == "AFP"
    assert meta.date == "2025-04-07"
    assert meta.url is not None
    assert meta.url.startswith("https://www.themoscowtimes.com/")
    assert meta.outlet == "AFP"


def test_seed_000_date_from_leading_date_marker() -> None:
    meta = load_document(SEED_FILES[0]).metadata
    assert meta.date == "2025-04-07"
    assert meta.title is not None
    assert "date" not in meta.title.lower().split()[:1]


def test_document_title_falls_back_to_the_file_name(tmp_path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Hi.\n", encoding="utf-8")
    document = load_document(path)
    assert document.metadata.title is None
    assert document.title == "notes.txt"


def test_header_lines_give_title_byline_and_date() -> None:
    text = (
        "Central Bank Raises Rates Again\n\n"
        "By [Jane Doe](#)\n\n"
        "March 3, 2024\n\n"
        "The central bank raised interest rates on Tuesday, its third increase this year.\n"
    )
    meta = parse_document(text).metadata
    assert meta.title == "Central Bank Raises Rates Again"
    assert meta.byline == "Jane Doe"
    assert meta.date == "2024-03-03"
    assert meta.url is None
    assert meta.word_count == 24


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("March 3, 2024", "2024-03-03"),
        ("Mar. 3rd 2024", "2024-03-03"),
        ("3 March 2024", "2024-03-03"),
        ("3rd March, 2024", "2024-03-03"),
        ("2024-03-03", "2024-03-03"),
        ("Published 2024-3-3", "2024-03-03"),
        ("February 30, 2024", None),
        ("Smarch 3, 2024", None),
    ],
)
def test_dates_are_read_as_iso(line: str, expected: str | None) -> None:
    text = f"A Headline Of Several Words\n\n{line}\n\nThe body of the story follows here.\n"
    assert parse_document(text).metadata.date == expected


def test_a_date_inside_a_long_sentence_is_not_the_date() -> None:
    text = "Some Headline Words Here\n\nOn March 3, 2024 the bank raised rates by half a point.\n"
    assert parse_document(text).metadata.date is None


def test_leading_date_marker() -> None:
    text = " date 2025-04-07 The Kremlin said on Monday that talks would go on as planned.\n"
    meta = parse_document(text).metadata
    assert meta.date == "2025-04-07"
    assert meta.title is not None
    assert meta.title.startswith("The Kremlin said on Monday")


def test_url_after_original_url_line_and_outlet_from_host() -> None:
    text = (
        "A Headline Of Several Words\n\nThe body of the story follows here.\n\n"
        "Original url:\n\n<https://www.example.org/2024/03/story>\n"
    )
    document = parse_document(text)
    assert document.metadata.url == "https://www.example.org/2024/03/story"
    assert document.metadata.byline is None
    assert document.metadata.outlet == "example.org"
    assert [p.boilerplate for p in document.paragraphs] == [False, False, True, False]


@pytest.mark.parametrize("text", ["", "\n\n", "Hi.", "12:45\n\nAdvertisement"])
def test_missing_fields_are_none(text: str) -> None:
    meta = parse_document(text).metadata
    assert (meta.title, meta.byline, meta.date, meta.url, meta.outlet) == (None,) * 5


def test_long_first_sentence_title_is_shortened() -> None:
    sentence = "The Kremlin on Monday said that " + "the talks would continue " * 8 + "today."
    meta = parse_document(sentence + "\n").metadata
    assert meta.title is not None
    assert meta.title.endswith("…")
    assert len(meta.title) <= 91
    assert sentence.startswith(meta.title.removesuffix("…"))


@pytest.mark.parametrize(
    ("text", "words"),
    [("", 0), ("one two, three", 3), ("l'été — déjà vu", 4), ("a_b 12 ٣٤", 3), ("😀 !!", 0)],
)
def test_word_count_counts_backslash_w_runs(text: str, words: int) -> None:
    assert parse_document(text).metadata.word_count == words


@pytest.mark.parametrize(("dateline", "date"), [
    ("Updated: November 11, 2011 20:09 IST", "2011-11-11"),
    ("21 July 2013 Last updated at 11:11 GMT", "2013-07-21"),
    ("Last Updated: Monday, 28 November 2005, 02:24 GMT", "2005-11-28"),
    ("PUBLISHED FRIDAY, MARCH 8, 2013 AT 12:46 PM/UPDATED AT 12:48 PM", "2013-03-08"),
    ("Posted 12/19/2005 3:36 PM", "2005-12-19"),  # (was the title, two rows told apart by none)
    ("Updated 09/14/2013 01:03 PM", "2013-09-14"),
    ("8/2/13 at 1:30 PM", None),  # no year of four digits: no date, and still no title
    ("Posted 03/04/2005 10:41 GMT", None),  # the 3rd of April or the 4th of March
])
def test_a_dateline_is_no_title_but_gives_the_date(dateline: str, date: str | None) -> None:
    document = parse_document(f"{dateline}\n\nNavy foils Somali pirate attack off Gulf of Aden\n\n"
                              "The Indian Navy thwarted an attack on merchant vessels on Thursday.",
                              path="/docs/a.txt")
    assert document.title == "Navy foils Somali pirate attack off Gulf of Aden"
    assert document.metadata.date == date
