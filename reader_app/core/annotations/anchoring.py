"""Anchoring: finding an annotation's passage in a document's current text.

Owns ``anchor()``. A target is ``exact`` while the text still holds its quote at the stored
offsets. Otherwise it is looked for again: every exact occurrence of the quote, and
diff-match-patch's fuzzy ``match_main`` near the old place (its bitap patterns are meant to be
at most ``Match_MaxBits`` = 32 characters, so a longer quote is matched by its first and its
last 32 characters, and the span between them is checked against the whole quote; the prefix
and suffix are matched the same way to place the boundaries; each span then starts at the
quote's first word and ends at its last wherever they are still there, so words inserted
between the old context and the quote are not taken in). Candidates are weighed like
Hypothesis's quote matcher: the quote's similarity counts most, then how well the text before
and after matches the stored prefix and suffix, then nearness to the old position. The best
candidate is ``fuzzy``; with none similar enough, the target is ``orphaned``. Must not import
Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from reader_app.core.annotations.model import (
    CONTEXT_CHARS,
    EXACT,
    FUZZY,
    ORPHAN,
    Anchor,
    Annotation,
    Target,
)
from reader_app.core.compare import dmp
from reader_app.core.compare.worddiff import DiffOptions, diff_keys, tokenize
from reader_app.core.text import WORD_CHAR_RE

MATCH_MAX_BITS = 32
# Weights of Hypothesis's quote matcher: the quote itself, its context, then position.
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
_TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
MIN_QUOTE_SIMILARITY = 0.5  # below this a span is some other passage, not the quote
MIN_SCORE = 0.6  # a changed quote must also stand about where, or among what, it stood
MAX_OCCURRENCES = 1000  # exact occurrences weighed; a quote of "the" needs no more
MAX_SCORED_OCCURRENCES = 4  # of those, the ones whose context fits best are fully scored
GOOD_CONTEXT = 0.75  # an occurrence whose context matches this well ends the search
SEED_CHARS = 8  # length of the verbatim pieces that vote for where a moved quote starts
MAX_SEED_HITS = 50  # a piece occurring more often than this votes for nothing
MAX_SEED_PLACES = 3  # places besides the old start where the quote is looked for
VOTE_BUCKET = 32
_WORD_OPTIONS = DiffOptions()  # the quote's words as typed: case and punctuation count


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    score: float
    quote_similarity: float
    context_similarity: float  # the mean of the prefix's and the suffix's


def anchor(annotation: Annotation | Target, text: str) -> Anchor:
    """Where the annotation's passage stands in ``text`` now (see the module docstring)."""
    target = annotation.target if isinstance(annotation, Annotation) else annotation
    if target.exact and text[target.start : target.end] == target.exact:
        return Anchor(target.start, target.end, EXACT)
    if not target.exact or not text:
        return ORPHAN
    best = _best(_occurrences(text, target), default=None)
    if best is None or best.context_similarity < GOOD_CONTEXT:
        best = _best(_fuzzy_candidates(text, target), default=best)
    if best is None or not _acceptable(best):
        return ORPHAN
    return Anchor(best.start, best.end, FUZZY)


def _acceptable(candidate: _Candidate) -> bool:
    if candidate.quote_similarity == 1.0:  # the quote verbatim: moved, whatever is around it
        return True
    return candidate.quote_similarity >= MIN_QUOTE_SIMILARITY and candidate.score >= MIN_SCORE


def find_occurrence(text: str, quote: str, occurrence: int = 1) -> int:
    """Start of the ``occurrence``-th (1-based, non-overlapping) ``quote`` in text, or -1."""
    position, start = -1, 0
    for _ in range(occurrence):
        position = text.find(quote, start)
        if position < 0:
            return -1
        start = position + max(1, len(quote))
    return position


def count_occurrences(text: str, quote: str) -> int:
    return text.count(quote) if quote else 0


def similarity(a: str, b: str) -> float:
    """1 - edit distance / the longer length: 1.0 for equal strings (and two empty ones)."""
    longest = max(len(a), len(b))
    if a == b:
        return 1.0
    return 1.0 - dmp.edit_distance(a, b) / longest


def _best(candidates: Iterator[_Candidate], default: _Candidate | None) -> _Candidate | None:
    best = default
    for candidate in candidates:
        if best is None or candidate.score > best.score:
            best = candidate
    return best


