"""The counterparts of a tagged passage in the compared document (tagging across sources).

``counterparts`` reads the comparison only (links between paragraphs, shared spans): in each
paragraph of the other document linked to the passage's paragraphs, the quote itself if it is
there, else the stretch of the paragraph the quote aligns with (most of its characters
matched, widened to whole words), else the shared span most like the quote, else (no clear
match) the whole paragraph. Pure alignment logic: must not import Qt or the store.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from reader_app.core.compare import Comparison, Side, Span, other_side
from reader_app.core.documents import Document, Paragraph

CLEAR_MATCH = 0.6  # SequenceMatcher ratio a shared span needs to stand for the quote
MIN_BLOCK = 4  # characters: shorter common runs are chance


def counterparts(comparison: Comparison, side: Side, start: int,
                 end: int) -> list[tuple[int, int]]:
    """Ranges of the other document that correspond to ``[start, end)`` of ``side``."""
    document, other = comparison.document(side), other_side(side)
    paragraphs = document.paragraphs
    first = document.paragraph_at(start)
    linked: set[int] = set()
    for index in range(first, len(paragraphs)):
        if paragraphs[index].start >= end and index > first:
            break
        for link in comparison.links_of(side, index):
            linked.add(link.right if side == "left" else link.left)
    quote = document.text[start:end]
    target = comparison.document(other)
    return [_best_range(target, target.paragraphs[index], quote,
                        comparison.spans_between(other, target.paragraphs[index].start,
                                                 target.paragraphs[index].end))
            for index in sorted(linked)]


def _best_range(document: Document, paragraph: Paragraph, quote: str,
                spans: tuple[Span, ...]) -> tuple[int, int]:
    text = document.text
    found = text.find(quote, paragraph.start, paragraph.end)
    if found >= 0:
        return found, found + len(quote)
    aligned = _aligned(text, paragraph, quote)
    if aligned is not None:
        return aligned
    best, score = (paragraph.start, paragraph.end), 0.0
    for span in spans:
        if span.kind != "shared":
            continue
        ratio = SequenceMatcher(None, quote, text[span.start:span.end], autojunk=False).ratio()
        if ratio > score:
            best, score = (span.start, span.end), ratio
    if score < CLEAR_MATCH:
        best = (paragraph.start, paragraph.end)
    return _stripped(text, *best)


def _aligned(text: str, paragraph: Paragraph, quote: str) -> tuple[int, int] | None:
    """The stretch of the paragraph from the first to the last block matching the quote, if
    the blocks hold most of the quote."""
    matcher = SequenceMatcher(None, quote, text[paragraph.start:paragraph.end], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= MIN_BLOCK]
    if not blocks or sum(b.size for b in blocks) < CLEAR_MATCH * len(quote):
        return None
    start = paragraph.start + blocks[0].b
    end = paragraph.start + blocks[-1].b + blocks[-1].size
    while start > paragraph.start and text[start - 1].isalnum():
        start -= 1
    while end < paragraph.end and text[end].isalnum():
        end += 1
    return _stripped(text, start, end)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
