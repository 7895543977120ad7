"""compare() on small literal documents and on the seeds: links, rows, spans, stats."""

from __future__ import annotations

import hashlib

import pytest
from comparison_checks import (
    assert_comparison_valid,
    assert_mirrors,
    doc,
    link_set,
    paragraph_containing,
    texts_in,
)
from conftest import SEED_FILES

from reader_app.core.compare import Cancelled, Comparison, DiffOptions, compare
from reader_app.core.documents import load_document

PLAIN = DiffOptions()
P1 = "The central bank raised interest rates by half a point on Tuesday morning."
P2 = "Markets in Asia fell sharply after the announcement surprised many traders."
P3 = "Officials said further increases could follow if inflation stays high this year."


def compared(left: str, right: str, options: DiffOptions = PLAIN) -> Comparison:
    result = compare(doc(left, "left.txt"), doc(right, "right.txt"), options)
    assert_comparison_valid(result)
    assert_mirrors(result, compare(doc(right, "right.txt"), doc(left, "left.txt"), options))
    return result


def test_identical_documents_are_fully_shared() -> None:
    c = compared(f"{P1}\n\n{P2}\n\n{P3}", f"{P1}\n\n{P2}\n\n{P3}")
    assert link_set(c) == {(0, 0, False), (1, 1, False), (2, 2, False)}
    assert [(r.left, r.right) for r in c.rows] == [(0, 0), (1, 1), (2, 2)]
    assert (c.stats.left_shared, c.stats.right_shared, c.stats.similarity) == (1.0, 1.0, 1.0)
    assert texts_in(c, "left", "unique") == []
    assert all(k.similarity == 1.0 for k in c.links)


@pytest.mark.parametrize("extra", ["Advertisement", "Short Heading"])
def test_identical_documents_with_short_paragraphs_are_fully_alike(extra: str) -> None:
    text = f"{extra}\n\n{P1}\n\n{P2}"
    assert compared(text, text).stats.similarity == 1.0


REPEATED = ("The minister said on Monday that the new policy would take effect next month "
            "after a long debate in parliament over its costs and benefits for families "
            "and firms alike.")


@pytest.mark.parametrize("title", ["", "Another title\n\n"])
def test_a_paragraph_repeated_60_times_is_shared_with_its_copy(title: str) -> None:
    """Over 12 copies, the paragraph had no twin and its trigrams were set phrases: two copies
    of such a report (one with a title of its own) were 0 % alike, with no link."""
    assert len(REPEATED.split()) == 30
    body = "\n\n".join([REPEATED] * 60)
    c = compared(body, title + body)
    assert c.stats.left_shared == 1.0 and c.stats.similarity > 0.99
    offset = 1 if title else 0
    pairs = {(k, k + offset) for k in range(60)}
    assert {(k.left, k.right) for k in c.links if k.kind == "copy"} == pairs
    assert {(r.left, r.right) for r in c.rows if r.left is not None} == pairs


@pytest.mark.parametrize(
    ("left", "right"),
    [("", ""), ("", P1), (P1, ""), ("\n\n", "   "), ("Advertisement", "Read More")],
)
def test_empty_and_wordless_documents(left: str, right: str) -> None:
    c = compared(left, right)
    assert c.links == ()
    assert c.stats.similarity == 0.0
    assert len(c.rows) == len(c.left.paragraphs) + len(c.right.paragraphs)


def test_reordered_paragraphs_are_linked_and_the_crossing_one_is_moved() -> None:
    c = compared(f"{P1}\n\n{P2}\n\n{P3}", f"{P3}\n\n{P1}\n\n{P2}")
    assert link_set(c) == {(0, 1, False), (1, 2, False), (2, 0, True)}
    assert [(r.left, r.right) for r in c.rows] == [(None, 0), (0, 1), (1, 2), (2, None)]
    assert c.stats.similarity == 1.0


def test_split_paragraph_is_linked_to_both_halves() -> None:
    c = compared(f"{P1} {P2}\n\n{P3}", f"{P1}\n\n{P2}\n\n{P3}")
    assert link_set(c) == {(0, 0, False), (0, 1, False), (1, 2, False)}
    assert (c.stats.left_shared, c.stats.right_shared) == (1.0, 1.0)
    assert {k.right for k in c.links_of("left", 0)} == {0, 1}


def test_merged_paragraphs_are_linked_to_the_whole() -> None:
    c = compared(f"{P1}\n\n{P2}\n\n{P3}", f"{P1} {P2}\n\n{P3}")
    assert link_set(c) == {(0, 0, False), (1, 0, False), (2, 1, False)}
    assert c.stats.similarity == 1.0


def test_reworded_paragraph_is_linked_and_the_changed_word_unique() -> None:
    c = compared(f"{P1}\n\n{P2}", f"{P1.replace('raised', 'lifted')}\n\n{P2}")
    assert link_set(c) == {(0, 0, False), (1, 1, False)}
    assert texts_in(c, "left", "unique") == ["raised"]
    assert texts_in(c, "right", "unique") == ["lifted"]
    assert 0.9 < c.links[0].similarity < 1.0


def test_the_same_fact_without_a_shared_passage_is_a_rewrite_link() -> None:
    c = compared(
        "Interest rates were raised by the central bank on Tuesday in a surprise move.",
        "The central bank surprised markets by raising interest rates on Tuesday.",
    )
    assert [k.kind for k in c.links] == ["rewrite"]
    assert texts_in(c, "left", "shared") == []  # shared spans stay verbatim wording
    assert {(r.left, r.right) for r in c.rows} == {(0, 0)}


