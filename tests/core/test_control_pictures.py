"""``control_pictures``: a document's control characters made visible one for one, so a
pane's offsets stay the document's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader_app.core.text import control_pictures


@given(st.text(alphabet=st.characters(max_codepoint=0x2500)))
def test_pictures_keep_every_offset_and_leave_no_c0_control(text: str) -> None:
    shown = control_pictures(text)
    assert len(shown) == len(text)
    for before, after in zip(text, shown, strict=True):
        if "\u202a" <= before <= "\u202e" or "\u2066" <= before <= "\u2069":
            assert after == "\ufffd"  # (a bidirectional control: it would reorder the text)
        elif before in "\t\n" or not (before < " " or before == "\x7f"):
            assert after == before
        else:
            assert after != before and after.isprintable()


def test_an_escape_sequence_shows_as_its_signs() -> None:
    assert control_pictures("a \x1b[31mred\x07\x7f") == "a ␛[31mred␇␡"



def test_a_bidirectional_override_cannot_reorder_a_pane() -> None:
    assert control_pictures("bidi \u202eevil\u202c end") == "bidi \ufffdevil\ufffd end"