def _occurrences(text: str, target: Target) -> Iterator[_Candidate]:
    """Exact occurrences of the quote; only those whose context fits best are fully scored."""
    size = len(target.exact)
    positions = _positions(text, target.exact, MAX_OCCURRENCES)
    if len(positions) > MAX_SCORED_OCCURRENCES:
        positions.sort(key=lambda at: -_context_run(text, target, at, at + size))
        positions = positions[:MAX_SCORED_OCCURRENCES]
    for position in positions:
        yield _scored(text, target, position, position + size, 1.0)


def _context_run(text: str, target: Target, start: int, end: int) -> int:
    """How many characters right before and after a span match the stored prefix and suffix."""
    before = text[max(0, start - len(target.prefix)) : start][::-1]
    after = text[end : end + len(target.suffix)]
    return _common_length(before, target.prefix[::-1]) + _common_length(after, target.suffix)


def _common_length(a: str, b: str) -> int:
    length, most = 0, min(len(a), len(b))
    while length < most and a[length] == b[length]:
        length += 1
    return length


def _fuzzy_candidates(text: str, target: Target) -> Iterator[_Candidate]:
    """Spans built from fuzzy matches of the quote's ends and its context near likely places."""
    seen: set[tuple[int, int]] = set()
    for loc in _likely_starts(text, target):
        for rough_start, rough_end in _spans_near(text, target, loc):
            start, end = _trimmed(text, target.exact, rough_start, rough_end)
            if (start, end) not in seen:
                seen.add((start, end))
                yield _scored(text, target, start, end, similarity(target.exact,
                                                                   text[start:end]))


def _trimmed(text: str, exact: str, start: int, end: int) -> tuple[int, int]:
    """The span from the quote's first word found again to its last.

    A boundary placed by the stored prefix or suffix stays where the old context ended, so
    words inserted between the context and the quote ("Officials said the " before "INS
    Sukanya…") would be taken in, and their likeness to the context outweighs their unlikeness
    to the quote; a boundary placed from the other end of the quote may fall just past its
    first word. While the quote's first (last) word is still there, in the span or right
    before (after) it, the span starts (ends) at it; a reworded first or last word leaves that
    edge as it was, and words inserted inside the quote stay in.
    """
    quote = tokenize(exact, 0, len(exact), _WORD_OPTIONS)
    found = tokenize(text, start, end, _WORD_OPTIONS)
    if not quote.keys or not found.keys:
        return start, end
    quote_kept, found_kept = diff_keys(quote.keys, found.keys)
    if True not in quote_kept:
        return start, end
    # The diff keeps order, so the first (last) word both share is the quote's first (last)
    # kept; the quote's words before (after) it may stand just outside the span.
    first = quote_kept.index(True)
    last = len(quote_kept) - 1 - quote_kept[::-1].index(True)
    if quote.starts[0] == 0:
        start = found.starts[found_kept.index(True)] if first == 0 else _words_before(
            text, start, exact[: quote.starts[first]].rstrip())
    if quote.ends[-1] == len(exact):
        end = found.ends[len(found_kept) - 1 - found_kept[::-1].index(True)] if (
            last == len(quote_kept) - 1) else _words_after(
            text, end, exact[quote.ends[last] :].lstrip())
    return start, end


def _words_before(text: str, start: int, words: str) -> int:
    """Where ``words`` start if they stand right before ``start`` (spaces between), else
    ``start``."""
    at = start
    while at > 0 and text[at - 1].isspace():
        at -= 1
    at -= len(words)
    if words and at >= 0 and text.startswith(words, at) and not _is_word_char(
            text[at - 1 : at]):
        return at
    return start


def _words_after(text: str, end: int, words: str) -> int:
    """Where ``words`` end if they stand right after ``end`` (spaces between), else ``end``."""
    at = end
    while at < len(text) and text[at].isspace():
        at += 1
    after = at + len(words)
    if words and text.startswith(words, at) and not _is_word_char(text[after : after + 1]):
        return after
    return end


