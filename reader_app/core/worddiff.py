"""The word diff: the one place that calls diff-match-patch to compare two passages.

Words (and, unless punctuation is ignored, punctuation runs) become tokens; each distinct
token is mapped to one character, the character strings are diffed and semantically cleaned
up, and the result says, token by token, which ones the other side shares. The options
change only the keys tokens are compared by, never their offsets. The C++ build of the same
algorithm (``fast-diff-match-patch``) is used when installed; both give the same result.
Must not import Qt.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import diff_match_patch as _pure_dmp

from reader_app.core.text import TOKEN_RE

try:  # the C++ build of the same algorithm; optional
    import fast_diff_match_patch as _fast_dmp
except ImportError:  # pragma: no cover - depends on the environment
    _fast_dmp = None

# Beyond this many seconds diff-match-patch returns a coarser (still valid) diff; keeps a
# hostile pair of huge single-paragraph documents from hanging the comparison.
DIFF_TIMEOUT_SECONDS = 2.0
_FIRST_CODE_POINT = 0x100
_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True, slots=True)
class DiffOptions:
    ignore_case: bool = False
    ignore_punctuation: bool = False


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    key: str
    is_word: bool


def tokenize(text: str, start: int, end: int, options: DiffOptions) -> list[Token]:
    """The tokens of ``text[start:end]`` with the keys the diff compares them by."""
    tokens = []
    for match in TOKEN_RE.finditer(text, start, end):
        value = match.group()
        is_word = value[0].isalnum() or value[0] == "_"
        if not is_word and options.ignore_punctuation:
            continue
        if options.ignore_case:
            value = value.casefold()
        elif not is_word:
            value = _normalise_quotes(value)
        tokens.append(Token(match.start(), match.end(), value, is_word))
    return tokens


_QUOTES = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'",
})


def _normalise_quotes(value: str) -> str:
    # Typographic and straight quotes are the same punctuation to a reader.
    return value.translate(_QUOTES)


def _code_point(index: int) -> str:
    point = _FIRST_CODE_POINT + index
    if point >= _SURROGATES.start:
        point += len(_SURROGATES)
    return chr(point)


def _encode(a: Sequence[str], b: Sequence[str]) -> tuple[str, str]:
    codes: dict[str, str] = {}
    for key in a:
        if key not in codes:
            codes[key] = _code_point(len(codes))
    for key in b:
        if key not in codes:
            codes[key] = _code_point(len(codes))
    return "".join(codes[k] for k in a), "".join(codes[k] for k in b)


def _diff_fast(a: str, b: str) -> list[tuple[str, int]]:
    assert _fast_dmp is not None
    return _fast_dmp.diff(a, b, timelimit=DIFF_TIMEOUT_SECONDS, checklines=False,
                          cleanup="Efficiency", counts_only=True)


_PURE = _pure_dmp.diff_match_patch()
_PURE.Diff_Timeout = DIFF_TIMEOUT_SECONDS
_OPS = {0: "=", -1: "-", 1: "+"}


def _diff_pure(a: str, b: str) -> list[tuple[str, int]]:
    diffs = _PURE.diff_main(a, b, False)
    _PURE.diff_cleanupEfficiency(diffs)
    return [(_OPS[op], len(text)) for op, text in diffs]


DiffFunction = Callable[[str, str], list[tuple[str, int]]]
BACKENDS: dict[str, DiffFunction] = {"pure": _diff_pure}
if _fast_dmp is not None:
    BACKENDS["fast"] = _diff_fast
_DEFAULT_BACKEND = "pure" if os.environ.get("READER_APP_PURE_DIFF") else max(BACKENDS)


def diff_keys(
    a: Sequence[str], b: Sequence[str], backend: str | None = None
) -> tuple[list[bool], list[bool]]:
    """For two key sequences, which items of each the other side shares (diff says equal)."""
    shared_a = [False] * len(a)
    shared_b = [False] * len(b)
    if not a or not b:
        return shared_a, shared_b
    text_a, text_b = _encode(a, b)
    i = j = 0
    for op, length in BACKENDS[backend or _DEFAULT_BACKEND](text_a, text_b):
        if op == "=":
            shared_a[i : i + length] = [True] * length
            shared_b[j : j + length] = [True] * length
            i += length
            j += length
        elif op == "-":
            i += length
        else:
            j += length
    return shared_a, shared_b
