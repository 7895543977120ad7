"""The content judge: which paragraph pairs report the same facts in other words.

Each paragraph is a set of weighted terms (``content_terms``): a term's weight is its inverse
frequency over the paragraphs of both documents, so a name, title or set phrase that recurs
("Putin", "the ceasefire") counts little and a figure or a rare word counts much. Candidate
pairs come from an inverted index of terms (never all pairs); each is scored by the cosine
of its weight vectors. A pair is linked when its score clears ``LINK_THRESHOLD``, it shares
at least two terms, and one of them is an informative word that is neither a name nor a
figure: a shared name, place or date alone never links, nor does one shared word. A
paragraph with nothing but figures and dates (a dateline, "Updated 10:41 EDT") carries no
fact and takes no part.

Measured on the dev set (``benchmarks/eval_alignment.py``): context as a score (linked
neighbours, mutual best matches) did not separate true links from false ones better than the
score alone, because reports link many-to-many (a summary paragraph and each quote it sums
up); so the score decides. One use of context pays: a paragraph next to a linked one, joining
the same longer paragraph on the other side, continues a split and needs less
(``_beside_links``). And one use of position: the opening paragraphs of two reports of one
event (headline, lead) state its main fact in other words — the inverted pyramid of news
writing — so a pair of them needs half the bar (``_lead_links``). Must not import Qt.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process

from reader_app.core.compare.content_document import DocumentContent, Spans, read_content
from reader_app.core.compare.content_facts import name_agreement, reports_one_event, threshold_at
from reader_app.core.compare.content_terms import Term
from reader_app.core.errors import Cancelled

LINK_THRESHOLD = 0.17  # cosine of inverse-frequency weights
PRIOR_PARAGRAPHS = 10
MIN_FACT_WEIGHT = 1.0  # shared weight of words that are neither names nor figures
# Terms (words, names, figures) two paragraphs must share: one word alone linked "Prices rose
# sharply." to "The river rose overnight." (on the ECB+ dev set: one false link fewer, and
# one labelled link lost, "local damage" / "reports of damage").
MIN_SHARED_KEYS = 2
NUMBER_FACTOR = 1.3  # a shared figure is strong evidence
# A paragraph is looked up by its heaviest terms. 16 missed partners of long paragraphs
# (dev set, 16 -> 24: seeds 3 labelled links more for 1 false one, ECB+ 1 for 1, ECB+
# event links recall 0.295 -> 0.306; 32 or all of them find no more).
INDEX_TERMS = 24
MAX_POSTINGS = 40  # a term indexed for more paragraphs than this proposes no pairs
COPIED_FACTOR = 1.5  # the bar for a pair whose paragraphs are both copy-linked elsewhere
# The share of the bar a pair continuing a split needs (``_beside_links``). Dev set, F without
# -> with: ECB+ first 16 pairs 0.55 -> 0.56, seeds 0.40 -> 0.42, next 6 pairs 0.70 -> 0.69;
# 0.6 and 0.8 did no better. It links 002/003's two translations of Putin's "We agree…".
NEIGHBOUR_FACTOR = 0.7
# The opening paragraphs that state a report's main fact (headline, lead, the next one), and
# the share of the bar a pair of them needs, when the documents name the same people and
# places and the pair shares one of those names or a figure. Dev set, F before -> after: ECB+
# 0.62 -> 0.63, seeds 0.44 -> 0.45, ECB+ event links 0.46 -> 0.50 (recall 0.31 -> 0.34, at
# precision 0.91 -> 0.91); 0.6 or 0.7 and 2 paragraphs did less, 4 paragraphs made one false
# link more on 000/001. It links "Obama Reverses Bush on Species Protection Measure" to
# "Obama administration overturns rule that weakened Endangered Species Act".
LEAD_PARAGRAPHS = 3
LEAD_FACTOR = 0.5
MAX_PARTNERS = 3  # rewrite links per paragraph, best first (on both of its sides)
MAX_CANDIDATES = 10  # per paragraph, most shared index terms first
VARIANT_RATIO = 85  # rapidfuzz ratio for two spellings of a name ("Zelenskiy"/"Zelenskyy")


class Weighted(NamedTuple):
    """One paragraph's terms and its weight vector (each distinct term once, by its weight);
    a named tuple, made by the ten thousand (a frozen dataclass took twice as long to make)."""

    terms: tuple[Term, ...]
    weights: dict[str, float]
    norm: float


@dataclass(frozen=True, slots=True)
class ContentTerms:
    """Both documents' paragraphs as weighted terms, the weights shared by both sides."""

    left: list[Weighted | None]
    right: list[Weighted | None]
    names: frozenset[str]
    weights: dict[str, float]  # every key's
    fact_weights: dict[str, float]  # a key's weight, 0 for names and figures

    def side(self, which: int) -> list[Weighted | None]:
        return self.left if which == 0 else self.right


