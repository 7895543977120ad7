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
from itertools import repeat, starmap
from operator import itemgetter
from typing import Literal

from reader_app.core.compare import align
from reader_app.core.compare.content_evidence import BY_STARTS, Evidence
from reader_app.core.compare.content_links import link_paragraphs
from reader_app.core.compare.linking import SideTokens, Verdict, confirm_links, side_spans
from reader_app.core.compare.worddiff import DiffOptions, Vocabulary
from reader_app.core.documents import Document
from reader_app.core.errors import Cancelled
from reader_app.core.html_text import tag_spans
from reader_app.core.util import paused_gc

__all__ = ["SIDES", "Comparison", "DiffOptions", "Evidence", "Link", "LinkKind", "Row", "Span",
           "Stats", "compare", "other_side"]

DEFAULT_OPTIONS = DiffOptions()
Kind = Literal["shared", "unique"]
# copy: the pair shares a verbatim passage; rewrite: the same content in other words.
LinkKind = Literal["copy", "rewrite"]
Side = Literal["left", "right"]
SIDES: tuple[Side, Side] = ("left", "right")


def other_side(side: Side) -> Side:
    return "right" if side == "left" else "left"


@dataclass(frozen=True, slots=True)
class Link:
    """A linked pair. ``similarity``: for a copy link its shared-wording fraction, for a
    rewrite link its content score; ``evidence`` sorted by left start."""

    left: int
    right: int
    similarity: float
    moved: bool
    kind: LinkKind = "copy"
    evidence: tuple[Evidence, ...] = ()



# A link before it is made a ``Link``: (left, right, similarity, moved, kind, evidence).
RawLink = tuple[int, int, float, bool, LinkKind, tuple[Evidence, ...]]
RawRow = tuple[int | None, int | None]
_BY_SIDES = itemgetter(0, 1)  # (left, right) of a RawLink, (left_start, left_end) of a piece
_SWAP_SIDES = itemgetter(2, 3, 0, 1, 4)  # (right_start, right_end, left_start, left_end, kind)
_new_tuple = tuple.__new__


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
    """Shared wording (``*_shared``, ``similarity``) and linked content (``*_linked``,
    ``content``: the fraction of each side's words in linked paragraphs, and their mean)."""

    left_shared: float
    right_shared: float
    similarity: float
    left_linked: float = 0.0
    right_linked: float = 0.0
    content: float = 0.0

    def mirrored(self) -> Stats:
        return Stats(self.right_shared, self.left_shared, self.similarity,
                     self.right_linked, self.left_linked, self.content)


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
        return {side: [s.start for s in self.spans(side)] for side in SIDES}

    def links_of(self, side: Side, paragraph: int) -> list[Link]:
        """The links that touch ``paragraph`` of ``side``."""
        return self._links_by_paragraph[side].get(paragraph, [])

    @cached_property
    def _links_by_paragraph(self) -> dict[str, dict[int, list[Link]]]:
        index: dict[str, dict[int, list[Link]]] = {"left": {}, "right": {}}
        for link in self.links:
            index["left"].setdefault(link.left, []).append(link)
            index["right"].setdefault(link.right, []).append(link)
        return index


ProgressCallback = Callable[[float], None]


def judged_swapped(left: Document, right: Document) -> bool:
    """Whether ``compare`` works the pair out the other way round (then mirrors it): its
    link rule looks at one side's runs, so the canonical order matters to the result."""
    return (right.sha256, right.path) < (left.sha256, left.path)


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
    swapped = judged_swapped(left, right)
    first, second = (right, left) if swapped else (left, right)
    # Making the result makes a million small objects too: the collector stays paused until
    # they are done (else its first passes walk every one of them).
    with paused_gc():
        worked = _worked(first, second, options, cancelled, progress, evidence=True)
        if swapped:
            return _made(second, first, _mirrored(worked), options)
        return _made(first, second, worked, options)


def compare_stats(
    left: Document,
    right: Document,
    options: DiffOptions = DEFAULT_OPTIONS,
    cancelled: Callable[[], bool] = lambda: False,
) -> Stats:
    """``compare(left, right, options, cancelled).stats``, the links' evidence not worked
    out: the matrix and the library's column need the figures only, and for short reports
    the evidence was two thirds of the time (300 documents: 91 s for ``matrix``)."""
    swapped = judged_swapped(left, right)
    first, second = (right, left) if swapped else (left, right)
    with paused_gc():
        stats = _worked(first, second, options, cancelled, lambda _: None, evidence=False).stats
    return stats.mirrored() if swapped else stats


