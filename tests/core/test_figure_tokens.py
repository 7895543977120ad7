"""A figure written with separators ("4:00", "10:41", "3.5", "1,000") is one token of the word
diff, so a changed figure is shown changed as a whole on every output path (text, ANSI, the
HTML page, the JSON spans): split at its separator, "4:00" against "6:00" showed ":00" as
wording both documents share. Words are still the contract's ``\\w+``: a figure token holds
two or more of them, and the spans and statistics count them so."""

from __future__ import annotations

import re

import pytest
from comparison_checks import assert_comparison_valid, assert_stats_match_spans, doc
from hypothesis import given
from hypothesis import strategies as st

from reader_app.core.compare import Comparison, compare
from reader_app.core.compare.worddiff import DiffOptions, tokenize
from reader_app.core.formats.compare_json import comparison_to_json
from reader_app.core.formats.html import render_html
from reader_app.core.formats.text import render_ansi, render_text
from reader_app.core.text import count_words

# The Turkmen election reports (ECB+ 11_11ecb / 11_1ecb), cut down: one statement, two clock
# times and two counts of voters per booth, the wording around them shared.
LEFT = ("Voting will close at 6:00 p.m. local time (1,300 voters per booth) on Sunday in the "
        "capital, officials said.")
RIGHT = ("Some 2.44 million people cast their ballots as of 4:00 p.m. local time (1,100 voters "
         "per booth) on Sunday in the capital, officials said.")


def texts(text: str, options: DiffOptions | None = None) -> list[str]:
    tokens = tokenize(text, 0, len(text), options or DiffOptions())
    return [text[start:end] for start, end in zip(tokens.starts, tokens.ends, strict=True)]


@pytest.mark.parametrize(("text", "expected"), [
    ("at 4:00 p.m.", ["at", "4:00", "p", ".", "m", "."]),
    ("10:41, 3.5 and 1,000,000.", ["10:41", ",", "3.5", "and", "1,000,000", "."]),
    ("in 2000. Then", ["in", "2000", ".", "Then"]),  # a sentence's full stop stays its own
    ("1, 2 and 3", ["1", ",", "2", "and", "3"]),  # separators with a space are punctuation
    ("the 4th, 4:00pm", ["the", "4th", ",", "4", ":", "00pm"]),  # glued to letters: as words
])
def test_a_figure_with_separators_is_one_token(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize("options", [DiffOptions(), DiffOptions(True, True)],
                         ids=["plain", "case+punct"])
def test_a_figure_token_counts_its_words(options: DiffOptions) -> None:
    text = "At 4:00, 1,300 voters"
    tokens = tokenize(text, 0, len(text), options)
    assert tokens.words == ([1, 2, 2, 1] if options.ignore_punctuation else [1, 2, 0, 2, 1])
    assert tokens.word_count == count_words(text) == 6


@given(st.text(alphabet="ab 12:.,-", max_size=40))
def test_every_word_lies_in_one_token_and_is_counted_once(text: str) -> None:
    """Whatever the figures, a token never cuts a ``\\w+`` word, and the tokens hold as many
    words as the text."""
    tokens = tokenize(text, 0, len(text), DiffOptions())
    for word in re.finditer(r"\w+", text):
        holding = [i for i, (start, end) in enumerate(zip(tokens.starts, tokens.ends,
                                                          strict=True))
                   if start <= word.start() and word.end() <= end]
        assert len(holding) == 1, (text, word.group())
    assert tokens.word_count == count_words(text)


@pytest.fixture
def clocks() -> Comparison:
    comparison = compare(doc(f"Turkmenistan votes\n\n{LEFT}", "a.txt"),
                         doc(f"Turnout high\n\n{RIGHT}", "b.txt"))
    assert [(k.left, k.right) for k in comparison.links] == [(1, 1)]
    return comparison


def test_a_differing_figure_is_unique_as_a_whole_in_the_spans(clocks: Comparison) -> None:
    assert_comparison_valid(clocks)
    assert_stats_match_spans(clocks)
    for side, figures in (("left", ("6:00", "1,300")), ("right", ("4:00", "1,100"))):
        text = clocks.document(side).text
        for figure in figures:
            start = text.index(figure)
            end = start + len(figure)
            spans = [s for s in clocks.spans(side) if s.start < end and start < s.end]
            assert [(s.kind, s.start <= start, end <= s.end)
                    for s in spans] == [("unique", True, True)], (side, figure)


def test_the_text_and_ansi_output_show_a_differing_figure_whole(clocks: Comparison) -> None:
    out = render_text(clocks)
    assert "close at 6:00-] p.m. local time ([-1,300-] voters" in out
    assert "of 4:00+} p.m. local time ({+1,100+} voters" in out
    assert ":00 p.m." not in out.replace("6:00 p.m.", "").replace("4:00 p.m.", "")
    ansi = re.sub(r"\x1b\[[0-9;]*m", "|", render_ansi(clocks))
    assert "close at 6:00|" in ansi and "(|1,100|" in ansi


def test_the_page_and_the_json_spans_show_a_differing_figure_whole(clocks: Comparison) -> None:
    page = render_html(clocks)
    assert ">:00" not in page and ">,300" not in page and ">,100" not in page
    data = comparison_to_json(clocks)
    unique = [data["left"]["text"][s["start"]:s["end"]]
              for s in data["spans"]["left"] if s["kind"] == "unique"]
    assert unique == ["Turkmenistan votes", "Voting will close at 6:00", "1,300"]
