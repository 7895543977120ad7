"""Counts in the text outputs and messages agree with their nouns: "1 quote", "1 link",
"1 word", never "1 quotes" (``core.text.counted``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reader_app.core.annotations.jsonfile.store import AnnotationStore
from reader_app.core.compare import compare
from reader_app.core.corpus.passages import shared_passages
from reader_app.core.corpus.quotes import find_quotes
from reader_app.core.documents import Document, parse_document
from reader_app.core.formats.passages import passages_text
from reader_app.core.formats.quotes import quotes_text
from reader_app.core.formats.text import render_text, statistics_line

SENTENCE = "The central bank raised interest rates by half a point on Tuesday morning."
ONE_WRONG = re.compile(r"\b1 (quotes|documents|links|words|passages|annotations)\b")


def doc(text: str, name: str) -> Document:
    return parse_document(text, path=f"/docs/{name}")


def test_one_quote_in_one_document() -> None:
    shown = quotes_text(find_quotes([doc('"We will win this war soon," she said.', "a.txt")]), 1)
    assert shown.startswith("1 quote in 1 document, 0 in 2 or more\n")
    assert "\n1 document · unattributed · " in shown
    assert not ONE_WRONG.search(shown)


def test_a_passage_of_one_word() -> None:
    documents = [doc("Moscow", "a.txt"), doc("Moscow", "b.txt")]
    shown = passages_text(shared_passages(documents, min_words=1), 1, 2)
    assert "2 documents · 1 word · a.txt, b.txt" in shown
    assert not ONE_WRONG.search(shown)


def test_one_link() -> None:
    comparison = compare(doc(SENTENCE, "a.txt"), doc(SENTENCE, "b.txt"))
    assert "· 1 link (1 copy, 0 rewrite, 0 moved)" in statistics_line(comparison)
    assert not ONE_WRONG.search(render_text(comparison))
    assert "1 linked (" in statistics_line(comparison, links="linked")  # the window's label


def test_one_annotation_of_a_newer_format_not_understood(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps({"format": "reader-app.annotations/2",
                                "annotations": [{"id": 5}]}), encoding="utf-8")
    store = AnnotationStore.open(path)
    assert store.read_only
    assert "; 1 annotation not understood" in store.messages[0]
