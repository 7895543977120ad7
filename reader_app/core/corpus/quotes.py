"""Quotations across documents: every quote of at least 4 words, the same quote grouped
whatever its wording or translation, with the person it is attributed to.

A quotation (``quote_marks``) becomes the set of its content terms (``paragraph_terms`` of
the comparison engine: Snowball stems, numbers by value, news synonyms; function words
dropped), weighted by inverse frequency over all quotations. Two quotations are the same quote
when their term sets are alike (weighted Jaccard at least ``SAME_JACCARD``), or when they share
at least ``MIN_SHARED_TERMS`` terms making at least ``MIN_OVERLAP`` of the lighter one's
weight (a translation that splits a sentence the other keeps whole); groups are the connected
sets of such pairs. Candidates come from an index of the quotations by term (a term in very many
quotations left out), never all pairs. Speakers come from ``quote_speakers``. Must not import Qt.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader_app.core.compare.content_terms import paragraph_terms
from reader_app.core.corpus.quote_marks import quotations
from reader_app.core.corpus.quote_speakers import Attribution, attribute, resolve_pronouns
from reader_app.core.documents import Document
from reader_app.core.text import WORD_RE

SAME_JACCARD = 0.5
MIN_SHARED_TERMS = 3
MIN_OVERLAP = 0.35
MAX_POSTINGS = 200  # a term in more quotations than this finds no candidates


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """One quotation as it stands in one document (offsets of the text inside the marks)."""

    path: str
    start: int
    end: int
    text: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote and every wording of it found; ``text`` and ``speaker`` those most
    documents carry."""

    text: str
    speaker: str | None
    variants: tuple[QuoteVariant, ...]

    @property
    def documents(self) -> int:
        return len({v.path for v in self.variants})


def find_quotes(documents: Sequence[Document]) -> list[Quote]:
    """Every quote in ``documents``, grouped, most documents first (then in reading order)."""
    variants = [v for document in documents for v in document_quotations(document)]
    terms = [quote_terms(v.text) for v in variants]
    groups = sorted((sorted(group) for group in _groups(terms)), key=lambda group: group[0])
    quotes = [_quote([variants[i] for i in group]) for group in groups]
    quotes.sort(key=lambda quote: -quote.documents)  # stable: reading order on a tie
    return quotes


def document_quotations(document: Document) -> list[QuoteVariant]:
    """The quotations of one document in reading order, each with its speaker."""
    text = document.text
    found: list[Attribution] = []
    for number, paragraph in enumerate(document.paragraphs):
        if paragraph.boilerplate:
            continue
        spans = quotations(text, paragraph.start, paragraph.end)
        speakers = attribute(text, paragraph.start, paragraph.end, spans)
        found += [Attribution(s, number, who) for s, who in zip(spans, speakers, strict=True)]
    speakers = resolve_pronouns(text, found)
    return [QuoteVariant(document.path, a.span.start, a.span.end,
                         text[a.span.start : a.span.end], speaker)
            for a, speaker in zip(found, speakers, strict=True)]


def quote_terms(text: str) -> frozenset[str]:
    """The keys of a quotation's content terms (what two wordings of it share)."""
    return frozenset(term.key for term in paragraph_terms(text, 0, len(text)))


def _groups(terms: Sequence[frozenset[str]]) -> list[set[int]]:
    """Connected sets of quotations that are the same quote (each set in reading order)."""
    frequency = Counter(key for keys in terms for key in keys)
    total = len(terms)
    weight = {key: math.log(1 + total / count) for key, count in frequency.items()}
    parent = list(range(total))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in _candidates(terms):
        if root(a) != root(b) and same_quote(terms[a], terms[b], weight):
            parent[root(a)] = root(b)
    groups: dict[int, set[int]] = defaultdict(set)
    for i in range(total):
        groups[root(i)].add(i)
    return list(groups.values())


def _candidates(terms: Sequence[frozenset[str]]) -> Iterable[tuple[int, int]]:
    """Pairs of quotations sharing a term found in at most ``MAX_POSTINGS`` quotations
    before them, or the very same terms (repeated word for word: one index entry)."""
    same: dict[frozenset[str], int] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(terms):
        if keys in same:
            yield same[keys], i
            continue
        same[keys] = i
        seen: set[int] = set()
        for key in keys:
            if len(postings[key]) <= MAX_POSTINGS:
                seen.update(postings[key])
            postings[key].append(i)
        yield from ((j, i) for j in sorted(seen))


def same_quote(a: frozenset[str], b: frozenset[str], weight: dict[str, float]) -> bool:
    """Whether two quotations' terms make them one quote (see the module's docstring)."""
    if not a or not b:
        return False
    shared = sum(weight[k] for k in a & b)
    if shared == 0:
        return False
    union = sum(weight[k] for k in a | b)
    if shared / union >= SAME_JACCARD:
        return True
    lighter = min(sum(weight[k] for k in a), sum(weight[k] for k in b))
    return len(a & b) >= MIN_SHARED_TERMS and shared / lighter >= MIN_OVERLAP


def _quote(variants: list[QuoteVariant]) -> Quote:
    """The group's text: the wording (words, case folded) most documents carry, first seen
    on a tie; its speaker: the one most documents name."""
    wordings: dict[tuple[str, ...], set[str]] = defaultdict(set)
    first: dict[tuple[str, ...], QuoteVariant] = {}
    for variant in variants:
        wording = tuple(w.casefold() for w in WORD_RE.findall(variant.text))
        wordings[wording].add(variant.path)
        first.setdefault(wording, variant)
    best = max(wordings, key=lambda w: len(wordings[w]))  # max keeps the first on a tie
    named: dict[str, set[str]] = defaultdict(set)
    for variant in variants:
        if variant.speaker is not None:
            named[variant.speaker].add(variant.path)
    speaker = max(named, key=lambda s: len(named[s])) if named else None
    return Quote(first[best].text, speaker, tuple(variants))