def _worked(first: Document, second: Document, options: DiffOptions,
            cancelled: Callable[[], bool], progress: ProgressCallback,
            evidence: bool) -> _Worked:
    first, second = first.for_analysis, second.for_analysis
    if first.text != second.text:
        return _compare_ordered(first, second, options, cancelled, progress, evidence)
    if cancelled():
        raise Cancelled
    progress(0.0)
    worked = _identical(first)
    progress(1.0)
    return worked


@dataclass(frozen=True, slots=True)
class _Worked:
    """A comparison worked out, before its links and rows are made objects (once, in the
    order asked for: mirroring made Links would make them twice)."""

    links: list[RawLink]  # in no particular order
    rows: list[RawRow]
    left_spans: tuple[Span, ...]
    right_spans: tuple[Span, ...]
    stats: Stats


def _made(left: Document, right: Document, worked: _Worked, options: DiffOptions) -> Comparison:
    links = sorted(worked.links, key=_BY_SIDES)
    return Comparison(
        left=left,
        right=right,
        links=tuple(starmap(Link, links)),
        rows=tuple(starmap(Row, worked.rows)),
        left_spans=_outside_tags(left, worked.left_spans),
        right_spans=_outside_tags(right, worked.right_spans),
        stats=worked.stats,
        options=options,
    )


