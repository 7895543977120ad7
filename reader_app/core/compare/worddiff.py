"""The word diff: tokens, their keys, and which tokens of two passages the other shares.

Words (and, unless punctuation is ignored, punctuation runs) become tokens, a figure with
separators ("4:00", "1,000") one token (``core.text.WORD_TOKEN``); each distinct
token is mapped to one character, the character strings are diffed and semantically cleaned
up (by the backend ``dmp`` chooses), and the result says, token by token, which ones the
other side shares. The options change only the keys tokens are compared by, never their
offsets. Must not import Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, compress

from reader_app.core.compare import dmp
from reader_app.core.compare.dmp import BACKENDS
from reader_app.core.text import WORD_RE, WORD_TOKEN

__all__ = ["BACKENDS", "DiffOptions", "Tokens", "Vocabulary", "diff_encoded", "diff_keys",
           "tokenize"]
_FIRST_CODE_POINT = 0x100
_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True, slots=True)
class DiffOptions:
    ignore_case: bool = False
    ignore_punctuation: bool = False


@dataclass(slots=True)
class Tokens:
    """The tokens of one passage as parallel lists (no object per token: they are many)."""

    starts: list[int]
    ends: list[int]
    keys: list[str]
    is_word: list[bool]
    # The contract's words (``\w+``) in each token: 0 in punctuation, 1 in a word, 2 in
    # "4:00", so that counts and runs of words are the same however figures are tokenized.
    words: list[int]

    @property
    def word_count(self) -> int:
        return sum(self.words)


def tokenize(text: str, start: int, end: int, options: DiffOptions) -> Tokens:
    """The tokens of ``text[start:end]`` with the keys the diff compares them by.

    Found, measured and keyed by C loops (``re.split``, ``accumulate``, dictionaries of each
    token's key and kind): a match object and a Python step per token took the time."""
    parts = _TOKEN_SPLIT_RE.split(text[start:end])  # space, token, space, token, ... space
    bounds = list(accumulate(map(len, parts), initial=start))  # where each part starts
    starts, ends = bounds[1:-1:2], bounds[2:-1:2]
    del parts[::2]
    words = list(map(_WORDS.__getitem__, parts))
    is_word = list(map(bool, words))
    if options.ignore_punctuation:
        parts = list(compress(parts, is_word))
        starts, ends = list(compress(starts, is_word)), list(compress(ends, is_word))
        words = list(compress(words, is_word))
        is_word = [True] * len(parts)
    return Tokens(starts, ends, list(map(_KEYS[options].__getitem__, parts)), is_word, words)


# TOKEN_RE's tokens (word tokens, runs of punctuation), as one group: all between is space.
_TOKEN_SPLIT_RE = re.compile(rf"({WORD_TOKEN}|[^\w\s]+)")
_CACHED_TOKENS = 262_144  # each cache is cleared when it holds this many


class _WordsIn(dict[str, int]):
    """A token -> how many words (``\\w+``) it holds: 0 for punctuation, 1 for most words."""

    def __missing__(self, token: str) -> int:
        if len(self) >= _CACHED_TOKENS:
            self.clear()
        found = self[token] = len(WORD_RE.findall(token))
        return found


class _Keys(dict[str, str]):
    """A token -> the key the diff compares it by, for one set of options."""

    def __init__(self, options: DiffOptions) -> None:
        super().__init__()
        self._options = options

    def __missing__(self, token: str) -> str:
        if len(self) >= _CACHED_TOKENS:
            self.clear()
        key = token.casefold() if self._options.ignore_case else token
        if not _WORDS[token]:  # typographic and straight quotes are one to a reader
            key = key.translate(_QUOTES)
        self[token] = key
        return key


class _KeysByOptions(dict[DiffOptions, _Keys]):
    def __missing__(self, options: DiffOptions) -> _Keys:
        found = self[options] = _Keys(options)
        return found


_WORDS = _WordsIn()
_KEYS = _KeysByOptions()


_QUOTES = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'",
})


def _code_point(index: int) -> str:
    point = _FIRST_CODE_POINT + index
    if point >= _SURROGATES.start:
        point += len(_SURROGATES)
    return chr(point)


class Vocabulary:
    """One character per distinct token key, shared by all the diffs of one comparison, so
    each passage is encoded once however many pairs it takes part in."""

    LIMIT = 0x10FFFF - _FIRST_CODE_POINT - len(_SURROGATES)

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, keys: Sequence[str]) -> str | None:
        """The keys as a string of characters; None once the code points run out."""
        codes = self._codes
        for key in keys:
            if key not in codes:
                if len(codes) >= self.LIMIT:
                    return None
                codes[key] = _code_point(len(codes))
        return "".join([codes[key] for key in keys])


def diff_keys(
    a: Sequence[str], b: Sequence[str], backend: str | None = None,
    timelimit: float = dmp.DIFF_TIMEOUT_SECONDS,
) -> tuple[list[bool], list[bool]]:
    """For two key sequences, which items of each the other side shares (diff says equal)."""
    vocabulary = Vocabulary()
    return diff_encoded(vocabulary.encode(a) or "", vocabulary.encode(b) or "", backend,
                        timelimit)


def diff_encoded(
    text_a: str, text_b: str, backend: str | None = None,
    timelimit: float = dmp.DIFF_TIMEOUT_SECONDS,
) -> tuple[list[bool], list[bool]]:
    """``diff_keys`` for sequences already encoded by one ``Vocabulary``."""
    shared_a = [False] * len(text_a)
    shared_b = [False] * len(text_b)
    if not text_a or not text_b:
        return shared_a, shared_b
    i = j = 0
    for op, length in dmp.diff(text_a, text_b, backend, timelimit):
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
