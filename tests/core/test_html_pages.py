"""A saved web page read as a report: paragraphs from its block elements, words and title
without its tags, and its tags never taken for shared wording, passages or quotations."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader_app.core.compare import compare
from reader_app.core.corpus.passages import shared_passages
from reader_app.core.corpus.quotes import find_quotes
from reader_app.core.documents import load_document, parse_document
from reader_app.core.html_text import masked

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Quake in Chile &ndash; World</title>
<style>p { font-family: "Times New Roman"; }</style>
<script>var label = "a quoted string in a script";</script>
</head>
<body>
<h1 class="headline">Strong quake hits <em>northern</em> Chile</h1>
<p class="byline">By <a href="https://example.org/staff/ana-ruiz">Ana Ruiz</a></p>
<p>A magnitude 8.2 earthquake struck off the coast
of northern Chile on Tuesday, killing six people.</p>
<ul><li>Officials said <b>900,000</b> people were evacuated.</li></ul>
</body></html>
"""
LINK = ('<a href="https://www.example.org/news/world/americas/chile-earthquake-tsunami-'
        'warning-live-updates-from-the-coast" title="Read the whole story here">')


def paragraphs(document_text: str, path: str = "page.html") -> list[str]:
    document = parse_document(document_text, path)
    return [document.paragraph_text(i) for i in range(len(document.paragraphs))]


def test_a_page_s_paragraphs_are_its_block_elements_and_its_head_is_none() -> None:
    assert paragraphs(PAGE) == [
        "Strong quake hits <em>northern</em> Chile",
        'By <a href="https://example.org/staff/ana-ruiz">Ana Ruiz</a>',
        "A magnitude 8.2 earthquake struck off the coast\nof northern Chile on Tuesday, "
        "killing six people.",
        "Officials said <b>900,000</b> people were evacuated.",
    ]


def test_a_page_s_navigation_side_bars_and_footer_are_boilerplate() -> None:
    page = ("<html><body><header><nav>Home | News | <nav>Sport</nav> | World</nav></header>"
            "<article><header><h1>Council approves budget</h1></header>"
            "<p>The council approved a budget of $25 million on Tuesday.</p>"
            "<aside><p>Related: last year's budget</p></aside>"
            "<footer>Reporting by Ana Ruiz</footer></article>"
            "<footer><p>Copyright 2024</p></footer><nav>Never closed</body></html>")
    document = parse_document(page, "page.html")
    flagged = [(document.paragraph_text(i), p.boilerplate)
               for i, p in enumerate(document.paragraphs)]
    assert flagged == [
        ("Home | News |", True), ("Sport", True), ("| World", True),
        ("Council approves budget", False),  # (an article's own header is its headline)
        ("The council approved a budget of $25 million on Tuesday.", False),
        ("Related: last year's budget", True), ("Reporting by Ana Ruiz", True),
        ("Copyright 2024", True),
        ("Never closed", False),  # (an element never closed takes nothing with it)
    ]
    assert document.title == "Council approves budget"


def test_a_page_s_title_byline_and_words_leave_its_tags_out() -> None:
    document = parse_document(PAGE, "page.html")
    assert document.title == "Strong quake hits northern Chile"
    assert document.metadata.byline == "Ana Ruiz"
    assert document.metadata.word_count == 5 + 3 + 17 + 7  # ("900,000" is two words)
    assert [p.words for p in document.paragraphs] == [5, 3, 17, 7]


def test_without_an_h1_the_title_element_names_the_page() -> None:
    page = PAGE.replace("<h1", "<h2").replace("</h1>", "</h2>")
    assert parse_document(page, "page.html").title == "Quake in Chile \u2013 World"


def test_a_page_is_told_by_its_start_too_and_a_text_file_with_a_tag_stays_text() -> None:
    assert parse_document(PAGE, "saved.txt").title == "Strong quake hits northern Chile"
    text = "<h1>Not a page</h1> and some words\n\nA second paragraph of plain text.\n"
    document = parse_document(text, "notes.txt")
    assert document.title == "<h1>Not a page</h1> and some words"
    assert len(document.paragraphs) == 2


