"""Checks every comparison must pass (docs/interface.md), shared by the compare and render tests."""

from __future__ import annotations

import re

from reader_app.core.compare import Comparison, Link, Side
from reader_app.core.compare.content_evidence import pair_evidence
from reader_app.core.compare.content_terms import paragraph_terms
from reader_app.core.documents import Document, parse_document

WORD = re.compile(r"\w+")
SIDES: tuple[Side, Side] = ("left", "right")


def doc(text: str, name: str) -> Document:
    return parse_document(text, path=f"/docs/{name}")


def words_of(document: Document) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) of every word of every paragraph."""
    return [
        (index, m.start(), m.end())
        for index, p in enumerate(document.paragraphs)
        for m in WORD.finditer(document.text, p.start, p.end)
    ]


def paragraph_of(document: Document, offset: int) -> int:
    for index, p in enumerate(document.paragraphs):
        if p.start <= offset < p.end:
            return index
    raise AssertionError(f"offset {offset} lies in no paragraph")


def assert_spans_valid(c: Comparison, side: Side) -> None:
    document, spans = c.document(side), c.spans(side)
    previous_end = -1
    for span in spans:
        assert span.kind in ("shared", "unique")
        assert previous_end <= span.start < span.end  # sorted, not overlapping, not empty
        index = paragraph_of(document, span.start)
        assert span.end <= document.paragraphs[index].end  # within one paragraph
        previous_end = span.end
    for _, start, end in words_of(document):
        covering = [s for s in spans if s.start <= start and end <= s.end]
        assert len(covering) == 1, (side, document.text[start:end])
        assert not [s for s in spans if s.start < end and start < s.end and s not in covering]


def shared_fraction(c: Comparison, side: Side) -> tuple[int, int]:
    document, spans = c.document(side), c.spans(side)
    words = words_of(document)
    shared = sum(
        1 for _, start, end in words
        if any(s.kind == "shared" and s.start <= start and end <= s.end for s in spans)
    )
    return shared, len(words)


def assert_rows_valid(c: Comparison) -> None:
    for side in SIDES:
        indices = [getattr(row, side) for row in c.rows if getattr(row, side) is not None]
        assert indices == list(range(len(c.document(side).paragraphs)))
    linked = {(k.left, k.right) for k in c.links}
    for row in c.rows:
        assert row.left is not None or row.right is not None
        if row.left is not None and row.right is not None:
            assert (row.left, row.right) in linked


def assert_links_valid(c: Comparison) -> None:
    pairs = [(k.left, k.right) for k in c.links]
    assert len(pairs) == len(set(pairs))
    two_sided = {(r.left, r.right) for r in c.rows}
    for link in c.links:
        assert 0 <= link.left < len(c.left.paragraphs)
        assert 0 <= link.right < len(c.right.paragraphs)
        assert 0.0 <= link.similarity <= 1.0
        if c.left.text != c.right.text:  # only a document's own copy links its boilerplate
            assert not c.left.paragraphs[link.left].boilerplate
            assert not c.right.paragraphs[link.right].boilerplate
        if link.moved:
            assert (link.left, link.right) not in two_sided
        assert_evidence_valid(c, link)


def assert_evidence_valid(c: Comparison, link: Link) -> None:
    """Evidence lies inside the two linked paragraphs, sorted by left start, kinds valid."""
    assert link.kind in ("copy", "rewrite")
    left, right = c.left.paragraphs[link.left], c.right.paragraphs[link.right]
    starts = [(e.left_start, e.right_start) for e in link.evidence]
    assert starts == sorted(starts)
    for piece in link.evidence:
        assert piece.kind in ("same", "variant", "differs")
        assert left.start <= piece.left_start < piece.left_end <= left.end
        assert right.start <= piece.right_start < piece.right_end <= right.end
        if piece.kind == "same" and not c.options.ignore_case:
            assert (c.left.text[piece.left_start:piece.left_end]
                    == c.right.text[piece.right_start:piece.right_end])


def assert_linked_stats(c: Comparison) -> None:
    """``*_linked`` is the share of words in linked paragraphs; ``content`` their mean."""
    fractions = []
    for side in SIDES:
        document = c.document(side)
        linked = {getattr(k, side) for k in c.links}
        total = sum(p.words for p in document.paragraphs)
        words = sum(document.paragraphs[i].words for i in linked)
        fractions.append(words / total if total else 0.0)
    assert c.stats.left_linked == round(fractions[0], 4)
    assert c.stats.right_linked == round(fractions[1], 4)
    assert c.stats.content == round(sum(fractions) / 2, 4)


def assert_unlinked_paragraphs_unique(c: Comparison) -> None:
    for side in SIDES:
        document = c.document(side)
        linked = {getattr(k, side) for k in c.links}
        for span in c.spans(side):
            if paragraph_of(document, span.start) not in linked:
                assert span.kind == "unique"


def assert_stats_match_spans(c: Comparison) -> None:
    (ls, lt), (rs, rt) = shared_fraction(c, "left"), shared_fraction(c, "right")
    left = ls / lt if lt else 0.0
    right = rs / rt if rt else 0.0
    assert c.stats.left_shared == round(left, 4)
    assert c.stats.right_shared == round(right, 4)
    assert c.stats.similarity == round((left + right) / 2, 4)


def assert_comparison_valid(c: Comparison) -> None:
    for side in SIDES:
        assert_spans_valid(c, side)
    assert_rows_valid(c)
    assert_links_valid(c)
    assert_unlinked_paragraphs_unique(c)
    assert_stats_match_spans(c)
    assert_linked_stats(c)


def assert_mirrors(ab: Comparison, ba: Comparison) -> None:
    assert (ab.left, ab.right) == (ba.right, ba.left)
    assert sorted((k.left, k.right, k.similarity, k.moved) for k in ab.links) == sorted(
        (k.right, k.left, k.similarity, k.moved) for k in ba.links
    )
    assert sorted((k.left, k.right, k.kind, k.evidence) for k in ab.links) == sorted(
        (k.right, k.left, k.kind, tuple(sorted((e.mirrored() for e in k.evidence),
                                                key=lambda e: (e.left_start, e.right_start))))
        for k in ba.links
    )
    assert [(r.left, r.right) for r in ab.rows] == [(r.right, r.left) for r in ba.rows]
    assert (ab.left_spans, ab.right_spans) == (ba.right_spans, ba.left_spans)
    assert ab.stats == ba.stats.mirrored()


def texts_in(c: Comparison, side: Side, kind: str) -> list[str]:
    document = c.document(side)
    return [document.text[s.start : s.end] for s in c.spans(side) if s.kind == kind]


def link_set(c: Comparison) -> set[tuple[int, int, bool]]:
    return {(k.left, k.right, k.moved) for k in c.links}


def paragraph_containing(document: Document, needle: str) -> int:
    found = [i for i in range(len(document.paragraphs)) if needle in document.paragraph_text(i)]
    assert len(found) == 1, (needle, found)
    return found[0]


def differs_both_ways(left: str, right: str) -> list[list[tuple[str, str]]]:
    """The ``differs`` pieces of two linked paragraphs' evidence, each side taken as the
    left (the engine pairs from one side, and either document can be that side)."""
    return pieces_both_ways(left, right, "differs")


def pieces_both_ways(left: str, right: str, kind: str) -> list[list[tuple[str, str]]]:
    """The ``kind`` pieces of two linked paragraphs' evidence, each side taken as the left."""
    found = []
    for a, b in ((left, right), (right, left)):
        evidence = pair_evidence(a, tuple(paragraph_terms(a, 0, len(a))),
                                 b, tuple(paragraph_terms(b, 0, len(b))))
        found.append([(a[e.left_start:e.left_end], b[e.right_start:e.right_end])
                      for e in evidence if e.kind == kind])
    return found
