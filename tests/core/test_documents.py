"""Documents: decoding files, normalising line endings, splitting paragraphs, boilerplate."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reader_app.core.documents import (
    Document,
    decode_bytes,
    is_boilerplate,
    load_document,
    parse_document,
)
from reader_app.core.errors import ReaderError
from reader_app.core.text import count_words, word_counts


def assert_paragraph_invariants(document: Document) -> None:
    """Each paragraph is a stripped, non-empty slice of the text; in order; not overlapping."""
    previous_end = 0
    for paragraph in document.paragraphs:
        assert previous_end <= paragraph.start < paragraph.end <= len(document.text)
        chunk = document.text[paragraph.start : paragraph.end]
        assert chunk == chunk.strip()
        assert chunk
        previous_end = paragraph.end


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- decoding ----------------------------------------------------------------------------


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "bom.txt", codecs.BOM_UTF8 + b"Hello there."))
    assert document.text == "Hello there."
    assert document.paragraphs[0].start == 0
    assert document.warnings == ()


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"one line\r\ntwo line\r\n", "one line\ntwo line\n"),
        (b"one line\rtwo line\r", "one line\ntwo line\n"),
        (b"a\r\rb\r\n\r\nc", "a\n\nb\n\nc"),
    ],
)
def test_line_endings_are_normalised(tmp_path: Path, data: bytes, text: str) -> None:
    document = load_document(write(tmp_path, "eol.txt", data))
    assert document.text == text
    assert "\r" not in document.text


def test_windows_1252_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "cp.txt", b"caf\xe9 \x93quoted\x94")
    document = load_document(path)
    assert document.text == "café “quoted”"
    assert len(document.warnings) == 1
    assert "cp.txt" in document.warnings[0]
    assert "Windows-1252" in document.warnings[0]


def test_latin1_only_bytes_are_decoded_with_a_warning() -> None:
    text, warnings = decode_bytes(b"abc \x81 caf\xe9", "latin.txt")
    assert text == "abc \x81 café"
    assert len(warnings) == 1
    assert "latin.txt" in warnings[0]
    assert "Latin-1" in warnings[0]


def test_utf8_with_a_stray_byte_stays_utf8_with_the_byte_replaced() -> None:
    # One bad byte in a UTF-8 report made all of it Latin-1: "“" read as "â\x80\x9c".
    original = "“The Kremlin said on Monday” — Peskov\u2019s words, café, aide. " * 5
    text, warnings = decode_bytes(original.encode() + b"\xff end", "stray.txt")
    assert text == original + "\ufffd end"
    assert warnings == ("stray.txt: not valid UTF-8; 1 invalid sequence replaced with \ufffd",)


def test_a_replacement_character_of_the_file_is_not_counted_as_replaced() -> None:
    text, warnings = decode_bytes("naïve — � ".encode() * 3 + b"\xfe\xff", "own.txt")
    assert text == "naïve — � " * 3 + "\ufffd\ufffd"
    assert warnings == ("own.txt: not valid UTF-8; 2 invalid sequences replaced with \ufffd",)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path: Path, codec: str) -> None:
    original = "Héllo wörld — “quoted”\r\nsecond line"
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    document = load_document(write(tmp_path, "u16.txt", bom[codec] + original.encode(codec)))
    assert document.text == "Héllo wörld — “quoted”\nsecond line"
    assert "\ufeff" not in document.text
    # "other encodings detected … with a warning" (the contract): it came without one
    assert document.warnings == (
        f"{document.path}: not UTF-8; decoded as UTF-16 (its byte-order mark)",)


def test_utf32_with_bom_is_not_silently_garbled(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "u32.txt", "Hello world".encode("utf-32")))
    assert document.text == "Hello world"
    assert document.warnings == (
        f"{document.path}: not UTF-8; decoded as UTF-32 (its byte-order mark)",)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_told_by_its_nul_bytes(codec: str) -> None:
    # "binary file (contains NUL bytes)": a report saved by a Windows program without a mark.
    text, warnings = decode_bytes("Héllo wörld — “quoted”\nsecond line".encode(codec), "w.txt")
    assert text == "Héllo wörld — “quoted”\nsecond line"
    assert warnings == (f"w.txt: not UTF-8; decoded as {codec.upper()} (no byte-order mark: "
                        "told by its NUL bytes, every other byte)",)


def test_a_cut_utf16_file_says_what_was_replaced() -> None:
    text, warnings = decode_bytes("Grüße".encode("utf-16") + b"\x00", "cut.txt")
    assert text == "Grüße\ufffd"
    assert warnings == ("cut.txt: not UTF-8; decoded as UTF-16 (its byte-order mark); "
                        "1 invalid sequence replaced with \ufffd",)


@pytest.mark.parametrize(
    "data",
    [
        b"GIF89a\x00\x00\x01\x00binary",
        b"plain start then \x00 a NUL byte",
        bytes(range(1, 9)) * 40,
        b"text " + b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 5,
    ],
    ids=["gif", "nul", "controls", "mostly-text-many-controls"],
)
def test_binary_is_refused_naming_the_file(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "image.txt", data)
    with pytest.raises(ReaderError, match=r"image\.txt.*binary"):
        load_document(path)


def test_a_few_control_characters_are_not_binary() -> None:
    text, warnings = decode_bytes(b"Page one\x0cPage two\x1b[0m " + b"word " * 200, "f.txt")
    assert text.startswith("Page one\x0cPage two")
    assert warnings == ()


def test_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match=r"nothere\.txt.*no such file"):
        load_document(tmp_path / "nothere.txt")


def test_folder_is_an_error_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "afolder"
    folder.mkdir()
    with pytest.raises(ReaderError, match=r"afolder.*folder"):
        load_document(folder)


def test_empty_file_has_no_paragraphs(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "empty.txt", b""))
    assert document.text == ""
    assert document.paragraphs == ()
    assert document.warnings == ()
    assert document.metadata.word_count == 0
    assert document.name == "empty.txt"
    assert Path(document.path).is_absolute()


# --- paragraphs --------------------------------------------------------------------------


def paragraph_texts(document: Document) -> list[str]:
    return [document.paragraph_text(i) for i in range(len(document.paragraphs))]


def test_blank_line_blocks_of_wrapped_lines_are_one_paragraph_each() -> None:
    text = (
        "The first paragraph starts here and\n"
        "wraps onto a second line.\n"
        "\n"
        "  The second paragraph also wraps\n"
        "over two lines.  \n"
    )
    document = parse_document(text)
    assert paragraph_texts(document) == [
        "The first paragraph starts here and\nwraps onto a second line.",
        "The second paragraph also wraps\nover two lines.",
    ]
    assert_paragraph_invariants(document)


LINES = [
    "The Kremlin said on Monday that President Vladimir Putin still supports the idea of a "
    "ceasefire in Ukraine.",
    "Many unanswered questions remain about how such a truce would be implemented, a "
    "spokesman told reporters.",
    "Trump has pushed for a swift ceasefire between Russia and Ukraine since taking office "
    "earlier this year.",
]


@pytest.mark.parametrize(
    "separator", ["\n", "\r\n", "\n\n", "\n   \n", "\n\t\n\n"], ids=repr
)
def test_one_paragraph_per_line(separator: str) -> None:
    document = parse_document("  " + separator.join(LINES) + " \n")
    assert paragraph_texts(document) == LINES
    assert_paragraph_invariants(document)


@pytest.mark.parametrize("separator", ["\n\n", "\n \n\n"], ids=repr)
def test_short_lines_separated_by_blank_lines_are_paragraphs(separator: str) -> None:
    document = parse_document(separator.join(["One.", "Two two.", "Three three three."]))
    assert paragraph_texts(document) == ["One.", "Two two.", "Three three three."]


def test_long_lines_in_blocks_are_not_taken_for_hard_wrapping() -> None:
    long_line = "word " * 40
    text = f"{long_line}\n{long_line}\n\n{long_line}\n{long_line}"
    assert len(parse_document(text).paragraphs) == 4


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \t \n \r\n  "])
def test_blank_texts_have_no_paragraphs(text: str) -> None:
    assert parse_document(text).paragraphs == ()


# --- boilerplate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Read More",
        "Read more »",
        "Also Read | x",
        "Also Read | Russian Strike on Zelenskiy\u2019s Hometown Kills 19 People",
        "Related Articles",
        "Leave a Reply",
        "\u00d7 How can I help you?",
        "12:45",
        "Original url:",
    ],
)
def test_boilerplate_lines_are_flagged(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The Kremlin said on Monday that talks would continue.",
        "Read more about the ceasefire proposal in our earlier report.",
        "Advertisement revenue fell sharply last year, the company said.",
        "Putin supports the idea of a ceasefire.",
        "",
    ],
)
def test_ordinary_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_boilerplate_stays_in_the_text_with_offsets_unchanged() -> None:
    text = f"{LINES[0]}\nAdvertisement\n\nRead More\n{LINES[1]}\n"
    document = parse_document(text)
    assert document.text == text
    assert [p.boilerplate for p in document.paragraphs] == [False, True, True, False]
    first = len(LINES[0]) + 1
    second = first + len("Advertisement") + 2
    third = second + len("Read More") + 1
    assert [(p.start, p.end) for p in document.paragraphs] == [
        (0, len(LINES[0])),
        (first, first + len("Advertisement")),
        (second, second + len("Read More")),
        (third, third + len(LINES[1])),
    ]
    assert paragraph_texts(document) == [LINES[0], "Advertisement", "Read More", LINES[1]]


# --- properties --------------------------------------------------------------------------

PIECES = st.sampled_from(
    ["\r\n", "\r", "\n", "\n\n", " ", "\t", "\u00a0", "\u2028", "مرحبا بالعالم", "שלום",
     "😀👍🏽", "e\u0301", "Advertisement", "Read More", "By AFP", "April 07, 2025", "x" * 120]
)
ANY_TEXT = st.one_of(st.text(), st.lists(st.one_of(st.text(max_size=12), PIECES)).map("".join))


@given(ANY_TEXT)
def test_any_text_parses_with_paragraph_invariants(text: str) -> None:
    document = parse_document(text)
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    assert document.text == normalised
    assert_paragraph_invariants(document)
    assert document.metadata.word_count == len(re.findall(r"\w+", normalised))
    # No word is outside the paragraphs: splitting only drops whitespace.
    inside = sum(len(re.findall(r"\w+", t)) for t in paragraph_texts(document))
    assert inside == document.metadata.word_count


@given(st.text())
def test_decoding_utf8_round_trips(text: str) -> None:
    assume(_is_texty(text))
    assert decode_bytes(text.encode("utf-8"), "t.txt") == (text, ())


def _is_texty(text: str) -> bool:
    controls = re.findall(r"[\x00-\x08\x0e-\x1f\x7f]", text[:65536])
    return "\x00" not in text and len(controls) <= 8 and not text.startswith("\ufeff")


WORDY_TEXT = st.text(alphabet=st.sampled_from(
    ["a", "Z", "_", "7", " ", "\n", ".", "-", "é", "\u0301", "İ", "\u0345", "\u2019", "\u0663", "²",
     "ß", "中", "😀", "\u2028", "\x85"]), max_size=40)


@given(WORDY_TEXT, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=5))
def test_word_counts_are_count_words_of_each_range(text: str,
                                                   ends: list[tuple[int, int]]) -> None:
    ranges = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in ends]
    ranges.append((0, len(text)))
    assert word_counts(text, ranges) == [count_words(text, a, b) for a, b in ranges]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kremlin lifts sanctions. Advertisement",
     [("Kremlin lifts sanctions.", False), ("Advertisement", True)]),
    ("He said so, \u201cand that is all.\u201d Read more",
     [("He said so, \u201cand that is all.\u201d", False), ("Read more", True)]),
    ("The Advertisement Standards Authority ruled.", [
        ("The Advertisement Standards Authority ruled.", False)]),
    ("He said so. Advertisement is what pays for it.", [
        ("He said so. Advertisement is what pays for it.", False)]),
])
def test_page_furniture_glued_after_a_paragraph_s_last_sentence_is_its_own(
        text: str, expected: list[tuple[str, bool]]) -> None:
    """Seed 000's "… lifting certain sanctions. Advertisement" counted the word as the
    report's own (unique) wording."""
    document = parse_document(text)
    assert [(document.text[p.start:p.end], p.boilerplate)
            for p in document.paragraphs] == expected


