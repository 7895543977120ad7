"""Quotations in a paragraph: text between quote marks of any style, of at least 4 words.

Double marks of every common style pair up: “…” (English), „…“ and „…” (German, Polish),
«…» and »…« (French, Russian, German), single angle marks (U+2039 … U+203A), "…"
(typewriter), ”…” (Swedish), 「…」 (CJK). Single marks (U+2018 … U+2019, or ASCII ') count only
when they are clearly a quote, never an apostrophe: opening after a space, a bracket, a dash
or the paragraph's start and before a letter, and closing before a space, punctuation or the
end; apostrophes inside ("don't", "Russia's", typographic too) are read through. Single
marks inside a double-marked quotation are not quotations of their own. A quotation's offsets
cover the quoted text inside the marks, without the spaces and the trailing comma, colon or
dash that punctuate the sentence around it. This is the one place quotations are found (the
helper of ``compare.content_terms`` moved here). Must not import Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader_app.core.text import WORD_RE

MIN_QUOTE_WORDS = 4
_OPENERS_AND_CLOSERS = "\"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d"
_INNER = rf"[^{_OPENERS_AND_CLOSERS}]+?"
# (opening mark, closing marks) of every double style; the inner text holds no double mark.
_DOUBLE_STYLES = (
    ("\u201c", "\u201d"),  # “…”
    ("\u201e", "\u201c\u201d"),  # „…“ „…”
    ("\u00ab", "\u00bb"),  # «…»
    ("\u00bb", "\u00ab"),  # »…«
    ("\u2039", "\u203a"),  # single angle marks
    ('"', '"'),
    ("\u201d", "\u201d"),  # ”…”
    ("\u300c", "\u300d"),  # 「…」
)
_DOUBLE_RE = re.compile(
    "|".join(f"{re.escape(opening)}({_INNER})[{re.escape(closing)}]"
             for opening, closing in _DOUBLE_STYLES)
)
# Single marks: an opening mark after a space, bracket, dash or colon (or the start) and
# before a letter; inside, a mark followed by a letter is an apostrophe; the closing mark
# follows a letter or punctuation and precedes no letter or digit.
_SINGLE_RE = re.compile(
    r"(?<![^\s(\[\u2014\u2013:])(?:\u2018((?=[^\W\d_])(?:[^\u2018\u2019\n]|\u2019(?=\w))+?)"
    r"(?<=[\w.,!?;\u2026])\u2019(?!\w)"
    r"|'((?=[^\W\d_])(?:[^'\n]|'(?=\w))+?)(?<=[\w.,!?;\u2026])'(?!\w))"
)
_TRIMMED_END = " \t\n,;:\u2014\u2013-"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Where a quotation stands: its marks (``open_at``, ``close_end``) and the quoted text
    (``start``, ``end``, inside the marks, trimmed)."""

    open_at: int
    start: int
    end: int
    close_end: int


def quotations(text: str, start: int, end: int) -> list[QuoteSpan]:
    """The quotations of ``text[start:end]`` (a paragraph) of at least 4 words, in order."""
    doubles = [span for m in _DOUBLE_RE.finditer(text, start, end) if (span := _span(m))]
    found = list(doubles)
    cursor = start
    for outer in [*doubles, None]:
        stop = end if outer is None else outer.open_at
        found += [span for m in _SINGLE_RE.finditer(text, cursor, stop) if (span := _span(m))]
        cursor = end if outer is None else outer.close_end
    found.sort(key=lambda span: span.start)
    return [span for span in found if len(WORD_RE.findall(text, span.start, span.end))
            >= MIN_QUOTE_WORDS]


def _span(match: re.Match[str]) -> QuoteSpan | None:
    group = match.lastindex or 0
    inner_start, inner_end = match.span(group)
    quoted = match.string[inner_start:inner_end]
    trimmed = quoted.rstrip(_TRIMMED_END)
    leading = len(quoted) - len(quoted.lstrip())
    if len(trimmed) <= leading:
        return None
    return QuoteSpan(match.start(), inner_start + leading, inner_start + len(trimmed),
                     match.end())