def test_a_file_named_html_without_block_tags_is_split_as_text() -> None:
    text = "Plain words in a file named like a page.\n\nA second paragraph with <b>bold</b>.\n"
    assert paragraphs(text) == ["Plain words in a file named like a page.",
                                "A second paragraph with <b>bold</b>."]


def test_an_unclosed_head_ends_where_the_body_starts() -> None:
    page = "<html><head><title>T</title><body><p>The words of the body are read.</p>"
    assert paragraphs(page) == ["The words of the body are read."]


def report(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return path


def test_two_pages_sharing_only_their_mark_up_share_no_wording(tmp_path: Path) -> None:
    left = report(tmp_path, "a.html", f"<p>{LINK}Rescue teams reached the town.</a></p>")
    right = report(tmp_path, "b.html", f"<p>{LINK}Schools stay closed all week.</a></p>")
    comparison = compare(load_document(left), load_document(right))
    assert comparison.stats.similarity == 0.0
    assert comparison.links == ()
    for side in ("left", "right"):
        text = comparison.document(side).text
        assert text.startswith("<html>")  # the text is the file, tags and all
        assert all("<" not in text[s.start:s.end] or s.kind != "shared"
                   for s in comparison.spans(side))


def test_no_span_covers_a_tag_of_a_page(tmp_path: Path) -> None:
    # The shared run "Officials said 900,000 people … on Tuesday" went on through "<b>" and
    # '<a href="…">' (the tags blanked only while comparing): "href" was shared wording.
    said = ('<p>Officials said <b>900,000</b> people were evacuated from the <a href="https:'
            '//example.org/c">northern coast</a> on Tuesday night.</p>')
    plain = "<p>Officials said 900,000 people were evacuated from the northern coast.</p>"
    comparison = compare(load_document(report(tmp_path, "a.html", said)),
                         load_document(report(tmp_path, "b.html", plain)))
    text, spans = comparison.left.text, comparison.left_spans
    assert [text[s.start:s.end] for s in spans if s.kind == "shared"] == [
        "Officials said", "900,000", "people were evacuated from the", "northern coast", "."]
    assert [text[s.start:s.end] for s in spans if s.kind == "unique"] == ["on Tuesday night"]
    assert all("<" not in text[s.start:s.end] and ">" not in text[s.start:s.end]
               for s in spans)
    identical = compare(load_document(report(tmp_path, "c.html", said)),
                        load_document(report(tmp_path, "d.html", said)))
    assert not any("<" in identical.left.text[s.start:s.end] for s in identical.left_spans)


def test_a_shared_link_is_no_passage_and_an_attribute_no_quotation(tmp_path: Path) -> None:
    quoted = '<img alt="&quot;We are safe,&quot; she said" src="x.jpg">'
    documents = [load_document(report(tmp_path, f"{n}.html",
                                      f"<p>{LINK}{quoted} {words}</a></p>"))
                 for n, words in (("a", "Rescue teams reached the town."),
                                  ("b", "Schools stay closed all week."))]
    assert shared_passages(documents, min_words=4) == []
    assert find_quotes(documents) == []


def test_a_quotation_of_a_page_is_its_text_as_it_stands(tmp_path: Path) -> None:
    said = '<p>"We are <b>safe</b> here," said Maria Lopez, a resident of Iquique.</p>'
    documents = [load_document(report(tmp_path, f"{n}.html", said)) for n in "ab"]
    quote = find_quotes(documents)[0]
    variant = quote.variants[0]
    assert documents[0].text[variant.start:variant.end] == variant.text
    assert "<b>safe</b>" in variant.text


@given(st.text(alphabet="<>/&;#ab1 \n=\"'-!p", max_size=80))
def test_masking_keeps_every_offset_and_every_character_outside_tags(text: str) -> None:
    blanked = masked(text)
    assert len(blanked) == len(text)
    assert all(b == t or b == " " for b, t in zip(blanked, text, strict=True))
