"""Combining marks (Unicode Mn, Mc, Me) stay with their letter: "e" + U+0301 is one word token,
and no span, evidence piece, passage occurrence or selection edge falls between them, in the
comparison and in its text, ANSI, HTML and JSON output."""

from __future__ import annotations

import re
import unicodedata

import pytest
from comparison_checks import assert_comparison_valid, doc

from reader_app.core.compare import SIDES, Comparison, DiffOptions, compare
from reader_app.core.compare.worddiff import tokenize
from reader_app.core.corpus.passages import shared_passages
from reader_app.core.formats.compare_json import comparison_to_json
from reader_app.core.formats.html import render_html
from reader_app.core.formats.text import render_ansi, render_text
from reader_app.core.text import count_words, snap_to_words

# Decomposed (NFD) accents against plain letters, against other accents, against the same.
LEFT = ("We met at the cafe\u0301 in Zu\u0308rich near the station on Monday, officials "
        "said after the long talks.\n\nThe Zu\u0308rich talks ended in a de\u0301tente, the "
        "minister of Ko\u0308ln told reporters on Tuesday evening.")
RIGHT = ("We met at the cafe in Zurich near the station on Monday, officials said after the "
         "long talks.\n\nThe Zu\u0300rich talks ended in a de\u0301tente, the minister of "
         "Koln told reporters on Tuesday evening.")
OPTIONS = [DiffOptions(), DiffOptions(ignore_case=True, ignore_punctuation=True)]


def is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


def assert_no_edge_before_a_mark(text: str, offsets: list[int]) -> None:
    cut = [at for at in offsets if 0 < at < len(text) and is_mark(text[at])]
    assert not cut, [text[at - 3 : at + 3] for at in cut]


@pytest.fixture(params=OPTIONS, ids=["plain", "case+punct"])
def comparison(request: pytest.FixtureRequest) -> Comparison:
    return compare(doc(LEFT, "a.txt"), doc(RIGHT, "b.txt"), request.param)


def test_a_word_token_holds_its_combining_marks() -> None:
    text = "cafe\u0301 Zu\u0308rich 5\u20e3 \u0915\u093f\u0924\u093e\u092c"  # (Mn, Me, Mc)
    for options in OPTIONS:  # (ignoring punctuation dropped the marks as punctuation)
        tokens = tokenize(text, 0, len(text), options)
        assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == \
            text.split()
        assert tokens.word_count == count_words(text)  # the contract's words: ``\w+``


def test_no_span_or_evidence_ends_before_a_mark(comparison: Comparison) -> None:
    assert_comparison_valid(comparison)
    for side in SIDES:
        text = comparison.document(side).text
        assert_no_edge_before_a_mark(
            text, [at for span in comparison.spans(side) for at in (span.start, span.end)])
    pieces = [piece for link in comparison.links for piece in link.evidence]
    assert_no_edge_before_a_mark(LEFT, [at for p in pieces for at in (p.left_start, p.left_end)])
    assert_no_edge_before_a_mark(RIGHT,
                                 [at for p in pieces for at in (p.right_start, p.right_end)])
    accented = LEFT.index("cafe\u0301")  # not shared as "cafe" with a unique accent after it
    assert any(span.start <= accented < span.end and span.kind == "unique"
               for span in comparison.spans("left"))


def test_json_spans_keep_marks_with_their_letters(comparison: Comparison) -> None:
    data = comparison_to_json(comparison)
    for side in SIDES:
        text = data[side]["text"]
        assert_no_edge_before_a_mark(
            text, [span[key] for span in data["spans"][side] for key in ("start", "end")])


@pytest.mark.parametrize(("render", "markup"), [
    (render_text, r"\[-|-\]|\{\+|\+\}"),
    (render_ansi, r"\x1b\[[0-9;]*m"),
    (render_html, r"<[^>]*>"),
])
def test_outputs_never_mark_between_a_letter_and_its_mark(
        comparison: Comparison, render: object, markup: str) -> None:
    out = render(comparison)  # type: ignore[operator]
    after = [out[m.end()] for m in re.finditer(f"(?:{markup})+", out) if m.end() < len(out)]
    assert after and not [char for char in after if is_mark(char)]


def test_passages_and_selections_keep_marks_with_their_letters() -> None:
    run = "the minister told reporters on Tuesday evening after the talks at the"
    documents = [doc(f"{run} cafe\u0301 in Ko\u0308ln.", "a.txt"),
                 doc(f"{run} cafe in Koln.", "b.txt")]
    found = shared_passages(documents, min_words=4)
    assert [p.text for p in found] == [run]  # "cafe" + U+0301 is not the word "cafe"
    for occurrence, document in zip(found[0].occurrences, documents, strict=True):
        assert_no_edge_before_a_mark(document.text, [occurrence.start, occurrence.end])
    text = "in Ko\u0308ln today"
    assert snap_to_words(text, 3, 6) == (3, 8)  # "Ko" + U+0308 of "Köln": the whole word
    assert_no_edge_before_a_mark(text, list(snap_to_words(text, 3, 5)))  # (not "Ko" alone)