def _outside_tags(document: Document, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """A web page's spans cut where its tags fall (the engine read it with its tags blanked,
    so a shared run went on through ``<a href=…>``): no span covers a word of a tag, each
    piece without the spaces at its ends. Other documents' spans as they are."""
    if not document.page:
        return spans
    tags, text, first = tag_spans(document.text), document.text, 0
    pieces: list[Span] = []
    for span in spans:
        while first < len(tags) and tags[first][1] <= span.start:
            first += 1
        start, inside = span.start, first
        while inside < len(tags) and tags[inside][0] < span.end:
            pieces.append(Span(start, max(start, tags[inside][0]), span.kind))
            start, inside = max(start, tags[inside][1]), inside + 1
        pieces.append(Span(start, span.end, span.kind))
    return tuple(_stripped(text, piece) for piece in pieces if text[piece.start:piece.end].strip())


def _stripped(text: str, span: Span) -> Span:
    piece = text[span.start:span.end]
    start = span.start + len(piece) - len(piece.lstrip())
    return Span(start, span.start + len(piece.rstrip()), span.kind)


def _identical(document: Document) -> _Worked:
    """The same text on both sides: every paragraph with words linked to itself, all shared.

    (Wordless paragraphs share nothing, so they get one-sided rows like any unlinked one.)
    """
    rows: list[RawRow] = []
    links: list[RawLink] = []
    for index, p in enumerate(document.paragraphs):
        if p.words:
            rows.append((index, index))
            links.append((index, index, 1.0, False, "copy",
                          (Evidence(p.start, p.end, p.start, p.end, "same"),)))
        else:
            rows.extend([(index, None), (None, index)])
    spans = tuple(Span(p.start, p.end, "shared") for p in document.paragraphs if p.words)
    words = sum(p.words for p in document.paragraphs)
    return _Worked(links, rows, spans, spans,
                   _stats((words, words, words), (words, words, words)))


def _mirrored(worked: _Worked) -> _Worked:
    return _Worked([_mirrored_link(k) for k in worked.links],
                   [(b, a) for a, b in worked.rows], worked.right_spans, worked.left_spans,
                   worked.stats.mirrored())


def _mirrored_link(link: RawLink) -> RawLink:
    """The link seen from the other side, its evidence sorted by the new left start: as
    ``Evidence.mirrored``, without a Python call per piece (a long pair has 100,000)."""
    a, b, similarity, moved, kind, evidence = link
    pieces = list(map(_new_tuple, repeat(Evidence), map(_SWAP_SIDES, evidence)))
    pieces.sort(key=BY_STARTS)
    return b, a, similarity, moved, kind, tuple(pieces)


def _compare_ordered(
    left: Document,
    right: Document,
    options: DiffOptions,
    cancelled: Callable[[], bool],
    progress: ProgressCallback,
    evidence: bool = True,
) -> _Worked:
    progress(0.0)
    candidates = align.candidate_pairs(content_paragraphs(left), content_paragraphs(right),
                                       cancelled)
    progress(0.2)
    vocabulary = Vocabulary()
    left_side = SideTokens(left, options, vocabulary)
    right_side = SideTokens(right, options, vocabulary)
    verdicts = confirm_links(candidates, left_side, right_side, cancelled,
                             lambda fraction: progress(0.2 + 0.6 * fraction))
    linked = link_paragraphs(left, right, verdicts, left_side, options.ignore_case,
                             cancelled, evidence)
    progress(0.9)
    pairs = [*linked.copies, *linked.rewrites]
    rows, chosen = align.layout_rows(linked.weighted(), len(left.paragraphs),
                                     len(right.paragraphs), _apart(left, right, pairs))
    moved = align.crossing_links(pairs, chosen)
    left_spans, left_shared, left_words = side_spans(left_side, linked.copies, 0)
    right_spans, right_shared, right_words = side_spans(right_side, linked.copies, 1)
    progress(1.0)
    links = _links(linked.copies, linked.rewrites, linked.evidence, moved)
    return _Worked(
        links,
        rows,
        tuple(starmap(Span, left_spans)),
        tuple(starmap(Span, right_spans)),
        _stats((left_shared, _linked_words(left, links, 0), left_words),
               (right_shared, _linked_words(right, links, 1), right_words)),
    )


def _links(copies: dict[tuple[int, int], Verdict], rewrites: dict[tuple[int, int], float],
           evidence: dict[tuple[int, int], tuple[Evidence, ...]],
           moved: set[tuple[int, int]]) -> list[RawLink]:
    links: list[RawLink] = [(a, b, round(v.similarity, 4), (a, b) in moved, "copy",
                             evidence[(a, b)]) for (a, b), v in copies.items()]
    links += [(a, b, score, (a, b) in moved, "rewrite", evidence[(a, b)])
              for (a, b), score in rewrites.items()]
    return links


def _linked_words(document: Document, links: list[RawLink], which: int) -> int:
    linked = {link[1] if which else link[0] for link in links}
    return sum(document.paragraphs[i].words for i in linked)


def rows_beside(comparison: Comparison) -> set[int]:
    """The rows shown beside the row before them (``align.side_by_side``): two unmatched
    paragraphs; a boilerplate or linked one (a moved one sits in a row of its own) is beside
    none."""
    pairs = [(link.left, link.right) for link in comparison.links]
    return align.side_by_side([(row.left, row.right) for row in comparison.rows],
                              _apart(comparison.left, comparison.right, pairs))


def _apart(left: Document, right: Document,
           pairs: list[tuple[int, int]]) -> tuple[set[int], set[int]]:
    """Per side, the paragraphs never shown beside another: boilerplate, and those linked
    (a moved paragraph's band goes elsewhere; beside another it looked unmatched too)."""
    return ({i for i, p in enumerate(left.paragraphs) if p.boilerplate} | {a for a, _ in pairs},
            {i for i, p in enumerate(right.paragraphs) if p.boilerplate} | {b for _, b in pairs})


def content_paragraphs(document: Document) -> list[str | None]:
    """Each paragraph's text, for the alignment; boilerplate (None) takes no part."""
    text = document.text
    return [None if p.boilerplate else text[p.start : p.end] for p in document.paragraphs]


def _stats(left: tuple[int, int, int], right: tuple[int, int, int]) -> Stats:
    """From each side's (shared words, words in linked paragraphs, words)."""
    def fraction(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    left_shared, left_linked = fraction(left[0], left[2]), fraction(left[1], left[2])
    right_shared, right_linked = fraction(right[0], right[2]), fraction(right[1], right[2])
    return Stats(round(left_shared, 4), round(right_shared, 4),
                 round((left_shared + right_shared) / 2, 4), round(left_linked, 4),
                 round(right_linked, 4), round((left_linked + right_linked) / 2, 4))
