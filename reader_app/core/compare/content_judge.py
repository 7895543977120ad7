"""The content judge: which paragraph pairs report the same facts in other words.

Each paragraph is a set of weighted terms (``content_terms``): a term's weight is its inverse
frequency over the paragraphs of both documents, so a name, title or set phrase that recurs
("Putin", "the ceasefire") counts little and a figure or a rare word counts much. Candidate
pairs come from an inverted index of terms (never all pairs); each is scored by the cosine
of its weight vectors. A pair is linked when its score clears ``LINK_THRESHOLD`` and it
shares at least one informative word that is neither a name nor a figure: a shared name,
place or date alone never links. A paragraph with nothing but figures and dates (a
dateline, "Updated 10:41 EDT") carries no fact and takes no part.

Measured on the dev set (``benchmarks/eval_alignment.py``): context (linked neighbours,
mutual best matches) did not separate true links from false ones better than the score
alone, because reports link many-to-many (a summary paragraph and each quote it sums up);
so the score decides. Must not import Qt.
"""

from __future__ import annotations

import heapq
import math
import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from reader_app.core.compare.content_facts import rewrite_threshold
from reader_app.core.compare.content_terms import Term, date_words, document_terms
from reader_app.core.errors import Cancelled

LINK_THRESHOLD = 0.17  # cosine of inverse-frequency weights
PRIOR_PARAGRAPHS = 10
MIN_FACT_WEIGHT = 1.0  # shared weight of words that are neither names nor figures
NUMBER_FACTOR = 1.3  # a shared figure is strong evidence
INDEX_TERMS = 16  # a paragraph is looked up by its heaviest terms
MAX_POSTINGS = 40  # a term indexed for more paragraphs than this proposes no pairs
MAX_PARTNERS = 3  # rewrite links per paragraph, best first (on both of its sides)
MAX_CANDIDATES = 10  # per paragraph, most shared index terms first
VARIANT_RATIO = 85  # rapidfuzz ratio for two spellings of a name ("Zelenskiy"/"Zelenskyy")
MIN_VARIANT_LENGTH = 5  # shorter names are too easily confused ("Kim" / "Kin")

Spans = Sequence[tuple[int, int] | None]


@dataclass(frozen=True, slots=True)
class Weighted:
    """One paragraph's terms and its weight vector (each distinct term once, by its weight)."""

    terms: tuple[Term, ...]
    weights: dict[str, float]
    norm: float


@dataclass(frozen=True, slots=True)
class ContentTerms:
    """Both documents' paragraphs as weighted terms, the weights shared by both sides."""

    left: list[Weighted | None]
    right: list[Weighted | None]
    names: frozenset[str]

    def side(self, which: int) -> list[Weighted | None]:
        return self.left if which == 0 else self.right


def content_terms(left_text: str, left_spans: Spans, right_text: str, right_spans: Spans,
                  cancelled: Callable[[], bool] = lambda: False) -> ContentTerms:
    """Weighted terms of every paragraph (``None`` spans and datelines take no part)."""
    left = _without_datelines(_TERMS_CACHE.terms(left_text, left_spans, cancelled))
    right = _without_datelines(_TERMS_CACHE.terms(right_text, right_spans, cancelled))
    _unify_name_variants(left_text, left, right_text, right)
    names = frozenset(_name_keys(left + right))
    weights = _weights(left + right, names)
    return ContentTerms(_weighted(left, weights), _weighted(right, weights), names)


class _TermsCache:
    """The terms of recently compared documents: the library compares the left document
    with every other one, and the matrix each document with many, so each document's text
    is read for terms once. Bounded by the terms it holds, oldest dropped first."""

    def __init__(self, max_terms: int) -> None:
        self._max_terms = max_terms
        self._held = 0
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple[str, tuple[tuple[int, int] | None, ...]],
                                   list[list[Term] | None]] = OrderedDict()

    def terms(self, text: str, spans: Spans,
              cancelled: Callable[[], bool] = lambda: False) -> list[list[Term] | None]:
        """A fresh outer list (callers replace its items); the term lists are shared."""
        key = (text, tuple(spans))
        with self._lock:  # comparisons run on worker threads
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return list(found)
        found = document_terms(text, spans, cancelled)
        with self._lock:
            if key not in self._entries:
                self._entries[key] = found
                self._held += _size(found)
            while self._held > self._max_terms and len(self._entries) > 1:
                _, dropped = self._entries.popitem(last=False)
                self._held -= _size(dropped)
        return list(found)


def _size(paragraphs: list[list[Term] | None]) -> int:
    return sum(len(ts) for ts in paragraphs if ts)


_TERMS_CACHE = _TermsCache(max_terms=1_000_000)  # about 100 MB at most


def judge_content(
    terms: ContentTerms,
    exclude: set[tuple[int, int]],
    cancelled: Callable[[], bool] = lambda: False,
) -> dict[tuple[int, int], float]:
    """Pairs linked on content (not in ``exclude``), with their scores."""
    threshold = rewrite_threshold([p.terms for p in terms.left if p],
                                  [p.terms for p in terms.right if p], terms.names, LINK_THRESHOLD)
    passed = {
        pair: score for pair, (score, fact) in _candidate_scores(terms, cancelled).items()
        if pair not in exclude and score >= threshold and fact >= MIN_FACT_WEIGHT
    }
    kept = _best_partners(passed, 0) & _best_partners(passed, 1)
    return {pair: round(score, 4) for pair, score in passed.items() if pair in kept}