def content_terms(left_text: str, left_spans: Spans, right_text: str, right_spans: Spans,
                  cancelled: Callable[[], bool] = lambda: False) -> ContentTerms:
    """Weighted terms of every paragraph (``None`` spans and datelines take no part)."""
    left = read_content(left_text, left_spans, cancelled)
    right = read_content(right_text, right_spans, cancelled)
    mapping = _name_variants(left.capitalised, right.capitalised)
    if mapping:
        right = right.renamed(mapping)
    votes = Counter(left.name_votes)
    votes.update(right.name_votes)  # update, not "+": a key's total may be 0 or below
    # A key written as a name in most of its occurrences is a name; so is one only ever
    # seen capitalised at sentence openings ("Russian President …").
    names = frozenset(key for key, vote in votes.items() if vote >= 0)
    frequency = left.frequency + right.frequency
    paragraphs = sum(1 for ks in left.keys if ks) + sum(1 for ks in right.keys if ks)
    weights = _weights(frequency, paragraphs)
    return ContentTerms(_weighted(left, weights), _weighted(right, weights), names, weights,
                        {key: 0.0 if key in names or key.startswith("#") else weight
                         for key, weight in weights.items()})


def judge_content(
    terms: ContentTerms,
    exclude: set[tuple[int, int]],
    cancelled: Callable[[], bool] = lambda: False,
) -> dict[tuple[int, int], float]:
    """Pairs linked on content (not in ``exclude``), with their scores."""
    agreement = name_agreement([p.terms for p in terms.left if p],
                               [p.terms for p in terms.right if p], terms.names)
    threshold = threshold_at(agreement, LINK_THRESHOLD)
    # Two paragraphs that each have their counterpart copied word for word elsewhere are
    # linked besides only on stronger content: else each one's topical neighbours joined
    # it (ECB+ dev set: 11 false links fewer for 1 true one, the seeds 1 for 2).
    copied_left, copied_right = {a for a, _ in exclude}, {b for _, b in exclude}

    def not_copied(scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
        return {pair: score for pair, score in scores.items() if score >= COPIED_FACTOR *
                threshold or pair[0] not in copied_left or pair[1] not in copied_right}

    scored = not_copied(_passing_scores(terms, exclude, NEIGHBOUR_FACTOR * threshold,
                                        cancelled))
    passed = {pair: score for pair, score in scored.items() if score >= threshold}
    passed.update(_beside_links(terms, scored, passed.keys() | exclude))
    if reports_one_event(agreement):  # (two reports of similar events: no such licence)
        passed.update(not_copied(_lead_links(terms, exclude, LEAD_FACTOR * threshold)))
    kept = _best_partners(passed, 0) & _best_partners(passed, 1)
    return {pair: round(score, 4) for pair, score in passed.items() if pair in kept}


def _beside_links(terms: ContentTerms, scored: dict[tuple[int, int], float],
                  linked: set[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """The weaker pairs that continue a split: paragraph ``a`` and ``b``, where ``a``'s
    neighbour is linked to ``b`` and ``b`` is the longer (it holds what both say), or the
    same the other way round. One outlet often spreads over two paragraphs what the other
    writes in one, so the second half of the split needs less evidence; a headline linked to
    the lead does not take the next paragraph too. Found from the strong links only."""
    def size(side: list[Weighted | None], index: int) -> int:
        paragraph = side[index]
        return len(paragraph.terms) if paragraph is not None else 0

    found = {}
    for (a, b), score in scored.items():
        if (a, b) in linked:
            continue
        left_split = (a - 1, b) in linked or (a + 1, b) in linked
        right_split = (a, b - 1) in linked or (a, b + 1) in linked
        if (left_split and size(terms.right, b) >= size(terms.left, a)) or (
                right_split and size(terms.left, a) >= size(terms.right, b)):
            found[(a, b)] = score
    return found


def _lead_links(terms: ContentTerms, exclude: set[tuple[int, int]],
                threshold: float) -> dict[tuple[int, int], float]:
    """The pairs of both documents' opening paragraphs that clear ``threshold`` and share a
    particular of the story, a name or a figure: a headline and the next paragraph sharing
    only "store" and "night" have a topic in common, not a fact."""
    def opening(side: list[Weighted | None]) -> list[int]:
        return [i for i, paragraph in enumerate(side) if paragraph is not None][:LEAD_PARAGRAPHS]

    return _passing(terms, [(a, b) for a in opening(terms.left) for b in opening(terms.right)
                            if (a, b) not in exclude and _share_a_particular(terms, a, b)],
                    threshold)


def _share_a_particular(terms: ContentTerms, a: int, b: int) -> bool:
    left, right = terms.left[a], terms.right[b]
    assert left is not None and right is not None
    return any(key in terms.names or key.startswith("#")
               for key in left.weights.keys() & right.weights.keys())


_SCORE, _PAIR = itemgetter(0), itemgetter(1)  # of a (score, pair) item


def _best_partners(scores: dict[tuple[int, int], float], side: int) -> set[tuple[int, int]]:
    """The pairs among each paragraph's ``MAX_PARTNERS`` best-scoring ones on ``side``."""
    by_paragraph: dict[int, list[tuple[float, tuple[int, int]]]] = defaultdict(list)
    for pair, score in scores.items():
        by_paragraph[pair[side]].append((score, pair))
    kept: set[tuple[int, int]] = set()
    for found in by_paragraph.values():
        if len(found) > MAX_PARTNERS:  # (most paragraphs have fewer: all kept, unsorted)
            # Best score first, ties by pair: two sorts in C (the second one stable).
            found.sort(key=_PAIR)
            found.sort(key=_SCORE, reverse=True)
        kept.update(map(_PAIR, found[:MAX_PARTNERS]))
    return kept


def _name_variants(left_names: frozenset[str], right_names: frozenset[str]) -> dict[str, str]:
    """Right-side names that are spelling variants of a left-side name, to its key.

    A name here is any capitalised word, sentence openings included ("Zelenskiy said")."""
    left_only, right_only = left_names - right_names, right_names - left_names
    by_letter: dict[str, list[str]] = defaultdict(list)
    for name in sorted(left_only):
        by_letter[name[0]].append(name)
    mapping: dict[str, str] = {}
    for key in sorted(right_only):
        found = process.extractOne(key, by_letter.get(key[0], ()), scorer=fuzz.ratio,
                                   score_cutoff=VARIANT_RATIO)
        if found is not None:
            mapping[key] = found[0]
    return mapping


def _weights(frequency: Counter[str], paragraphs: int) -> dict[str, float]:
    # As if PRIOR_PARAGRAPHS more paragraphs held none of the terms: in two one-sentence
    # documents every shared word would otherwise weigh next to nothing.
    total = paragraphs + PRIOR_PARAGRAPHS
    return {
        key: (math.log(total / df) + 0.1) * (NUMBER_FACTOR if key.startswith("#") else 1.0)
        for key, df in frequency.items()
    }


def _weighted(document: DocumentContent, weights: dict[str, float]) -> list[Weighted | None]:
    result: list[Weighted | None] = []
    for ts, keys in zip(document.paragraphs, document.keys, strict=True):
        if not ts or keys is None:
            result.append(None)
            continue
        own = {key: weights[key] for key in keys}
        result.append(Weighted(tuple(ts), own, math.sqrt(sum(w * w for w in own.values()))))
    return result


def _passing_scores(terms: ContentTerms, exclude: set[tuple[int, int]], threshold: float,
                    cancelled: Callable[[], bool]) -> dict[tuple[int, int], float]:
    """The candidate pairs (those sharing one of both paragraphs' heaviest terms, the best
    few per paragraph) that pass (``_passing``); pairs in ``exclude`` are not scored."""
    postings: dict[str, list[int]] = defaultdict(list)
    for b, par in enumerate(terms.right):
        for key in _index_terms(par):
            postings[key].append(b)

    def candidates() -> Iterator[tuple[int, int]]:
        for a, par in enumerate(terms.left):
            if a % 256 == 0 and cancelled():
                raise Cancelled
            if par is not None:
                yield from ((a, b) for b in _candidates(par, postings) if (a, b) not in exclude)

    return _passing(terms, candidates(), threshold)


def _passing(terms: ContentTerms, pairs: Iterable[tuple[int, int]],
             threshold: float) -> dict[tuple[int, int], float]:
    """The cosine of each pair that clears ``threshold`` and shares ``MIN_FACT_WEIGHT`` of
    words neither names nor figures (summed only for a pair whose cosine passes)."""
    square = {key: weight * weight for key, weight in terms.weights.items()}.__getitem__
    fact = terms.fact_weights.__getitem__
    left, right = terms.left, terms.right
    passed: dict[tuple[int, int], float] = {}
    for a, b in pairs:
        par, other = left[a], right[b]
        assert par is not None and other is not None
        shared = par.weights.keys() & other.weights.keys()
        # fsum: exact, so the order of the shared keys (a set's) cannot sway a verdict
        score = math.fsum(map(square, shared)) / (par.norm * other.norm)
        if score >= threshold and len(shared) >= MIN_SHARED_KEYS and math.fsum(
                map(fact, shared)) >= MIN_FACT_WEIGHT:
            passed[(a, b)] = score
    return passed


def _candidates(par: Weighted, postings: dict[str, list[int]]) -> Iterable[int]:
    """The right paragraphs sharing most of ``par``'s index terms, the best few."""
    found = [h for h in map(postings.get, _index_terms(par)) if h and len(h) <= MAX_POSTINGS]
    partners = Counter(chain.from_iterable(found))
    if len(partners) <= MAX_CANDIDATES:
        return partners
    # As most_common (stable: ties in the order first found), without a tuple per partner.
    return sorted(partners, key=partners.__getitem__, reverse=True)[:MAX_CANDIDATES]


def _index_terms(par: Weighted | None) -> list[str]:
    """The keys a paragraph is indexed and looked up by: its heaviest few."""
    if par is None:
        return []
    if len(par.weights) <= INDEX_TERMS:
        return list(par.weights)
    # By weight, heaviest first, ties in key order: two sorts in C (the second one stable),
    # not a Python key function per term.
    ranked = sorted(sorted(par.weights.items()), key=itemgetter(1), reverse=True)
    return [key for key, _ in ranked[:INDEX_TERMS]]