def test_a_shared_name_is_not_a_shared_passage() -> None:
    c = compared(
        "Russian President Vladimir Putin met farmers in the south of the country.",
        "Russian President Vladimir Putin denied every claim made by the reporters.",
    )
    assert c.links == ()
    assert c.stats.similarity == 0.0


def test_boilerplate_is_never_linked() -> None:
    c = compared(f"Advertisement\n\n{P1}", f"{P1}\n\nAdvertisement")
    assert link_set(c) == {(1, 0, False)}
    assert texts_in(c, "left", "unique") == ["Advertisement"]


OPTION_LEFT = "The Central Bank raised rates today, officials said in a statement on Friday."
OPTION_RIGHT = "the central bank raised rates today officials said in a statement on Friday"


def test_options_ignore_case_and_punctuation() -> None:
    plain = compared(OPTION_LEFT, OPTION_RIGHT)
    assert texts_in(plain, "left", "unique") == ["The Central Bank", ",", "."]
    assert texts_in(plain, "right", "unique") == ["the central bank"]

    case = compared(OPTION_LEFT, OPTION_RIGHT, DiffOptions(ignore_case=True))
    assert texts_in(case, "left", "unique") == [",", "."]
    assert case.stats.similarity == 1.0
    assert case.options == DiffOptions(ignore_case=True)

    punct = compared(OPTION_LEFT, OPTION_RIGHT, DiffOptions(ignore_punctuation=True))
    assert texts_in(punct, "left", "unique") == ["The Central Bank"]

    both = compared(OPTION_LEFT, OPTION_RIGHT, DiffOptions(True, True))
    assert texts_in(both, "left", "unique") == []
    assert texts_in(both, "left", "shared") == [OPTION_LEFT.removesuffix(".")]


def test_typographic_quotes_do_not_break_a_shared_passage() -> None:
    c = compared(
        "“We agree with the proposal,” Putin said at the Kremlin on Thursday.",
        '"We agree with the proposal," Putin said at the Kremlin on Thursday.',
    )
    assert c.stats.similarity == 1.0
    assert texts_in(c, "left", "unique") == []


def padded_until_first(text: str, other: str) -> str:
    """``text`` plus trailing spaces until its sha256 sorts before ``other``'s."""
    digest = hashlib.sha256(other.encode()).hexdigest()
    while hashlib.sha256(text.encode()).hexdigest() >= digest:
        text += " "
    return text


def test_paragraph_merged_from_many_is_linked_to_all() -> None:
    words = [f"w{i:02d}" for i in range(40)]
    runs = [" ".join(words[i : i + 5]) for i in range(0, 40, 5)]
    right = "\n\n".join(f"Lead{i} in{i} {run} tail{i} end{i}." for i, run in enumerate(runs))
    left = padded_until_first(" ".join(runs) + ".", right)
    c = compared(left, right)
    assert {k.right for k in c.links} == set(range(8))


def test_cancel_and_progress() -> None:
    left, right = doc(P1, "a.txt"), doc(P1, "b.txt")
    with pytest.raises(Cancelled):
        compare(left, right, cancelled=lambda: True)
    seen: list[float] = []
    compare(left, right, progress=seen.append)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)


def test_spans_between_and_links_of() -> None:
    c = compared(f"{P1}\n\n{P2}", f"{P2}\n\n{P3}")
    p = c.left.paragraphs[1]
    assert [s.kind for s in c.spans_between("left", p.start, p.end)] == ["shared"]
    assert [(k.left, k.right) for k in c.links_of("right", 0)] == [(1, 0)]
    assert c.links_of("right", 1) == []


# --- the seeds ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_0_1() -> Comparison:
    return compare(load_document(SEED_FILES[0]), load_document(SEED_FILES[1]))


@pytest.mark.parametrize(
    "needle",
    [
        "Putin does support the idea that a ceasefire is needed",
        "We're talking to Russia",
        "Marco Rubio",
    ],
)
def test_seeds_000_001_link_the_shared_paragraphs(seeds_0_1: Comparison, needle: str) -> None:
    left = paragraph_containing(seeds_0_1.left, needle)
    right = paragraph_containing(seeds_0_1.right, needle)
    assert (left, right) in {(k.left, k.right) for k in seeds_0_1.links}


def test_seeds_000_001_are_valid_and_symmetric(seeds_0_1: Comparison) -> None:
    assert_comparison_valid(seeds_0_1)
    assert_mirrors(seeds_0_1, compare(seeds_0_1.right, seeds_0_1.left))
    assert 0.2 < seeds_0_1.stats.similarity < 0.8


def test_seed_001_kupyansk_is_unique(seeds_0_1: Comparison) -> None:
    text = seeds_0_1.right.text
    start = text.index("Kupyansk")
    end = start + len("Kupyansk")
    (span,) = [s for s in seeds_0_1.right_spans if s.start <= start and end <= s.end]
    assert span.kind == "unique"


def test_seeds_002_003_link_the_idea_itself_is_correct() -> None:
    c = compare(load_document(SEED_FILES[2]), load_document(SEED_FILES[3]))
    assert_comparison_valid(c)
    needle = "The idea itself is correct"
    pair = (paragraph_containing(c.left, needle), paragraph_containing(c.right, needle))
    assert pair in {(k.left, k.right) for k in c.links}
    assert "The idea itself is correct" in " ".join(texts_in(c, "left", "shared"))
