"""One document read for the content judge, and the cache that keeps recent ones.

A document's paragraphs become their content terms (``content_terms``) and, once per
document rather than once per comparison, what the judge totals over both documents: each
paragraph's distinct keys, how often each key is written as a name, in how many paragraphs
each key stands, and the long capitalised keys that may be spellings of another name. A
paragraph of nothing but figures and dates (a dateline, "Updated 10:41 EDT") takes no part.
Must not import Qt.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

from reader_app.core.compare.content_terms import TERM_KEY, Term, date_words, document_terms

MIN_VARIANT_LENGTH = 5  # shorter names are too easily confused ("Kim" / "Kin")

Spans = Sequence[tuple[int, int] | None]

# A key's vote for being a name, by how it is written: a name or an abbreviation for, a
# plain word against; a capital opening a sentence ("Russian President …") abstains.
_NAME_VOTES = {"name": 1, "abbr": 1, "capital": 0, "word": -1, "number": -1}


@dataclass(frozen=True, slots=True)
class DocumentContent:
    """A document's paragraphs as terms (``None``: takes no part) and their totals."""

    paragraphs: list[list[Term] | None]
    keys: list[tuple[str, ...] | None]  # distinct, in the order first written
    name_votes: Counter[str]
    frequency: Counter[str]  # paragraphs holding each key
    capitalised: frozenset[str]  # long keys written with a capital somewhere

    def renamed(self, mapping: dict[str, str]) -> DocumentContent:
        """The same document with the keys in ``mapping`` replaced (spelling variants)."""
        paragraphs, keys = list(self.paragraphs), list(self.keys)
        frequency = Counter(self.frequency)
        for i, own in enumerate(self.keys):
            if own is not None and not mapping.keys().isdisjoint(own):
                terms = [t._replace(key=mapping.get(t.key, t.key))
                         for t in paragraphs[i] or ()]
                paragraphs[i], keys[i] = terms, _distinct_keys(terms)
                frequency.subtract(own)
                frequency.update(keys[i])
        votes: Counter[str] = Counter()
        for key, vote in self.name_votes.items():
            votes[mapping.get(key, key)] += vote
        return DocumentContent(paragraphs, keys, votes, +frequency,
                               frozenset(mapping.get(k, k) for k in self.capitalised))


def read_content(text: str, spans: Spans, cancelled: Callable[[], bool]) -> DocumentContent:
    """The document's content terms and totals (cached across comparisons)."""
    return _CACHE.read(text, spans, cancelled)


def _document_content(text: str, spans: Spans,
                      cancelled: Callable[[], bool]) -> DocumentContent:
    dates = date_words()
    paragraphs = [None if ts is None or all(t.kind == "number" or t.key in dates for t in ts)
                  else ts for ts in document_terms(text, spans, cancelled)]
    keys = [None if ts is None else _distinct_keys(ts) for ts in paragraphs]
    frequency: Counter[str] = Counter()
    written: Counter[tuple[str, str]] = Counter()  # (key, kind) counted in C, not term by term
    taking_part = [(ts, own) for ts, own in zip(paragraphs, keys, strict=True) if ts and own]
    for low in range(0, len(taking_part), _COUNTED_AT_ONCE):
        # Some paragraphs a call, not one (the calls themselves were a fifth of the counting),
        # nor all: a C call holds the interpreter lock throughout.
        some = taking_part[low : low + _COUNTED_AT_ONCE]
        frequency.update(chain.from_iterable(own for _, own in some))
        written.update(map(_KEY_KIND, chain.from_iterable(ts for ts, _ in some)))
    votes: Counter[str] = Counter()
    for (key, kind), count in written.items():
        votes[key] += _NAME_VOTES[kind] * count
    capitalised = {key for key, kind in written if kind in ("name", "capital")}
    capitalised.update(t.key for ts in paragraphs for t in ts or () if t.kind == "abbr"
                       and text[t.start].isupper())
    return DocumentContent(paragraphs, keys, votes, frequency, frozenset(
        key for key in capitalised if len(key) >= MIN_VARIANT_LENGTH))


_KEY_KIND = itemgetter(2, 3)  # of a Term
_COUNTED_AT_ONCE = 512  # paragraphs


def _distinct_keys(terms: list[Term]) -> tuple[str, ...]:
    """Each key once, in the order first written: the judge's ties are broken by it."""
    return tuple(dict.fromkeys(map(TERM_KEY, terms)))


class _ContentCache:
    """Recently read documents: the library compares the left document with every other
    one, and the matrix each document with many, so each text is read once. Bounded by
    the terms it holds, oldest dropped first; shared by the comparisons' worker threads."""

    def __init__(self, max_terms: int) -> None:
        self._max_terms = max_terms
        self._held = 0
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple[str, tuple[tuple[int, int] | None, ...]],
                                   DocumentContent] = OrderedDict()

    def read(self, text: str, spans: Spans,
             cancelled: Callable[[], bool] = lambda: False) -> DocumentContent:
        key = (text, tuple(spans))
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
        found = _document_content(text, spans, cancelled)
        with self._lock:
            if key not in self._entries:
                self._entries[key] = found
                self._held += _size(found)
            while self._held > self._max_terms and len(self._entries) > 1:
                _, dropped = self._entries.popitem(last=False)
                self._held -= _size(dropped)
        return found


def _size(document: DocumentContent) -> int:
    return sum(len(ts) for ts in document.paragraphs if ts)


_CACHE = _ContentCache(max_terms=1_000_000)  # about 100 MB at most
