"""The follow-up report's page (``render_followup``) and snapping a selection to whole words
(``snap_to_words``), both Qt-free."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reader_app.core.annotations.anchoring import anchor
from reader_app.core.annotations.listing import Listed
from reader_app.core.annotations.model import ORPHAN, new_annotation
from reader_app.core.compare import compare
from reader_app.core.documents import Document, parse_document
from reader_app.core.formats.followup import UNTAGGED, render_followup
from reader_app.core.text import snap_to_words

LEFT = ("Talks stall over truce\n\nBy Wire Agency\n\nApril 7, 2025\n\n"
        "Putin does support the idea that a ceasefire is needed, but before that a whole "
        "range of questions have to be answered, Peskov told reporters on Monday.\n\n"
        "A <b>bold</b> claim & a <script>alert(1)</script> followed.\n")
RIGHT = ("Kremlin: questions remain\n\n"
         "Putin does support the idea that a ceasefire is needed, but before that, a whole "
         "range of questions has to be answered, Peskov told reporters.\n")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _read(page: str) -> _Text:
    parser = _Text()
    parser.feed(page.split("</style>", 1)[1])
    return parser


def _docs() -> tuple[Document, Document]:
    return (parse_document(LEFT, path="/news/left.txt"),
            parse_document(RIGHT, path="/news/right.txt"))


def _listed(document: Document, quote: str, tags: list[str], note: str = "") -> Listed:
    start = document.text.index(quote)
    annotation = new_annotation(document, start, start + len(quote), tags, note)
    return Listed(annotation, anchor(annotation, document.text))


def test_passages_grouped_by_tag_with_context_source_note_and_link() -> None:
    left, right = _docs()
    listed = [_listed(left, "a ceasefire is needed", ["verify", "Quote check"], "Ask AFP"),
              _listed(right, "Kremlin: questions remain", [])]
    page = render_followup(listed, {d.path: d for d in (left, right)}, compare(left, right),
                           {"verify": "#0072b2"})
    shown = "".join(_read(page).parts)
    assert shown.index("Quote check (1)") < shown.index("verify (1)") < shown.index(
        f"{UNTAGGED} (1)")
    assert shown.count("a ceasefire is needed") >= 2  # under both its tags
    assert "Putin does support the idea that " in shown  # the words before it
    assert ", but before that a whole" in shown  # and after
    assert "Talks stall over truce" in shown and "2025-04-07" in shown
    assert "/news/left.txt" in shown and "Note: Ask AFP" in shown
    assert "Linked in Kremlin: questions remain (R2): “a ceasefire is needed”" in shown
    assert "Also tagged: Quote check" in shown
    assert 'style="color: #0072b2"' in page
    names = re.findall(r'<a name="([^"]+)">', page)  # (each "keep-start" once: a valid page)
    assert len(names) == len(set(names)) == 3 + 3  # three headings, a passage under each


def test_document_text_is_escaped() -> None:
    left, _right = _docs()
    hostile = new_annotation(left, 0, 5, ["<i>tag</i>"], note="<img src=x onerror=alert(1)>")
    listed = [_listed(left, "A <b>bold</b> claim & a <script>alert(1)</script>", ["x"]),
              Listed(hostile, anchor(hostile, left.text))]
    page = render_followup(listed, {left.path: left}, None, {"x": "red; background: url(x)"})
    read = _read(page)
    shown = "".join(read.parts)
    assert "A <b>bold</b> claim & a <script>alert(1)</script>" in shown  # as text
    assert "<i>tag</i> (1)" in shown and "<img src=x onerror=alert(1)>" in shown
    assert not {"script", "img", "i"} & set(read.tags)
    assert "<b>bold" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "url(x)" not in page  # a colour that is not #rrggbb is not used


def test_an_orphaned_or_unreadable_passage_keeps_its_stored_quote() -> None:
    left, _right = _docs()
    gone = _listed(left, "questions have to be answered", ["verify"])
    page = render_followup([Listed(gone.annotation, ORPHAN)], {}, None)
    shown = "".join(_read(page).parts)
    assert "questions have to be answered" in shown
    assert gone.annotation.target.prefix.split()[-1] in shown  # the prefix kept with it
    assert "could not be read" in shown and "Not found" in shown


def test_snap_to_words() -> None:
    text = "so a ceasefire is needed, but before that"
    cut = text.index("eeded, b")
    start, end = snap_to_words(text, cut - 12, cut + len("eeded, b"))
    assert text[start:end] == "ceasefire is needed,"  # "…needed, b" loses the "b"
    start, end = snap_to_words(text, text.index("easefire"), text.index(" is") + 2)
    assert text[start:end] == "ceasefire is"  # more than half of a word: all of it
    inner = text.index("asef")
    assert text[slice(*snap_to_words(text, inner, inner + 3))] == "ceasefire"
    assert text[slice(*snap_to_words(text, text.index(", but"), len(text)))] == \
        "but before that"
    assert snap_to_words(text, 4, 4) == (4, 4)


def test_a_quote_whose_figure_the_other_document_states_otherwise_says_so() -> None:
    left = parse_document("Quake report\n\nOfficials said 30 people were killed when the "
                          "quake struck the border town of Zarand on Monday morning.\n",
                          path="/news/a.txt")
    right = parse_document("Quake toll\n\nAt least 25 people were killed when the quake "
                           "struck the border town of Zarand on Monday morning.\n",
                           path="/news/b.txt")
    listed = [_listed(left, "30 people were killed", ["verify"])]
    page = render_followup(listed, {left.path: left}, compare(left, right))
    shown = "".join(_read(page).parts)
    assert f"Stated otherwise in {right.title}: 30 ≠ 25" in shown
    quiet = render_followup([_listed(left, "the border town", ["verify"])], {left.path: left},
                            compare(left, right))
    assert "Stated otherwise" not in "".join(_read(quiet).parts)


def test_compared_pair_named_only_when_a_passage_comes_from_it() -> None:
    left, right = _docs()
    elsewhere = parse_document(LEFT.replace("Talks", "Other talks"), path="/news/other.txt")
    comparison = compare(left, right)
    documents = {d.path: d for d in (left, right, elsewhere)}
    from_pair = render_followup([_listed(left, "a ceasefire is needed", ["verify"])],
                                documents, comparison, {})
    not_from_pair = render_followup([_listed(elsewhere, "a ceasefire is needed", ["verify"])],
                                    documents, comparison, {})
    assert "Compared: Talks stall over truce" in "".join(_read(from_pair).parts)
    assert "Compared:" not in "".join(_read(not_from_pair).parts)


def test_a_quote_in_a_right_to_left_script_reads_right_to_left() -> None:
    arabic = parse_document("تقول الحكومة إن التحقيق مستمر في الحادث.\n", path="/news/ar.txt")
    left, _right = _docs()
    listed = [_listed(arabic, "التحقيق مستمر", ["verify"]),
              _listed(left, "a ceasefire is needed", ["verify"])]
    page = render_followup(listed, {d.path: d for d in (arabic, left)}, None, {})
    assert re.findall(r'<p class="quote" dir="(\w+)">', page) == ["rtl", "ltr"]
