"""Links of both kinds, with their evidence: the verbatim links checked for a shared fact,
the content judge's links added, every link's corresponding pieces found.

The verbatim rule (``linking``) makes ``copy`` links; a copy link whose shared words are all
names or figures ("… for Security and Cooperation in Europe", "of the O.S.C.E.") is dropped,
because a shared name alone never links. The content judge (``content_judge``) then adds the
``rewrite`` links among the paragraphs not yet paired. Must not import Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader_app.core.compare.content_evidence import Evidence, PairsEvidence
from reader_app.core.compare.content_judge import (
    ContentTerms,
    content_terms,
    judge_content,
)
from reader_app.core.compare.linking import SideTokens, Verdict
from reader_app.core.documents import Document

# A rewrite link weighs like a copy link sharing this many words times its score, when the
# rows are laid out: verbatim evidence outweighs a content match of the same paragraphs.
REWRITE_ROW_WEIGHT = 5.0
MIN_COPIED_FACT_WORDS = 2

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Linked:
    """The links of one comparison before they become ``Link`` objects."""

    copies: dict[Pair, Verdict]
    rewrites: dict[Pair, float]  # pair -> content score
    evidence: dict[Pair, tuple[Evidence, ...]]

    def weighted(self) -> list[tuple[int, int, float]]:
        """(left, right, weight) of every link, for laying out the rows."""
        return [(a, b, float(v.shared_words)) for (a, b), v in self.copies.items()] + [
            (a, b, REWRITE_ROW_WEIGHT * score) for (a, b), score in self.rewrites.items()
        ]


def link_paragraphs(
    left: Document,
    right: Document,
    copies: dict[Pair, Verdict],
    left_tokens: SideTokens,
    ignore_case: bool,
    cancelled: Callable[[], bool],
    evidence: bool = True,
) -> Linked:
    """Check the verbatim links, add the content links, and find every link's evidence
    (unless not ``evidence``: then each link has none)."""
    terms = content_terms(left.text, _spans(left), right.text, _spans(right), cancelled)
    kept = {pair: v for pair, v in copies.items()
            if v.left_flags is None or _copies_a_fact(terms, pair, v, left_tokens)}
    rewrites = judge_content(terms, set(kept), cancelled)
    if not evidence:
        return Linked(kept, rewrites, dict.fromkeys([*kept, *rewrites], ()))
    pieces = PairsEvidence(left.text, right.text, ignore_case)
    found = {pair: _evidence(left, right, terms, pair, pair in kept and
                             kept[pair].left_flags is None, pieces)
             for pair in [*kept, *rewrites]}
    return Linked(kept, rewrites, found)


def _copies_a_fact(terms: ContentTerms, pair: Pair, verdict: Verdict,
                   left_tokens: SideTokens) -> bool:
    """Whether the verbatim wording the pair shares holds ``MIN_COPIED_FACT_WORDS`` words
    that are neither names nor figures: "in the Gulf of Aden" or "the Los Angeles County
    Sheriff's deputy" is a shared name, not a shared passage."""
    paragraph = terms.left[pair[0]]
    if paragraph is None or verdict.left_flags is None:
        return True  # identical, or no content term to judge by ("d d c d c a"): as v1
    tokens = left_tokens.tokens(pair[0])
    shared = {start for start, flag in zip(tokens.starts, verdict.left_flags, strict=True)
              if flag}
    facts = sum(1 for t in paragraph.terms if t.start in shared and t.key not in terms.names
                and not t.key.startswith("#"))
    return facts >= MIN_COPIED_FACT_WORDS


def _evidence(left: Document, right: Document, terms: ContentTerms, pair: Pair,
              identical: bool, pieces: PairsEvidence) -> tuple[Evidence, ...]:
    a, b = pair
    if identical:  # the same paragraph on both sides: one piece, all of it
        pa, pb = left.paragraphs[a], right.paragraphs[b]
        return (Evidence(pa.start, pa.end, pb.start, pb.end, "same"),)
    left_terms, right_terms = terms.left[a], terms.right[b]
    if left_terms is None or right_terms is None:
        return ()
    return pieces.of(a, left_terms.terms, b, right_terms.terms)


def _spans(document: Document) -> list[tuple[int, int] | None]:
    """Each paragraph's range for the content judge; boilerplate (None) takes no part."""
    return [None if p.boilerplate else (p.start, p.end) for p in document.paragraphs]
