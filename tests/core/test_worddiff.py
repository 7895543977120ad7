"""The word diff: tokens and their keys, and which tokens each side shares."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader_app.core.compare import worddiff
from reader_app.core.compare.worddiff import DiffOptions, diff_keys, tokenize

ALL_OPTIONS = [
    DiffOptions(),
    DiffOptions(ignore_case=True),
    DiffOptions(ignore_punctuation=True),
    DiffOptions(ignore_case=True, ignore_punctuation=True),
]
PLAIN = DiffOptions()
OPTION_IDS = ["plain", "case", "punct", "case+punct"]
BACKEND_NAMES = sorted(worddiff.BACKENDS)


Triple = tuple[int, int, str, bool]  # start, end, key, is_word


def token_list(text: str, options: DiffOptions = PLAIN, start: int = 0,
               end: int | None = None) -> list[Triple]:
    tokens = tokenize(text, start, len(text) if end is None else end, options)
    return list(zip(tokens.starts, tokens.ends, tokens.keys, tokens.is_word, strict=True))


def keys(text: str, options: DiffOptions = PLAIN) -> list[str]:
    return [key for _, _, key, _ in token_list(text, options)]


@pytest.mark.parametrize("backend", BACKEND_NAMES)
def test_identical_sequences_are_all_shared(backend: str) -> None:
    words = ["the", "kremlin", "said", ",", "monday"]
    assert diff_keys(words, list(words), backend) == ([True] * 5, [True] * 5)


@pytest.mark.parametrize("backend", BACKEND_NAMES)
def test_disjoint_sequences_share_nothing(backend: str) -> None:
    assert diff_keys(["a", "b", "c"], ["x", "y"], backend) == ([False] * 3, [False] * 2)


@pytest.mark.parametrize(("a", "b"), [([], []), (["a"], []), ([], ["a", "b"])])
def test_empty_sides(a: list[str], b: list[str]) -> None:
    assert diff_keys(a, b) == ([False] * len(a), [False] * len(b))


@pytest.mark.parametrize("backend", BACKEND_NAMES)
def test_one_changed_word_is_the_only_unshared_one(backend: str) -> None:
    a = "the bank raised rates by half a point on tuesday".split()
    b = "the bank lifted rates by half a point on tuesday".split()
    flags_a, flags_b = diff_keys(a, b, backend)
    assert [w for w, f in zip(a, flags_a, strict=True) if not f] == ["raised"]
    assert [w for w, f in zip(b, flags_b, strict=True) if not f] == ["lifted"]


@pytest.mark.parametrize("backend", BACKEND_NAMES)
def test_inserted_words_are_unshared_on_one_side_only(backend: str) -> None:
    a = "putin does support the idea".split()
    b = "putin does not really support the idea".split()
    assert diff_keys(a, b, backend) == (
        [True] * 5,
        [True, True, False, False, True, True, True],
    )


def test_tokens_are_words_and_punctuation_runs_with_offsets() -> None:
    text = "  He said: “No—never!” 42 times_over "
    tokens = token_list(text)
    assert [text[start:end] for start, end, _, _ in tokens] == [
        "He", "said", ":", "“", "No", "—", "never", "!”", "42", "times_over"
    ]
    assert [is_word for *_, is_word in tokens] == [
        True, True, False, False, True, False, True, False, True, True
    ]
    assert tokenize(text, 0, len(text), DiffOptions()).word_count == 6


def test_tokenize_respects_the_range() -> None:
    text = "skip this. Take these words. Not these."
    start, end = text.index("Take"), text.index(" Not")
    assert [text[s:e] for s, e, _, _ in token_list(text, start=start, end=end)] == [
        "Take", "these", "words", "."
    ]


@pytest.mark.parametrize("options", ALL_OPTIONS, ids=OPTION_IDS)
def test_options_change_keys_never_offsets(options: DiffOptions) -> None:
    text = "Straße, KREMLIN said: “Yes” — it's ÉTÉ. Done!"
    plain = token_list(text)
    changed = token_list(text, options)
    expected = [t for t in plain if t[3] or not options.ignore_punctuation]
    assert [(s, e, w) for s, e, _, w in changed] == [(s, e, w) for s, e, _, w in expected]
    for start, end, key, is_word in changed:
        value = text[start:end]
        if is_word:
            assert key == (value.casefold() if options.ignore_case else value)


def test_ignore_case_folds_words() -> None:
    assert keys("Kremlin KREMLIN kremlin Straße", DiffOptions(ignore_case=True)) == [
        "kremlin", "kremlin", "kremlin", "strasse"
    ]
    assert keys("Kremlin KREMLIN") == ["Kremlin", "KREMLIN"]


def test_ignore_punctuation_drops_punctuation_tokens() -> None:
    assert keys("Yes, really — “now”!", DiffOptions(ignore_punctuation=True)) == [
        "Yes", "really", "now"
    ]


QUOTE_CASES = [
    ("He said “yes” now and then.", 'He said "yes" now and then.'),
    ("It\u2019s the Kremlin\u2019s view.", "It's the Kremlin's view."),
    ("They called it «peace» again.", 'They called it "peace" again.'),
]


@pytest.mark.parametrize("options", ALL_OPTIONS, ids=OPTION_IDS)
@pytest.mark.parametrize(("curly", "straight"), QUOTE_CASES)
def test_typographic_and_straight_quotes_are_equal(
    curly: str, straight: str, options: DiffOptions
) -> None:
    assert keys(curly, options) == keys(straight, options)
    flags_a, flags_b = diff_keys(keys(curly, options), keys(straight, options))
    assert all(flags_a)
    assert all(flags_b)


# --- properties --------------------------------------------------------------------------

VOCABULARY = ["putin", "ceasefire", "the", "said", ",", "kremlin"]
WORD_LISTS = st.lists(st.sampled_from(VOCABULARY), max_size=40)


def shared_items(items: list[str], flags: list[bool]) -> list[str]:
    return [item for item, flag in zip(items, flags, strict=True) if flag]


@pytest.mark.parametrize("backend", BACKEND_NAMES)
@given(a=WORD_LISTS, b=WORD_LISTS)
def test_shared_items_form_a_common_subsequence(backend: str, a: list[str], b: list[str]) -> None:
    flags_a, flags_b = diff_keys(a, b, backend)
    assert len(flags_a) == len(a)
    assert len(flags_b) == len(b)
    assert shared_items(a, flags_a) == shared_items(b, flags_b)
    if a == b:
        assert all(flags_a)
    if not set(a) & set(b):
        assert not any(flags_a) and not any(flags_b)


@pytest.mark.skipif(
    {"pure", "fast"} - set(worddiff.BACKENDS), reason="needs both diff backends"
)
@given(a=WORD_LISTS, b=WORD_LISTS)
def test_pure_and_fast_backends_agree(a: list[str], b: list[str]) -> None:
    assert diff_keys(a, b, "pure") == diff_keys(a, b, "fast")


@pytest.mark.skipif(
    {"pure", "fast"} - set(worddiff.BACKENDS), reason="needs both diff backends"
)
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the kremlin said putin said", "putin said the kremlin said"),
        ("a b c d e f g", "g f e d c b a"),
        ("x " * 50, "x y " * 30),
        ("é 😀 ü", "😀 é ü"),
    ],
)
def test_backends_agree_on_literal_cases(a: str, b: str) -> None:
    assert diff_keys(a.split(), b.split(), "pure") == diff_keys(a.split(), b.split(), "fast")


@pytest.mark.parametrize("backend", BACKEND_NAMES)
def test_vocabulary_beyond_the_basic_plane(backend: str) -> None:
    # More distinct keys than fit below U+FFFF: the encoding needs astral code points.
    a = [f"k{i}" for i in range(70_000)]
    b = [*a[:100], "new", *a[100:69_990], "changed", *a[69_991:]]
    flags_a, flags_b = diff_keys(a, b, backend)
    assert [a[i] for i, f in enumerate(flags_a) if not f] == ["k69990"]
    assert [b[i] for i, f in enumerate(flags_b) if not f] == ["new", "changed"]
