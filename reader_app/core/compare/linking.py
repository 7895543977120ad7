"""From candidate paragraph pairs to confirmed links and per-word verdicts (spans).

Each candidate pair is word-diffed; a pair that shares a real passage becomes a link, and
the words the diff marks equal are *shared* on both sides. Identical paragraphs (common
when outlets reuse agency copy) are recognised by their text and never tokenized. Must not
import Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader_app.core.compare.align import Candidate
from reader_app.core.compare.dmp import DiffBudget
from reader_app.core.compare.worddiff import (
    DiffOptions,
    Tokens,
    Vocabulary,
    diff_encoded,
    diff_keys,
    tokenize,
)
from reader_app.core.documents import Document
from reader_app.core.errors import Cancelled

# A link needs a shared run of this many words, or this many shared words in shorter runs:
# less is a name or a set phrase ("Russian President Vladimir Putin"), not a shared passage.
MIN_RUN_WORDS = 5
MIN_SCATTERED_WORDS = 8
MIN_SCATTERED_RUN = 3

ALL_SHARED = None  # the flags of a paragraph identical to its counterpart


@dataclass(frozen=True, slots=True)
class Verdict:
    """The word diff of one linked pair. Flags are per token; None means all shared."""

    left_flags: list[bool] | None
    right_flags: list[bool] | None
    shared_words: int
    similarity: float

    def flags(self, side: int) -> list[bool] | None:
        return self.left_flags if side == 0 else self.right_flags


class SideTokens:
    """One document's paragraph texts and tokens, each made once and only when needed."""

    def __init__(self, document: Document, options: DiffOptions, vocabulary: Vocabulary) -> None:
        self.document = document
        self._options = options
        self._vocabulary = vocabulary
        self._tokens: dict[int, Tokens] = {}
        self._encoded: dict[int, str | None] = {}

    def text(self, index: int) -> str:
        paragraph = self.document.paragraphs[index]
        return self.document.text[paragraph.start : paragraph.end]

    def tokens(self, index: int) -> Tokens:
        found = self._tokens.get(index)
        if found is None:
            paragraph = self.document.paragraphs[index]
            found = tokenize(self.document.text, paragraph.start, paragraph.end, self._options)
            self._tokens[index] = found
        return found

    def encoded(self, index: int) -> str | None:
        """The paragraph's token keys as one string for the diff (None: vocabulary full)."""
        if index not in self._encoded:
            self._encoded[index] = self._vocabulary.encode(self.tokens(index).keys)
        return self._encoded[index]


def confirm_links(
    candidates: list[Candidate],
    left: SideTokens,
    right: SideTokens,
    cancelled: Callable[[], bool],
    progress: Callable[[float], None],
) -> dict[tuple[int, int], Verdict]:
    """Word-diff each candidate pair, within one ``DiffBudget``; keep those that share a
    passage. The pairs sharing most trigrams are diffed first, so that a budget spent on a
    hostile pair leaves out the weakest candidates, not the end of the document; the
    verdicts come back in the candidates' order all the same."""
    judged: dict[int, Verdict] = {}
    budget = DiffBudget()
    for number, index in enumerate(_strongest_first(candidates)):
        if number % 64 == 0:
            if cancelled():
                raise Cancelled
            progress(number / len(candidates))
        candidate = candidates[index]
        verdict = _judge(left, candidate.left, right, candidate.right, budget.timelimit())
        if verdict is not None:
            judged[index] = verdict
    return {(candidates[i].left, candidates[i].right): judged[i] for i in sorted(judged)}


def _strongest_first(candidates: list[Candidate]) -> list[int]:
    """Candidate indices by shared trigrams, most first (identical twins, 0, are not diffed:
    ``_judge`` knows them by their text); ties in the candidates' order."""
    return sorted(range(len(candidates)), key=lambda i: -candidates[i].shared_shingles)


