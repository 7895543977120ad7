"""Hypothesis properties of compare(): the contract's invariants hold for any two texts."""

from __future__ import annotations

from comparison_checks import assert_comparison_valid, assert_mirrors, doc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader_app.core.compare import DiffOptions, compare, compare_stats

# A small vocabulary, so random paragraphs share trigrams and runs, and links happen; figures
# with separators, one token of the word diff but two words of the contract ("4:00").
VOCABULARY = ["putin", "said", "the", "ceasefire", "Kremlin", "talks", "on", "Monday",
              ",", "“", "”", ".", "4:00", "6:00", "1,300", "00"]
PARAGRAPH = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=16).map(" ".join)
SEPARATOR = st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"])
OPTIONS = st.builds(DiffOptions, st.booleans(), st.booleans())
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def related_texts(draw: st.DrawFn) -> tuple[str, str]:
    """Two documents whose paragraphs are partly the same, reordered, split or edited."""
    left = draw(st.lists(PARAGRAPH, max_size=8))
    kept = [p for p in draw(st.permutations(left)) if draw(st.booleans())]
    edited = [f"{p} {draw(PARAGRAPH)}" for p in draw(st.lists(st.sampled_from(left), max_size=2))
              ] if left else []
    right = draw(st.permutations(kept + edited + draw(st.lists(PARAGRAPH, max_size=3))))
    if right and draw(st.booleans()):  # split one paragraph in two
        words = right[0].split(" ")
        cut = draw(st.integers(0, len(words)))
        right = [" ".join(words[:cut]), " ".join(words[cut:]), *right[1:]]
    separator = draw(SEPARATOR)
    return separator.join(left), separator.join(p for p in right if p)


def check_pair(left_text: str, right_text: str, options: DiffOptions) -> None:
    left, right = doc(left_text, "a.txt"), doc(right_text, "b.txt")
    forward = compare(left, right, options)
    backward = compare(right, left, options)
    assert_comparison_valid(forward)
    assert_comparison_valid(backward)
    assert_mirrors(forward, backward)


@SLOW
@given(related_texts(), OPTIONS)
def test_related_texts_satisfy_the_contract(pair: tuple[str, str], options: DiffOptions) -> None:
    check_pair(*pair, options)


@SLOW
@given(related_texts(), OPTIONS)
def test_the_stats_alone_are_the_comparisons_stats(pair: tuple[str, str],
                                                   options: DiffOptions) -> None:
    # (the matrix and the library's column work out the stats without the evidence)
    left, right = doc(pair[0], "a.txt"), doc(pair[1], "b.txt")
    assert compare_stats(left, right, options) == compare(left, right, options).stats
    assert compare_stats(right, left, options) == compare(right, left, options).stats


@SLOW
@given(st.text(), st.text(), OPTIONS)
def test_arbitrary_texts_satisfy_the_contract(left: str, right: str,
                                               options: DiffOptions) -> None:
    check_pair(left, right, options)


@SLOW
@given(st.lists(PARAGRAPH, min_size=1, max_size=6), SEPARATOR)
def test_a_document_and_its_copy_link_every_long_paragraph(
    paragraphs: list[str], separator: str
) -> None:
    text = separator.join(paragraphs)
    c = compare(doc(text, "a.txt"), doc(text, "copy.txt"))
    assert_comparison_valid(c)
    for index, paragraph in enumerate(c.left.paragraphs):
        if paragraph.words >= 5 and not paragraph.boilerplate:
            assert any(k.left == index and k.right == index for k in c.links)
    assert not any(k.moved for k in c.links if k.left == k.right)