def _likely_starts(text: str, target: Target) -> list[int]:
    """The old start, then where most pieces of the quote occur verbatim (a moved passage).

    An edit touches few of the quote's short pieces, so the pieces that still occur vote for
    where the quote now starts; bitap then searches near the winners only, which keeps an
    orphan's search short in a long document.
    """
    exact = target.exact
    size = max(4, min(SEED_CHARS, len(exact) // 4))
    votes: Counter[int] = Counter()
    for offset in range(0, len(exact) - size + 1, size):
        hits = _positions(text, exact[offset : offset + size], MAX_SEED_HITS + 1)
        if len(hits) <= MAX_SEED_HITS:  # a piece found everywhere says nothing
            votes.update((hit - offset) // VOTE_BUCKET for hit in hits)
    starts = [target.start]
    for bucket, _count in votes.most_common():
        if len(starts) > MAX_SEED_PLACES:
            break
        loc = bucket * VOTE_BUCKET
        if all(abs(loc - other) > VOTE_BUCKET for other in starts):
            starts.append(loc)
    return starts


def _positions(text: str, piece: str, limit: int) -> list[int]:
    hits: list[int] = []
    position = text.find(piece)
    while position >= 0 and len(hits) < limit:
        hits.append(position)
        position = text.find(piece, position + 1)
    return hits


def _spans_near(text: str, target: Target, loc: int) -> Iterator[tuple[int, int]]:
    exact, size = target.exact, len(target.exact)
    head, tail = exact[:MATCH_MAX_BITS], exact[-MATCH_MAX_BITS:]
    starts: set[int] = set()
    ends: set[int] = set()
    head_at = dmp.match(text, head, loc)
    if head_at >= 0:
        starts.add(head_at)
        ends.add(head_at + size)
    tail_at = dmp.match(text, tail, (head_at if head_at >= 0 else loc) + size - len(tail))
    if tail_at >= 0:
        ends.add(tail_at + len(tail))
        starts.add(max(0, tail_at + len(tail) - size))
    if not starts:
        return
    if len(target.prefix) < CONTEXT_CHARS:  # the quote began the document, so may still
        starts.add(0)
    if len(target.suffix) < CONTEXT_CHARS:
        ends.add(len(text))
    _add_context_boundaries(text, target, starts, ends)
    if not _is_word_char(target.prefix[-1:]) or not _is_word_char(exact[:1]):
        starts = {_word_start(text, start) for start in starts}
    if not _is_word_char(exact[-1:]) or not _is_word_char(target.suffix[:1]):
        ends = {_word_end(text, end) for end in ends}
    tolerance = size // 2 + 8
    for start in starts:
        for end in ends:
            if start < end and abs(end - start - size) <= tolerance:
                yield start, end


def _add_context_boundaries(text: str, target: Target, starts: set[int],
                            ends: set[int]) -> None:
    """Where the stored prefix ends and the suffix begins, near the boundaries found so far."""
    prefix, suffix = target.prefix[-MATCH_MAX_BITS:], target.suffix[:MATCH_MAX_BITS]
    if prefix:
        at = dmp.match(text, prefix, min(starts) - len(prefix))
        if at >= 0:
            starts.add(at + len(prefix))
    if suffix:
        at = dmp.match(text, suffix, max(ends))
        if at >= 0:
            ends.add(at)


def _is_word_char(char: str) -> bool:
    return WORD_CHAR_RE.fullmatch(char) is not None  # (a combining mark too: "e" + U+0301)


# A quote that began (or ended) between words still does: a rough boundary inside a word,
# left by a reworded first or last word, is moved out to the whole word.
def _word_start(text: str, start: int) -> int:
    stop = max(0, start - MATCH_MAX_BITS)
    while start > stop and _is_word_char(text[start - 1 : start]) and _is_word_char(
            text[start : start + 1]):
        start -= 1
    return start


def _word_end(text: str, end: int) -> int:
    stop = min(len(text), end + MATCH_MAX_BITS)
    while end < stop and _is_word_char(text[end - 1 : end]) and _is_word_char(
            text[end : end + 1]):
        end += 1
    return end


def _scored(text: str, target: Target, start: int, end: int, quote: float) -> _Candidate:
    prefix, suffix = _context_similarity(target, text, start, end)
    position = 1.0 - abs(start - target.start) / max(len(text), target.start, 1)
    score = (QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix
             + POSITION_WEIGHT * position)
    return _Candidate(start, end, score / _TOTAL_WEIGHT, quote, (prefix + suffix) / 2)


def _context_similarity(target: Target, text: str, start: int, end: int) -> tuple[float, float]:
    # Compared with as many characters as were stored: a short prefix means the quote began
    # the document, and a candidate with text before it should lose to one without.
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    return similarity(target.prefix, before), similarity(target.suffix, after)


# By annotation id: the target and text it was anchored in, and the anchor found there.
AnchorCache = dict[str, tuple[Target, str, Anchor]]


def cached_anchor(annotation: Annotation, text: str, cache: AnchorCache) -> Anchor:
    """``anchor(annotation, text)``, remembered by id until its target or the text changes.

    Keyed by id (not by target and text, which hash whole strings): checking that an entry
    still holds is two comparisons that usually stop at identity."""
    known = cache.get(annotation.id)
    if known is not None and known[0] == annotation.target and known[1] == text:
        return known[2]
    found = anchor(annotation, text)
    cache[annotation.id] = (annotation.target, text, found)
    return found
