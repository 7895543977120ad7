"""What the reading view marks of a document's mark-up (``reading_marks``): Markdown's signs
faded around the words they dress, nothing in plain text, never two marks over one letter."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from pygments.token import Generic

from reader_app.core.documents import parse_document
from reader_app.core.markup import FADED, reading_marks


def _marked(text: str, path: str = "/news/a.md") -> list[tuple[str, object]]:
    document = parse_document(text, path=path)
    marks = reading_marks(document.path, document.text, document.page)
    return [(document.text[start:end], kind) for start, end, kind in marks]


def test_markdown_signs_fade_around_their_words() -> None:
    assert _marked("## Quake hits **northern Chile**, see [the map](http://x/m).\n") == [
        ("## ", FADED), ("**", FADED), ("northern Chile", Generic.Strong), ("**", FADED),
        ("[", FADED), ("](http://x/m)", FADED)]
    assert _marked("An *early* estimate.\n") == [
        ("*", FADED), ("early", Generic.Emph), ("*", FADED)]


def test_signs_without_a_partner_and_arithmetic_stay_as_written() -> None:
    assert _marked("Prices rose 2 * 3 times; a **lone sign.\n") == []
    assert _marked("A plain report, **bold** only by hint.\n", path="/news/a.txt") == [
        ("**", FADED), ("bold", Generic.Strong), ("**", FADED)]  # the hint says Markdown
    assert _marked("A plain report with no signs at all.\n", path="/news/a.txt") == []


@given(st.text(alphabet="ab *_[]()#\n!", max_size=60))
def test_marks_are_sorted_inside_the_text_and_never_overlap(text: str) -> None:
    document = parse_document(text, path="/news/a.md")
    marks = reading_marks(document.path, document.text, document.page)
    assert all(0 <= start < end <= len(document.text) for start, end, _ in marks)
    assert all(a[1] <= b[0] for a, b in pairwise(marks))
