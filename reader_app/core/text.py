"""Word and token boundaries, the one definition every part of the core counts with, and
``shorten`` (the one way a long text is cut for display, with "…").

A *word* is a maximal match of ``\\w+`` (the contract's definition). The word diff also sees
punctuation runs as tokens, so that a changed comma can be shown without making a word unique.
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"\w+")
# Group 1 matches a word, group 2 a run of punctuation.
TOKEN_RE = re.compile(r"(\w+)|([^\w\s]+)")


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of words in ``text[start:end]``."""
    return len(WORD_RE.findall(text, start, len(text) if end is None else end))


def shorten(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` characters, else its first ``limit - 1`` and "…"."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
