"""The one entry point of the engine: compare two documents into an immutable Comparison.

``compare`` proposes paragraph pairs (``align.candidate_pairs``), word-diffs each pair
(``worddiff``), keeps the pairs that share a real passage as links, lays the links out in
rows (``align.layout_rows``) and turns the per-word verdicts into shared/unique spans and
statistics. The window, the command line and every exporter render its result; none of them
diffs anything itself. Must not import Qt.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from reader_app.core import align
from reader_app.core.align import Cancelled
from reader_app.core.documents import Document
from reader_app.core.text import WORD_RE
from reader_app.core.worddiff import DiffOptions, Token, diff_keys, tokenize

__all__ = ["Cancelled", "Comparison", "DiffOptions", "Link", "Row", "Span", "Stats", "compare"]

# A link needs a shared run of this many words, or this many shared words in shorter runs:
# less is a name or a set phrase ("Russian President Vladimir Putin"), not a shared passage.
MIN_RUN_WORDS = 5
MIN_SCATTERED_WORDS = 8
MIN_SCATTERED_RUN = 3

DEFAULT_OPTIONS = DiffOptions()
Kind = Literal["shared", "unique"]
Side = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class Link:
    left: int
    right: int
    similarity: float
    moved: bool


@dataclass(frozen=True, slots=True)
class Row:
    left: int | None
    right: int | None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: Kind


@dataclass(frozen=True, slots=True)
class Stats:
    left_shared: float
    right_shared: float
    similarity: float


@dataclass(frozen=True)
class Comparison:
    left: Document
    right: Document
    links: tuple[Link, ...]
    rows: tuple[Row, ...]
    left_spans: tuple[Span, ...]
    right_spans: tuple[Span, ...]
    stats: Stats
    options: DiffOptions = DEFAULT_OPTIONS

    def document(self, side: Side) -> Document:
        return self.left if side == "left" else self.right

    def spans(self, side: Side) -> tuple[Span, ...]:
        return self.left_spans if side == "left" else self.right_spans

    def spans_between(self, side: Side, start: int, end: int) -> tuple[Span, ...]:
        """The spans of ``side`` that lie within ``[start, end)`` (a paragraph's range)."""
        spans = self.spans(side)
        starts = self._span_starts[side]
        return spans[bisect_left(starts, start) : bisect_left(starts, end)]

    @cached_property
    def _span_starts(self) -> dict[str, list[int]]:
        return {side: [s.start for s in self.spans(side)] for side in ("left", "right")}

    def links_of(self, side: Side, paragraph: int) -> list[Link]:
        """The links that touch ``paragraph`` of ``side``."""
        return [link for link in self.links if getattr(link, side) == paragraph]


ProgressCallback = Callable[[float], None]


def compare(
    left: Document,
    right: Document,
    options: DiffOptions = DEFAULT_OPTIONS,
    cancelled: Callable[[], bool] = lambda: False,
    progress: ProgressCallback = lambda fraction: None,
) -> Comparison:
    """Compare two documents. ``cancelled`` is polled and raises ``Cancelled`` when true.

    The result does not depend on which document is on which side: the pair is computed in
    one canonical order and mirrored, so ``compare(a, b)`` and ``compare(b, a)`` agree.
    """
    if (right.sha256, right.path) < (left.sha256, left.path):
        return _mirrored(_compare_ordered(right, left, options, cancelled, progress))
    return _compare_ordered(left, right, options, cancelled, progress)


def _mirrored(comparison: Comparison) -> Comparison:
    stats = comparison.stats
    return Comparison(
        left=comparison.right,
        right=comparison.left,
        links=tuple(
            Link(k.right, k.left, k.similarity, k.moved)
            for k in sorted(comparison.links, key=lambda k: (k.right, k.left))
        ),
        rows=tuple(Row(row.right, row.left) for row in comparison.rows),
        left_spans=comparison.right_spans,
        right_spans=comparison.left_spans,
        stats=Stats(stats.right_shared, stats.left_shared, stats.similarity),
        options=comparison.options,
    )


def _compare_ordered(
    left: Document,
    right: Document,
    options: DiffOptions,
    cancelled: Callable[[], bool],
    progress: ProgressCallback,
) -> Comparison:
    progress(0.0)
    candidates = align.candidate_pairs(folded_words(left), folded_words(right), cancelled)
    progress(0.2)
    left_tokens = _TokenCache(left, options)
    right_tokens = _TokenCache(right, options)
    verdicts = _diff_candidates(candidates, left_tokens, right_tokens, cancelled, progress)
    weighted = [(a, r, float(shared)) for (a, r), (_, _, shared, _) in verdicts.items()]
    rows, chosen = align.layout_rows(weighted, len(left.paragraphs), len(right.paragraphs))
    moved = align.crossing_links(list(verdicts), chosen)
    links = tuple(
        Link(a, r, round(similarity, 4), (a, r) in moved)
        for (a, r), (_, _, _, similarity) in sorted(verdicts.items())
    )
    left_spans, left_count = _spans(left, left_tokens, verdicts, 0)
    right_spans, right_count = _spans(right, right_tokens, verdicts, 1)
    progress(1.0)
    return Comparison(
        left=left,
        right=right,
        links=links,
        rows=tuple(Row(a, r) for a, r in rows),
        left_spans=left_spans,
        right_spans=right_spans,
        stats=_stats(left_count, right_count),
        options=options,
    )


def folded_words(document: Document) -> list[list[str] | None]:
    """Each paragraph's words, case-folded, for the index; boilerplate takes no part."""
    text = document.text
    return [
        None if p.boilerplate else [w.casefold() for w in WORD_RE.findall(text, p.start, p.end)]
        for p in document.paragraphs
    ]


class _TokenCache:
    """Tokens of the paragraphs that take part in a diff, made once per paragraph."""

    def __init__(self, document: Document, options: DiffOptions) -> None:
        self._document = document
        self._options = options
        self._tokens: dict[int, list[Token]] = {}

    def __getitem__(self, index: int) -> list[Token]:
        tokens = self._tokens.get(index)
        if tokens is None:
            p = self._document.paragraphs[index]
            tokens = tokenize(self._document.text, p.start, p.end, self._options)
            self._tokens[index] = tokens
        return tokens

    def __contains__(self, index: int) -> bool:
        return index in self._tokens


Verdict = tuple[list[bool], list[bool], int, float]  # flags left, flags right, shared, sim


def _diff_candidates(
    candidates: list[align.Candidate],
    left_tokens: _TokenCache,
    right_tokens: _TokenCache,
    cancelled: Callable[[], bool],
    progress: ProgressCallback,
) -> dict[tuple[int, int], Verdict]:
    """Word-diff each candidate pair; keep those that share a passage."""
    verdicts: dict[tuple[int, int], Verdict] = {}
    for number, candidate in enumerate(candidates):
        if number % 64 == 0:
            if cancelled():
                raise Cancelled
            progress(0.2 + 0.7 * number / len(candidates))
        a = left_tokens[candidate.left]
        b = right_tokens[candidate.right]
        flags_a, flags_b = diff_keys([t.key for t in a], [t.key for t in b])
        shared_a, run = _shared_words(a, flags_a)
        if run >= MIN_RUN_WORDS or (shared_a >= MIN_SCATTERED_WORDS and run >= MIN_SCATTERED_RUN):
            shared_b, _ = _shared_words(b, flags_b)
            words = _word_count(a) + _word_count(b)
            similarity = (shared_a + shared_b) / words if words else 0.0
            verdicts[(candidate.left, candidate.right)] = (flags_a, flags_b, shared_a, similarity)
    return verdicts


def _shared_words(tokens: list[Token], flags: list[bool]) -> tuple[int, int]:
    """Shared words, and the longest run of shared words (punctuation neither counts nor breaks)."""
    shared = run = longest = 0
    for token, flag in zip(tokens, flags, strict=True):
        if not token.is_word:
            continue
        if flag:
            shared += 1
            run += 1
            longest = max(longest, run)
        else:
            run = 0
    return shared, longest


def _word_count(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if t.is_word)


def _spans(
    document: Document, tokens: _TokenCache, verdicts: dict[tuple[int, int], Verdict], side: int
) -> tuple[tuple[Span, ...], tuple[int, int]]:
    """Spans over one side, and (shared words, all words) for its statistics."""
    flags_by_paragraph: dict[int, list[bool]] = {}
    for key, verdict in verdicts.items():
        flags = verdict[side]
        merged = flags_by_paragraph.setdefault(key[side], [False] * len(flags))
        flags_by_paragraph[key[side]] = [x or y for x, y in zip(merged, flags, strict=True)]
    spans: list[Span] = []
    shared_words = total_words = 0
    text = document.text
    for index, p in enumerate(document.paragraphs):
        flags = flags_by_paragraph.get(index)
        if flags is None:
            words = len(WORD_RE.findall(text, p.start, p.end))
            total_words += words
            if words:  # unlinked: the whole paragraph (stripped, so it starts and ends in text)
                spans.append(Span(p.start, p.end, "unique"))
            continue
        paragraph_tokens = tokens[index]
        total_words += _word_count(paragraph_tokens)
        shared_words += _shared_words(paragraph_tokens, flags)[0]
        spans.extend(_runs(paragraph_tokens, flags))
    return tuple(spans), (shared_words, total_words)


def _runs(tokens: list[Token], flags: list[bool]) -> list[Span]:
    """Consecutive tokens with the same verdict become one span."""
    spans: list[Span] = []
    for token, flag in zip(tokens, flags, strict=True):
        kind: Kind = "shared" if flag else "unique"
        if spans and spans[-1].kind == kind:
            spans[-1] = Span(spans[-1].start, token.end, kind)
        else:
            spans.append(Span(token.start, token.end, kind))
    return spans


def _stats(left: tuple[int, int], right: tuple[int, int]) -> Stats:
    left_shared = left[0] / left[1] if left[1] else 0.0
    right_shared = right[0] / right[1] if right[1] else 0.0
    return Stats(round(left_shared, 4), round(right_shared, 4),
                 round((left_shared + right_shared) / 2, 4))