def _judge(left: SideTokens, a: int, right: SideTokens, b: int,
           timelimit: float) -> Verdict | None:
    if left.text(a) == right.text(b):
        words = left.document.paragraphs[a].words
        linked = words >= MIN_RUN_WORDS  # the same rule as below: a run of MIN_RUN_WORDS
        return Verdict(ALL_SHARED, ALL_SHARED, words, 1.0) if linked else None
    if timelimit <= 0:  # the comparison's diff budget is spent
        return None
    tokens_a, tokens_b = left.tokens(a), right.tokens(b)
    encoded_a, encoded_b = left.encoded(a), right.encoded(b)
    if encoded_a is None or encoded_b is None:  # a hostile number of distinct tokens
        flags_a, flags_b = diff_keys(tokens_a.keys, tokens_b.keys, timelimit=timelimit)
    else:
        flags_a, flags_b = diff_encoded(encoded_a, encoded_b, timelimit=timelimit)
    shared_a, run = shared_words(tokens_a, flags_a)
    if run < MIN_RUN_WORDS and (shared_a < MIN_SCATTERED_WORDS or run < MIN_SCATTERED_RUN):
        return None
    shared_b, _ = shared_words(tokens_b, flags_b)
    words = tokens_a.word_count + tokens_b.word_count
    return Verdict(flags_a, flags_b, shared_a, (shared_a + shared_b) / words if words else 0.0)


def shared_words(tokens: Tokens, flags: list[bool]) -> tuple[int, int]:
    """Shared words, and the longest run of them (punctuation neither counts nor breaks; a
    figure token counts its words, "4:00" two)."""
    shared = run = longest = 0
    for words, flag in zip(tokens.words, flags, strict=True):
        if not words:
            continue
        if flag:
            shared += words
            run += words
            if run > longest:
                longest = run
        else:
            run = 0
    return shared, longest


# (start, end, kind) over the document text; made into Span objects by the caller.
RawSpan = tuple[int, int, str]


def side_spans(
    side: SideTokens, verdicts: dict[tuple[int, int], Verdict], which: int
) -> tuple[list[RawSpan], int, int]:
    """Spans over one side, its shared words and all its words."""
    merged = _merged_flags(verdicts.items(), which)
    spans: list[RawSpan] = []
    shared = total = 0
    for index, paragraph in enumerate(side.document.paragraphs):
        total += paragraph.words
        if index not in merged:
            if paragraph.words:  # unlinked: the whole paragraph (it is stripped)
                spans.append((paragraph.start, paragraph.end, "unique"))
            continue
        flags = merged[index]
        if flags is ALL_SHARED:
            shared += paragraph.words
            spans.append((paragraph.start, paragraph.end, "shared"))
            continue
        tokens = side.tokens(index)
        shared += shared_words(tokens, flags)[0]
        spans.extend(_runs(tokens, flags))
    return spans, shared, total


def _merged_flags(
    verdicts: Iterable[tuple[tuple[int, int], Verdict]], which: int
) -> dict[int, list[bool] | None]:
    """Per paragraph of one side: a token is shared if any of its links shares it."""
    merged: dict[int, list[bool] | None] = {}
    for key, verdict in verdicts:
        index, flags = key[which], verdict.flags(which)
        if index in merged:
            previous = merged[index]
            if previous is ALL_SHARED or flags is ALL_SHARED:
                merged[index] = ALL_SHARED
            else:
                merged[index] = [x or y for x, y in zip(previous, flags, strict=True)]
        else:
            merged[index] = flags
    return merged


def _runs(tokens: Tokens, flags: list[bool]) -> list[RawSpan]:
    """Consecutive tokens with the same verdict become one span."""
    spans: list[RawSpan] = []
    run_start = run_end = -1
    run_flag = False
    for start, end, flag in zip(tokens.starts, tokens.ends, flags, strict=True):
        if run_start >= 0 and flag == run_flag:
            run_end = end
            continue
        if run_start >= 0:
            spans.append((run_start, run_end, "shared" if run_flag else "unique"))
        run_start, run_end, run_flag = start, end, flag
    if run_start >= 0:
        spans.append((run_start, run_end, "shared" if run_flag else "unique"))
    return spans
