"""Quotations across documents: every quote of at least 4 words, the same quote grouped
whatever its wording or translation, with the person it is attributed to.

A quotation (``quote_marks``) becomes the set of its content terms (``paragraph_terms`` of
the comparison engine: Snowball stems, numbers by value, news synonyms; function words
dropped), weighted by inverse frequency over all quotations. Two quotations are the same quote
when they have the same words, or when they meet one of the ``RULES``: enough shared terms
and either a weighted Jaccard (shared weight over the weight of both) or an overlap (shared
weight over the lighter one's: a fragment quoted by another outlet, or one sentence of a
statement another quotes whole) at least as high as the rule says; two quotations of one
document only by overlap (a document rarely quotes one statement twice in other words, but
often quotes a fragment of it again). Groups are the connected sets of such pairs.
Candidates come from an index of the quotations by term (a term in very many quotations left
out), never all pairs. Speakers come from ``quote_speakers``. Must not import Qt.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader_app.core.compare.content_terms import paragraph_terms
from reader_app.core.corpus.quote_marks import quotations
from reader_app.core.corpus.quote_speakers import Attribution, attribute, resolve_pronouns
from reader_app.core.documents import Document
from reader_app.core.text import WORD_RE

# (shared terms, weighted Jaccard, overlap): calibrated on the seeds' two translations and
# on the quotations of the ECB+ news corpus, where two or three common terms ("want",
# "know", "family") shared by different quotes of one story are the usual false match.
RULES = ((2, 0.5, 0.0), (4, 0.25, 0.0), (3, 0.0, 0.9))
SAME_DOCUMENT_RULES = ((3, 0.0, 0.9),)
MAX_POSTINGS = 100  # a term in more quotations than this finds no candidates


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
    variants: list[QuoteVariant] = []
    terms: list[frozenset[str]] = []
    sources: list[int] = []  # the number of each quotation's document
    for number, document in enumerate(documents):
        found = document_quotations(document)
        variants += found
        terms += quote_terms(document.for_analysis.text, [(v.start, v.end) for v in found])
        sources += [number] * len(found)
    wordings = [_wording(v.text) for v in variants]
    groups = sorted((sorted(group) for group in _groups(terms, wordings, sources)),
                    key=lambda group: group[0])
    quotes = [_quote([variants[i] for i in group]) for group in groups]
    quotes.sort(key=lambda quote: -quote.documents)  # stable: reading order on a tie
    return quotes


def document_quotations(document: Document) -> list[QuoteVariant]:
    """The quotations of one document in reading order, each with its speaker."""
    text = document.for_analysis.text  # (a page's: its attributes hold no quotation)
    found: list[Attribution] = []
    for number, paragraph in enumerate(document.paragraphs):
        if paragraph.boilerplate:
            continue
        spans = quotations(text, paragraph.start, paragraph.end)
        speakers = attribute(text, paragraph.start, paragraph.end, spans)
        found += [Attribution(s, number, who) for s, who in zip(spans, speakers, strict=True)]
    speakers = resolve_pronouns(text, found)
    return [QuoteVariant(document.path, a.span.start, a.span.end,
                         document.text[a.span.start : a.span.end], speaker)
            for a, speaker in zip(found, speakers, strict=True)]


def quote_terms(text: str, spans: Sequence[tuple[int, int]]) -> list[frozenset[str]]:
    """The keys of the content terms of each quotation ``text[start:end]``: what two wordings
    of one quote share. (One pass of ``document_terms`` would read the text between them too.)"""
    return [frozenset(term.key for term in paragraph_terms(text, start, end))
            for start, end in spans]


def _groups(terms: Sequence[frozenset[str]], wordings: Sequence[tuple[str, ...]],
            sources: Sequence[int]) -> list[set[int]]:
    """Connected sets of quotations that are the same quote."""
    frequency = Counter(key for keys in terms for key in keys)
    weight = {key: math.log(1 + len(terms) / count) for key, count in frequency.items()}
    mass = [sum(weight[key] for key in keys) for keys in terms]
    parent = list(range(len(terms)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, ...], int] = {}
    for i, wording in enumerate(wordings):
        parent[i] = root(first.setdefault(wording, i))
    for a, b, shared, count in _candidates(terms, weight, mass):
        rules = SAME_DOCUMENT_RULES if sources[a] == sources[b] else RULES
        if root(a) != root(b) and alike(shared, count, mass[a], mass[b], rules):
            parent[root(a)] = root(b)
    groups: dict[int, set[int]] = defaultdict(set)
    for i in range(len(terms)):
        groups[root(i)].add(i)
    return list(groups.values())


def _candidates(terms: Sequence[frozenset[str]], weight: dict[str, float],
                mass: Sequence[float]) -> Iterator[tuple[int, int, float, int]]:
    """(earlier, later, shared weight, shared terms) of the pairs of quotations sharing a term
    found in at most ``MAX_POSTINGS`` quotations, or the very same terms (a quotation repeated
    word for word has one entry in the index); a pair that could not be alike even if it
    shared all the later one's common terms is left out before they are looked up."""
    same: dict[frozenset[str], int] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(terms):
        if keys in same:
            yield same[keys], i, sum(weight[key] for key in keys), len(keys)
            continue
        same[keys] = i
        shared: dict[int, float] = defaultdict(float)
        count: Counter[int] = Counter()
        common = []
        for key in keys:
            if len(postings[key]) > MAX_POSTINGS:
                common.append(key)
            for j in postings[key] if len(postings[key]) <= MAX_POSTINGS else ():
                shared[j] += weight[key]
                count[j] += 1
            postings[key].append(i)
        most = sum(weight[key] for key in common)
        for j in sorted(shared):
            if not alike(shared[j] + most, count[j] + len(common), mass[i], mass[j]):
                continue
            also = [key for key in common if key in terms[j]]
            yield j, i, shared[j] + sum(weight[key] for key in also), count[j] + len(also)


def alike(shared: float, count: int, mass_a: float, mass_b: float,
          rules: Sequence[tuple[int, float, float]] = RULES) -> bool:
    """Whether two quotations sharing ``count`` terms of weight ``shared`` (of ``mass_a`` and
    ``mass_b`` in all) are one quote by one of the ``rules`` (see the module's docstring)."""
    if shared <= 0:
        return False
    jaccard = shared / (mass_a + mass_b - shared)
    overlap = shared / min(mass_a, mass_b)
    return any(count >= terms and jaccard >= least_jaccard and overlap >= least_overlap
               for terms, least_jaccard, least_overlap in rules)


def _quote(variants: list[QuoteVariant]) -> Quote:
    """The group's text: the wording (words, case folded) most documents carry, first seen
    on a tie; its speaker: the one most documents name."""
    wordings: dict[tuple[str, ...], set[str]] = defaultdict(set)
    first: dict[tuple[str, ...], QuoteVariant] = {}
    for variant in variants:
        wording = _wording(variant.text)
        wordings[wording].add(variant.path)
        first.setdefault(wording, variant)
    best = max(wordings, key=lambda w: len(wordings[w]))  # max keeps the first on a tie
    named: dict[str, set[str]] = defaultdict(set)
    for variant in variants:
        if variant.speaker is not None:
            named[variant.speaker].add(variant.path)
    speaker = max(named, key=lambda s: len(named[s])) if named else None
    return Quote(first[best].text, speaker, tuple(variants))


def _wording(text: str) -> tuple[str, ...]:
    """The words of a quotation, case folded: what its wordings in two documents share."""
    return tuple(word.casefold() for word in WORD_RE.findall(text))