def _best_partners(scores: dict[tuple[int, int], float], side: int) -> set[tuple[int, int]]:
    """The pairs among each paragraph's ``MAX_PARTNERS`` best-scoring ones on ``side``."""
    by_paragraph: dict[int, list[tuple[float, tuple[int, int]]]] = defaultdict(list)
    for pair, score in scores.items():
        by_paragraph[pair[side]].append((score, pair))
    kept: set[tuple[int, int]] = set()
    for found in by_paragraph.values():
        found.sort(key=lambda item: (-item[0], item[1]))
        kept.update(pair for _, pair in found[:MAX_PARTNERS])
    return kept


def _without_datelines(paragraphs: list[list[Term] | None]) -> list[list[Term] | None]:
    """``None`` for a paragraph of nothing but figures and dates (a dateline, a timestamp)."""
    dates = date_words()
    return [None if ts is None or all(t.kind == "number" or t.key in dates for t in ts)
            else ts for ts in paragraphs]


def _unify_name_variants(left_text: str, left: list[list[Term] | None], right_text: str,
                         right: list[list[Term] | None]) -> None:
    """Give right-side names that are spelling variants of a left-side name its key.

    A name here is any capitalised word, sentence openings included ("Zelenskiy said")."""
    def long_names(text: str, side: list[list[Term] | None]) -> set[str]:
        return {t.key for ts in side if ts for t in ts
                if t.kind != "number" and text[t.start].isupper()
                and len(t.key) >= MIN_VARIANT_LENGTH}

    left_names, right_names = long_names(left_text, left), long_names(right_text, right)
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
    if mapping:
        for i, ts in enumerate(right):
            if ts:
                right[i] = [Term(t.start, t.end, mapping.get(t.key, t.key), t.kind) for t in ts]


def _name_keys(paragraphs: list[list[Term] | None]) -> set[str]:
    """Keys written as names in most of their occurrences; one only ever seen capitalised
    at sentence openings ("Russian President …") counts as a name too."""
    votes: Counter[str] = Counter()
    for ts in paragraphs:
        for t in ts or ():
            votes[t.key] += _NAME_VOTES.get(t.kind, 0)
    return {key for key, vote in votes.items() if vote >= 0}


_NAME_VOTES = {"name": 1, "abbr": 1, "capital": 0, "word": -1, "number": -1}


def _weights(paragraphs: list[list[Term] | None], names: frozenset[str]) -> dict[str, float]:
    frequency: Counter[str] = Counter()
    for ts in paragraphs:
        if ts:
            frequency.update({t.key for t in ts})
    # As if PRIOR_PARAGRAPHS more paragraphs held none of the terms: in two one-sentence
    # documents every shared word would otherwise weigh next to nothing.
    total = sum(1 for ts in paragraphs if ts) + PRIOR_PARAGRAPHS
    return {
        key: (math.log(total / df) + 0.1) * (NUMBER_FACTOR if key.startswith("#") else 1.0)
        for key, df in frequency.items()
    }


def _weighted(paragraphs: list[list[Term] | None],
              weights: dict[str, float]) -> list[Weighted | None]:
    result: list[Weighted | None] = []
    for ts in paragraphs:
        if not ts:
            result.append(None)
            continue
        own = {t.key: weights[t.key] for t in ts}
        result.append(Weighted(tuple(ts), own, math.sqrt(sum(w * w for w in own.values()))))
    return result


def _candidate_scores(
    terms: ContentTerms, cancelled: Callable[[], bool]
) -> dict[tuple[int, int], tuple[float, float]]:
    """(cosine, shared fact weight) of candidate pairs: those sharing one of both
    paragraphs' heaviest terms, the best few per paragraph."""
    postings: dict[str, list[int]] = defaultdict(list)
    for b, par in enumerate(terms.right):
        for key in _index_terms(par):
            postings[key].append(b)
    scores: dict[tuple[int, int], tuple[float, float]] = {}
    for a, par in enumerate(terms.left):
        if a % 256 == 0 and cancelled():
            raise Cancelled
        if par is None:
            continue
        partners: Counter[int] = Counter()
        for key in _index_terms(par):
            holders = postings.get(key, ())
            if len(holders) <= MAX_POSTINGS:
                partners.update(holders)
        for b, _ in partners.most_common(MAX_CANDIDATES):
            other = terms.right[b]
            assert other is not None
            scores[(a, b)] = _score(par, other, terms.names)
    return scores


def _index_terms(par: Weighted | None) -> list[str]:
    """The keys a paragraph is indexed and looked up by: its heaviest few."""
    if par is None:
        return []
    if len(par.weights) <= INDEX_TERMS:
        return list(par.weights)
    ranked = heapq.nsmallest(INDEX_TERMS, par.weights.items(),
                             key=lambda item: (-item[1], item[0]))
    return [key for key, _ in ranked]


def _score(left: Weighted, right: Weighted, names: frozenset[str]) -> tuple[float, float]:
    small, large = (left, right) if len(left.weights) <= len(right.weights) else (right, left)
    dot = fact = 0.0
    for key, weight in small.weights.items():
        if key in large.weights:
            dot += weight * weight  # one weight per key, the same on both sides
            if key not in names and not key.startswith("#"):
                fact += weight
    return dot / (left.norm * right.norm), fact
