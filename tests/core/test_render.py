"""Rendering a comparison: plain text, ANSI, one HTML page, the contract's JSON."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from comparison_checks import doc
from conftest import SEED_FILES

from reader_app.cli.output import json_text
from reader_app.core.compare import Comparison, DiffOptions, compare
from reader_app.core.compare.align import side_by_side
from reader_app.core.documents import load_document
from reader_app.core.formats.compare_json import comparison_json_line, comparison_to_json
from reader_app.core.formats.html import render_html
from reader_app.core.formats.text import render_ansi, render_text

P1 = "The central bank raised interest rates by half a point on Tuesday morning."
P2 = "Markets in Asia fell sharply after the announcement surprised many traders."
HOSTILE = "<script>alert(1)</script> &amp; \"double\" 'single' <img src=x onerror=alert(2)>\tend"


@pytest.fixture
def reworded() -> Comparison:
    right = f"{P1.replace('raised', 'lifted')}\n\nNew words only here."
    return compare(doc(f"{P1}\n\n{P2}", "a.txt"), doc(right, "b.txt"))


@pytest.fixture
def hostile() -> Comparison:
    left = f"<b>Bold</b> & Co headline\n\n{P1} {HOSTILE}\n\n{HOSTILE}"
    return compare(doc(left, "a<x>.txt"), doc(f"{P1}\n\nA 'quoted' & <i>odd</i> line", "b.txt"))


# --- text and ANSI -----------------------------------------------------------------------


def test_text_marks_left_and_right_unique_wording(reworded: Comparison) -> None:
    out = render_text(reworded)
    assert "[-raised-]" in out
    assert "{+lifted+}" in out
    assert f"[-{P2}-]" in out
    assert "{+New words only here.+}" in out
    assert "[-The" not in out
    assert "The central bank " in out
    assert "/docs/a.txt" in out


def unmarked(text: str) -> str:
    for marker in ("[-", "-]", "{+", "+}"):
        text = text.replace(marker, "")
    return text


def test_text_shows_every_paragraph_once(reworded: Comparison) -> None:
    out = unmarked(render_text(reworded))
    assert out.count(f"< {P1}") == 1
    assert out.count(f"< {P2}") == 1
    assert out.count("> New words only here.") == 1
    assert out.count(f"> {P1.replace('raised', 'lifted')}") == 1


def test_ansi_has_escape_codes_and_the_words(reworded: Comparison) -> None:
    out = render_ansi(reworded)
    assert "\x1b[" in out
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    for word in ("central", "raised", "lifted", "Markets", "New"):
        assert word in plain
    assert plain == unmarked(render_text(reworded))


# --- HTML --------------------------------------------------------------------------------


class PageParser(HTMLParser):
    """Collects the tags, and the text of each comparison cell (links notes left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.cells: list[str] = []
        self.title = ""
        self._in_cell = self._in_links = self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        classes = (dict(attrs).get("class") or "").split()
        if tag == "td" and "text" in classes:
            self._in_cell = True
            self.cells.append("")
        elif tag == "span" and "links" in classes:
            self._in_links = True
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_cell = False
        elif tag == "span":
            self._in_links = False
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_cell and not self._in_links:
            self.cells[-1] += data
        if self._in_title:
            self.title += data


def parse_page(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def test_html_is_one_page_with_document_text_escaped(hostile: Comparison) -> None:
    page = render_html(hostile)
    assert page.lower().startswith("<!doctype html>")
    assert page.count("<html") == 1
    assert page.rstrip().endswith("</html>")
    parser = parse_page(page)
    assert "script" not in parser.tags
    assert "img" not in parser.tags
    assert "b" not in parser.tags
    assert "i" not in parser.tags
    assert "<script>" not in page
    assert "&amp;amp;" in page  # the document's literal "&amp;", escaped once more


def test_html_cells_round_trip_the_paragraph_texts(hostile: Comparison) -> None:
    parser = parse_page(render_html(hostile))
    lines: list[list[int | None]] = []  # (two unmatched paragraphs side by side: one row)
    beside = side_by_side([(row.left, row.right) for row in hostile.rows])
    for number, row in enumerate(hostile.rows):
        if number in beside:
            left, right = lines[-1]
            lines[-1] = [row.left if left is None else left, row.right if right is None else right]
        else:
            lines.append([row.left, row.right])
    expected = []
    for line in lines:
        for side, index in zip(("left", "right"), line, strict=True):
            document = hostile.document(side)  # type: ignore[arg-type]
            expected.append("" if index is None else document.paragraph_text(index))
    assert [cell.removesuffix("\n") for cell in parser.cells] == expected
    assert beside  # (the pair has such a line)


def test_html_title_is_escaped(hostile: Comparison) -> None:
    parser = parse_page(render_html(hostile))
    assert parser.title.startswith("<b>Bold</b> & Co headline")


def test_html_marks_unique_wording(reworded: Comparison) -> None:
    page = render_html(reworded)
    assert re.search(r'<span class="gd">raised</span>', page)
    assert re.search(r'<span class="gi">lifted</span>', page)
    assert 'href="#r1"' in page and 'id="r1"' in page



def test_html_colours_wording_as_the_window_does(reworded: Comparison) -> None:
    from reader_app.core.formats import palette

    page = render_html(reworded)
    css = dict(re.findall(r"(\.cmp \.\w+) \{([^}]*)\}", page))
    # Shared wording blue, a document's own wording orange on either side, as in the panes.
    assert palette.SHARED_BACKGROUND.lower() in css[".cmp .go"].lower()
    for own in (".cmp .gd", ".cmp .gi"):
        assert palette.UNIQUE_BACKGROUND.lower() in css[own].lower()
    assert re.search(r'<span class="go">[^<]*\w', page)  # shared words are wrapped to colour


# --- JSON --------------------------------------------------------------------------------

DOCUMENT_KEYS = {"path": str, "title": str, "sha256": str, "text": str, "paragraphs": list}


def assert_contract_json(data: dict[str, Any]) -> None:
    assert data["format"] == "reader-app.compare/1"
    for side in ("left", "right"):
        document = data[side]
        for key, kind in DOCUMENT_KEYS.items():
            assert type(document[key]) is kind, (side, key)
        assert document["sha256"] == hashlib.sha256(document["text"].encode("utf-8")).hexdigest()
        for p in document["paragraphs"]:
            assert {"start", "end", "boilerplate"} <= p.keys()
            assert type(p["start"]) is int and type(p["end"]) is int
            assert type(p["boilerplate"]) is bool
    for link in data["links"]:
        assert type(link["left"]) is int and type(link["right"]) is int
        assert type(link["similarity"]) is float and type(link["moved"]) is bool
    for row in data["rows"]:
        assert set(row) == {"left", "right"}
        assert all(v is None or type(v) is int for v in row.values())
    assert {"left", "right"} <= data["spans"].keys()
    for spans in data["spans"].values():
        for span in spans:
            assert type(span["start"]) is int and type(span["end"]) is int
            assert span["kind"] in ("shared", "unique")
    assert {"left_shared", "right_shared", "similarity"} <= data["stats"].keys()
    assert all(type(v) in (float, int) for v in data["stats"].values())


def test_json_matches_the_contract(hostile: Comparison) -> None:
    data = json.loads(json.dumps(comparison_to_json(hostile)))
    assert_contract_json(data)
    assert data["left"]["text"] == hostile.left.text
    assert data["left"]["path"] == "/docs/a<x>.txt"
    assert data["rows"] == [{"left": r.left, "right": r.right} for r in hostile.rows]
    assert data["spans"]["right"] == [
        {"start": s.start, "end": s.end, "kind": s.kind} for s in hostile.right_spans
    ]
    assert data["stats"]["similarity"] == hostile.stats.similarity


def test_json_of_the_seeds_matches_the_contract() -> None:
    c = compare(load_document(SEED_FILES[0]), load_document(SEED_FILES[1]))
    data = json.loads(json.dumps(comparison_to_json(c), ensure_ascii=False))
    assert_contract_json(data)
    assert [(p["start"], p["end"]) for p in data["left"]["paragraphs"]] == [
        (p.start, p.end) for p in c.left.paragraphs
    ]
    assert any(p["boilerplate"] for p in data["left"]["paragraphs"])
    assert data["left"]["title"] == c.left.title
    assert data["right"]["title"] == (
        "Kremlin Says Putin Still Supports Ukraine Truce, But Questions Remain"
    )


def test_json_sha256_is_of_the_text_in_utf8() -> None:
    text = "Café “quoted” 😀 and more words to read"
    data = comparison_to_json(compare(doc(text, "a.txt"), doc(text, "b.txt")))
    assert data["left"]["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()


C1_TEXT = "Tab\there, \x9b31m a CSI, \x7f DEL, \x85 NEL and \u2028 a line separator.\n\nB"


@pytest.mark.parametrize("texts", [
    (f"{P1}\n\n{P2}", f"{P2}\n\n{P1.replace('raised', 'lifted')}\n\nAdvertisement"),
    (f"{P1}\n\n{P2}", f"{P1}\n\n{P2}"),  # identical: links and pieces made otherwise
    (f"{C1_TEXT} {P1} \"{P2}\"\\", f"{P1} \ud800 {C1_TEXT}"),  # escapes, a lone surrogate
    ("", "Only one side has words."),
])
@pytest.mark.parametrize("options", [DiffOptions(), DiffOptions(True, True)])
def test_json_line_is_the_json_of_the_dicts(texts: tuple[str, str],
                                           options: DiffOptions) -> None:
    for left, right in (texts, texts[::-1]):  # mirrored too
        c = compare(doc(left, "a\"\x9b.txt"), doc(right, "b.txt"), options)
        assert comparison_json_line(c) == json_text(comparison_to_json(c))


def test_json_line_of_the_seeds_is_the_json_of_the_dicts() -> None:
    c = compare(load_document(SEED_FILES[2]), load_document(SEED_FILES[3]))
    assert any(link.evidence for link in c.links) and any(link.moved for link in c.links)
    assert comparison_json_line(c) == json_text(comparison_to_json(c))


ROUND = ("Klitschko landed 28 of his 68 punches thrown during the round, while Rahman connected "
         "on just 1-of-16 over those three minutes.\n\n"
         "By the end Klitschko had landed 178 punches, the final numbers showed.")
FINAL = ("The final numbers showed Klitschko landing 178 of 369 punches thrown while Rahman "
         "connected on just 30 of 207 punches thrown.")


def test_the_text_lists_the_differing_figures_the_window_marks() -> None:
    """"28" (in the round) against "178" (in the end) is no disagreement: the left states 178
    too. The text, like the window and the page, lists only "68 ≠ 369"."""
    text = render_text(compare(doc(ROUND, "a.txt"), doc(FINAL, "b.txt")))
    assert "[differs: 68 ≠ 369]" in text
    assert "28 ≠ 178" not in text


MOVED_DATE = ("Russian President Vladimir Putin said on March 13 he agrees with the U.S. proposal "
              "for a 30-day ceasefire in Ukraine, but several questions remained unanswered.\n\n"
              "Markets in Moscow rose sharply after the news, traders in the capital said.\n")
MOVED_DATE_OTHER = ("Markets in Moscow rose sharply after the news, traders in the capital "
                    "said.\n\nOn March 14 Putin backed the US plan for a month-long truce in "
                    "Ukraine, though questions about monitoring were still unanswered.\n")


def test_the_text_lists_the_differing_figures_of_a_moved_link() -> None:
    """The window marks "13" / "14" in both panes and the page notes "(differs: 13 ≠ 14)";
    the text told the link only as "(moved → R2)", in rows of their own: no conflict said."""
    text = render_text(compare(doc(MOVED_DATE, "a.txt"), doc(MOVED_DATE_OTHER, "b.txt")))
    assert "L1 ↔ —  (moved → R2 [differs: 13 ≠ 14])\n" in text
    assert "— ↔ R2  (moved ← L1 [differs: 13 ≠ 14])\n" in text
