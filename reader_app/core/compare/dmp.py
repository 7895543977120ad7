"""The diff-match-patch backend: the one place that chooses between its two builds.

The C++ build (``fast-diff-match-patch``) is used when installed, unless the environment
sets ``READER_APP_PURE_DIFF`` (read once, at import), which asks for the reference Python
implementation (``diff-match-patch``); both give the same results. Everything that diffs or
fuzzy-matches goes through here: the word diff (``diff``), and the annotation anchoring's
``match`` and ``edit_distance``. Must not import Qt.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from time import monotonic

import diff_match_patch as _pure_dmp

try:  # the C++ build of the same algorithms; optional
    import fast_diff_match_patch as _fast_dmp
except ImportError:  # pragma: no cover - depends on the environment
    _fast_dmp = None

PURE_ENV_VARIABLE = "READER_APP_PURE_DIFF"
# Beyond this many seconds the word diff returns a coarser (still valid) diff; keeps a
# hostile pair of huge single-paragraph documents from hanging the comparison.
DIFF_TIMEOUT_SECONDS = 2.0
# What all the word diffs of one comparison may spend together (``DiffBudget``): thousands of
# candidate pairs of long paragraphs drawn from a few dozen words took 14 ms each (a 1.9 MB
# pair: 48 s). Real prose spends about half a second in all at 200,000 words.
COMPARISON_DIFF_SECONDS = 5.0

Counts = list[tuple[str, int]]  # (op, length) runs: "=" equal, "-" deleted, "+" inserted
DiffFunction = Callable[[str, str, float], Counts]


class DiffBudget:
    """The time one comparison's word diffs have left: each diff is given what remains, at
    most ``DIFF_TIMEOUT_SECONDS``; 0 once it is spent (a diff given 0 must not run: to the
    backends 0 means no limit). A diff cut short is coarser, never wrong: the passages it
    had no time for count as not shared."""

    def __init__(self, seconds: float = COMPARISON_DIFF_SECONDS) -> None:
        self._deadline = monotonic() + seconds

    def timelimit(self) -> float:
        return max(0.0, min(DIFF_TIMEOUT_SECONDS, self._deadline - monotonic()))


def _diff_fast(a: str, b: str, timelimit: float) -> Counts:
    assert _fast_dmp is not None
    counts: Counts = _fast_dmp.diff(a, b, timelimit=timelimit, checklines=False,
                                    cleanup="Efficiency", counts_only=True)
    return counts


_WORD_DIFF = _pure_dmp.diff_match_patch()
_WORD_DIFF.Diff_Timeout = DIFF_TIMEOUT_SECONDS
# Anchoring matches with the library's defaults: threshold 0.5, distance 1000, 32 bits.
_MATCHER = _pure_dmp.diff_match_patch()
_OPS = {0: "=", -1: "-", 1: "+"}


def _diff_pure(a: str, b: str, timelimit: float) -> Counts:
    differ = _WORD_DIFF
    if timelimit != DIFF_TIMEOUT_SECONDS:  # its own instance: the window diffs in threads
        differ = _pure_dmp.diff_match_patch()
        differ.Diff_Timeout = timelimit
    diffs = differ.diff_main(a, b, False)
    differ.diff_cleanupEfficiency(diffs)
    return [(_OPS[op], len(text)) for op, text in diffs]


BACKENDS: dict[str, DiffFunction] = {"pure": _diff_pure}
if _fast_dmp is not None:
    BACKENDS["fast"] = _diff_fast
DEFAULT_BACKEND = (
    "fast" if "fast" in BACKENDS and not os.environ.get(PURE_ENV_VARIABLE) else "pure"
)
_FAST = _fast_dmp if DEFAULT_BACKEND == "fast" else None


def diff(a: str, b: str, backend: str | None = None,
         timelimit: float = DIFF_TIMEOUT_SECONDS) -> Counts:
    """The word diff of two strings of token codes, as (op, length) runs, cleaned up; after
    ``timelimit`` seconds the rest of it is coarse (deleted and inserted whole)."""
    return BACKENDS[backend or DEFAULT_BACKEND](a, b, timelimit)


# How far from ``loc`` a match can lie: its score adds its distance over 1000 and must stay
# under the threshold, 0.5, so nothing 500 characters away or more is ever taken.
MATCH_REACH = 1000


def match(text: str, pattern: str, loc: int) -> int:
    """diff-match-patch's ``match_main`` (threshold 0.5, distance 1000): where ``pattern``
    best matches ``text`` near ``loc`` (-1: nowhere). Only the stretch a match can lie in is
    handed over: the whole text of a long document made each call copy it (300 quotes
    re-anchored in a 1.7 MB document: 19 s)."""
    loc = max(0, min(loc, len(text)))
    low = max(0, loc - MATCH_REACH - len(pattern))
    window = text[low : loc + MATCH_REACH + 2 * len(pattern)]
    if _FAST is not None:
        found = int(_FAST.match(window, pattern, loc - low))
    else:
        found = int(_MATCHER.match_main(window, pattern, loc - low))
    return found + low if found >= 0 else -1


def edit_distance(a: str, b: str) -> int:
    """diff-match-patch's Levenshtein distance of two strings (a replacement counts once)."""
    if _FAST is not None:
        counts = _FAST.diff(a, b, timelimit=0, checklines=False, cleanup="No",
                            counts_only=True)
        return _levenshtein(counts)
    return int(_MATCHER.diff_levenshtein(_MATCHER.diff_main(a, b, False)))


def _levenshtein(counts: Iterable[tuple[str, int]]) -> int:
    """diff-match-patch's levenshtein over (op, length) runs: a replacement counts once."""
    total = inserted = deleted = 0
    for op, length in counts:
        if op == "+":
            inserted += length
        elif op == "-":
            deleted += length
        else:
            total += max(inserted, deleted)
            inserted = deleted = 0
    return total + max(inserted, deleted)