def test_a_closing_quote_mark_after_a_sentence_stays_with_it() -> None:
    document = parse_document('"I\'m not just a party girl. "\n\nHe said so. ...')
    assert len(document.paragraphs) == 2 and not any(p.boilerplate for p in document.paragraphs)


@pytest.mark.parametrize(("text", "expected"), [
    (" date 2025-04-07 Blaming the lack of progress, the Kremlin said so.",
     [("date 2025-04-07", True), ("Blaming the lack of progress, the Kremlin said so.", False)]),
    ("Date: 2025-04-07", [("Date: 2025-04-07", True)]),
    ("The date 2025-04-07 was set for the vote.",
     [("The date 2025-04-07 was set for the vote.", False)]),
    ("Date night 2025 was cancelled.", [("Date night 2025 was cancelled.", False)]),
])
def test_a_date_field_before_the_first_sentence_is_its_own(
        text: str, expected: list[tuple[str, bool]]) -> None:
    """Seed 000 starts "date 2025-04-07 Blaming …" (a scraper's field): its four words
    counted as the report's own wording, unique against every other outlet."""
    document = parse_document(text)
    assert [(document.text[p.start:p.end], p.boilerplate)
            for p in document.paragraphs] == expected


def test_the_date_field_still_dates_the_document() -> None:
    document = parse_document("date 2025-04-07 Blaming the lack of progress, the Kremlin "
                              "said so.\n\nA second paragraph follows here.")
    assert document.metadata.date == "2025-04-07"
    assert document.metadata.title == "Blaming the lack of progress, the Kremlin said so."


def test_a_document_of_too_many_paragraphs_is_refused_with_its_count() -> None:
    from reader_app.core.documents import MAX_PARAGRAPHS

    with pytest.raises(ReaderError, match=r"^/logs/list\.txt: too many paragraphs for a "
                       rf"document \({MAX_PARAGRAPHS + 1:,}; the limit is"):
        parse_document("x\n" * (MAX_PARAGRAPHS + 1), path="/logs/list.txt")
    assert len(parse_document("x\n" * MAX_PARAGRAPHS, path="/a.txt").paragraphs) == \
        MAX_PARAGRAPHS
