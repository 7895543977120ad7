"""``dmp.match`` hands diff-match-patch only the stretch a match can lie in (a long
document's whole text was copied at each call): it finds what ``match_main`` finds in the
whole text, on both backends."""

from __future__ import annotations

from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.core.compare import dmp

TEXT = open(dmp.__file__, encoding="utf-8").read() * 3  # (some prose and code, 10k chars+)
WHOLE = diff_match_patch()


@settings(max_examples=300, deadline=None)
@given(start=st.integers(0, len(TEXT) - 40), length=st.integers(4, 32),
       shift=st.integers(-1500, 1500),
       edits=st.lists(st.tuples(st.integers(0, 31), st.sampled_from("aqz -")), max_size=5))
def test_a_match_in_the_stretch_is_the_match_in_the_whole_text(
        start: int, length: int, shift: int, edits: list[tuple[int, str]]) -> None:
    pattern = list(TEXT[start : start + length])
    for at, character in edits:
        pattern[at % length] = character
    wanted = "".join(pattern)
    loc = max(0, min(len(TEXT), start + shift))
    expected = WHOLE.match_main(TEXT, wanted, loc)
    assert dmp.match(TEXT, wanted, loc) == expected
    if dmp._FAST is not None:  # (the fast backend on the whole text, too)
        assert int(dmp._FAST.match(TEXT, wanted, loc)) == expected
